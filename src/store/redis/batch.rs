//! Group commit for report writes. Concurrent reports are queued and
//! written together: one Lua script call per batch on a single server, one
//! per service on a cluster (a script's keys must share a slot, and every
//! key of a service does). Each caller is answered only after Redis has
//! acknowledged the script that holds its report, so no acknowledged
//! report can be lost to a batch still in memory.
//!
//! There is no timer: a batch is whatever queued while the previous ones
//! were on the wire, so a lone report goes out at once and a flood goes
//! out in few, large round trips. The batch is folded before it reaches
//! Redis: the counters of reports that share a bucket are summed here, and
//! the script writes each hash of a (service, minute) group with one
//! `HMGET` and one `HSET` of the sums, the minute and the hour hash with
//! their network and ASN summaries inside, and each HyperLogLog with one
//! `PFADD`; what is per report stays per report: the reporter's dedupe
//! marker (one `SET … NX`), which decides whether its fields stay in the
//! sums. So a (service, minute) group costs eight commands per batch,
//! whatever its size, and a report one more. The script returns how many
//! commands it ran, which the writer counts in the metrics
//! (`downwatch_redis_report_commands_total`).

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

/// KEYS: for each bucket group g (1-based) six keys at 6g-5 … 6g: minute,
/// quarter and hour hash (the minute and the hour hash hold the bucket's
/// network and ASN summaries too, see [`super::super::keys::SUMMARY_MARK`]),
/// minute and hour HyperLogLog, the service's first complete quarter; then
/// two keys per report: its dedupe marker and its marker under the
/// previous day's secret (the same key again when no marker of the
/// previous day can still hold, which saves its read).
/// ARGV: minute ttl, hour ttl, networks kept after a prune, networks held
/// before one, number of groups, then per group: the quarter after the
/// group's (what the first complete quarter becomes if none was set),
/// number of fields, its fields with the number of the batch's reports
/// counting in each (`t` first), number of networks, its network fields
/// (`~n:<hash>`) with their counts likewise, number of ASNs, its ASN fields
/// (`~a:<country>:<asn>`) likewise, number of reporters, its reporters; then
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
/// network budget holds across processes at no command of its own (the
/// group's networks in the minute summary are read with the minute hash's
/// counters, once, and that read is reused to write the hash). Markers
/// under the previous day's secret are read with one `MGET` per batch. A heavy network is always in the
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
/// and ASN summaries (with their counter counts `~k` and `~ak`, so that no
/// `HLEN` is needed) are Misra–Gries summaries, pruned exactly as
/// [`NetworkSummary`] prunes (see [`super::super::networks`]).
///
/// [`NetworkSummary`]: super::super::NetworkSummary
const RECORD_BATCH_LUA: &str = include_str!("batch.lua");

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
    /// The network's counter in the network summaries (`~n:<hash>`).
    pub network: Option<String>,
    /// Counted reports a minute the report's network may make (0: no cap).
    pub network_budget: u32,
    /// The report's counter in the ASN summaries (`~a:<country>:<asn>`).
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
    keys: [String; 6],
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
        drain(&mut rx, &mut batch);
        // A caller that gave up (timed out) was told 503: do not count it.
        batch.retain(|p| !p.reply.is_closed());
        let writer = writer.clone();
        tokio::spawn(async move {
            writer.write(batch).await;
            drop(slot);
        });
    }
}

/// Moves what has queued into `batch`, up to [`MAX_BATCH`].
fn drain(rx: &mut mpsc::Receiver<Pending>, batch: &mut Vec<Pending>) {
    while batch.len() < MAX_BATCH {
        match rx.try_recv() {
            Ok(p) => batch.push(p),
            Err(_) => break,
        }
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
