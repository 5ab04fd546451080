//! MaxMind DB lookups. Two record layouts are understood: the GeoIP2 /
//! GeoLite2 layout (`country.iso_code`, `subdivisions`, `city`, `location`)
//! and the flat layout of the bundled database (`{"country_code": "GB"}`);
//! and the GeoLite2-ASN fields (`autonomous_system_number`,
//! `autonomous_system_organization`), from an ASN database (the bundled
//! one, or `--asn-db`) or from a country/city database that carries them
//! too.

use super::{Region, is_special};
use bytes::Bytes;
use maxminddb::Reader;
use serde::Deserialize;
use std::collections::HashMap;
use std::io::Read;
use std::net::IpAddr;
use std::path::Path;
use std::sync::OnceLock;

/// The bundled country database (see geoip/README.md for source and license).
pub const BUNDLED_DB: &[u8] = include_bytes!("../../geoip/geo-whois-asn-country.mmdb");

/// The bundled ASN database, gzip-compressed (geoip/README.md: built by
/// `examples/asn_mmdb.rs` from `@ip-location-db/asn`).
pub const BUNDLED_ASN_DB_GZ: &[u8] = include_bytes!("../../geoip/asn.mmdb.gz");

#[derive(Debug, thiserror::Error)]
pub enum GeoError {
    #[error("cannot read GeoIP database {path}: {reason}")]
    Io { path: String, reason: String },
    #[error("{path} is not a usable MaxMind DB: {reason}")]
    Invalid { path: String, reason: String },
}

/// An open MaxMind-format database.
pub struct GeoDb {
    reader: Reader<Bytes>,
    source: String,
    /// AS number -> organisation, built from the whole file on first use
    /// ([`GeoDb::asn_name`]).
    names: OnceLock<HashMap<u32, Box<str>>>,
}

impl std::fmt::Debug for GeoDb {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("GeoDb")
            .field("source", &self.source)
            .field("database_type", &self.reader.metadata().database_type)
            .finish()
    }
}

#[derive(Deserialize)]
struct Names {
    en: Option<String>,
}

#[derive(Deserialize)]
struct Place {
    iso_code: Option<String>,
    names: Option<Names>,
}

#[derive(Deserialize)]
struct Location {
    latitude: Option<f64>,
    longitude: Option<f64>,
    accuracy_radius: Option<u16>,
}

#[derive(Deserialize)]
struct Record {
    country_code: Option<String>,
    country: Option<Place>,
    subdivisions: Option<Vec<Place>>,
    city: Option<Place>,
    location: Option<Location>,
}

/// The network operator (autonomous system) an address belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asn {
    pub number: u32,
    pub organization: Option<String>,
}

#[derive(Deserialize)]
struct AsnRecord {
    autonomous_system_number: Option<u32>,
    autonomous_system_organization: Option<String>,
}

/// The number alone: the decoder skips the organisation's string instead
/// of allocating it, which is most of a look-up's cost after the tree walk.
#[derive(Deserialize)]
struct AsnNumberRecord {
    autonomous_system_number: Option<u32>,
}

impl GeoDb {
    /// The database compiled into the binary.
    pub fn bundled() -> Result<Self, GeoError> {
        Self::from_bytes(Bytes::from_static(BUNDLED_DB), "<bundled country database>")
    }

    /// The ASN database compiled into the binary, inflated into memory.
    ///
    /// Inflated once per process and shared: every app built in the same
    /// process (tests build hundreds) reads the same bytes.
    pub fn bundled_asn() -> Result<Self, GeoError> {
        const SOURCE: &str = "<bundled ASN database>";
        static INFLATED: OnceLock<Result<Bytes, String>> = OnceLock::new();
        let bytes = INFLATED
            .get_or_init(|| {
                let mut bytes = Vec::new();
                flate2::read::GzDecoder::new(BUNDLED_ASN_DB_GZ)
                    .read_to_end(&mut bytes)
                    .map(|_| Bytes::from(bytes))
                    .map_err(|e| format!("cannot inflate: {e}"))
            })
            .clone()
            .map_err(|reason| GeoError::Invalid {
                path: SOURCE.to_string(),
                reason,
            })?;
        Self::from_bytes(bytes, SOURCE)
    }

    /// The bundled ASN database, opened once per process and shared, so its
    /// operator-name index is also built once.
    pub fn bundled_asn_shared() -> Result<std::sync::Arc<Self>, GeoError> {
        static SHARED: OnceLock<std::sync::Arc<GeoDb>> = OnceLock::new();
        if let Some(db) = SHARED.get() {
            return Ok(db.clone());
        }
        let db = std::sync::Arc::new(Self::bundled_asn()?);
        Ok(SHARED.get_or_init(|| db).clone())
    }

    pub fn open(path: &Path) -> Result<Self, GeoError> {
        let name = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| GeoError::Io {
            path: name.clone(),
            reason: e.to_string(),
        })?;
        Self::from_bytes(Bytes::from(bytes), &name)
    }

    /// Opens `path` and checks the whole file (search tree and data
    /// section), for reloads, where a bad file must be refused rather than
    /// served.
    pub fn open_verified(path: &Path) -> Result<Self, GeoError> {
        let db = Self::open(path)?;
        db.reader.verify().map_err(|e| GeoError::Invalid {
            path: path.display().to_string(),
            reason: e.to_string(),
        })?;
        Ok(db)
    }

    /// Opens a database held in memory; `source` names it in messages.
    pub fn from_bytes(bytes: Bytes, source: &str) -> Result<Self, GeoError> {
        let reader = Reader::from_source(bytes).map_err(|e| GeoError::Invalid {
            path: source.to_string(),
            reason: e.to_string(),
        })?;
        Ok(Self {
            reader,
            source: source.to_string(),
            names: OnceLock::new(),
        })
    }

    pub fn database_type(&self) -> &str {
        &self.reader.metadata().database_type
    }

    pub fn source(&self) -> &str {
        &self.source
    }

    /// The autonomous system of `ip`, when the database has the
    /// GeoLite2-ASN fields for it; None for special-purpose addresses.
    pub fn lookup_asn(&self, ip: IpAddr) -> Option<Asn> {
        let ip = ip.to_canonical();
        if is_special(ip) {
            return None;
        }
        let record = match self.reader.lookup(ip).and_then(|r| r.decode::<AsnRecord>()) {
            Ok(record) => record?,
            Err(e) => {
                tracing::debug!(error = %e, db = %self.source, "unreadable ASN record");
                return None;
            }
        };
        let number = record.autonomous_system_number.filter(|&n| n > 0)?;
        Some(Asn {
            number,
            organization: record.autonomous_system_organization,
        })
    }

    /// The AS number of `ip` alone (what ingest counts), as
    /// [`GeoDb::lookup_asn`] finds it without decoding the organisation.
    pub fn lookup_asn_number(&self, ip: IpAddr) -> Option<u32> {
        let ip = ip.to_canonical();
        if is_special(ip) {
            return None;
        }
        match self
            .reader
            .lookup(ip)
            .and_then(|r| r.decode::<AsnNumberRecord>())
        {
            Ok(record) => record?.autonomous_system_number.filter(|&n| n > 0),
            Err(e) => {
                tracing::debug!(error = %e, db = %self.source, "unreadable ASN record");
                None
            }
        }
    }

    /// Whether the database places any of a few well-known addresses in an
    /// autonomous system: a City or Country database that carries the ASN
    /// fields too (GeoIP2 ISP / Enterprise layouts).
    pub fn has_asn_data(&self) -> bool {
        ["8.8.8.8", "1.1.1.1", "9.9.9.9", "2001:4860:4860::8888"]
            .iter()
            .filter_map(|a| a.parse::<IpAddr>().ok())
            .any(|ip| self.lookup_asn(ip).is_some())
    }

    /// The organisation the database names for AS `number`, when any of
    /// its networks carries one. The first call reads every network of
    /// the file once (about a second for the bundled database) and keeps
    /// one name per AS.
    pub fn asn_name(&self, number: u32) -> Option<&str> {
        self.names
            .get_or_init(|| self.read_names())
            .get(&number)
            .map(|n| &**n)
    }

    fn read_names(&self) -> HashMap<u32, Box<str>> {
        let mut names: HashMap<u32, Box<str>> = HashMap::new();
        let mut seen = std::collections::HashSet::new();
        let networks = match self.reader.networks(Default::default()) {
            Ok(n) => n,
            Err(e) => {
                tracing::warn!(error = %e, db = %self.source, "cannot list the networks for AS names");
                return names;
            }
        };
        for result in networks {
            let Ok(found) = result else { continue };
            // Records are shared: decode each once.
            if found.offset().is_some_and(|o| !seen.insert(o)) {
                continue;
            }
            if let Ok(Some(AsnRecord {
                autonomous_system_number: Some(n),
                autonomous_system_organization: Some(org),
            })) = found.decode::<AsnRecord>()
                && n > 0
                && !org.is_empty()
            {
                names.entry(n).or_insert_with(|| org.into_boxed_str());
            }
        }
        names.shrink_to_fit();
        names
    }

    /// The region of `ip`; unknown for special-purpose addresses, addresses
    /// the database does not cover and records it cannot read.
    pub fn lookup(&self, ip: IpAddr) -> Region {
        let ip = ip.to_canonical();
        if is_special(ip) {
            return Region::unknown();
        }
        let record = match self.reader.lookup(ip).and_then(|r| r.decode::<Record>()) {
            Ok(Some(record)) => record,
            Ok(None) => return Region::unknown(),
            Err(e) => {
                tracing::warn!(error = %e, db = %self.source, "unreadable GeoIP record");
                return Region::unknown();
            }
        };
        let country = record
            .country
            .and_then(|c| c.iso_code)
            .or(record.country_code)
            .map(|c| c.to_ascii_uppercase())
            .filter(|c| super::is_region_code(c) && c.len() == 2);
        let Some(country) = country else {
            return Region::unknown();
        };
        let subdivision = record
            .subdivisions
            .and_then(|s| s.into_iter().next())
            .and_then(|s| s.iso_code)
            .map(|s| format!("{country}-{}", s.to_ascii_uppercase()))
            .filter(|s| super::is_region_code(s));
        let city = record.city.and_then(|c| c.names).and_then(|n| n.en);
        let location = record.location;
        let (latitude, longitude, accuracy_radius_km) = match location {
            Some(l) => (l.latitude, l.longitude, l.accuracy_radius),
            None => (None, None, None),
        };
        Region {
            country: Some(country),
            subdivision,
            city,
            latitude,
            longitude,
            accuracy_radius_km,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> IpAddr {
        s.parse().expect("address")
    }

    #[test]
    fn the_bundled_asn_database_places_real_addresses_in_their_networks() {
        let db = GeoDb::bundled_asn().expect("bundled ASN database");
        // Deutsche Telekom's 80.128.0.0/11 and 217.224.0.0/11 (RIPE),
        // Google's public DNS, and an IPv6 address of Telekom's 2003::/19.
        for (addr, asn, org) in [
            ("80.128.0.1", 3320, "Deutsche Telekom AG"),
            ("80.157.255.254", 3320, "Deutsche Telekom AG"),
            ("80.159.255.254", 2792, "Deutsche Telekom AG"),
            ("217.224.13.7", 3320, "Deutsche Telekom AG"),
            ("2003:e5:1::1", 3320, "Deutsche Telekom AG"),
            ("::ffff:80.128.0.1", 3320, "Deutsche Telekom AG"),
            ("8.8.8.8", 15169, "Google LLC"),
        ] {
            let found = db.lookup_asn(ip(addr)).unwrap_or_else(|| panic!("{addr}"));
            assert_eq!(found.number, asn, "{addr}");
            assert_eq!(found.organization.as_deref(), Some(org), "{addr}");
            assert_eq!(db.lookup_asn_number(ip(addr)), Some(found.number));
        }
        assert_eq!(db.lookup_asn(ip("10.0.0.1")), None);
        assert!(db.has_asn_data());
        assert_eq!(db.asn_name(3320), Some("Deutsche Telekom AG"));
        assert_eq!(db.asn_name(0), None);
        // The bundled country database carries no ASN fields.
        assert!(!GeoDb::bundled().expect("country db").has_asn_data());
    }

    /// The catalog names each carrier's autonomous systems; a number the
    /// bundled data does not know (a typo, or a network the data dropped)
    /// would leave that carrier's reports unattributed.
    #[test]
    fn every_catalog_carrier_asn_is_in_the_bundled_asn_database() {
        let db = GeoDb::bundled_asn().expect("bundled ASN database");
        let catalog = crate::catalog::Catalog::bundled().expect("catalog");
        let mut checked = 0;
        let mut missing = Vec::new();
        for s in catalog.services() {
            for &asn in &s.asns {
                checked += 1;
                if db.asn_name(asn).is_none() {
                    missing.push(format!("{} AS{asn}", s.slug));
                }
            }
        }
        assert!(checked >= 10, "only {checked} carrier ASNs in the catalog");
        assert!(
            missing.is_empty(),
            "not in the bundled ASN data: {missing:?}"
        );
    }
}
