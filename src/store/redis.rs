//! The product's store: Redis, one server or a cluster ([`conn`]). Reports
//! are written in batches ([`batch`]): one atomic Lua script call covers the
//! counters and dedupe checks of many reports. Reads are pipelined per
//! service. Keys follow [`super::keys`]; every multi-key command stays
//! inside one service's hash tag, so all of it works on a cluster.

mod batch;
mod conn;
mod follow;
mod per_thread;

use super::{Bucket, NetworkSummary, Recorded, Resolution, Store, StoreError, keys};
pub use crate::config::defaults::DEFAULT_MAX_PENDING;
use crate::ingest::Report;
use crate::metrics::StoreMetrics;
use async_trait::async_trait;
use batch::Write;
use chrono::{DateTime, Utc};
use conn::RedisConn;
use futures_util::future::try_join_all;
use per_thread::Writers;
use redis::{AsyncCommands, ErrorKind, RedisError, Script, ServerErrorKind};
use std::collections::HashMap;
use std::future::Future;
use std::ops::Range;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// KEYS: lease. ARGV: owner, ttl ms. Takes a free lease or renews our own.
const LEASE_LUA: &str = r"
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
const DETECTORS_LUA: &str = r"
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
const CLAIM_LUA: &str = r"
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[3])
local until_ms = tonumber(ARGV[1]) + tonumber(ARGV[2])
for _, member in ipairs(due) do
  redis.call('ZADD', KEYS[1], until_ms, member)
end
return due
";

/// KEYS: a service's webhooks (or followers) hash. ARGV: id, JSON, the
/// most the service may have. Saves unless the cap is reached; 1 when saved.
const CAPPED_PUT_LUA: &str = r"
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 0
  and redis.call('HLEN', KEYS[1]) >= tonumber(ARGV[3]) then
  return 0
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return 1
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
/// KEYS: the day's secret key. ARGV: candidate, ttl. Redis 6 has no
/// `SET … NX GET`, hence a script.
const SECRET_LUA: &str = r"
redis.call('SET', KEYS[1], ARGV[1], 'NX', 'EX', ARGV[2])
return redis.call('GET', KEYS[1])
";

/// A day's secret is kept two days: it is needed on the day after too,
/// to recognise a reporter whose dedupe period spans midnight.
const SECRET_TTL_SECS: u64 = 2 * 24 * 3600;

/// How long one store call may take before the request gives up with 503.
const CALL_TIMEOUT: Duration = Duration::from_secs(3);

/// Fields asked of Redis per `HSCAN` step when reading a bucket. Buckets
/// written before network summaries had keys of their own hold a field per
/// network that reported, hundreds of thousands of them in a flood, and one
/// `HGETALL` of such a hash holds up every other client of Redis, report
/// writes included, for milliseconds; read in steps, the writes go on
/// between them. (A bucket now holds regions, symptoms and map cells only.)
const SCAN_STEP: usize = 1000;

/// [`Store`] on a Redis server.
#[derive(Clone)]
pub struct RedisStore {
    conn: RedisConn,
    writers: Arc<Writers>,
    lease_script: Script,
    detectors_script: Script,
    secret_script: Script,
    claim_script: Script,
    capped_put_script: Script,
    follow_scripts: follow::FollowScripts,
    dedupe_secs: u64,
    url: String,
    metrics: Option<StoreMetrics>,
    pending: Arc<tokio::sync::Semaphore>,
    /// Each service's first complete quarter, once known (it never changes).
    quarters_from: Arc<std::sync::Mutex<HashMap<String, i64>>>,
}

impl RedisStore {
    /// The summaries at `keys`, in order: the counters named
    /// `<prefix>…`, with the reports in `total`. A summary holds at most
    /// NETWORKS_MAX + 1 fields: one HGETALL each.
    /// Whole hashes (or their fields that match `pattern`), read in steps
    /// (HSCAN), together: a first page of each, then the next page of
    /// those with more, until none has.
    async fn scan_hashes(
        &self,
        keys: &[String],
        pattern: Option<&str>,
    ) -> Result<Vec<Bucket>, StoreError> {
        let mut hashes = vec![Bucket::new(); keys.len()];
        let mut cursors: Vec<(usize, u64)> = (0..keys.len()).map(|i| (i, 0)).collect();
        while !cursors.is_empty() {
            let mut pipe = redis::pipe();
            for &(i, cursor) in &cursors {
                let step = pipe.cmd("HSCAN").arg(&keys[i]).arg(cursor);
                if let Some(pattern) = pattern {
                    step.arg("MATCH").arg(pattern);
                }
                step.arg("COUNT").arg(SCAN_STEP);
            }
            let mut conn = self.conn.clone();
            let pages: Vec<(u64, Bucket)> = self.call(pipe.query_async(&mut conn)).await?;
            let mut more = Vec::new();
            for (&(i, _), (cursor, fields)) in cursors.iter().zip(pages) {
                // HSCAN may return a field twice: the later value stands.
                hashes[i].extend(fields);
                if cursor != 0 {
                    more.push((i, cursor));
                }
            }
            cursors = more;
        }
        Ok(hashes)
    }

    /// The summary fields of the bucket hashes of `ids` (see
    /// [`keys::SUMMARY_MARK`]), under their names in a summary hash of
    /// their own, beside those kept in such a hash before they moved
    /// ([`keys::networks_key`]): (in the bucket, of old) for each id.
    async fn summary_fields(
        &self,
        service: &str,
        res: Resolution,
        ids: &[i64],
    ) -> Result<Vec<(Bucket, Bucket)>, StoreError> {
        let buckets: Vec<String> = ids
            .iter()
            .map(|&id| keys::bucket_key(service, res, id))
            .collect();
        let mut pipe = redis::pipe();
        for &id in ids {
            pipe.hgetall(keys::networks_key(service, res, id));
        }
        let mut conn = self.conn.clone();
        // Only the summary fields come back: Redis steps over the others.
        let pattern = format!("{}*", keys::SUMMARY_MARK);
        let (inside, old) =
            futures_util::try_join!(self.scan_hashes(&buckets, Some(&pattern)), async {
                if ids.is_empty() {
                    return Ok(Vec::new());
                }
                self.call(pipe.query_async::<Vec<Bucket>>(&mut conn)).await
            })?;
        Ok(inside
            .into_iter()
            .map(|b| {
                b.into_iter()
                    .filter_map(|(k, v)| Some((k.strip_prefix(keys::SUMMARY_MARK)?.to_string(), v)))
                    .collect()
            })
            .zip(old)
            .collect())
    }

    /// Prepares a store on `url` (one server, or a cluster: see [`conn`])
    /// without connecting: the connection is made on first use and remade
    /// after failures, so the server starts (and answers 503) while Redis is
    /// down and recovers by itself. Reports are written by one batching
    /// task per thread that records them, each on that thread's runtime
    /// and its own connection ([`per_thread`]).
    pub fn new(url: &str, dedupe_secs: u64) -> Result<Self, StoreError> {
        let conn = RedisConn::open(url)?;
        Ok(Self {
            writers: Arc::new(Writers::new(url, CALL_TIMEOUT)),
            conn,
            lease_script: Script::new(LEASE_LUA),
            detectors_script: Script::new(DETECTORS_LUA),
            secret_script: Script::new(SECRET_LUA),
            claim_script: Script::new(CLAIM_LUA),
            capped_put_script: Script::new(CAPPED_PUT_LUA),
            follow_scripts: follow::FollowScripts::default(),
            dedupe_secs,
            url: redact(url),
            metrics: None,
            pending: Arc::new(tokio::sync::Semaphore::new(DEFAULT_MAX_PENDING)),
            quarters_from: Arc::default(),
        })
    }

    /// Lets at most `max` calls wait on Redis at once (at least one).
    pub fn with_max_pending(mut self, max: usize) -> Self {
        self.pending = Arc::new(tokio::sync::Semaphore::new(max.max(1)));
        self
    }

    /// Reports every call's latency and failures to `metrics`.
    pub fn with_metrics(mut self, metrics: StoreMetrics) -> Self {
        self.writers.set_metrics(metrics.clone());
        self.metrics = Some(metrics);
        self
    }

    async fn call<T>(
        &self,
        fut: impl Future<Output = Result<T, RedisError>>,
    ) -> Result<T, StoreError> {
        self.bounded(async { fut.await.map_err(classify) }).await
    }

    /// Runs one store operation under the limits every one shares: at most
    /// `max_pending` at once (more fail at once), each within
    /// [`CALL_TIMEOUT`]; reports its latency and failures to the metrics.
    async fn bounded<T>(
        &self,
        fut: impl Future<Output = Result<T, StoreError>>,
    ) -> Result<T, StoreError> {
        let started = Instant::now();
        let (result, failure) = match self.pending.try_acquire() {
            Err(_) => (
                Err(StoreError::Unavailable(
                    "too many Redis calls waiting".into(),
                )),
                Some("overloaded"),
            ),
            Ok(_permit) => match tokio::time::timeout(CALL_TIMEOUT, fut).await {
                Ok(Ok(v)) => (Ok(v), None),
                Ok(Err(e)) => {
                    let kind = match e {
                        StoreError::Unavailable(_) => Some("unavailable"),
                        StoreError::Backend(_) => Some("backend"),
                        StoreError::OutOfRange(_) => None,
                    };
                    (Err(e), kind)
                }
                Err(_) => (
                    Err(StoreError::Unavailable(
                        "Redis did not answer in time".into(),
                    )),
                    Some("timeout"),
                ),
            },
        };
        if let Some(metrics) = &self.metrics {
            metrics.observe(started, failure);
        }
        result
    }
}

/// A network or ASN summary as stored: `total` and `<prefix><name>`
/// counters.
fn summary_with_prefix(mut fields: Bucket, prefix: &str, total: &str) -> NetworkSummary {
    let reports = fields.remove(total).unwrap_or(0);
    let counters = fields
        .into_iter()
        .filter_map(|(k, v)| k.strip_prefix(prefix).map(|n| (n.to_string(), v)))
        .collect();
    NetworkSummary::from_parts(reports, counters)
}

fn relock<T>(m: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// The URL without its password, for logs.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            format!("{}://***@{}", &url[..scheme], &url[at + 1..])
        }
        _ => url.to_string(),
    }
}

pub(super) fn classify(e: RedisError) -> StoreError {
    let transient = e.is_io_error()
        || e.is_timeout()
        || e.is_connection_dropped()
        || e.is_connection_refusal()
        || matches!(
            e.kind(),
            ErrorKind::Server(
                ServerErrorKind::BusyLoading
                    | ServerErrorKind::TryAgain
                    | ServerErrorKind::ClusterDown
                    | ServerErrorKind::MasterDown
                    | ServerErrorKind::ReadOnly
            )
        );
    if transient {
        StoreError::Unavailable(e.to_string())
    } else {
        StoreError::backend(e)
    }
}

#[async_trait]
impl Store for RedisStore {
    async fn record(&self, report: &Report, at: DateTime<Utc>) -> Result<Recorded, StoreError> {
        let service = &report.service;
        let (seen_key, dedupe_secs) = match &report.reporter {
            Some(r) if self.dedupe_secs > 0 => (keys::seen_key(service, r), self.dedupe_secs),
            _ => (keys::seen_key(service, "-"), 0),
        };
        // A marker made under yesterday's secret can only still hold in
        // the first dedupe period of the day (UTC, as the secrets are).
        let early_in_the_day = at.timestamp().rem_euclid(86_400) < dedupe_secs as i64;
        let previous_key = match &report.previous_reporter {
            Some(r) if dedupe_secs > 0 && early_in_the_day => keys::seen_key(service, r),
            _ => seen_key.clone(),
        };
        let write = Write {
            service: service.clone(),
            minute: Resolution::Minute.bucket_of(at),
            quarter: Resolution::Quarter.bucket_of(at),
            hour: Resolution::Hour.bucket_of(at),
            seen_key,
            previous_key,
            now: at.timestamp(),
            reporter: report.reporter.clone().unwrap_or_default(),
            dedupe_secs,
            network_budget: report.network_budget,
            fields: keys::fields_of(report),
            network: report
                .network
                .as_deref()
                .map(|n| keys::in_bucket(&keys::network_field(n))),
            asn: report.asn.map(|asn| {
                let name = keys::asn_name(report.region.country.as_deref(), asn);
                keys::in_bucket(&keys::asn_field(&name))
            }),
        };
        // The writer gives up on Redis at the call timeout; the bound
        // covers the wait for room in its queue too.
        self.bounded(self.writers.write(write)).await
    }

    async fn buckets(
        &self,
        service: &str,
        res: Resolution,
        ids: Range<i64>,
    ) -> Result<Vec<Bucket>, StoreError> {
        let keys: Vec<String> = ids.map(|id| keys::bucket_key(service, res, id)).collect();
        let mut buckets = self.scan_hashes(&keys, None).await?;
        // The summaries the hash holds are read by `networks` and `asns`.
        for b in &mut buckets {
            b.retain(|field, _| !field.starts_with(keys::SUMMARY_MARK));
        }
        Ok(buckets)
    }

    async fn field(
        &self,
        service: &str,
        res: Resolution,
        ids: Range<i64>,
        field: &str,
    ) -> Result<Vec<u64>, StoreError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let mut pipe = redis::pipe();
        for id in ids {
            pipe.hget(keys::bucket_key(service, res, id), field);
        }
        let mut conn = self.conn.clone();
        let values: Vec<Option<u64>> = self.call(pipe.query_async(&mut conn)).await?;
        Ok(values.into_iter().map(|v| v.unwrap_or(0)).collect())
    }

    async fn networks(
        &self,
        service: &str,
        res: Resolution,
        ids: Range<i64>,
    ) -> Result<Vec<NetworkSummary>, StoreError> {
        // In the bucket hash, and (for buckets written before the summaries
        // moved there) in the summary hash of old.
        let ids: Vec<i64> = ids.collect();
        let stored = self.summary_fields(service, res, &ids).await?;
        Ok(stored
            .into_iter()
            .map(|(inside, old)| {
                let summary =
                    |s| summary_with_prefix(s, keys::NETWORK_PREFIX, keys::NETWORK_REPORTS);
                let mut s = summary(inside);
                if !old.is_empty() {
                    s.merge(&summary(old));
                }
                s
            })
            .collect())
    }

    async fn asns(
        &self,
        service: &str,
        res: Resolution,
        ids: Range<i64>,
    ) -> Result<Vec<NetworkSummary>, StoreError> {
        // In the bucket hash, in the summary hash of old, and (for buckets
        // written before the ASN summary joined that) in a key of its own.
        let ids: Vec<i64> = ids.collect();
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let mut pipe = redis::pipe();
        for &id in &ids {
            pipe.hgetall(keys::asns_key(service, res, id));
        }
        let mut conn = self.conn.clone();
        let (stored, oldest) = futures_util::try_join!(
            self.summary_fields(service, res, &ids),
            self.call(pipe.query_async::<Vec<Bucket>>(&mut conn))
        )?;
        Ok(stored
            .into_iter()
            .zip(oldest)
            .map(|((inside, old), oldest)| {
                let shared = |s| summary_with_prefix(s, keys::ASN_PREFIX, keys::ASN_REPORTS);
                let mut s = shared(inside);
                if !old.is_empty() {
                    s.merge(&shared(old));
                }
                if !oldest.is_empty() {
                    s.merge(&summary_with_prefix(
                        oldest,
                        keys::ASN_PREFIX,
                        keys::NETWORK_REPORTS,
                    ));
                }
                s
            })
            .collect())
    }

    async fn quarters_complete_from(&self, service: &str) -> Result<Option<i64>, StoreError> {
        if let Some(&from) = relock(&self.quarters_from).get(service) {
            return Ok(Some(from));
        }
        let mut conn = self.conn.clone();
        let from: Option<i64> = self.call(conn.get(keys::quarters_key(service))).await?;
        // Set once (SET NX) and never changed: safe to keep for good.
        if let Some(from) = from {
            relock(&self.quarters_from).insert(service.to_string(), from);
        }
        Ok(from)
    }

    async fn try_lease(&self, service: &str, owner: &str, ttl_ms: u64) -> Result<bool, StoreError> {
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
    ) -> Result<bool, StoreError> {
        let mut invocation = self.lease_script.prepare_invoke();
        invocation
            .key(keys::task_lease_key(service, task))
            .arg(owner)
            .arg(ttl_ms);
        let mut conn = self.conn.clone();
        let held: i64 = self.call(invocation.invoke_async(&mut conn)).await?;
        Ok(held == 1)
    }

    async fn live_detectors(&self, owner: &str, ttl_ms: u64) -> Result<Vec<String>, StoreError> {
        let mut invocation = self.detectors_script.prepare_invoke();
        invocation.key(keys::DETECTORS_KEY).arg(owner).arg(ttl_ms);
        let mut conn = self.conn.clone();
        let mut live: Vec<String> = self.call(invocation.invoke_async(&mut conn)).await?;
        live.sort();
        Ok(live)
    }

    async fn get_doc(&self, service: &str, name: &str) -> Result<Option<String>, StoreError> {
        let mut conn = self.conn.clone();
        self.call(conn.get(keys::doc_key(service, name))).await
    }

    async fn get_docs(
        &self,
        services: &[&str],
        name: &str,
    ) -> Result<Vec<Option<String>>, StoreError> {
        if services.is_empty() {
            return Ok(Vec::new());
        }
        // One GET per key: keys of different services live on different
        // cluster slots, so no MGET, and on a cluster no shared pipeline.
        if self.conn.is_cluster() {
            let gets = services.iter().map(|s| {
                let mut conn = self.conn.clone();
                let key = keys::doc_key(s, name);
                async move { self.call(conn.get::<_, Option<String>>(key)).await }
            });
            return try_join_all(gets).await;
        }
        let mut pipe = redis::pipe();
        for s in services {
            pipe.get(keys::doc_key(s, name));
        }
        let mut conn = self.conn.clone();
        self.call(pipe.query_async(&mut conn)).await
    }

    async fn put_doc(&self, service: &str, name: &str, json: &str) -> Result<(), StoreError> {
        let mut conn = self.conn.clone();
        self.call(conn.set::<_, _, ()>(keys::doc_key(service, name), json))
            .await
    }

    async fn put_incident(
        &self,
        service: &str,
        id: &str,
        started_at: i64,
        json: &str,
    ) -> Result<(), StoreError> {
        let mut pipe = redis::pipe();
        pipe.atomic()
            .hset(keys::incidents_key(service), id, json)
            .ignore()
            .zadd(keys::incident_index_key(service), id, started_at)
            .ignore();
        let mut conn = self.conn.clone();
        self.call(pipe.query_async::<()>(&mut conn)).await
    }

    async fn get_incident(&self, service: &str, id: &str) -> Result<Option<String>, StoreError> {
        let mut conn = self.conn.clone();
        self.call(conn.hget(keys::incidents_key(service), id)).await
    }

    async fn list_incidents(&self, service: &str, limit: usize) -> Result<Vec<String>, StoreError> {
        if limit == 0 {
            return Ok(Vec::new());
        }
        let mut conn = self.conn.clone();
        let ids: Vec<String> = self
            .call(conn.zrevrange(keys::incident_index_key(service), 0, limit as isize - 1))
            .await?;
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let jsons: Vec<Option<String>> = self
            .call(
                redis::cmd("HMGET")
                    .arg(keys::incidents_key(service))
                    .arg(&ids)
                    .query_async(&mut conn),
            )
            .await?;
        Ok(jsons.into_iter().flatten().collect())
    }

    async fn add_incident_update(
        &self,
        service: &str,
        id: &str,
        json: &str,
    ) -> Result<(), StoreError> {
        let key = keys::incident_updates_key(service, id);
        let mut pipe = redis::pipe();
        pipe.atomic()
            .rpush(&key, json)
            .ignore()
            .ltrim(&key, -(keys::UPDATES_KEPT as isize), -1)
            .ignore();
        let mut conn = self.conn.clone();
        self.call(pipe.query_async::<()>(&mut conn)).await
    }

    async fn incident_updates(
        &self,
        service: &str,
        ids: &[&str],
    ) -> Result<Vec<Vec<String>>, StoreError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        // Every key carries the service's hash tag: one slot, one pipeline.
        let mut pipe = redis::pipe();
        for id in ids {
            pipe.lrange(keys::incident_updates_key(service, id), 0, -1);
        }
        let mut conn = self.conn.clone();
        self.call(pipe.query_async(&mut conn)).await
    }

    async fn put_webhook(
        &self,
        service: &str,
        id: &str,
        json: &str,
        max: usize,
    ) -> Result<bool, StoreError> {
        self.capped_put(keys::webhooks_key(service), id, json, max)
            .await
    }

    async fn delete_webhook(&self, service: &str, id: &str) -> Result<bool, StoreError> {
        let mut conn = self.conn.clone();
        let removed: i64 = self
            .call(conn.hdel(keys::webhooks_key(service), id))
            .await?;
        Ok(removed > 0)
    }

    async fn list_webhooks(&self, service: &str) -> Result<Vec<String>, StoreError> {
        let mut conn = self.conn.clone();
        self.call(conn.hvals(keys::webhooks_key(service))).await
    }

    async fn enqueue_delivery(&self, due_ms: i64, json: &str) -> Result<(), StoreError> {
        let mut conn = self.conn.clone();
        self.call(conn.zadd::<_, _, _, ()>(keys::DELIVERIES_KEY, json, due_ms))
            .await
    }

    async fn claim_deliveries(
        &self,
        now_ms: i64,
        lease_ms: i64,
        limit: usize,
    ) -> Result<Vec<String>, StoreError> {
        let mut invocation = self.claim_script.prepare_invoke();
        invocation
            .key(keys::DELIVERIES_KEY)
            .arg(now_ms)
            .arg(lease_ms)
            .arg(limit);
        let mut conn = self.conn.clone();
        self.call(invocation.invoke_async(&mut conn)).await
    }

    async fn finish_delivery(
        &self,
        json: &str,
        retry: Option<(i64, &str)>,
    ) -> Result<(), StoreError> {
        let mut pipe = redis::pipe();
        pipe.atomic().zrem(keys::DELIVERIES_KEY, json).ignore();
        if let Some((due_ms, next)) = retry {
            pipe.zadd(keys::DELIVERIES_KEY, next, due_ms).ignore();
        }
        let mut conn = self.conn.clone();
        self.call(pipe.query_async::<()>(&mut conn)).await
    }

    async fn put_follower(
        &self,
        service: &str,
        id: &str,
        json: &str,
        max: usize,
    ) -> Result<bool, StoreError> {
        self.follow_put(service, id, json, max).await
    }

    async fn get_follower(&self, service: &str, id: &str) -> Result<Option<String>, StoreError> {
        self.follow_get(service, id).await
    }

    async fn delete_follower(&self, service: &str, id: &str) -> Result<bool, StoreError> {
        self.follow_delete(service, id).await
    }

    async fn list_followers(&self, service: &str) -> Result<Vec<String>, StoreError> {
        self.follow_list(service).await
    }

    async fn take_slot(
        &self,
        set: &str,
        member: &str,
        until_ms: i64,
        now_ms: i64,
        max: usize,
    ) -> Result<bool, StoreError> {
        self.slot_take(set, member, until_ms, now_ms, max).await
    }

    async fn release_slot(&self, set: &str, member: &str) -> Result<(), StoreError> {
        self.slot_release(set, member).await
    }

    async fn expired_slots(
        &self,
        set: &str,
        now_ms: i64,
        limit: usize,
    ) -> Result<Vec<String>, StoreError> {
        self.slots_expired(set, now_ms, limit).await
    }

    async fn shared_secret(&self, name: &str, candidate: &str) -> Result<String, StoreError> {
        self.secret_shared(name, candidate).await
    }

    async fn append_event(&self, json: &str) -> Result<String, StoreError> {
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

    async fn changes(&self) -> Result<u64, StoreError> {
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
    ) -> Result<Vec<(String, String)>, StoreError> {
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

    async fn distinct_reporters(
        &self,
        service: &str,
        spans: &[(Resolution, Range<i64>)],
    ) -> Result<u64, StoreError> {
        let keys: Vec<String> = spans
            .iter()
            .flat_map(|(res, ids)| {
                ids.clone()
                    .map(move |id| keys::reporters_key(service, *res, id))
            })
            .collect();
        if keys.is_empty() {
            return Ok(0);
        }
        let mut conn = self.conn.clone();
        self.call(redis::cmd("PFCOUNT").arg(keys).query_async(&mut conn))
            .await
    }

    async fn daily_secret(&self, day: &str, candidate: &str) -> Result<String, StoreError> {
        let mut invocation = self.secret_script.prepare_invoke();
        invocation
            .key(keys::secret_key(day))
            .arg(candidate)
            .arg(SECRET_TTL_SECS);
        let mut conn = self.conn.clone();
        self.call(invocation.invoke_async(&mut conn)).await
    }

    async fn ping(&self) -> Result<(), StoreError> {
        let mut conn = self.conn.clone();
        let _: String = self.call(redis::cmd("PING").query_async(&mut conn)).await?;
        Ok(())
    }

    fn describe(&self) -> String {
        format!("redis at {}", self.url)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_redacted() {
        assert_eq!(
            redact("redis://:secret@host:6379/0"),
            "redis://***@host:6379/0"
        );
        assert_eq!(redact("redis://127.0.0.1:6379"), "redis://127.0.0.1:6379");
    }
}
