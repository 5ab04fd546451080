//! Where counts live: the [`Store`] trait, its [`RedisStore`] (the product's
//! store) and [`MemoryStore`] (the embedded default), the bucket layout
//! shared by both, and the window queries built on top.
//!
//! A report increments counters in one per-minute, one per-quarter-hour and
//! one per-hour bucket of its service, one field per thing counted (see
//! [`keys`]), and its network in a bounded summary per minute and per hour
//! ([`networks`]). Windows and series are sums over buckets, computed once
//! in [`window`] for both stores.

mod error;
pub mod keys;
mod memory;
pub mod networks;
mod redis;
pub mod window;

pub use error::StoreError;
pub use memory::MemoryStore;
pub use networks::NetworkSummary;
pub use redis::{DEFAULT_MAX_PENDING, RedisStore};

use crate::ingest::Report;
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use std::ops::Range;

/// This process's name in leases: its pid and the start's nanoseconds,
/// so a restarted process with a reused pid is another owner.
pub fn process_owner() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    format!("{}-{nanos:x}", std::process::id())
}

/// The counters of one bucket, by field name (see [`keys`]).
pub type Bucket = HashMap<String, u64>;

/// Bucket widths.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolution {
    Minute,
    /// Fifteen minutes: what a day's chart and the middle of a day's window
    /// are read from (96 buckets a day, not 1,440).
    Quarter,
    Hour,
}

impl Resolution {
    pub fn seconds(self) -> i64 {
        match self {
            Resolution::Minute => 60,
            Resolution::Quarter => 900,
            Resolution::Hour => 3600,
        }
    }

    /// How long buckets of this width are kept.
    pub fn retention_seconds(self) -> i64 {
        match self {
            Resolution::Minute | Resolution::Quarter => keys::MINUTE_RETENTION_SECS,
            Resolution::Hour => keys::HOUR_RETENTION_SECS,
        }
    }

    /// The id of the bucket holding `at`.
    pub fn bucket_of(self, at: DateTime<Utc>) -> i64 {
        at.timestamp().div_euclid(self.seconds())
    }
}

/// The outcome of recording one report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Recorded {
    /// False when the reporter already reported this service within the
    /// dedupe period: the report is accepted but not counted again.
    pub counted: bool,
    /// True when the report's network had used its budget for this
    /// service and minute ([`Report::network_budget`]): not counted, no
    /// dedupe marker set, and the client is to be told to wait.
    pub over_budget: bool,
}

impl Recorded {
    pub const COUNTED: Self = Self {
        counted: true,
        over_budget: false,
    };
    pub const REPEAT: Self = Self {
        counted: false,
        over_budget: false,
    };
    pub const OVER_BUDGET: Self = Self {
        counted: false,
        over_budget: true,
    };
}

/// Counting storage. Implementations must make `record` atomic: all of a
/// report's counters change together or none do, even with many writers.
#[async_trait]
pub trait Store: Send + Sync + 'static {
    /// Counts `report` at time `at`.
    async fn record(&self, report: &Report, at: DateTime<Utc>) -> Result<Recorded, StoreError>;

    /// Every counter of the buckets `ids` (bucket ids at `res`), in order;
    /// an empty map for a bucket with no reports.
    async fn buckets(
        &self,
        service: &str,
        res: Resolution,
        ids: Range<i64>,
    ) -> Result<Vec<Bucket>, StoreError>;

    /// The network summary of each bucket `ids`, in order (minutes and
    /// hours; there are none per quarter-hour).
    async fn networks(
        &self,
        service: &str,
        res: Resolution,
        ids: Range<i64>,
    ) -> Result<Vec<NetworkSummary>, StoreError>;

    /// The ASN summary of each bucket `ids`, in order (minutes and hours):
    /// reports per `<country>:<asn>` (see [`keys::asn_name`]), bounded as
    /// the network summaries are.
    async fn asns(
        &self,
        service: &str,
        res: Resolution,
        ids: Range<i64>,
    ) -> Result<Vec<NetworkSummary>, StoreError>;

    /// The first quarter-hour (bucket id) from which on the quarter buckets
    /// hold every report; `None` while no report wrote one. Earlier quarters
    /// (written before quarter buckets existed) are read from their minutes.
    async fn quarters_complete_from(&self, service: &str) -> Result<Option<i64>, StoreError>;

    /// One counter of each bucket `ids`, in order.
    async fn field(
        &self,
        service: &str,
        res: Resolution,
        ids: Range<i64>,
        field: &str,
    ) -> Result<Vec<u64>, StoreError>;

    /// Takes or renews `service`'s detector lease for `owner`; true when
    /// `owner` holds it for the next `ttl_ms` milliseconds.
    async fn try_lease(&self, service: &str, owner: &str, ttl_ms: u64) -> Result<bool, StoreError>;

    /// The same lease mechanism for another per-service background task
    /// (`task` names it, e.g. "official"): a lease of its own, so the
    /// task's owner need not be the detector's.
    async fn try_task_lease(
        &self,
        service: &str,
        task: &str,
        owner: &str,
        ttl_ms: u64,
    ) -> Result<bool, StoreError>;

    /// Announces `owner` as a live detector process for the next `ttl_ms`
    /// milliseconds (by the store's clock) and returns every live one,
    /// itself included, sorted. Processes split the services among the
    /// live detectors; leases keep that split exclusive while it changes.
    async fn live_detectors(&self, owner: &str, ttl_ms: u64) -> Result<Vec<String>, StoreError>;

    /// A named JSON document of a service (detector state, status).
    async fn get_doc(&self, service: &str, name: &str) -> Result<Option<String>, StoreError>;

    /// The same document of several services at once, in order.
    async fn get_docs(
        &self,
        services: &[&str],
        name: &str,
    ) -> Result<Vec<Option<String>>, StoreError>;

    async fn put_doc(&self, service: &str, name: &str, json: &str) -> Result<(), StoreError>;

    /// Saves an incident (JSON) of `service` under `id`, ordered by
    /// `started_at` (unix seconds).
    async fn put_incident(
        &self,
        service: &str,
        id: &str,
        started_at: i64,
        json: &str,
    ) -> Result<(), StoreError>;

    async fn get_incident(&self, service: &str, id: &str) -> Result<Option<String>, StoreError>;

    /// A service's incidents, newest first, at most `limit`.
    async fn list_incidents(&self, service: &str, limit: usize) -> Result<Vec<String>, StoreError>;

    /// Appends an official update (JSON) to incident `id` of `service`.
    /// Kept apart from the incident, which the detector rewrites; at most
    /// [`keys::UPDATES_KEPT`] per incident (the oldest go).
    async fn add_incident_update(
        &self,
        service: &str,
        id: &str,
        json: &str,
    ) -> Result<(), StoreError>;

    /// The official updates of each incident `ids` of `service`, oldest
    /// first, in the order of `ids` (one round trip).
    async fn incident_updates(
        &self,
        service: &str,
        ids: &[&str],
    ) -> Result<Vec<Vec<String>>, StoreError>;

    /// Saves a webhook subscription (JSON) of `service` under `id`, unless
    /// the service already has `max` of them: checked and written in one
    /// atomic step, so concurrent creates cannot pass the cap. False when
    /// the cap refused it.
    async fn put_webhook(
        &self,
        service: &str,
        id: &str,
        json: &str,
        max: usize,
    ) -> Result<bool, StoreError>;

    /// Removes a webhook subscription; false when there was none.
    async fn delete_webhook(&self, service: &str, id: &str) -> Result<bool, StoreError>;

    /// A service's webhook subscriptions (JSON), in no particular order.
    async fn list_webhooks(&self, service: &str) -> Result<Vec<String>, StoreError>;

    /// Queues a webhook delivery (JSON, unique per attempt) due at
    /// `due_ms` (unix milliseconds).
    async fn enqueue_delivery(&self, due_ms: i64, json: &str) -> Result<(), StoreError>;

    /// Claims up to `limit` deliveries due at `now_ms`, atomically: each
    /// is hidden from every other claimer for `lease_ms`, so two processes
    /// never take the same attempt. A claimed delivery that is not
    /// finished in time (its process died) comes due again.
    async fn claim_deliveries(
        &self,
        now_ms: i64,
        lease_ms: i64,
        limit: usize,
    ) -> Result<Vec<String>, StoreError>;

    /// Finishes a claimed delivery: removes it and, for a retry, queues
    /// the next attempt (`(due_ms, json)`) in the same atomic step.
    async fn finish_delivery(
        &self,
        json: &str,
        retry: Option<(i64, &str)>,
    ) -> Result<(), StoreError>;

    /// Saves a follower (a person's push or email subscription, JSON) of
    /// `service` under `id`, unless the service already has `max` of
    /// them; checked and written in one atomic step. Saving an existing id
    /// replaces it and always succeeds. False when the cap refused it.
    async fn put_follower(
        &self,
        service: &str,
        id: &str,
        json: &str,
        max: usize,
    ) -> Result<bool, StoreError>;

    async fn get_follower(&self, service: &str, id: &str) -> Result<Option<String>, StoreError>;

    /// Removes a follower; false when there was none (so of two callers,
    /// exactly one gets true).
    async fn delete_follower(&self, service: &str, id: &str) -> Result<bool, StoreError>;

    /// A service's followers (JSON), in no particular order.
    async fn list_followers(&self, service: &str) -> Result<Vec<String>, StoreError>;

    /// Adds `member` to the capped set `set`, to hold until `until_ms`,
    /// unless the set holds `max` members that still hold at `now_ms`
    /// (a member already in the set is renewed whatever the count).
    /// Atomic, so concurrent takers cannot pass the cap. Caps on follows
    /// and sliding-window limits on mail are made of these.
    async fn take_slot(
        &self,
        set: &str,
        member: &str,
        until_ms: i64,
        now_ms: i64,
        max: usize,
    ) -> Result<bool, StoreError>;

    /// Removes `member` from `set` (nothing when absent).
    async fn release_slot(&self, set: &str, member: &str) -> Result<(), StoreError>;

    /// Removes and returns up to `limit` members of `set` that held until
    /// `now_ms` or earlier.
    async fn expired_slots(
        &self,
        set: &str,
        now_ms: i64,
        limit: usize,
    ) -> Result<Vec<String>, StoreError>;

    /// A long-lived secret named `name` (the VAPID key, the link key):
    /// `candidate` is stored unless one is already, and the stored one is
    /// returned, so every process sharing the store agrees. Never expires.
    async fn shared_secret(&self, name: &str, candidate: &str) -> Result<String, StoreError>;

    /// Appends an event (JSON) to the shared event log; returns its id.
    async fn append_event(&self, json: &str) -> Result<String, StoreError>;

    /// How many events were ever appended: it grows with every incident
    /// opened, updated or resolved and every official update, after what
    /// they changed is stored. Read models compare it with the version
    /// their cached views were computed at, so such a change shows on the
    /// next request of every process.
    async fn changes(&self) -> Result<u64, StoreError>;

    /// Events after `after` (all kept events when None), oldest first, at
    /// most `limit`. An `after` that is not an id of this store gives none
    /// (the reader resumes from now).
    async fn read_events(
        &self,
        after: Option<&str>,
        limit: usize,
    ) -> Result<Vec<(String, String)>, StoreError>;
    /// How many distinct reporters were seen in the union of the buckets
    /// `spans` (each a resolution and a range of bucket ids). Redis answers
    /// from HyperLogLogs (about 0.8% standard error), memory exactly.
    /// Reporters are kept per minute and per hour: quarter spans add none.
    async fn distinct_reporters(
        &self,
        service: &str,
        spans: &[(Resolution, Range<i64>)],
    ) -> Result<u64, StoreError>;

    /// The reporter secret of `day` ("yyyy-mm-dd"): `candidate` is stored
    /// unless a secret for that day already is, and the stored one is
    /// returned, so every process sharing the store agrees. Kept two days.
    async fn daily_secret(&self, day: &str, candidate: &str) -> Result<String, StoreError>;

    /// Succeeds when the store can serve requests now.
    async fn ping(&self) -> Result<(), StoreError>;

    /// A short description for logs ("memory", "redis at …").
    fn describe(&self) -> String;
}
