//! Turning a submitted form or JSON body into a validated [`Report`]:
//! body format, fields, validation against the catalog, reporter identity
//! (keyed hashes instead of addresses) and rate limits.

mod identity;
mod limits;
mod report;
mod request;

pub use identity::{Identity, ReporterIdentity, Secret, network_prefix};
pub use limits::{
    Caller, DEFAULT_MAX_KEYS, KeyedLimit, LimitSettings, RateLimits, RateStatus, Refusal, Verdict,
};
pub use report::Report;
pub use request::{BodyFormat, IngestError, MAX_BODY_BYTES, ReportRequest, parse_body};
