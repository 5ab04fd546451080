//! Where a reporter is: the client IP behind trusted proxies, and the region
//! a MaxMind-format database places it in.
//!
//! Regions form a path: global > country ("US") > subdivision ("US-CA");
//! with coordinates (city databases) a report also falls in a 1° map cell.
//! Private, loopback, reserved and documentation addresses are "unknown"
//! whatever a database says; unknown reports still count globally.

mod client_ip;
mod database;
mod source;
mod special;

pub use client_ip::{ClientIpHeader, TrustedProxies, client_ip};
pub use database::{Asn, BUNDLED_ASN_DB_GZ, BUNDLED_DB, GeoDb, GeoError};
pub use source::GeoSource;
pub use special::is_special;

use serde::Serialize;

/// Where a report came from, as far as the database knows.
#[derive(Debug, Clone, Default, PartialEq, Serialize, utoipa::ToSchema)]
pub struct Region {
    /// ISO 3166-1 alpha-2 country code; `None` when unknown.
    pub country: Option<String>,
    /// ISO 3166-2 code of the first-level subdivision, e.g. "US-CA".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subdivision: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latitude: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub longitude: Option<f64>,
    /// Radius in km around the coordinates that the database vouches for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accuracy_radius_km: Option<u16>,
}

impl Region {
    pub fn unknown() -> Self {
        Self::default()
    }

    pub fn is_known(&self) -> bool {
        self.country.is_some()
    }

    /// The region codes this report counts under, broadest first
    /// (global is implicit and not listed).
    pub fn codes(&self) -> Vec<&str> {
        let mut codes = Vec::with_capacity(2);
        if let Some(c) = &self.country {
            codes.push(c.as_str());
            if let Some(s) = &self.subdivision {
                codes.push(s.as_str());
            }
        }
        codes
    }
}

/// Is this a region code we accept in queries: "US" or "US-CA" (ISO 3166-2
/// subdivision part: 1-3 letters or digits)?
pub fn is_region_code(code: &str) -> bool {
    let (country, sub) = match code.split_once('-') {
        Some((c, s)) => (c, Some(s)),
        None => (code, None),
    };
    let country_ok = country.len() == 2 && country.chars().all(|c| c.is_ascii_uppercase());
    let sub_ok = sub.is_none_or(|s| {
        (1..=3).contains(&s.len())
            && s.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    });
    country_ok && sub_ok
}

/// Whether region code `region` ("US-CA") is `area` ("US-CA" or "US") or
/// inside it; "global" is inside no country.
pub fn is_within(region: &str, area: &str) -> bool {
    region == area
        || region
            .strip_prefix(area)
            .is_some_and(|rest| rest.starts_with('-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn region_codes() {
        assert!(is_region_code("US"));
        assert!(is_region_code("US-CA"));
        assert!(is_region_code("GB-ENG"));
        assert!(is_region_code("FR-75"));
        assert!(!is_region_code("us"));
        assert!(!is_region_code("USA"));
        assert!(!is_region_code("US-"));
        assert!(!is_region_code("US-CAXX"));
        assert!(!is_region_code(""));
    }

    #[test]
    fn codes_go_from_broad_to_narrow() {
        let r = Region {
            country: Some("US".into()),
            subdivision: Some("US-CA".into()),
            ..Region::default()
        };
        assert_eq!(r.codes(), ["US", "US-CA"]);
        assert!(Region::unknown().codes().is_empty());
    }
}
