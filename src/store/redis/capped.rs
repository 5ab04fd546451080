//! The Redis store's capped document sets (webhooks and followers: a hash
//! per service, the cap checked by script), capped slot sets (sorted sets
//! by expiry on the `{follow}` slot) and secrets (plain keys).

use super::super::{CappedDocs, CappedSet, Member, Secrets, Slots, StoreResult, keys};
use super::RedisStore;
use async_trait::async_trait;
use redis::{AsyncCommands, Script};

/// KEYS: a service's webhooks (or followers) hash. ARGV: id, JSON, the
/// most the service may have. Saves unless the cap is reached; 1 when saved.
pub(super) const CAPPED_PUT_LUA: &str = r"
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0
  and redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[3]) then
  return 0
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return 1
";

/// KEYS: the day's secret key. ARGV: candidate, ttl. Redis 6 has no
/// `SET … NX GET`, hence a script.
pub(super) const SECRET_LUA: &str = r"
redis.call('SET', KEYS[1], ARGV[1], 'NX', 'EX', ARGV[2])
return redis.call('GET', KEYS[1])
";

/// A day's secret is kept two days: it is needed on the day after too,
/// to recognise a reporter whose dedupe period spans midnight.
const SECRET_TTL_SECS: u64 = 2 * 24 * 3600;

/// KEYS: a capped set. ARGV: member, until ms, now ms, max. Members more
/// than a week past their end are dropped; the key expires a week after
/// its last member's end.
const TAKE_SLOT_LUA: &str = r"
local now = tonumber(ARGV[3])
if not redis.call('ZSCORE', KEYS[1], ARGV[1])
  and redis.call('ZCOUNT', KEYS[1], '(' .. now, '+inf') >= tonumber(ARGV[4]) then
  return 0
end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - 604800000)
local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
local ttl = math.max(tonumber(last[2]) - now, 0) + 604800000
redis.call('PEXPIRE', KEYS[1], math.floor(ttl))
return 1
";

/// KEYS: a capped set. ARGV: now ms, limit. Removes and returns the
/// members whose end has come.
const EXPIRED_SLOTS_LUA: &str = r"
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[2])
if #due > 0 then
  redis.call('ZREM', KEYS[1], unpack(due))
end
return due
";

/// KEYS: the secret. ARGV: candidate. Sets it unless set; returns it.
const SHARED_SECRET_LUA: &str = r"
if redis.call('SET', KEYS[1], ARGV[1], 'NX') then
  return ARGV[1]
end
return redis.call('GET', KEYS[1])
";

/// The scripts, prepared once per store.
#[derive(Clone)]
pub(super) struct FollowScripts {
    take: Script,
    expired: Script,
    secret: Script,
}

impl Default for FollowScripts {
    fn default() -> Self {
        Self {
            take: Script::new(TAKE_SLOT_LUA),
            expired: Script::new(EXPIRED_SLOTS_LUA),
            secret: Script::new(SHARED_SECRET_LUA),
        }
    }
}

/// The key of `service`'s hash in `set`.
fn set_key(set: CappedSet, service: &str) -> String {
    match set {
        CappedSet::Webhooks => keys::webhooks_key(service),
        CappedSet::Followers => keys::followers_key(service),
    }
}

#[async_trait]
impl CappedDocs for RedisStore {
    async fn put_member(&self, at: Member<'_>, json: &str, max: usize) -> StoreResult<bool> {
        let mut invocation = self.capped_put_script.prepare_invoke();
        invocation
            .key(set_key(at.set, at.service))
            .arg(at.id)
            .arg(json)
            .arg(max);
        let mut conn = self.conn.clone();
        let saved: i64 = self.call(invocation.invoke_async(&mut conn)).await?;
        Ok(saved == 1)
    }

    async fn get_member(&self, at: Member<'_>) -> StoreResult<Option<String>> {
        let mut conn = self.conn.clone();
        self.call(conn.hget(set_key(at.set, at.service), at.id))
            .await
    }

    async fn delete_member(&self, at: Member<'_>) -> StoreResult<bool> {
        let mut conn = self.conn.clone();
        let removed: i64 = self
            .call(conn.hdel(set_key(at.set, at.service), at.id))
            .await?;
        Ok(removed > 0)
    }

    async fn list_members(&self, set: CappedSet, service: &str) -> StoreResult<Vec<String>> {
        let mut conn = self.conn.clone();
        self.call(conn.hvals(set_key(set, service))).await
    }
}

#[async_trait]
impl Slots for RedisStore {
    async fn take_slot(
        &self,
        set: &str,
        member: &str,
        until_ms: i64,
        now_ms: i64,
        max: usize,
    ) -> StoreResult<bool> {
        let mut invocation = self.follow_scripts.take.prepare_invoke();
        invocation
            .key(keys::slots_key(set))
            .arg(member)
            .arg(until_ms)
            .arg(now_ms)
            .arg(max);
        let mut conn = self.conn.clone();
        let taken: i64 = self.call(invocation.invoke_async(&mut conn)).await?;
        Ok(taken == 1)
    }

    async fn release_slot(&self, set: &str, member: &str) -> StoreResult<()> {
        let mut conn = self.conn.clone();
        self.call(conn.zrem::<_, _, ()>(keys::slots_key(set), member))
            .await
    }

    async fn expired_slots(
        &self,
        set: &str,
        now_ms: i64,
        limit: usize,
    ) -> StoreResult<Vec<String>> {
        let mut invocation = self.follow_scripts.expired.prepare_invoke();
        invocation.key(keys::slots_key(set)).arg(now_ms).arg(limit);
        let mut conn = self.conn.clone();
        self.call(invocation.invoke_async(&mut conn)).await
    }
}

#[async_trait]
impl Secrets for RedisStore {
    async fn shared_secret(&self, name: &str, candidate: &str) -> StoreResult<String> {
        let mut invocation = self.follow_scripts.secret.prepare_invoke();
        invocation.key(keys::shared_secret_key(name)).arg(candidate);
        let mut conn = self.conn.clone();
        self.call(invocation.invoke_async(&mut conn)).await
    }

    async fn daily_secret(&self, day: &str, candidate: &str) -> StoreResult<String> {
        let mut invocation = self.secret_script.prepare_invoke();
        invocation
            .key(keys::secret_key(day))
            .arg(candidate)
            .arg(SECRET_TTL_SECS);
        let mut conn = self.conn.clone();
        self.call(invocation.invoke_async(&mut conn)).await
    }
}
