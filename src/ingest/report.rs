//! The validated report: what one person said about one service.

use super::identity::Identity;
use super::request::ReportRequest;
use crate::catalog::Service;
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

/// Where a report comes from, as far as counting needs it: the region and
/// the keyed hashes of its address, its network's budget and operator.
/// The address itself is not part of it.
#[derive(Debug, Clone, Default)]
pub struct Origin {
    pub region: Region,
    /// None when the client address is unknown.
    pub identity: Option<Identity>,
    pub network_budget: u32,
    pub asn: Option<u32>,
}

impl Report {
    /// The report a validated `request` (its `service` and normalised
    /// `platform` from [`ReportRequest::validate`]) makes from `origin`.
    pub fn new(
        request: &ReportRequest,
        service: &Service,
        platform: Option<String>,
        origin: Origin,
    ) -> Self {
        let identity = origin.identity;
        Report {
            service: service.slug.clone(),
            symptom: request.symptom.trim().to_string(),
            platform,
            region: origin.region,
            reporter: identity.as_ref().map(|i| i.reporter.clone()),
            previous_reporter: identity.as_ref().map(|i| i.previous_reporter.clone()),
            network: identity.map(|i| i.network),
            network_budget: origin.network_budget,
            asn: origin.asn,
        }
    }
}
