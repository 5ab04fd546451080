//! The one place stored values become JSON and back: every repository
//! writes through [`encode`] and reads through [`decode`], so the stored
//! format (the same JSON as before the repositories were typed; see
//! docs/storage.md) is decided here and nowhere else.

use super::StoreError;
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::marker::PhantomData;

/// `value` as stored.
pub(super) fn encode<T: Serialize + ?Sized>(value: &T) -> Result<String, StoreError> {
    serde_json::to_string(value).map_err(StoreError::backend)
}

/// A stored value, or `None` (logged) when it cannot be read: a document
/// written by a newer or broken version is treated as absent rather than
/// failing every read of the service. `what` and `key` name it in the log.
pub(super) fn decode<T: DeserializeOwned>(json: &str, what: &str, key: &str) -> Option<T> {
    match serde_json::from_str(json) {
        Ok(v) => Some(v),
        Err(e) => {
            tracing::warn!(what, key, error = %e, "unreadable stored value; treated as absent");
            None
        }
    }
}

/// A key of a repository (a document's name, a capped set) with the type
/// of the values stored under it, so a caller cannot read one type as
/// another: [`super::DocName`], [`super::SetOf`].
pub struct Typed<K, T> {
    pub key: K,
    _holds: PhantomData<fn() -> T>,
}

impl<K, T> Typed<K, T> {
    pub const fn new(key: K) -> Self {
        Self {
            key,
            _holds: PhantomData,
        }
    }
}

impl<K: Copy, T> Clone for Typed<K, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<K: Copy, T> Copy for Typed<K, T> {}

impl<K: std::fmt::Debug, T> std::fmt::Debug for Typed<K, T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.key.fmt(f)
    }
}

/// A value already turned into its stored form, so that a large one can
/// be encoded off the async threads (the detector's state, kilobytes per
/// region) and saved later.
pub struct Encoded<T> {
    pub(super) json: String,
    _of: PhantomData<fn() -> T>,
}

impl<T: Serialize> Encoded<T> {
    pub fn new(value: &T) -> Result<Self, StoreError> {
        Ok(Self {
            json: encode(value)?,
            _of: PhantomData,
        })
    }
}

impl<T> std::fmt::Debug for Encoded<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Encoded")
            .field("bytes", &self.json.len())
            .finish()
    }
}

/// A field that holds a value as JSON text inside another stored value
/// (a follower riding along a queued delivery), for
/// `#[serde(with = "crate::store::json_text")]`; the text is what was
/// stored before such fields were typed.
pub mod json_text {
    use serde::de::{DeserializeOwned, Error as _};
    use serde::ser::Error as _;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    /// `value` as the JSON text that rides inside another stored value (a
    /// follower's notice as a queued delivery's body).
    pub fn to_text<T: Serialize>(value: &T) -> Result<String, crate::store::StoreError> {
        super::encode(value)
    }

    /// A value written by [`to_text`], or `None` when the text cannot be
    /// read (written by another version, or not that type).
    pub fn from_text<T: DeserializeOwned>(text: &str) -> Option<T> {
        serde_json::from_str(text).ok()
    }

    pub fn serialize<T: Serialize, S: Serializer>(value: &T, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&serde_json::to_string(value).map_err(S::Error::custom)?)
    }

    pub fn deserialize<'de, T: DeserializeOwned, D: Deserializer<'de>>(
        d: D,
    ) -> Result<T, D::Error> {
        serde_json::from_str(&String::deserialize(d)?).map_err(D::Error::custom)
    }

    /// The same for an optional field (absent or `null` when `None`).
    pub mod option {
        use super::*;

        pub fn serialize<T: Serialize, S: Serializer>(
            value: &Option<T>,
            s: S,
        ) -> Result<S::Ok, S::Error> {
            match value {
                Some(v) => super::serialize(v, s),
                None => s.serialize_none(),
            }
        }

        pub fn deserialize<'de, T: DeserializeOwned, D: Deserializer<'de>>(
            d: D,
        ) -> Result<Option<T>, D::Error> {
            match Option::<String>::deserialize(d)? {
                Some(text) => serde_json::from_str(&text)
                    .map(Some)
                    .map_err(D::Error::custom),
                None => Ok(None),
            }
        }
    }
}
