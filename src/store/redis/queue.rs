//! Leases, the delivery queue and the event log on Redis: leases are
//! keys with a TTL taken by script, deliveries a sorted set by due time
//! claimed by script, events a capped stream beside a change counter.

use super::super::{DeliveryQueue, EventLog, Leases, StoreResult, keys};
use super::RedisStore;
use async_trait::async_trait;
use redis::AsyncCommands;

/// KEYS: lease. ARGV: owner, ttl ms. Takes a free lease or renews our own.
pub(super) const LEASE_LUA: &str = r"
local holder = redis.call('GET', KEYS[1])
if holder == false or holder == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
return 0
";

/// KEYS: the live detectors set. ARGV: owner, ttl ms. Records when the
/// owner's heartbeat lapses, forgets lapsed ones and lists the rest. Uses
/// Redis's clock, so processes with skewed clocks still agree.
pub(super) const DETECTORS_LUA: &str = r"
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]) * 2)
return redis.call('ZRANGE', KEYS[1], 0, -1)
";

/// KEYS: the deliveries sorted set. ARGV: now ms, lease ms, limit.
/// Takes the due deliveries and pushes their due time past the lease, in
/// one step, so no other process can claim them meanwhile.
pub(super) const CLAIM_LUA: &str = r"
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[3])
local until_ms = tonumber(ARGV[1]) + tonumber(ARGV[2])
for _, member in ipairs(due) do
  redis.call('ZADD', KEYS[1], until_ms, member)
end
return due
";

/// A stream entry id: "<ms>-<seq>".
fn is_stream_id(id: &str) -> bool {
    let number = |s: &str| !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit());
    id.split_once('-').is_some_and(|(a, b)| {
        number(a) && number(b) && a.parse::<u64>().is_ok() && b.parse::<u64>().is_ok()
    })
}

/// The last id a stream can have: nothing comes after it (and Redis
/// refuses it as an exclusive start).
const LAST_STREAM_ID: &str = "18446744073709551615-18446744073709551615";

#[async_trait]
impl Leases for RedisStore {
    async fn try_lease(&self, service: &str, owner: &str, ttl_ms: u64) -> StoreResult<bool> {
        let mut invocation = self.lease_script.prepare_invoke();
        invocation
            .key(keys::lease_key(service))
            .arg(owner)
            .arg(ttl_ms);
        let mut conn = self.conn.clone();
        let held: i64 = self.call(invocation.invoke_async(&mut conn)).await?;
        Ok(held == 1)
    }

    async fn try_task_lease(
        &self,
        service: &str,
        task: &str,
        owner: &str,
        ttl_ms: u64,
    ) -> StoreResult<bool> {
        let mut invocation = self.lease_script.prepare_invoke();
        invocation
            .key(keys::task_lease_key(service, task))
            .arg(owner)
            .arg(ttl_ms);
        let mut conn = self.conn.clone();
        let held: i64 = self.call(invocation.invoke_async(&mut conn)).await?;
        Ok(held == 1)
    }

    async fn live_detectors(&self, owner: &str, ttl_ms: u64) -> StoreResult<Vec<String>> {
        let mut invocation = self.detectors_script.prepare_invoke();
        invocation.key(keys::DETECTORS_KEY).arg(owner).arg(ttl_ms);
        let mut conn = self.conn.clone();
        let mut live: Vec<String> = self.call(invocation.invoke_async(&mut conn)).await?;
        live.sort();
        Ok(live)
    }
}

#[async_trait]
impl DeliveryQueue for RedisStore {
    async fn enqueue_delivery(&self, due_ms: i64, json: &str) -> StoreResult<()> {
        let mut conn = self.conn.clone();
        self.call(conn.zadd::<_, _, _, ()>(keys::DELIVERIES_KEY, json, due_ms))
            .await
    }

    async fn claim_deliveries(
        &self,
        now_ms: i64,
        lease_ms: i64,
        limit: usize,
    ) -> StoreResult<Vec<String>> {
        let mut invocation = self.claim_script.prepare_invoke();
        invocation
            .key(keys::DELIVERIES_KEY)
            .arg(now_ms)
            .arg(lease_ms)
            .arg(limit);
        let mut conn = self.conn.clone();
        self.call(invocation.invoke_async(&mut conn)).await
    }

    async fn finish_delivery(&self, json: &str, retry: Option<(i64, &str)>) -> StoreResult<()> {
        let mut pipe = redis::pipe();
        pipe.atomic().zrem(keys::DELIVERIES_KEY, json).ignore();
        if let Some((due_ms, next)) = retry {
            pipe.zadd(keys::DELIVERIES_KEY, next, due_ms).ignore();
        }
        let mut conn = self.conn.clone();
        self.call(pipe.query_async::<()>(&mut conn)).await
    }
}

#[async_trait]
impl EventLog for RedisStore {
    async fn append_event(&self, json: &str) -> StoreResult<String> {
        let mut pipe = redis::pipe();
        pipe.atomic()
            .cmd("XADD")
            .arg(keys::EVENTS_KEY)
            .arg("MAXLEN")
            .arg("~")
            .arg(keys::EVENTS_KEPT)
            .arg("*")
            .arg("event")
            .arg(json)
            .incr(keys::CHANGES_KEY, 1)
            .ignore();
        let mut conn = self.conn.clone();
        let (id,): (String,) = self.call(pipe.query_async(&mut conn)).await?;
        Ok(id)
    }

    async fn changes(&self) -> StoreResult<u64> {
        let mut conn = self.conn.clone();
        let n: Option<u64> = self
            .call(
                redis::cmd("GET")
                    .arg(keys::CHANGES_KEY)
                    .query_async(&mut conn),
            )
            .await?;
        Ok(n.unwrap_or(0))
    }

    async fn read_events(
        &self,
        after: Option<&str>,
        limit: usize,
    ) -> StoreResult<Vec<(String, String)>> {
        let start = match after {
            Some(LAST_STREAM_ID) => return Ok(Vec::new()),
            Some(id) if is_stream_id(id) => format!("({id}"),
            Some(_) => return Ok(Vec::new()),
            None => "-".to_string(),
        };
        let mut conn = self.conn.clone();
        let entries: Vec<(String, Vec<(String, String)>)> = self
            .call(
                redis::cmd("XRANGE")
                    .arg(keys::EVENTS_KEY)
                    .arg(start)
                    .arg("+")
                    .arg("COUNT")
                    .arg(limit)
                    .query_async(&mut conn),
            )
            .await?;
        Ok(entries
            .into_iter()
            .filter_map(|(id, fields)| {
                fields
                    .into_iter()
                    .find(|(k, _)| k == "event")
                    .map(|(_, v)| (id, v))
            })
            .collect())
    }
}
