//! The counts repository: a report's counters in its service's minute,
//! quarter-hour and hour buckets, its network and ASN summaries, the
//! distinct reporters, and the dedupe markers (the layout is in
//! [`super::keys`]); windows and series are read through [`super::window`].

use super::{NetworkSummary, StoreResult, keys};
use crate::ingest::Report;
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use std::ops::Range;

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
pub trait Counts: Send + Sync {
    /// Counts `report` at time `at`.
    async fn record(&self, report: &Report, at: DateTime<Utc>) -> StoreResult<Recorded>;

    /// Every counter of the buckets `ids` (bucket ids at `res`), in order;
    /// an empty map for a bucket with no reports.
    async fn buckets(
        &self,
        service: &str,
        res: Resolution,
        ids: Range<i64>,
    ) -> StoreResult<Vec<Bucket>>;

    /// The network summary of each bucket `ids`, in order (minutes and
    /// hours; there are none per quarter-hour).
    async fn networks(
        &self,
        service: &str,
        res: Resolution,
        ids: Range<i64>,
    ) -> StoreResult<Vec<NetworkSummary>>;

    /// The ASN summary of each bucket `ids`, in order (minutes and hours):
    /// reports per `<country>:<asn>` (see [`keys::asn_name`]), bounded as
    /// the network summaries are.
    async fn asns(
        &self,
        service: &str,
        res: Resolution,
        ids: Range<i64>,
    ) -> StoreResult<Vec<NetworkSummary>>;

    /// The first quarter-hour (bucket id) from which on the quarter buckets
    /// hold every report; `None` while no report wrote one. Earlier quarters
    /// (written before quarter buckets existed) are read from their minutes.
    async fn quarters_complete_from(&self, service: &str) -> StoreResult<Option<i64>>;

    /// One counter of each bucket `ids`, in order.
    async fn field(
        &self,
        service: &str,
        res: Resolution,
        ids: Range<i64>,
        field: &str,
    ) -> StoreResult<Vec<u64>>;

    /// How many distinct reporters were seen in the union of the buckets
    /// `spans` (each a resolution and a range of bucket ids). Redis answers
    /// from HyperLogLogs (about 0.8% standard error), memory exactly.
    /// Reporters are kept per minute and per hour: quarter spans add none.
    async fn distinct_reporters(
        &self,
        service: &str,
        spans: &[(Resolution, Range<i64>)],
    ) -> StoreResult<u64>;
}
