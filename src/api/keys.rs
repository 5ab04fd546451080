//! API keys for third-party readers: from `--api-key` and a keys file.
//! A caller presents one as `Authorization: Bearer <key>` or `X-API-Key`.
//!
//! Keys are held as SHA-256 digests and compared in constant time against
//! every configured key, so neither the position of a mismatch nor which key
//! matched shows in the timing. Keys are never logged.

use crate::ingest::Secret;
use actix_web::http::header::HeaderMap;
use sha2::{Digest, Sha256};
use std::path::Path;
use subtle::ConstantTimeEq;

/// The configured API keys.
#[derive(Default)]
pub struct ApiKeys {
    digests: Vec<[u8; 32]>,
}

/// What a request says about its key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presented {
    /// No key: an anonymous caller.
    None,
    /// The key at this index of the configuration.
    Valid(usize),
    /// A key that is not configured.
    Invalid,
}

#[derive(Debug, thiserror::Error)]
#[error("--api-keys-file {path}: {reason}")]
pub struct KeysFileError {
    path: String,
    reason: String,
}

impl ApiKeys {
    pub fn new<'a>(keys: impl IntoIterator<Item = &'a str>) -> Self {
        Self {
            digests: keys
                .into_iter()
                .map(str::trim)
                .filter(|k| !k.is_empty())
                .map(digest)
                .collect(),
        }
    }

    /// Keys from flags plus those in `file` (one per line; blank lines and
    /// lines starting with `#` are skipped).
    pub fn load(flags: &[Secret], file: Option<&Path>) -> Result<Self, KeysFileError> {
        let contents = match file {
            Some(path) => std::fs::read_to_string(path).map_err(|e| KeysFileError {
                path: path.display().to_string(),
                reason: e.to_string(),
            })?,
            None => String::new(),
        };
        let from_file = contents
            .lines()
            .map(str::trim)
            .filter(|l| !l.starts_with('#'));
        Ok(Self::new(flags.iter().map(Secret::expose).chain(from_file)))
    }

    pub fn len(&self) -> usize {
        self.digests.len()
    }

    pub fn is_empty(&self) -> bool {
        self.digests.is_empty()
    }

    /// Which key, if any, `headers` carry.
    pub fn check(&self, headers: &HeaderMap) -> Presented {
        let Some(key) = presented_key(headers) else {
            return Presented::None;
        };
        let wanted = digest(key);
        let mut found: Option<usize> = None;
        for (i, d) in self.digests.iter().enumerate() {
            if bool::from(d.ct_eq(&wanted)) && found.is_none() {
                found = Some(i);
            }
        }
        found.map_or(Presented::Invalid, Presented::Valid)
    }
}

fn digest(key: &str) -> [u8; 32] {
    Sha256::digest(key.as_bytes()).into()
}

fn presented_key(headers: &HeaderMap) -> Option<&str> {
    if let Some(v) = headers.get("x-api-key").and_then(|v| v.to_str().ok()) {
        return Some(v.trim());
    }
    let auth = headers.get("authorization")?.to_str().ok()?;
    let (scheme, key) = auth.trim().split_once(' ')?;
    scheme.eq_ignore_ascii_case("bearer").then(|| key.trim())
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::http::header::{HeaderName, HeaderValue};

    fn headers(name: &'static str, value: &'static str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(
            HeaderName::from_static(name),
            HeaderValue::from_static(value),
        );
        h
    }

    #[test]
    fn bearer_and_x_api_key_are_both_read() {
        let keys = ApiKeys::new(["alpha", "beta"]);
        assert_eq!(
            keys.check(&headers("x-api-key", "beta")),
            Presented::Valid(1)
        );
        assert_eq!(
            keys.check(&headers("authorization", "Bearer alpha")),
            Presented::Valid(0)
        );
        assert_eq!(
            keys.check(&headers("x-api-key", "gamma")),
            Presented::Invalid
        );
        assert_eq!(keys.check(&HeaderMap::new()), Presented::None);
        assert_eq!(
            keys.check(&headers("authorization", "Basic YWxwaGE=")),
            Presented::None
        );
    }

    #[test]
    fn a_keys_file_skips_comments_and_blanks() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("keys");
        std::fs::write(&path, "# partners\nfrom-file\n\n  spaced  \n").expect("write");
        let keys = ApiKeys::load(&[Secret::new("flag")], Some(&path)).expect("load");
        assert_eq!(keys.len(), 3);
        assert_eq!(
            keys.check(&headers("x-api-key", "spaced")),
            Presented::Valid(2)
        );
        assert!(ApiKeys::load(&[], Some(&dir.path().join("missing"))).is_err());
    }
}
