//! The bucket layout, shared by both stores (documented in docs/storage.md).
//!
//! Every key of a service carries the hash tag `{<slug>}`, so a Redis Cluster
//! keeps all of them on one slot and a report's update is one atomic script.
//!
//! - `dw:{spotify}:m:<minute>`: hash, the counters of one minute
//!   (`<minute>` = unix seconds / 60); expires after [`MINUTE_RETENTION_SECS`].
//! - `dw:{spotify}:q:<quarter>`: hash, the same counters for one
//!   quarter-hour (`<quarter>` = unix seconds / 900); expires like a minute.
//! - `dw:{spotify}:h:<hour>`: hash, the same counters for one hour
//!   (`<hour>` = unix seconds / 3600); expires after [`HOUR_RETENTION_SECS`].
//! - `dw:{spotify}:quarters`: the first quarter-hour from which every
//!   report is in the quarter hashes (set by the first write that made one;
//!   earlier quarters are read from their minutes). No expiry: one per
//!   service.
//! - The bounded summaries of a minute or an hour ([`super::networks`])
//!   live in its bucket hash, under fields marked [`SUMMARY_MARK`] (`~t`,
//!   `~k`, `~n:<network hash>`, `~at`, `~ak`, `~a:<country>:<asn>`, the
//!   fields below with `~` before them), so that a report batch reads and
//!   writes a bucket and its summaries with one command each; bucket reads
//!   leave them out.
//! - `dw:{spotify}:n:m:<minute>`, `dw:{spotify}:n:h:<hour>`: hash, where
//!   the bounded summaries of a bucket were kept before they joined the
//!   bucket hash; no longer written, still read (and added in) until they
//!   expire.
//!   The per-network summary: `t` the reports that carried a network,
//!   `n:<network hash>` at most [`super::networks::NETWORKS_MAX`]
//!   counters, `k` how many counters it holds (kept by the write script so
//!   it needs no `HLEN`; absent in summaries written before it). The
//!   summary of the networks (autonomous systems) reports came from, per
//!   country: `at` the reports that carried an ASN, `a:<country>:<asn>`
//!   at most [`super::networks::NETWORKS_MAX`] counters and `ak` (a
//!   Misra–Gries summary like the network one). Same expiry as the
//!   bucket. An ASN names an operator, never an address.
//! - `dw:{spotify}:a:m:<minute>`, `dw:{spotify}:a:h:<hour>`: hash, where
//!   the ASN summary was kept before it joined the summary hash (`t`,
//!   `k`, `a:…` counters); no longer written, still read until it
//!   expires.
//! - `dw:{spotify}:seen:<reporter>`: marker that a reporter was counted for
//!   the service; expires after the dedupe period.
//! - `dw:{spotify}:u:m:<minute>`, `dw:{spotify}:u:h:<hour>`: HyperLogLogs of
//!   the reporters (keyed hashes) seen in a bucket; same expiry as the hashes.
//! - `dw:{spotify}:lease`, `dw:{spotify}:lease:official`: which process
//!   runs the service's detector, and polls its official status page.
//! - `dw:{spotify}:doc:official`, `dw:{spotify}:doc:official_poll`: what
//!   the official status page says, and how it is polled (docs/official-status.md).
//! - `dw:{spotify}:incident:<id>:updates`: list of an incident's official
//!   updates (JSON), oldest first, at most [`UPDATES_KEPT`].
//! - `dw:{spotify}:webhooks`: hash of webhook subscription id -> JSON.
//! - `dw:{spotify}:followers`: hash of follower id -> JSON (push, email).
//! - `dw:{follow}:slots:<set>`, `dw:{follow}:secret:<name>`: follow caps,
//!   mail limits (sorted sets by expiry) and the VAPID and link keys.
//! - `dw:{webhooks}:deliveries`: sorted set of pending deliveries (webhooks, followers' notices)
//!   (JSON) by due time; one key, single-key commands only.
//! - `dw:{secret}:reporter:<yyyy-mm-dd>`: the day's reporter secret when none
//!   is configured; not per service, so it has a slot of its own.
//!
//! Fields of a bucket hash:
//! - `t`: all reports (global);
//! - `r:<region>`: reports from a region, `r:US`, `r:US-CA`;
//! - `s:<symptom>`: reports per symptom, all regions;
//! - `rs:<country>:<symptom>`: reports per symptom in a country;
//! - `p:<platform>`: reports per platform;
//! - `n:<network hash>`: only in buckets written before the network
//!   summaries had keys of their own; ignored, they expire with the bucket.
//! - `c:<lat>:<lon>`: reports per 1° map cell (south-west corner, degrees),
//!   when the database gives coordinates.

use super::Resolution;
use crate::ingest::Report;

/// Minute buckets are kept 48 hours, plus an hour so a 48-hour window that
/// starts mid-hour is still whole.
pub const MINUTE_RETENTION_SECS: i64 = 49 * 3600;
/// Hour buckets are kept 8 days, plus an hour for the same reason.
pub const HOUR_RETENTION_SECS: i64 = 8 * 24 * 3600 + 3600;

pub const TOTAL: &str = "t";

fn tag(res: Resolution) -> char {
    match res {
        Resolution::Minute => 'm',
        Resolution::Quarter => 'q',
        Resolution::Hour => 'h',
    }
}

pub fn bucket_key(service: &str, res: Resolution, id: i64) -> String {
    format!("dw:{{{service}}}:{}:{id}", tag(res))
}

/// The summary hash of a bucket (minutes and hours only): its network
/// summary (`t`, `k`, `n:…`) and its ASN summary (`at`, `ak`, `a:…`), in
/// one hash so that a batch reads and writes both with one command each.
pub fn networks_key(service: &str, res: Resolution, id: i64) -> String {
    format!("dw:{{{service}}}:n:{}:{id}", tag(res))
}

/// Where a bucket's ASN summary was kept before it moved into the summary
/// hash ([`networks_key`]); still read, so the hours written before the
/// move keep their ASNs until they expire.
pub fn asns_key(service: &str, res: Resolution, id: i64) -> String {
    format!("dw:{{{service}}}:a:{}:{id}", tag(res))
}

/// Where the first complete quarter-hour of a service is kept.
pub fn quarters_key(service: &str) -> String {
    format!("dw:{{{service}}}:quarters")
}

pub fn seen_key(service: &str, reporter: &str) -> String {
    format!("dw:{{{service}}}:seen:{reporter}")
}

pub fn lease_key(service: &str) -> String {
    format!("dw:{{{service}}}:lease")
}

/// The lease of another per-service task (`task` = "official").
pub fn task_lease_key(service: &str, task: &str) -> String {
    format!("dw:{{{service}}}:lease:{task}")
}

pub fn doc_key(service: &str, name: &str) -> String {
    format!("dw:{{{service}}}:doc:{name}")
}

/// Hash of incident id -> JSON.
pub fn incidents_key(service: &str) -> String {
    format!("dw:{{{service}}}:incidents")
}

/// Sorted set of incident ids by start time.
pub fn incident_index_key(service: &str) -> String {
    format!("dw:{{{service}}}:incidents:by_start")
}

/// Sorted set of live detector processes by when their heartbeat lapses
/// (unix ms); one key for all services, used by single-key commands only.
pub const DETECTORS_KEY: &str = "dw:detectors";
/// List of an incident's official updates (JSON), oldest first.
pub fn incident_updates_key(service: &str, id: &str) -> String {
    format!("dw:{{{service}}}:incident:{id}:updates")
}

/// Official updates kept per incident.
pub const UPDATES_KEPT: usize = 100;

/// Hash of webhook subscription id -> JSON (with its secret).
pub fn webhooks_key(service: &str) -> String {
    format!("dw:{{{service}}}:webhooks")
}

/// The pending deliveries (webhooks, followers' notices) of every service: a sorted set of
/// delivery JSON by due time (unix ms). Used in single-key commands and
/// scripts only, so it may live on any cluster slot.
pub const DELIVERIES_KEY: &str = "dw:{webhooks}:deliveries";

/// Hash of follower id -> JSON (a person's push or email subscription).
pub fn followers_key(service: &str) -> String {
    format!("dw:{{{service}}}:followers")
}

/// A capped set of expiring members (sorted set by until, unix ms): the
/// follow caps and mail limits. All on one slot; single-key scripts only.
pub fn slots_key(set: &str) -> String {
    format!("dw:{{follow}}:slots:{set}")
}

/// A long-lived shared secret (VAPID key pair, link signing key).
pub fn shared_secret_key(name: &str) -> String {
    format!("dw:{{follow}}:secret:{name}")
}

/// The shared event log (a Redis stream), capped at [`EVENTS_KEPT`].
pub const EVENTS_KEY: &str = "dw:events";
pub const EVENTS_KEPT: usize = 10_000;

/// How many events were ever appended to the log: the version readers
/// compare their cached views with. Its hash tag puts it on the log's slot
/// (Redis Cluster hashes "dw:events" whole), so one atomic step writes both.
pub const CHANGES_KEY: &str = "{dw:events}:changes";

/// The HyperLogLog of the reporters seen in one bucket.
pub fn reporters_key(service: &str, res: Resolution, id: i64) -> String {
    format!("dw:{{{service}}}:u:{}:{id}", tag(res))
}

/// Where the day's generated reporter secret lives (`day` = "yyyy-mm-dd").
pub fn secret_key(day: &str) -> String {
    format!("dw:{{secret}}:reporter:{day}")
}

/// Marks the fields of a bucket hash that belong to its network and ASN
/// summaries: `~` and the field's name in a summary hash of its own
/// ([`networks_key`]).
pub const SUMMARY_MARK: char = '~';

/// A summary field's name in a bucket hash.
pub fn in_bucket(summary_field: &str) -> String {
    format!("{SUMMARY_MARK}{summary_field}")
}

pub const NETWORK_PREFIX: &str = "n:";
/// In a network summary: the reports that carried a network.
pub const NETWORK_REPORTS: &str = TOTAL;

/// A network's counter in a network summary.
pub fn network_field(network: &str) -> String {
    format!("{NETWORK_PREFIX}{network}")
}
pub const ASN_PREFIX: &str = "a:";
/// In a summary hash: the reports that carried an ASN (`t` in the old
/// ASN summary key, [`asns_key`]).
pub const ASN_REPORTS: &str = "at";
/// The country of a report with an ASN but no known country.
pub const UNKNOWN_COUNTRY: &str = "ZZ";

/// A report's name in the ASN summaries: `<country>:<asn>`.
pub fn asn_name(country: Option<&str>, asn: u32) -> String {
    format!("{}:{asn}", country.unwrap_or(UNKNOWN_COUNTRY))
}

/// The country and ASN of an ASN summary name (see [`asn_name`]).
pub fn parse_asn_name(name: &str) -> Option<(&str, u32)> {
    let (country, asn) = name.split_once(':')?;
    Some((country, asn.parse().ok()?))
}

/// An ASN's counter in a stored ASN summary.
pub fn asn_field(name: &str) -> String {
    format!("{ASN_PREFIX}{name}")
}

pub const CELL_PREFIX: &str = "c:";

/// The 1° map cell holding a point, named by its south-west corner.
pub fn cell_of(latitude: f64, longitude: f64) -> Option<String> {
    let valid = (-90.0..=90.0).contains(&latitude) && (-180.0..=180.0).contains(&longitude);
    valid.then(|| {
        format!(
            "{}:{}",
            latitude.floor().min(89.0) as i32,
            longitude.floor().min(179.0) as i32
        )
    })
}

pub fn region_field(region: &str) -> String {
    format!("r:{region}")
}

/// The prefix of symptom counters.
pub const SYMPTOM_PREFIX: &str = "s:";

pub fn symptom_field(symptom: &str) -> String {
    format!("{SYMPTOM_PREFIX}{symptom}")
}

/// The counter for reports from `region` (`None` = global).
pub fn count_field(region: Option<&str>) -> String {
    region.map_or_else(|| TOTAL.to_string(), region_field)
}

/// The bucket counters one report increments (its network is counted in
/// the network summaries, not here).
pub fn fields_of(report: &Report) -> Vec<String> {
    let mut fields = vec![TOTAL.to_string(), symptom_field(&report.symptom)];
    if let Some(p) = &report.platform {
        fields.push(format!("p:{p}"));
    }
    for code in report.region.codes() {
        fields.push(region_field(code));
    }
    if let Some(country) = &report.region.country {
        fields.push(format!("rs:{country}:{}", report.symptom));
    }
    if let (Some(lat), Some(lon)) = (report.region.latitude, report.region.longitude)
        && let Some(cell) = cell_of(lat, lon)
    {
        fields.push(format!("{CELL_PREFIX}{cell}"));
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asn_names_round_trip() {
        assert_eq!(asn_name(Some("DE"), 3320), "DE:3320");
        assert_eq!(parse_asn_name("DE:3320"), Some(("DE", 3320)));
        assert_eq!(parse_asn_name(&asn_name(None, 7)), Some(("ZZ", 7)));
        assert_eq!(parse_asn_name("DE:x"), None);
    }

    #[test]
    fn cells_are_one_degree_south_west_corners() {
        assert_eq!(cell_of(37.386, -122.0838).as_deref(), Some("37:-123"));
        assert_eq!(cell_of(-0.5, 0.5).as_deref(), Some("-1:0"));
        assert_eq!(cell_of(90.0, 180.0).as_deref(), Some("89:179"));
        assert_eq!(cell_of(91.0, 0.0), None);
        assert_eq!(cell_of(f64::NAN, 0.0), None);
    }
}
