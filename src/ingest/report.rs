//! The validated report: what one person said about one service.

use crate::geo::Region;

/// A report that passed validation, with its region resolved and the raw IP
/// already gone.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    pub service: String,
    pub symptom: String,
    pub platform: Option<String>,
    pub region: Region,
    /// Keyed hash standing for the reporter (never the IP itself); `None`
    /// when repeat reports are not to be collapsed.
    pub reporter: Option<String>,
    /// The same reporter under the previous day's secret, so a dedupe
    /// period that spans the daily secret rotation still counts once.
    pub previous_reporter: Option<String>,
    /// Keyed hash of the reporter's network prefix (/24 IPv4, /48 IPv6),
    /// counted per bucket for the brigading signal; never the prefix itself.
    pub network: Option<String>,
    /// Counted reports a minute that the reporter's network may make for
    /// this service, across every process sharing the store (0: no cap).
    /// The store checks it in the same atomic step that counts the report.
    pub network_budget: u32,
    /// The autonomous system (network operator) the reporter's address
    /// belongs to, from the ASN database; counted per country in bounded
    /// summaries for the shared-cause labels. Names an operator, never a
    /// person or an address.
    pub asn: Option<u32>,
}
