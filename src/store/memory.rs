//! The embedded store: the same buckets as Redis, in one process's memory.
//! A cheap-to-clone handle around a `std::sync::Mutex` that is never held
//! across an `.await` (the mini-redis `Db` pattern).

mod follow;

use super::{Bucket, NetworkSummary, Recorded, Resolution, Store, StoreError, keys};
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
struct Documents {
    docs: HashMap<(String, String), String>,
    /// service -> id -> (started_at, json)
    incidents: HashMap<String, HashMap<String, (i64, String)>>,
    /// (service, incident id) -> official updates, oldest first.
    updates: HashMap<(String, String), std::collections::VecDeque<String>>,
    events: std::collections::VecDeque<(u64, String)>,
    /// service -> webhook id -> JSON.
    webhooks: HashMap<String, BTreeMap<String, String>>,
    /// Pending deliveries: JSON -> due (unix ms).
    deliveries: HashMap<String, i64>,
    /// Followers, follow caps, mail limits and shared secrets.
    follow: follow::FollowDocs,
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
    documents: Arc<Mutex<Documents>>,
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

    fn docs(&self) -> MutexGuard<'_, Documents> {
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
impl Store for MemoryStore {
    async fn record(&self, report: &Report, at: DateTime<Utc>) -> Result<Recorded, StoreError> {
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
    ) -> Result<Vec<Bucket>, StoreError> {
        Ok(self.read(service, res, ids, |b| b.cloned().unwrap_or_default()))
    }

    async fn field(
        &self,
        service: &str,
        res: Resolution,
        ids: Range<i64>,
        field: &str,
    ) -> Result<Vec<u64>, StoreError> {
        Ok(self.read(service, res, ids, |b| {
            b.and_then(|b| b.get(field)).copied().unwrap_or(0)
        }))
    }

    async fn networks(
        &self,
        service: &str,
        res: Resolution,
        ids: Range<i64>,
    ) -> Result<Vec<NetworkSummary>, StoreError> {
        Ok(self.summaries(service, ids, |svc| svc.networks(res)))
    }

    async fn asns(
        &self,
        service: &str,
        res: Resolution,
        ids: Range<i64>,
    ) -> Result<Vec<NetworkSummary>, StoreError> {
        Ok(self.summaries(service, ids, |svc| svc.asns(res)))
    }

    async fn quarters_complete_from(&self, _service: &str) -> Result<Option<i64>, StoreError> {
        // Quarter buckets were written from this store's first report on.
        Ok(Some(i64::MIN))
    }

    async fn try_lease(
        &self,
        _service: &str,
        _owner: &str,
        _ttl_ms: u64,
    ) -> Result<bool, StoreError> {
        // One process owns a memory store: it always holds every lease.
        Ok(true)
    }

    async fn try_task_lease(
        &self,
        _service: &str,
        _task: &str,
        _owner: &str,
        _ttl_ms: u64,
    ) -> Result<bool, StoreError> {
        Ok(true)
    }

    async fn live_detectors(&self, owner: &str, _ttl_ms: u64) -> Result<Vec<String>, StoreError> {
        // A memory store belongs to one process.
        Ok(vec![owner.to_string()])
    }

    async fn get_doc(&self, service: &str, name: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .docs()
            .docs
            .get(&(service.to_string(), name.to_string()))
            .cloned())
    }

    async fn get_docs(
        &self,
        services: &[&str],
        name: &str,
    ) -> Result<Vec<Option<String>>, StoreError> {
        let docs = self.docs();
        Ok(services
            .iter()
            .map(|s| docs.docs.get(&(s.to_string(), name.to_string())).cloned())
            .collect())
    }

    async fn put_doc(&self, service: &str, name: &str, json: &str) -> Result<(), StoreError> {
        self.docs()
            .docs
            .insert((service.to_string(), name.to_string()), json.to_string());
        Ok(())
    }

    async fn put_incident(
        &self,
        service: &str,
        id: &str,
        started_at: i64,
        json: &str,
    ) -> Result<(), StoreError> {
        self.docs()
            .incidents
            .entry(service.to_string())
            .or_default()
            .insert(id.to_string(), (started_at, json.to_string()));
        Ok(())
    }

    async fn get_incident(&self, service: &str, id: &str) -> Result<Option<String>, StoreError> {
        Ok(self
            .docs()
            .incidents
            .get(service)
            .and_then(|m| m.get(id))
            .map(|(_, j)| j.clone()))
    }

    async fn list_incidents(&self, service: &str, limit: usize) -> Result<Vec<String>, StoreError> {
        let docs = self.docs();
        let mut all: Vec<&(i64, String)> = docs
            .incidents
            .get(service)
            .map(|m| m.values().collect())
            .unwrap_or_default();
        all.sort_by_key(|e| std::cmp::Reverse(e.0));
        Ok(all
            .into_iter()
            .take(limit)
            .map(|(_, j)| j.clone())
            .collect())
    }

    async fn add_incident_update(
        &self,
        service: &str,
        id: &str,
        json: &str,
    ) -> Result<(), StoreError> {
        let mut docs = self.docs();
        let list = docs
            .updates
            .entry((service.to_string(), id.to_string()))
            .or_default();
        list.push_back(json.to_string());
        while list.len() > keys::UPDATES_KEPT {
            list.pop_front();
        }
        Ok(())
    }

    async fn incident_updates(
        &self,
        service: &str,
        ids: &[&str],
    ) -> Result<Vec<Vec<String>>, StoreError> {
        let docs = self.docs();
        Ok(ids
            .iter()
            .map(|id| {
                docs.updates
                    .get(&(service.to_string(), id.to_string()))
                    .map(|l| l.iter().cloned().collect())
                    .unwrap_or_default()
            })
            .collect())
    }

    async fn put_webhook(
        &self,
        service: &str,
        id: &str,
        json: &str,
        max: usize,
    ) -> Result<bool, StoreError> {
        let mut docs = self.docs();
        let hooks = docs.webhooks.entry(service.to_string()).or_default();
        if hooks.len() >= max && !hooks.contains_key(id) {
            return Ok(false);
        }
        hooks.insert(id.to_string(), json.to_string());
        Ok(true)
    }

    async fn delete_webhook(&self, service: &str, id: &str) -> Result<bool, StoreError> {
        Ok(self
            .docs()
            .webhooks
            .get_mut(service)
            .and_then(|m| m.remove(id))
            .is_some())
    }

    async fn list_webhooks(&self, service: &str) -> Result<Vec<String>, StoreError> {
        Ok(self
            .docs()
            .webhooks
            .get(service)
            .map(|m| m.values().cloned().collect())
            .unwrap_or_default())
    }

    async fn enqueue_delivery(&self, due_ms: i64, json: &str) -> Result<(), StoreError> {
        self.docs().deliveries.insert(json.to_string(), due_ms);
        Ok(())
    }

    async fn claim_deliveries(
        &self,
        now_ms: i64,
        lease_ms: i64,
        limit: usize,
    ) -> Result<Vec<String>, StoreError> {
        let mut docs = self.docs();
        let mut due: Vec<(i64, String)> = docs
            .deliveries
            .iter()
            .filter(|(_, at)| **at <= now_ms)
            .map(|(j, at)| (*at, j.clone()))
            .collect();
        due.sort();
        due.truncate(limit);
        for (_, json) in &due {
            docs.deliveries
                .insert(json.clone(), now_ms.saturating_add(lease_ms));
        }
        Ok(due.into_iter().map(|(_, j)| j).collect())
    }

    async fn finish_delivery(
        &self,
        json: &str,
        retry: Option<(i64, &str)>,
    ) -> Result<(), StoreError> {
        let mut docs = self.docs();
        docs.deliveries.remove(json);
        if let Some((due_ms, next)) = retry {
            docs.deliveries.insert(next.to_string(), due_ms);
        }
        Ok(())
    }

    async fn put_follower(
        &self,
        service: &str,
        id: &str,
        json: &str,
        max: usize,
    ) -> Result<bool, StoreError> {
        Ok(self.docs().follow.put(service, id, json, max))
    }

    async fn get_follower(&self, service: &str, id: &str) -> Result<Option<String>, StoreError> {
        Ok(self.docs().follow.get(service, id))
    }

    async fn delete_follower(&self, service: &str, id: &str) -> Result<bool, StoreError> {
        Ok(self.docs().follow.delete(service, id))
    }

    async fn list_followers(&self, service: &str) -> Result<Vec<String>, StoreError> {
        Ok(self.docs().follow.list(service))
    }

    async fn take_slot(
        &self,
        set: &str,
        member: &str,
        until_ms: i64,
        now_ms: i64,
        max: usize,
    ) -> Result<bool, StoreError> {
        Ok(self
            .docs()
            .follow
            .take_slot(set, member, until_ms, now_ms, max))
    }

    async fn release_slot(&self, set: &str, member: &str) -> Result<(), StoreError> {
        self.docs().follow.release_slot(set, member);
        Ok(())
    }

    async fn expired_slots(
        &self,
        set: &str,
        now_ms: i64,
        limit: usize,
    ) -> Result<Vec<String>, StoreError> {
        Ok(self.docs().follow.expired_slots(set, now_ms, limit))
    }

    async fn shared_secret(&self, name: &str, candidate: &str) -> Result<String, StoreError> {
        Ok(self.docs().follow.shared_secret(name, candidate))
    }

    async fn append_event(&self, json: &str) -> Result<String, StoreError> {
        let mut docs = self.docs();
        docs.next_event += 1;
        let id = docs.next_event;
        docs.events.push_back((id, json.to_string()));
        while docs.events.len() > keys::EVENTS_KEPT {
            docs.events.pop_front();
        }
        Ok(id.to_string())
    }

    async fn changes(&self) -> Result<u64, StoreError> {
        Ok(self.docs().next_event)
    }

    async fn read_events(
        &self,
        after: Option<&str>,
        limit: usize,
    ) -> Result<Vec<(String, String)>, StoreError> {
        let after: u64 = match after {
            None => 0,
            Some(a) => match a.parse() {
                Ok(n) => n,
                Err(_) => return Ok(Vec::new()),
            },
        };
        Ok(self
            .docs()
            .events
            .iter()
            .filter(|(id, _)| *id > after)
            .take(limit)
            .map(|(id, j)| (id.to_string(), j.clone()))
            .collect())
    }

    async fn distinct_reporters(
        &self,
        service: &str,
        spans: &[(Resolution, Range<i64>)],
    ) -> Result<u64, StoreError> {
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

    async fn daily_secret(&self, day: &str, candidate: &str) -> Result<String, StoreError> {
        let mut secrets = self.secrets.lock().unwrap_or_else(|e| e.into_inner());
        Ok(secrets
            .entry(day.to_string())
            .or_insert_with(|| candidate.to_string())
            .clone())
    }

    async fn ping(&self) -> Result<(), StoreError> {
        Ok(())
    }

    fn describe(&self) -> String {
        "memory (embedded; counts are lost on exit)".to_string()
    }
}
