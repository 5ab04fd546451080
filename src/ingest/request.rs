//! The report request as a client sends it, and its validation.
//!
//! Unknown JSON fields are ignored (clients may send more than we read);
//! an empty `platform` is the same as none, so the HTML form can offer
//! "not given".

use crate::catalog::{Catalog, PLATFORMS, Service};
use serde::Deserialize;

/// The largest body accepted on report submission.
pub const MAX_BODY_BYTES: usize = 4096;

/// The body formats `POST /api/v1/reports` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyFormat {
    Json,
    Form,
}

impl BodyFormat {
    /// The format named by a Content-Type header value, parameters ignored.
    pub fn from_content_type(value: &str) -> Option<Self> {
        let essence = value.split(';').next().unwrap_or("").trim();
        if essence.eq_ignore_ascii_case("application/json") {
            Some(Self::Json)
        } else if essence.eq_ignore_ascii_case("application/x-www-form-urlencoded") {
            Some(Self::Form)
        } else {
            None
        }
    }
}

/// What a client submits.
#[derive(Debug, Clone, Deserialize, utoipa::ToSchema)]
pub struct ReportRequest {
    /// A service slug from the catalog.
    #[schema(example = "spotify")]
    pub service: String,
    /// One of the service's symptoms.
    #[schema(example = "login")]
    pub symptom: String,
    /// web, ios, android, desktop, tv or other.
    #[serde(default)]
    pub platform: Option<String>,
}

/// Why a submission was refused.
#[derive(Debug, thiserror::Error, PartialEq)]
pub enum IngestError {
    #[error("{0}")]
    Malformed(String),
    #[error("there is no service \"{0}\" in the catalog")]
    UnknownService(String),
    #[error("\"{symptom}\" is not a symptom of {service}; valid symptoms: {valid}")]
    UnknownSymptom {
        service: String,
        symptom: String,
        valid: String,
    },
    #[error("\"{0}\" is not a platform; valid platforms: {valid}", valid = PLATFORMS.join(", "))]
    UnknownPlatform(String),
}

/// Decodes a body in `format`.
pub fn parse_body(format: BodyFormat, body: &[u8]) -> Result<ReportRequest, IngestError> {
    match format {
        BodyFormat::Json => serde_json::from_slice(body)
            .map_err(|e| IngestError::Malformed(format!("invalid JSON body: {e}"))),
        BodyFormat::Form => serde_urlencoded::from_bytes(body)
            .map_err(|e| IngestError::Malformed(format!("invalid form body: {e}"))),
    }
}

impl ReportRequest {
    /// Checks the request against the catalog; returns the service and the
    /// normalised platform.
    pub fn validate<'c>(
        &self,
        catalog: &'c Catalog,
    ) -> Result<(&'c Service, Option<String>), IngestError> {
        let service = catalog
            .service(self.service.trim())
            .ok_or_else(|| IngestError::UnknownService(truncate(&self.service)))?;
        if !service.has_symptom(self.symptom.trim()) {
            return Err(IngestError::UnknownSymptom {
                service: service.name.clone(),
                symptom: truncate(&self.symptom),
                valid: service.symptoms.join(", "),
            });
        }
        let platform = match self.platform.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(p) if PLATFORMS.contains(&p) => Some(p.to_string()),
            Some(p) => return Err(IngestError::UnknownPlatform(truncate(p))),
        };
        Ok((service, platform))
    }
}

/// Echoing client input in messages is helpful, but only so much of it.
fn truncate(s: &str) -> String {
    const MAX: usize = 64;
    match s.char_indices().nth(MAX) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_types() {
        assert_eq!(
            BodyFormat::from_content_type("application/json; charset=utf-8"),
            Some(BodyFormat::Json)
        );
        assert_eq!(
            BodyFormat::from_content_type("Application/X-WWW-Form-Urlencoded"),
            Some(BodyFormat::Form)
        );
        assert_eq!(BodyFormat::from_content_type("text/plain"), None);
    }

    #[test]
    fn form_with_empty_platform() {
        let r =
            parse_body(BodyFormat::Form, b"service=spotify&symptom=login&platform=").expect("form");
        let catalog = Catalog::bundled().expect("catalog");
        let (s, p) = r.validate(&catalog).expect("valid");
        assert_eq!(s.slug, "spotify");
        assert_eq!(p, None);
    }

    #[test]
    fn long_input_is_truncated_in_messages() {
        let long = "x".repeat(500);
        assert_eq!(truncate(&long).chars().count(), 65);
    }
}
