//! The validated report: what one person said about one service.

use crate::geo::Region;

/// A report that passed validation, with its region resolved and the raw IP
/// already gone.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub service: String,
    pub symptom: String,
    pub platform: Option<String>,
    pub region: Region,
    /// Keyed hash standing for the reporter (never the IP itself); `None`
    /// when repeat reports are not to be collapsed.
    pub reporter: Option<String>,
}
