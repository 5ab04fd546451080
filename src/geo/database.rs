//! MaxMind DB lookups. Two record layouts are understood: the GeoIP2 /
//! GeoLite2 layout (`country.iso_code`, `subdivisions`, `city`, `location`)
//! and the flat layout of the bundled database (`{"country_code": "GB"}`);
//! and the GeoLite2-ASN fields (`autonomous_system_number`,
//! `autonomous_system_organization`), from an ASN database or from a
//! country/city database that carries them too.

use super::{Region, is_special};
use bytes::Bytes;
use maxminddb::Reader;
use serde::Deserialize;
use std::net::IpAddr;
use std::path::Path;

/// The bundled country database (see geoip/README.md for source and license).
pub const BUNDLED_DB: &[u8] = include_bytes!("../../geoip/geo-whois-asn-country.mmdb");

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

impl GeoDb {
    /// The database compiled into the binary.
    pub fn bundled() -> Result<Self, GeoError> {
        Self::from_bytes(Bytes::from_static(BUNDLED_DB), "<bundled country database>")
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
