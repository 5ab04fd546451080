//! The embedded store: the same buckets as Redis, in one process's memory.
//! A cheap-to-clone handle around a `std::sync::Mutex` that is never held
//! across an `.await` (the mini-redis `Db` pattern).

mod capped;
mod docs;

use super::{Bucket, Counts, NetworkSummary, Recorded, Resolution, Store, StoreResult, keys};
use crate::ingest::Report;
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::ops::Range;
use std::sync::{Arc, Mutex, MutexGuard};

#[derive(Default)]
struct ServiceData {
    minutes: BTreeMap<i64, Bucket>,
    quarters: BTreeMap<i64, Bucket>,
    hours: BTreeMap<i64, Bucket>,
    minute_networks: BTreeMap<i64, NetworkSummary>,
    hour_networks: BTreeMap<i64, NetworkSummary>,
    minute_asns: BTreeMap<i64, NetworkSummary>,
    hour_asns: BTreeMap<i64, NetworkSummary>,
    /// Reporters seen per bucket: exact sets where Redis has HyperLogLogs.
    minute_reporters: BTreeMap<i64, HashSet<ReporterId>>,
    hour_reporters: BTreeMap<i64, HashSet<ReporterId>>,
    /// Reporter -> unix second at which their dedupe marker expires.
    seen: HashMap<ReporterId, i64>,
    /// Size of `seen` after the last sweep; sweep again when it doubles.
    seen_swept_at: usize,
    /// The minute of the last pruning: buckets only age out as minutes pass.
    pruned_at: Option<i64>,
}

/// A reporter as a number: the 64 bits of its keyed hash (16 hex digits),
/// or a hash of any other reporter string. Eight bytes where the string
/// would take forty, and cheap to hash.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct ReporterId(u64);

impl ReporterId {
    fn of(reporter: &str) -> Self {
        let lower_hex = |b: u8| b.is_ascii_digit() || (b'a'..=b'f').contains(&b);
        let parsed = (reporter.len() == 16 && reporter.bytes().all(lower_hex))
            .then(|| u64::from_str_radix(reporter, 16).ok())
            .flatten();
        match parsed {
            Some(n) => Self(n),
            None => {
                use std::hash::{Hash, Hasher};
                // Fixed keys: the same reporter is the same id in every call.
                let mut h = std::collections::hash_map::DefaultHasher::new();
                reporter.hash(&mut h);
                Self(h.finish())
            }
        }
    }
}

impl ServiceData {
    fn buckets(&self, res: Resolution) -> &BTreeMap<i64, Bucket> {
        match res {
            Resolution::Minute => &self.minutes,
            Resolution::Quarter => &self.quarters,
            Resolution::Hour => &self.hours,
        }
    }

    /// Reporters are kept per minute and per hour, as in Redis.
    fn reporters(&self, res: Resolution) -> Option<&BTreeMap<i64, HashSet<ReporterId>>> {
        match res {
            Resolution::Minute => Some(&self.minute_reporters),
            Resolution::Quarter => None,
            Resolution::Hour => Some(&self.hour_reporters),
        }
    }

    /// Network summaries are kept per minute and per hour, as in Redis.
    fn networks(&self, res: Resolution) -> Option<&BTreeMap<i64, NetworkSummary>> {
        match res {
            Resolution::Minute => Some(&self.minute_networks),
            Resolution::Quarter => None,
            Resolution::Hour => Some(&self.hour_networks),
        }
    }

    /// ASN summaries too.
    fn asns(&self, res: Resolution) -> Option<&BTreeMap<i64, NetworkSummary>> {
        match res {
            Resolution::Minute => Some(&self.minute_asns),
            Resolution::Quarter => None,
            Resolution::Hour => Some(&self.hour_asns),
        }
    }

    fn prune(&mut self, now: i64) {
        let minute = now.div_euclid(60);
        if self.pruned_at == Some(minute) {
            return;
        }
        self.pruned_at = Some(minute);
        let oldest_minute = (now - keys::MINUTE_RETENTION_SECS).div_euclid(60);
        self.minutes = self.minutes.split_off(&oldest_minute);
        self.minute_reporters = self.minute_reporters.split_off(&oldest_minute);
        self.minute_networks = self.minute_networks.split_off(&oldest_minute);
        self.minute_asns = self.minute_asns.split_off(&oldest_minute);
        let oldest_quarter = (now - keys::MINUTE_RETENTION_SECS).div_euclid(900);
        self.quarters = self.quarters.split_off(&oldest_quarter);
        let oldest_hour = (now - keys::HOUR_RETENTION_SECS).div_euclid(3600);
        self.hours = self.hours.split_off(&oldest_hour);
        self.hour_reporters = self.hour_reporters.split_off(&oldest_hour);
        self.hour_networks = self.hour_networks.split_off(&oldest_hour);
        self.hour_asns = self.hour_asns.split_off(&oldest_hour);
        if self.seen.len() > 2 * self.seen_swept_at.max(512) {
            self.seen.retain(|_, expires| *expires > now);
            self.seen_swept_at = self.seen.len();
        }
    }
}

#[derive(Default)]
struct Shared {
    docs: HashMap<(String, String), String>,
    /// service -> id -> (started_at, json)
    incidents: HashMap<String, HashMap<String, (i64, String)>>,
    /// (service, incident id) -> official updates, oldest first.
    updates: HashMap<(String, String), std::collections::VecDeque<String>>,
    events: std::collections::VecDeque<(u64, String)>,
    /// Pending deliveries: JSON -> due (unix ms).
    deliveries: HashMap<String, i64>,
    /// Webhooks, followers, follow caps, mail limits and shared secrets.
    capped: capped::CappedData,
    next_event: u64,
}

/// Every update completes before its guard drops, so a poisoned lock still
/// holds consistent data.
fn relock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Adds one to `field` in `bucket`, copying the name only the first time.
fn count(bucket: &mut Bucket, field: &str) {
    match bucket.get_mut(field) {
        Some(n) => *n += 1,
        None => {
            bucket.insert(field.to_string(), 1);
        }
    }
}

/// In-memory [`Store`]; state is lost when the process exits.
///
/// Each service's counters have a lock of their own, so reading a big
/// bucket of one service (a flood's minute, copied out for the detector)
/// holds up that service's writes only, not every report.
#[derive(Clone)]
pub struct MemoryStore {
    services: Arc<Mutex<HashMap<String, Arc<Mutex<ServiceData>>>>>,
    documents: Arc<Mutex<Shared>>,
    /// Reporter secrets by day; kept for the process's life (one a day).
    secrets: Arc<Mutex<HashMap<String, String>>>,
    dedupe_secs: i64,
}

impl MemoryStore {
    /// A store that counts a reporter once per service per `dedupe_secs`
    /// (0 disables collapsing).
    pub fn new(dedupe_secs: u64) -> Self {
        Self {
            services: Arc::default(),
            documents: Arc::default(),
            secrets: Arc::default(),
            dedupe_secs: i64::try_from(dedupe_secs).unwrap_or(i64::MAX),
        }
    }

    /// The counters of `service`, if it has any.
    fn service(&self, service: &str) -> Option<Arc<Mutex<ServiceData>>> {
        relock(&self.services).get(service).cloned()
    }

    /// The counters of `service`, made on first use.
    fn service_or_new(&self, service: &str) -> Arc<Mutex<ServiceData>> {
        let mut services = relock(&self.services);
        if let Some(s) = services.get(service) {
            return s.clone();
        }
        services.entry(service.to_string()).or_default().clone()
    }

    fn docs(&self) -> MutexGuard<'_, Shared> {
        self.documents.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The network or ASN summaries (chosen by `pick`) of buckets `ids`.
    fn summaries(
        &self,
        service: &str,
        ids: Range<i64>,
        pick: impl Fn(&ServiceData) -> Option<&BTreeMap<i64, NetworkSummary>>,
    ) -> Vec<NetworkSummary> {
        let Some(svc) = self.service(service) else {
            return ids.map(|_| NetworkSummary::default()).collect();
        };
        let svc = relock(&svc);
        let summaries = pick(&svc);
        ids.map(|id| {
            summaries
                .and_then(|s| s.get(&id))
                .cloned()
                .unwrap_or_default()
        })
        .collect()
    }

    fn read<T>(
        &self,
        service: &str,
        res: Resolution,
        ids: Range<i64>,
        pick: impl Fn(Option<&Bucket>) -> T,
    ) -> Vec<T> {
        let Some(svc) = self.service(service) else {
            return ids.map(|_| pick(None)).collect();
        };
        let svc = relock(&svc);
        let buckets = svc.buckets(res);
        ids.map(|id| pick(buckets.get(&id))).collect()
    }
}

#[async_trait]
#[async_trait]
impl Counts for MemoryStore {
    async fn record(&self, report: &Report, at: DateTime<Utc>) -> StoreResult<Recorded> {
        let now = at.timestamp();
        let fields = keys::fields_of(report);
        let svc = self.service_or_new(&report.service);
        let mut svc = relock(&svc);
        let reporter = report.reporter.as_deref().map(ReporterId::of);
        if let Some(reporter) = reporter {
            svc.minute_reporters
                .entry(Resolution::Minute.bucket_of(at))
                .or_default()
                .insert(reporter);
            svc.hour_reporters
                .entry(Resolution::Hour.bucket_of(at))
                .or_default()
                .insert(reporter);
        }
        if let (Some(reporter), true) = (reporter, self.dedupe_secs > 0) {
            let active = |r: Option<ReporterId>| {
                r.and_then(|r| svc.seen.get(&r))
                    .is_some_and(|&lapses| lapses > now)
            };
            let previous = report.previous_reporter.as_deref().map(ReporterId::of);
            if active(Some(reporter)) || active(previous) {
                return Ok(Recorded::REPEAT);
            }
        }
        if let (Some(network), true) = (&report.network, report.network_budget > 0) {
            let used = svc
                .minute_networks
                .get(&Resolution::Minute.bucket_of(at))
                .map_or(0, |m| m.count(network));
            if used >= u64::from(report.network_budget) {
                return Ok(Recorded::OVER_BUDGET);
            }
        }
        if let (Some(reporter), true) = (reporter, self.dedupe_secs > 0) {
            svc.seen
                .insert(reporter, now.saturating_add(self.dedupe_secs));
        }
        let svc = &mut *svc;
        for (buckets, res) in [
            (&mut svc.minutes, Resolution::Minute),
            (&mut svc.quarters, Resolution::Quarter),
            (&mut svc.hours, Resolution::Hour),
        ] {
            let bucket = buckets.entry(res.bucket_of(at)).or_default();
            for f in &fields {
                count(bucket, f);
            }
        }
        if let Some(network) = &report.network {
            for (summaries, res) in [
                (&mut svc.minute_networks, Resolution::Minute),
                (&mut svc.hour_networks, Resolution::Hour),
            ] {
                summaries
                    .entry(res.bucket_of(at))
                    .or_default()
                    .add(network, 1);
            }
        }
        if let Some(asn) = report.asn {
            let name = keys::asn_name(report.region.country.as_deref(), asn);
            for (summaries, res) in [
                (&mut svc.minute_asns, Resolution::Minute),
                (&mut svc.hour_asns, Resolution::Hour),
            ] {
                summaries
                    .entry(res.bucket_of(at))
                    .or_default()
                    .add(&name, 1);
            }
        }
        svc.prune(now);
        Ok(Recorded::COUNTED)
    }

    async fn buckets(
        &self,
        service: &str,
        res: Resolution,
        ids: Range<i64>,
    ) -> StoreResult<Vec<Bucket>> {
        Ok(self.read(service, res, ids, |b| b.cloned().unwrap_or_default()))
    }

    async fn field(
        &self,
        service: &str,
        res: Resolution,
        ids: Range<i64>,
        field: &str,
    ) -> StoreResult<Vec<u64>> {
        Ok(self.read(service, res, ids, |b| {
            b.and_then(|b| b.get(field)).copied().unwrap_or(0)
        }))
    }

    async fn networks(
        &self,
        service: &str,
        res: Resolution,
        ids: Range<i64>,
    ) -> StoreResult<Vec<NetworkSummary>> {
        Ok(self.summaries(service, ids, |svc| svc.networks(res)))
    }

    async fn asns(
        &self,
        service: &str,
        res: Resolution,
        ids: Range<i64>,
    ) -> StoreResult<Vec<NetworkSummary>> {
        Ok(self.summaries(service, ids, |svc| svc.asns(res)))
    }

    async fn quarters_complete_from(&self, _service: &str) -> StoreResult<Option<i64>> {
        // Quarter buckets were written from this store's first report on.
        Ok(Some(i64::MIN))
    }

    async fn distinct_reporters(
        &self,
        service: &str,
        spans: &[(Resolution, Range<i64>)],
    ) -> StoreResult<u64> {
        let Some(svc) = self.service(service) else {
            return Ok(0);
        };
        let svc = relock(&svc);
        let mut union: HashSet<ReporterId> = HashSet::new();
        for (res, ids) in spans.iter().filter(|(_, ids)| !ids.is_empty()) {
            let Some(sets) = svc.reporters(*res) else {
                continue;
            };
            for set in sets.range(ids.clone()).map(|(_, s)| s) {
                union.extend(set.iter().copied());
            }
        }
        Ok(union.len() as u64)
    }
}

#[async_trait]
impl Store for MemoryStore {
    async fn ping(&self) -> StoreResult<()> {
        Ok(())
    }

    fn describe(&self) -> String {
        "memory (embedded; counts are lost on exit)".to_string()
    }
}
