//! Turning a submitted form or JSON body into a validated [`Report`]:
//! body format, fields, validation against the catalog, reporter identity
//! (keyed hashes instead of addresses) and rate limits.

mod bounded_store;
mod identity;
mod limits;
mod report;
mod request;

pub use identity::{Identity, ReporterIdentity, Secret, client_key, network_prefix};
pub use limits::{
    Caller, DEFAULT_MAX_KEYS, DEFAULT_REPORTS_PER_IPV6_PREFIX, KeyedLimit, LimitSettings,
    RateLimits, RateStatus, Refusal, Verdict, ceil_secs,
};
pub use report::{Origin, Report};
pub use request::{BodyFormat, IngestError, MAX_BODY_BYTES, ReportRequest, parse_body};
