//! Group commit for report writes. Concurrent reports are queued and
//! written together: one Lua script call per batch on a single server, one
//! per service on a cluster (a script's keys must share a slot, and every
//! key of a service does). Each caller is answered only after Redis has
//! acknowledged the script that holds its report, so no acknowledged
//! report can be lost to a batch still in memory.
//!
//! There is no timer: a batch is whatever queued while the previous ones
//! were on the wire, so a lone report goes out at once and a flood goes out
//! in few, large round trips. The batch is folded before it reaches Redis:
//! the counters of reports that share a bucket are summed here, and the
//! script writes each hash of a (service, minute) group with one `HMGET`
//! and one `HSET` of the sums (or an `HINCRBY` per field when there are
//! two or fewer), each HyperLogLog with one `PFADD`, and the network and
//! ASN summaries, which share one hash per bucket, with one `HMGET` and
//! one `HSET` of the merged counters; what is per report stays per report:
//! the reporter's dedupe marker (one `SET … NX`), which decides whether
//! its fields stay in the sums. So a (service, minute) group costs about
//! twelve commands per batch, whatever its size, and a report one more.
//! The script returns how many commands it ran, which the writer counts
//! in the metrics (`downwatch_redis_report_commands_total`).

use super::super::networks::{NETWORKS_KEPT, NETWORKS_MAX};
use super::super::{Recorded, Resolution, StoreError, keys};
use super::conn::RedisConn;
use crate::metrics::StoreMetrics;
use futures_util::future::join_all;
use redis::Script;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Semaphore, mpsc, oneshot};

/// KEYS: for each bucket group g (1-based) eight keys at 8g-7 … 8g: minute,
/// quarter and hour hash, minute and hour HyperLogLog, minute and hour
/// summary hash (the network and the ASN summary, see
/// [`super::super::keys::networks_key`]), the service's first complete
/// quarter; then two keys per report: its dedupe marker and its marker
/// under the previous day's secret (the same key again when no marker of
/// the previous day can still hold, which saves its read).
/// ARGV: minute ttl, hour ttl, networks kept after a prune, networks held
/// before one, number of groups, then per group: the quarter after the
/// group's (what the first complete quarter becomes if none was set),
/// number of fields, its fields with the number of the batch's reports
/// counting in each (`t` first), number of networks, its network fields
/// (`n:<hash>`) with their counts likewise, number of ASNs, its ASN fields
/// (`a:<country>:<asn>`) likewise, number of reporters, its reporters; then
/// per report: group, now (unix seconds), dedupe period (0 = count it
/// whatever came before), network budget (0 = none), the index of its
/// network in its group's (0 = none), the index of its ASN in its group's
/// (0 = none), number of fields, the indexes of its fields in its group's.
///
/// The counters arrive summed over the batch, so a counted report costs
/// the script its dedupe marker and nothing else; only a repeat takes its
/// fields back out of the sums. A report that would count but whose
/// network has already counted its budget this minute (its counter in the
/// minute's network summary: every process's reports, and this batch's
/// before it) is not counted either, and leaves no dedupe marker: the
/// network budget holds across processes at the cost of one `HMGET` per
/// group and batch (the group's networks in the minute summary, read once
/// and reused to write that summary). A heavy network is always in the
/// summary, so the budget holds for the networks that could exceed it.
/// Returns 1 (counted), 0 (a repeat) or 2 (over the network budget) per
/// report, in order, then the number of Redis commands the script ran.
/// Reports are judged in order, so a repeat inside one batch is caught
/// too. A marker holds the virtual time it lapses at, so
/// replays dedupe like live traffic; its Redis TTL only cleans it up. A
/// reporter joins the HyperLogLogs whether or not the report counts.
/// Bucket hashes get their TTL when they are created (every counted report
/// counts in `t`, so `t` ending at the batch's sum means a new hash), and
/// each HyperLogLog is made and given its TTL with its hash (or, in a batch
/// of repeats alone, when `PFADD` made or changed it). Network summaries
/// and ASN summaries (with their counter counts `k` and `ak`, so that no
/// `HLEN` is needed) are Misra–Gries summaries, pruned exactly as
/// [`NetworkSummary`] prunes (see [`super::super::networks`]).
///
/// [`NetworkSummary`]: super::super::NetworkSummary
const RECORD_BATCH_LUA: &str = r"
local minute_ttl, hour_ttl = ARGV[1], ARGV[2]
local kept, held = tonumber(ARGV[3]), tonumber(ARGV[4])
local groups = tonumber(ARGV[5])
local fields, counts, nets, net_counts, reporters, quarters = {}, {}, {}, {}, {}, {}
local asns, asn_counts = {}, {}
-- Redis commands this call made, returned after the results.
local calls = 0
local function call(...)
  calls = calls + 1
  return redis.call(...)
end
local a = 6
-- Reads n names with their counts from ARGV at a; returns them and the
-- next position.
local function pairs_at(a)
  local n = tonumber(ARGV[a])
  local f, c = {}, {}
  for j = 1, n do
    f[j] = ARGV[a + 2 * j - 1]
    c[j] = tonumber(ARGV[a + 2 * j])
  end
  return f, c, a + 1 + 2 * n
end
for g = 1, groups do
  quarters[g] = ARGV[a]
  fields[g], counts[g], a = pairs_at(a + 1)
  nets[g], net_counts[g], a = pairs_at(a)
  asns[g], asn_counts[g], a = pairs_at(a)
  local r = tonumber(ARGV[a])
  reporters[g] = {a + 1, a + r}
  a = a + 1 + r
end
-- A number from a reply, nil for a missing field (false).
local function num(x)
  if x then
    return tonumber(x)
  end
  return nil
end
-- The two summaries a summary hash holds: the networks' ('t', 'k',
-- 'n:…') and the ASNs' ('at', 'ak', 'a:…').
local TOTALS, SIZES, PREFIXES = {'t', 'at'}, {'k', 'ak'}, {'n:', 'a:'}
-- Reads both summaries' totals, counter counts and the counters named in
-- fs (one list of names per summary), in one HMGET:
-- {{t = .., k = .., v = {..}}, {..}}, nil for what is not there.
local function read_summary(key, fs)
  local ask = {'t', 'k', 'at', 'ak'}
  for p = 1, 2 do
    for j = 1, #fs[p] do
      ask[#ask + 1] = fs[p][j]
    end
  end
  local got = call('HMGET', key, unpack(ask))
  local out, at = {}, 5
  for p = 1, 2 do
    local v = {}
    for j = 1, #fs[p] do
      v[j] = num(got[at])
      at = at + 1
    end
    out[p] = {t = num(got[2 * p - 1]), k = num(got[2 * p]), v = v}
  end
  return out
end
-- The minute network summary of each group as it stood before this
-- call, read once, when a network budget first needs it.
local minute_nets = {}
local results = {}
local marker = 8 * groups
local used = {}
local i = 0
while a <= #ARGV do
  i = i + 1
  local g = tonumber(ARGV[a])
  local period = tonumber(ARGV[a + 2])
  local budget = tonumber(ARGV[a + 3])
  local net = tonumber(ARGV[a + 4])
  local asn = tonumber(ARGV[a + 5])
  local n = tonumber(ARGV[a + 6])
  local counted = 1
  local seen, previous = KEYS[marker + 2 * i - 1], KEYS[marker + 2 * i]
  if period > 0 then
    local now = tonumber(ARGV[a + 1])
    if previous ~= seen and tonumber(call('GET', previous) or '0') > now then
      counted = 0
    elseif not call('SET', seen, now + period, 'EX', period, 'NX') then
      -- A marker is there: it holds unless it has lapsed in (virtual) time.
      if tonumber(call('GET', seen) or '0') > now then
        counted = 0
      else
        call('SET', seen, now + period, 'EX', period)
      end
    end
  end
  if counted == 1 and budget > 0 and net > 0 then
    -- The network's count this minute in its summary (every process's
    -- reports), plus this batch's before this one.
    local key = g .. ':' .. net
    local so_far = used[key]
    if so_far == nil then
      if minute_nets[g] == nil then
        minute_nets[g] = read_summary(KEYS[8 * g - 2], {nets[g], asns[g]})
      end
      so_far = minute_nets[g][1].v[net] or 0
    end
    if so_far >= budget then
      counted = 2
      if period > 0 then
        call('DEL', seen)
      end
    else
      used[key] = so_far + 1
    end
  end
  if counted ~= 1 then
    local c = counts[g]
    for j = a + 7, a + 6 + n do
      local k = tonumber(ARGV[j])
      c[k] = c[k] - 1
    end
    if net > 0 then
      net_counts[g][net] = net_counts[g][net] - 1
    end
    if asn > 0 then
      asn_counts[g][asn] = asn_counts[g][asn] - 1
    end
  end
  results[i] = counted
  a = a + 7 + n
end
-- Adds the batch's sums into a bucket hash, 't' first; returns whether
-- the hash was made here (then it gets its TTL). Two or fewer counters
-- are one HINCRBY each ('t' ending at this batch's sum means a new hash);
-- more are one HMGET and one HSET of the sums, whatever their number
-- (the script runs alone, so nothing changes them in between).
local function add(key, f, c, ttl)
  local names, by = {}, {}
  for j = 1, #f do
    if c[j] > 0 then
      names[#names + 1], by[#by + 1] = f[j], c[j]
    end
  end
  local made
  if #names <= 2 then
    made = call('HINCRBY', key, names[1], by[1]) == by[1]
    if names[2] then
      call('HINCRBY', key, names[2], by[2])
    end
  else
    local got = call('HMGET', key, unpack(names))
    made = not got[1]
    local out = {}
    for j = 1, #names do
      out[2 * j - 1], out[2 * j] = names[j], (num(got[j]) or 0) + by[j]
    end
    call('HSET', key, unpack(out))
  end
  if made then
    call('EXPIRE', key, ttl)
  end
  return made
end
-- Adds the group's reporters to a bucket's HyperLogLog, one PFADD with
-- all of them. The HyperLogLog is made (if need be with no reporter) and
-- given its TTL with its hash, so the two live and lapse together; a
-- batch of repeats alone, which makes no hash, gives it its TTL when
-- PFADD made or changed it.
local function join(key, r, ttl, made, counted)
  if made then
    call('PFADD', key, unpack(ARGV, r[1], r[2]))
    call('EXPIRE', key, ttl)
  elseif r[2] >= r[1] then
    local changed = call('PFADD', key, unpack(ARGV, r[1], r[2]))
    if changed == 1 and not counted then
      call('EXPIRE', key, ttl)
    end
  end
end
-- Counts the batch's networks and ASNs into a summary hash. Each of its
-- two summaries has its total ('t', 'at': the reports that carried a
-- network, an ASN) and its counter count ('k', 'ak'). While both stay
-- within 'held' counters that is one HMGET (shared with the network
-- budget's read) and one HSET of the new values; when one would pass it,
-- the hash is read whole, that summary merged and pruned (the
-- (kept+1)-th largest count taken from every counter, those left at zero
-- dropped), and both written back with one HSET (and one HDEL of the
-- dropped counters).
local function count_summaries(key, fs, cs, ttl, stored)
  local totals, any = {}, false
  for p = 1, 2 do
    totals[p] = 0
    for j = 1, #fs[p] do
      totals[p] = totals[p] + cs[p][j]
    end
    any = any or totals[p] > 0
  end
  if not any then
    return
  end
  stored = stored or read_summary(key, fs)
  local out, gone, over = {}, {}, {}
  for p = 1, 2 do
    local s, f, c = stored[p], fs[p], cs[p]
    if totals[p] > 0 then
      local size = s.k
      if size == nil then
        -- Written before summaries kept their size (and before the ASN
        -- summary shared the hash): count it.
        size = (p == 1 and s.t) and (call('HLEN', key) - 1) or 0
      end
      local fresh, new = {}, 0
      for j = 1, #f do
        if c[j] > 0 then
          if s.v[j] == nil then
            new = new + 1
          end
          fresh[#fresh + 1] = f[j]
          fresh[#fresh + 1] = (s.v[j] or 0) + c[j]
        end
      end
      if size + new <= held then
        out[#out + 1], out[#out + 2] = TOTALS[p], (s.t or 0) + totals[p]
        out[#out + 1], out[#out + 2] = SIZES[p], size + new
        for j = 1, #fresh do
          out[#out + 1] = fresh[j]
        end
      else
        over[#over + 1] = p
      end
    end
  end
  if #over > 0 then
    local all = call('HGETALL', key)
    for _, p in ipairs(over) do
      local f, c, prefix = fs[p], cs[p], PREFIXES[p]
      local merged, names = {}, {}
      local reports = totals[p]
      for j = 1, #all, 2 do
        if all[j] == TOTALS[p] then
          reports = reports + tonumber(all[j + 1])
        elseif string.sub(all[j], 1, 2) == prefix then
          merged[all[j]] = tonumber(all[j + 1])
          names[#names + 1] = all[j]
        end
      end
      for j = 1, #f do
        if c[j] > 0 then
          if merged[f[j]] == nil then
            merged[f[j]] = 0
            names[#names + 1] = f[j]
          end
          merged[f[j]] = merged[f[j]] + c[j]
        end
      end
      local cut = 0
      if #names > held then
        local values = {}
        for j = 1, #names do
          values[j] = merged[names[j]]
        end
        table.sort(values, function(x, y) return x > y end)
        cut = values[kept + 1]
      end
      local size = 0
      for j = 1, #names do
        local v = merged[names[j]] - cut
        if v > 0 then
          out[#out + 1], out[#out + 2] = names[j], v
          size = size + 1
        else
          gone[#gone + 1] = names[j]
        end
      end
      out[#out + 1], out[#out + 2] = TOTALS[p], reports
      out[#out + 1], out[#out + 2] = SIZES[p], size
    end
  end
  -- Overwritten in place, so a hash that was there keeps its TTL.
  call('HSET', key, unpack(out))
  if #gone > 0 then
    call('HDEL', key, unpack(gone))
  end
  if stored[1].t == nil and stored[2].t == nil then
    call('EXPIRE', key, ttl)
  end
end
for g = 1, groups do
  local base = 8 * (g - 1)
  local f, c, r = fields[g], counts[g], reporters[g]
  -- 't' is every group's first field: no counted report, no write.
  local counted = c[1] > 0
  local minute_made, hour_made = false, false
  if counted then
    minute_made = add(KEYS[base + 1], f, c, minute_ttl)
    -- The first write of this layout makes a quarter hash (none existed
    -- before it): the quarter after it is the first complete one.
    if add(KEYS[base + 2], f, c, minute_ttl) then
      call('SET', KEYS[base + 8], quarters[g], 'NX')
    end
    hour_made = add(KEYS[base + 3], f, c, hour_ttl)
    local fs, cs = {nets[g], asns[g]}, {net_counts[g], asn_counts[g]}
    count_summaries(KEYS[base + 6], fs, cs, minute_ttl, minute_nets[g])
    count_summaries(KEYS[base + 7], fs, cs, hour_ttl)
  end
  join(KEYS[base + 4], r, minute_ttl, minute_made, counted)
  join(KEYS[base + 5], r, hour_ttl, hour_made, counted)
end
results[#results + 1] = calls
return results
";

/// Most reports in one script call: bounds the time Redis spends in one
/// script and the size of one request.
const MAX_BATCH: usize = 512;
/// Batches of one writer on the wire at once. More than one keeps Redis
/// busy while the answer to the previous batch travels back; more than two
/// per writer (one writer per actix worker) wrote no faster in the load
/// benchmark and only queue more scripts in Redis ahead of other clients'
/// commands (the detector's reads).
const MAX_IN_FLIGHT: usize = 2;
/// Reports waiting for a batch. When it is full, callers wait for room (and
/// give up with 503 at the store's call timeout) instead of queueing
/// without bound.
const QUEUE: usize = 16_384;

/// One report, ready for the script.
pub struct Write {
    pub service: String,
    pub minute: i64,
    pub quarter: i64,
    pub hour: i64,
    pub seen_key: String,
    pub previous_key: String,
    pub now: i64,
    /// The keyed hash of the reporter, "" when unknown.
    pub reporter: String,
    /// Seconds the reporter is not counted again; 0 = no dedupe.
    pub dedupe_secs: u64,
    pub fields: Vec<String>,
    /// The network's counter in the network summaries (`n:<hash>`).
    pub network: Option<String>,
    /// Counted reports a minute the report's network may make (0: no cap).
    pub network_budget: u32,
    /// The report's counter in the ASN summaries (`a:<country>:<asn>`).
    pub asn: Option<String>,
}

/// Names counted in a batch, in first-seen order, with the number of the
/// batch's reports counting in each.
#[derive(Default)]
struct Tally<'a> {
    names: Vec<(&'a str, u32)>,
    index: HashMap<&'a str, usize>,
}

impl<'a> Tally<'a> {
    /// Counts one report in `name`; returns its 1-based index.
    fn count(&mut self, name: &'a str) -> usize {
        let next = self.names.len() + 1;
        let i = *self.index.entry(name).or_insert(next);
        if i == next {
            self.names.push((name, 0));
        }
        self.names[i - 1].1 += 1;
        i
    }
}

/// The summed counters, networks and reporters of one bucket group (a
/// service's minute, quarter and hour) within a batch.
struct GroupTable<'a> {
    /// See [`RECORD_BATCH_LUA`].
    keys: [String; 8],
    /// The quarter after this group's.
    next_quarter: i64,
    /// `t` first.
    fields: Tally<'a>,
    networks: Tally<'a>,
    asns: Tally<'a>,
    reporters: Vec<&'a str>,
}

impl<'a> GroupTable<'a> {
    fn new(w: &Write) -> Self {
        let s = &w.service;
        Self {
            keys: [
                keys::bucket_key(s, Resolution::Minute, w.minute),
                keys::bucket_key(s, Resolution::Quarter, w.quarter),
                keys::bucket_key(s, Resolution::Hour, w.hour),
                keys::reporters_key(s, Resolution::Minute, w.minute),
                keys::reporters_key(s, Resolution::Hour, w.hour),
                keys::networks_key(s, Resolution::Minute, w.minute),
                keys::networks_key(s, Resolution::Hour, w.hour),
                keys::quarters_key(s),
            ],
            next_quarter: w.quarter + 1,
            fields: Tally {
                names: vec![(keys::TOTAL, 0)],
                index: HashMap::from([(keys::TOTAL, 1)]),
            },
            networks: Tally::default(),
            asns: Tally::default(),
            reporters: Vec::new(),
        }
    }
}

struct Pending {
    write: Write,
    reply: oneshot::Sender<Result<Recorded, StoreError>>,
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
    metrics: Option<StoreMetrics>,
}

impl Batcher {
    /// Starts the batching task on the current Tokio runtime.
    /// Its Redis commands and round trips go to `metrics`.
    pub fn spawn(conn: RedisConn, timeout: Duration, metrics: Option<StoreMetrics>) -> Self {
        let (queue, rx) = mpsc::channel(QUEUE);
        let writer = Arc::new(Writer {
            conn,
            script: Script::new(RECORD_BATCH_LUA),
            timeout,
            metrics,
        });
        tokio::spawn(run(rx, writer));
        Self { queue }
    }

    /// Its task has ended (its runtime is gone).
    pub fn is_stopped(&self) -> bool {
        self.queue.is_closed()
    }

    /// Queues `write` and waits until Redis has stored it: true when it
    /// counted, false for a repeat.
    pub async fn write(&self, write: Write) -> Result<Recorded, StoreError> {
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
        let mut groups: HashMap<(&str, i64), usize> = HashMap::new();
        let mut tables: Vec<GroupTable> = Vec::new();
        let mut reports: Vec<Vec<u8>> = Vec::new();
        for p in &batch {
            let w = &p.write;
            let g = *groups
                .entry((w.service.as_str(), w.minute))
                .or_insert_with(|| {
                    tables.push(GroupTable::new(w));
                    tables.len()
                });
            let table = &mut tables[g - 1];
            if !w.reporter.is_empty() {
                table.reporters.push(&w.reporter);
            }
            let network = w.network.as_deref().map_or(0, |n| table.networks.count(n));
            reports.push(g.to_string().into_bytes());
            reports.push(w.now.to_string().into_bytes());
            reports.push(w.dedupe_secs.to_string().into_bytes());
            reports.push(w.network_budget.to_string().into_bytes());
            reports.push(network.to_string().into_bytes());
            let asn = w.asn.as_deref().map_or(0, |a| table.asns.count(a));
            reports.push(asn.to_string().into_bytes());
            reports.push(w.fields.len().to_string().into_bytes());
            for f in &w.fields {
                reports.push(table.fields.count(f).to_string().into_bytes());
            }
        }
        let mut invocation = self.script.prepare_invoke();
        for t in &tables {
            invocation.key(&t.keys);
        }
        for p in &batch {
            invocation.key(&p.write.seen_key).key(&p.write.previous_key);
        }
        invocation
            .arg(keys::MINUTE_RETENTION_SECS)
            .arg(keys::HOUR_RETENTION_SECS)
            .arg(NETWORKS_KEPT)
            .arg(NETWORKS_MAX)
            .arg(tables.len());
        for t in &tables {
            invocation.arg(t.next_quarter);
            for tally in [&t.fields, &t.networks, &t.asns] {
                invocation.arg(tally.names.len());
                for (name, n) in &tally.names {
                    invocation.arg(*name).arg(*n);
                }
            }
            invocation.arg(t.reporters.len());
            for r in &t.reporters {
                invocation.arg(*r);
            }
        }
        for a in reports {
            invocation.arg(a);
        }
        let mut conn = self.conn.clone();
        let call = async {
            match invocation.invoke_async(&mut conn).await {
                // A connection that broke while idle (Redis restarted) fails
                // the first command sent on it, before Redis saw the script;
                // the manager reconnects, and one more try goes through.
                Err(e) if e.is_connection_dropped() => invocation.invoke_async(&mut conn).await,
                other => other,
            }
        };
        let outcome: Result<Vec<i64>, StoreError> =
            match tokio::time::timeout(self.timeout, call).await {
                Ok(Ok(v)) => Ok(v),
                Ok(Err(e)) => Err(super::classify(e)),
                Err(_) => Err(StoreError::Unavailable(
                    "Redis did not answer in time".into(),
                )),
            };
        match outcome {
            Ok(mut counted) if counted.len() == batch.len() + 1 => {
                // The script's own commands come last; the call is one more.
                let commands = counted.pop().unwrap_or(0).max(0) as u64 + 1;
                if let Some(m) = &self.metrics {
                    m.write_commands.inc_by(commands);
                    m.write_round_trips.inc();
                    m.reports_written.inc_by(batch.len() as u64);
                }
                for (p, c) in batch.into_iter().zip(counted) {
                    let _ = p.reply.send(Ok(match c {
                        1 => Recorded::COUNTED,
                        2 => Recorded::OVER_BUDGET,
                        _ => Recorded::REPEAT,
                    }));
                }
            }
            Ok(counted) => {
                let message = format!(
                    "the record script answered {} results for {} reports",
                    counted.len().saturating_sub(1),
                    batch.len()
                );
                for p in batch {
                    let _ = p.reply.send(Err(StoreError::backend(message.clone())));
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
