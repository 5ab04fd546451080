//! Group commit for report writes. Concurrent reports are queued and
//! written together: one Lua script call per batch on a single server, one
//! per service on a cluster (a script's keys must share a slot, and every
//! key of a service does). Each caller is answered only after Redis has
//! acknowledged the script that holds its report, so no acknowledged
//! report can be lost to a batch still in memory.
//!
//! There is no timer: a batch is whatever queued while the previous ones
//! were on the wire, so a lone report goes out at once and a flood goes out
//! in few, large round trips. Inside the script, the counters of reports
//! that share a bucket are summed before they are written, so a flood on
//! one service costs a handful of `HINCRBY`s per batch, not per report.

use super::super::{Resolution, StoreError, keys};
use super::conn::RedisConn;
use futures_util::future::join_all;
use redis::Script;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Semaphore, mpsc, oneshot};

/// KEYS: for each bucket group g (1-based) four keys at 4g-3 … 4g: minute
/// hash, hour hash, minute HyperLogLog, hour HyperLogLog; then two keys per
/// report: its dedupe marker and its marker under the previous day's
/// secret (the same key again when no marker of the previous day can
/// still hold, which saves its read).
/// ARGV: minute ttl, hour ttl, number of groups, then per report: group,
/// now (unix seconds), reporter hash ("" = none), dedupe period (0 = count
/// it whatever came before), number of fields, fields…
///
/// Returns 1 (counted) or 0 (a repeat) per report, in order. Reports are
/// judged in order, so a repeat inside one batch is caught too. A marker
/// holds the virtual time it lapses at, so replays dedupe like live
/// traffic; its Redis TTL only cleans it up. A reporter joins the
/// HyperLogLogs whether or not the report counts. Bucket hashes get their
/// TTL when they are created (every counted report counts in `t`, so a
/// `t` equal to the batch's tally means a new hash); HyperLogLogs, which
/// repeats create too, on every write.
const RECORD_BATCH_LUA: &str = r"
local minute_ttl, hour_ttl = ARGV[1], ARGV[2]
local groups = tonumber(ARGV[3])
local counts, reporters = {}, {}
for g = 1, groups do
  counts[g] = {}
  reporters[g] = {}
end
local results = {}
local marker = 4 * groups
local a, i = 4, 0
while a <= #ARGV do
  i = i + 1
  local g = tonumber(ARGV[a])
  local now = tonumber(ARGV[a + 1])
  local reporter = ARGV[a + 2]
  local period = tonumber(ARGV[a + 3])
  local n = tonumber(ARGV[a + 4])
  local counted = 1
  if reporter ~= '' then
    table.insert(reporters[g], reporter)
  end
  if period > 0 then
    local seen, previous = KEYS[marker + 2 * i - 1], KEYS[marker + 2 * i]
    local lapses = tonumber(redis.call('GET', seen) or '0')
    local before = 0
    if previous ~= seen then
      before = tonumber(redis.call('GET', previous) or '0')
    end
    if lapses > now or before > now then
      counted = 0
    else
      redis.call('SET', seen, now + period, 'EX', period)
    end
  end
  if counted == 1 then
    local c = counts[g]
    for j = a + 5, a + 4 + n do
      c[ARGV[j]] = (c[ARGV[j]] or 0) + 1
    end
  end
  results[i] = counted
  a = a + 5 + n
end
for g = 1, groups do
  local base = 4 * (g - 1)
  -- Every counted report counts in 't', so 't' ending at this batch's
  -- tally means the hash was created here: only then does it need its TTL.
  local total = counts[g]['t']
  if total then
    if redis.call('HINCRBY', KEYS[base + 1], 't', total) == total then
      redis.call('EXPIRE', KEYS[base + 1], minute_ttl)
    end
    if redis.call('HINCRBY', KEYS[base + 2], 't', total) == total then
      redis.call('EXPIRE', KEYS[base + 2], hour_ttl)
    end
  end
  for field, n in pairs(counts[g]) do
    if field ~= 't' then
      redis.call('HINCRBY', KEYS[base + 1], field, n)
      redis.call('HINCRBY', KEYS[base + 2], field, n)
    end
  end
  if #reporters[g] > 0 then
    redis.call('PFADD', KEYS[base + 3], unpack(reporters[g]))
    redis.call('PFADD', KEYS[base + 4], unpack(reporters[g]))
    redis.call('EXPIRE', KEYS[base + 3], minute_ttl)
    redis.call('EXPIRE', KEYS[base + 4], hour_ttl)
  end
end
return results
";

/// Most reports in one script call: bounds the time Redis spends in one
/// script and the size of one request.
const MAX_BATCH: usize = 512;
/// Batches on the wire at once. More than one keeps Redis busy while the
/// answer to the previous batch travels back.
const MAX_IN_FLIGHT: usize = 4;
/// Reports waiting for a batch. When it is full, callers wait for room (and
/// give up with 503 at the store's call timeout) instead of queueing
/// without bound.
const QUEUE: usize = 16_384;

/// One report, ready for the script.
pub struct Write {
    pub service: String,
    pub minute: i64,
    pub hour: i64,
    pub seen_key: String,
    pub previous_key: String,
    pub now: i64,
    /// The keyed hash of the reporter, "" when unknown.
    pub reporter: String,
    /// Seconds the reporter is not counted again; 0 = no dedupe.
    pub dedupe_secs: u64,
    pub fields: Vec<String>,
}

struct Pending {
    write: Write,
    reply: oneshot::Sender<Result<bool, StoreError>>,
}

/// The handle requests write through; the batching task runs until every
/// handle is dropped.
#[derive(Clone)]
pub struct Batcher {
    queue: mpsc::Sender<Pending>,
}

struct Writer {
    conn: RedisConn,
    script: Script,
    timeout: Duration,
}

impl Batcher {
    /// Starts the batching task on the current Tokio runtime.
    pub fn spawn(conn: RedisConn, timeout: Duration) -> Self {
        let (queue, rx) = mpsc::channel(QUEUE);
        let writer = Arc::new(Writer {
            conn,
            script: Script::new(RECORD_BATCH_LUA),
            timeout,
        });
        tokio::spawn(run(rx, writer));
        Self { queue }
    }

    /// Queues `write` and waits until Redis has stored it: true when it
    /// counted, false for a repeat.
    pub async fn write(&self, write: Write) -> Result<bool, StoreError> {
        let (reply, answer) = oneshot::channel();
        self.queue
            .send(Pending { write, reply })
            .await
            .map_err(|_| stopped())?;
        answer.await.map_err(|_| stopped())?
    }
}

fn stopped() -> StoreError {
    StoreError::Unavailable("the report writer has stopped".into())
}

async fn run(mut rx: mpsc::Receiver<Pending>, writer: Arc<Writer>) {
    let slots = Arc::new(Semaphore::new(MAX_IN_FLIGHT));
    loop {
        let Ok(slot) = slots.clone().acquire_owned().await else {
            return;
        };
        let Some(first) = rx.recv().await else {
            return;
        };
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match rx.try_recv() {
                Ok(p) => batch.push(p),
                Err(_) => break,
            }
        }
        // A caller that gave up (timed out) was told 503: do not count it.
        batch.retain(|p| !p.reply.is_closed());
        let writer = writer.clone();
        tokio::spawn(async move {
            writer.write(batch).await;
            drop(slot);
        });
    }
}

impl Writer {
    async fn write(&self, batch: Vec<Pending>) {
        if batch.is_empty() {
            return;
        }
        if !self.conn.is_cluster() {
            return self.write_script(batch).await;
        }
        let mut by_service: HashMap<String, Vec<Pending>> = HashMap::new();
        for p in batch {
            by_service
                .entry(p.write.service.clone())
                .or_default()
                .push(p);
        }
        join_all(by_service.into_values().map(|b| self.write_script(b))).await;
    }

    /// One script call for `batch`; every caller gets its own answer.
    async fn write_script(&self, batch: Vec<Pending>) {
        let mut groups: HashMap<(&str, i64, i64), usize> = HashMap::new();
        let mut group_keys: Vec<String> = Vec::new();
        let mut args: Vec<Vec<u8>> = Vec::new();
        for p in &batch {
            let w = &p.write;
            let next = groups.len() + 1;
            let g = *groups
                .entry((w.service.as_str(), w.minute, w.hour))
                .or_insert_with(|| {
                    group_keys.extend([
                        keys::bucket_key(&w.service, Resolution::Minute, w.minute),
                        keys::bucket_key(&w.service, Resolution::Hour, w.hour),
                        keys::reporters_key(&w.service, Resolution::Minute, w.minute),
                        keys::reporters_key(&w.service, Resolution::Hour, w.hour),
                    ]);
                    next
                });
            args.push(g.to_string().into_bytes());
            args.push(w.now.to_string().into_bytes());
            args.push(w.reporter.clone().into_bytes());
            args.push(w.dedupe_secs.to_string().into_bytes());
            args.push(w.fields.len().to_string().into_bytes());
            args.extend(w.fields.iter().map(|f| f.clone().into_bytes()));
        }
        let mut invocation = self.script.prepare_invoke();
        for k in &group_keys {
            invocation.key(k);
        }
        for p in &batch {
            invocation.key(&p.write.seen_key).key(&p.write.previous_key);
        }
        invocation
            .arg(keys::MINUTE_RETENTION_SECS)
            .arg(keys::HOUR_RETENTION_SECS)
            .arg(groups.len());
        for a in args {
            invocation.arg(a);
        }
        let mut conn = self.conn.clone();
        let outcome: Result<Vec<i64>, StoreError> =
            match tokio::time::timeout(self.timeout, invocation.invoke_async(&mut conn)).await {
                Ok(Ok(v)) => Ok(v),
                Ok(Err(e)) => Err(super::classify(e)),
                Err(_) => Err(StoreError::Unavailable(
                    "Redis did not answer in time".into(),
                )),
            };
        match outcome {
            Ok(counted) if counted.len() == batch.len() => {
                for (p, c) in batch.into_iter().zip(counted) {
                    let _ = p.reply.send(Ok(c == 1));
                }
            }
            Ok(counted) => {
                let message = format!(
                    "the record script answered {} results for {} reports",
                    counted.len(),
                    batch.len()
                );
                for p in batch {
                    let _ = p.reply.send(Err(StoreError::Backend(message.clone())));
                }
            }
            Err(e) => {
                for p in batch {
                    let _ = p.reply.send(Err(e.clone()));
                }
            }
        }
    }
}
