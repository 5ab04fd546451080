//! Turning a submitted form or JSON body into a validated [`Report`]:
//! body format, fields, and validation against the catalog.

mod report;
mod request;

pub use report::Report;
pub use request::{BodyFormat, IngestError, MAX_BODY_BYTES, ReportRequest, parse_body};
