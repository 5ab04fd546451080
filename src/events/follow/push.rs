//! Web Push: the VAPID key pair (RFC 8292), the push subscription's keys,
//! and the encrypted request (RFC 8291 `aes128gcm`) for one notice, built
//! by `web-push-native` and sent with our own HTTP client.
//!
//! The key pair is made by the first process that needs it and kept in
//! the store (set only if absent), so every process signs with the same
//! key the browsers subscribed with. Losing it means every browser must
//! subscribe again (docs/following.md).

use crate::store::{Store, StoreError};
use base64::Engine;
use base64::alphabet::URL_SAFE;
use base64::engine::DecodePaddingMode;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig, URL_SAFE_NO_PAD};
use web_push_native::jwt_simple::algorithms::{
    ECDSAP256KeyPairLike, ECDSAP256PublicKeyLike, ES256KeyPair,
};
use web_push_native::jwt_simple::claims::Claims;
use web_push_native::p256::PublicKey;
use web_push_native::{Auth, WebPushBuilder};

/// Base64url with or without padding (browsers send it without).
const B64URL: GeneralPurpose = GeneralPurpose::new(
    &URL_SAFE,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// How long a push service may hold a message (`TTL`), and how long its
/// VAPID token is good for (RFC 8292: at most a day).
const VALID_FOR: std::time::Duration = std::time::Duration::from_secs(12 * 3600);

/// The auth secret's length (RFC 8291).
const AUTH_BYTES: usize = 16;

/// The server's VAPID key pair.
pub struct Vapid {
    key: ES256KeyPair,
    public_key: String,
}

impl Vapid {
    /// The shared key pair.
    pub async fn load(store: &dyn Store) -> Result<Self, StoreError> {
        let candidate = URL_SAFE_NO_PAD.encode(ES256KeyPair::generate().to_bytes());
        let stored = store.shared_secret("vapid", &candidate).await?;
        let key = B64URL
            .decode(stored.as_bytes())
            .ok()
            .and_then(|raw| ES256KeyPair::from_bytes(&raw).ok())
            .ok_or_else(|| StoreError::backend("the stored VAPID key is unreadable"))?;
        let public_key =
            URL_SAFE_NO_PAD.encode(key.public_key().public_key().to_bytes_uncompressed());
        Ok(Self { key, public_key })
    }

    /// The public key browsers pass to `pushManager.subscribe` as
    /// `applicationServerKey` (base64url, uncompressed point).
    pub fn public_key(&self) -> &str {
        &self.public_key
    }

    /// The request delivering `payload` to a subscription, signed for
    /// `contact` (the JWT's `sub`).
    pub fn request(
        &self,
        keys: &PushKeys,
        contact: &str,
        payload: &[u8],
    ) -> Result<PushRequest, String> {
        let endpoint = keys
            .endpoint
            .parse()
            .map_err(|e| format!("endpoint: {e}"))?;
        let (parts, body) = WebPushBuilder::new(endpoint, keys.p256dh, keys.auth)
            .with_valid_duration(VALID_FOR)
            .build(payload.to_vec())
            .map_err(|e| e.to_string())?
            .into_parts();
        let mut headers = parts.headers;
        let authorization = self.authorization(&keys.endpoint, contact)?;
        headers.insert(
            reqwest::header::AUTHORIZATION,
            reqwest::header::HeaderValue::from_str(&authorization).map_err(|e| e.to_string())?,
        );
        // Notices are about now: ask the push service to wake the device.
        headers.insert("urgency", reqwest::header::HeaderValue::from_static("high"));
        Ok(PushRequest {
            url: parts.uri.to_string(),
            headers,
            body,
        })
    }
}

impl Vapid {
    /// `vapid t=<JWT>, k=<public key>` (RFC 8292). Signed here rather than
    /// by `web-push-native`'s `with_vapid`, whose `aud` leaves out a
    /// non-default port (RFC 8292 wants the endpoint's origin, port
    /// included).
    fn authorization(&self, endpoint: &str, contact: &str) -> Result<String, String> {
        let url = reqwest::Url::parse(endpoint).map_err(|e| format!("endpoint: {e}"))?;
        let origin = url.origin().ascii_serialization();
        let claims = Claims::create(VALID_FOR.into())
            .with_audience(origin)
            .with_subject(contact);
        let token = self.key.sign(claims).map_err(|e| e.to_string())?;
        Ok(format!("vapid t={token}, k={}", self.public_key))
    }
}

/// One push message, ready to POST.
pub struct PushRequest {
    pub url: String,
    /// `TTL`, `Content-Encoding: aes128gcm`, `Authorization: vapid t=…, k=…`.
    pub headers: reqwest::header::HeaderMap,
    pub body: Vec<u8>,
}

/// A push subscription, parsed.
pub struct PushKeys {
    pub endpoint: String,
    pub p256dh: PublicKey,
    pub auth: Auth,
}

/// Why a subscription's keys are unusable.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    #[error("keys.p256dh must be a base64url P-256 public key")]
    P256dh,
    #[error("keys.auth must be 16 bytes in base64url")]
    Auth,
}

impl PushKeys {
    pub fn parse(endpoint: &str, p256dh: &str, auth: &str) -> Result<Self, KeyError> {
        let p256dh = B64URL
            .decode(p256dh.trim())
            .ok()
            .and_then(|raw| PublicKey::from_sec1_bytes(&raw).ok())
            .ok_or(KeyError::P256dh)?;
        let auth = B64URL
            .decode(auth.trim())
            .ok()
            .filter(|raw| raw.len() == AUTH_BYTES)
            .map(|raw| Auth::clone_from_slice(&raw))
            .ok_or(KeyError::Auth)?;
        Ok(Self {
            endpoint: endpoint.to_string(),
            p256dh,
            auth,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::MemoryStore;
    use web_push_native::p256::SecretKey;
    use web_push_native::p256::elliptic_curve::sec1::ToEncodedPoint;

    #[tokio::test]
    async fn every_process_signs_with_the_first_key_pair() {
        let store = MemoryStore::new(60);
        let a = Vapid::load(&store).await.expect("vapid");
        let b = Vapid::load(&store).await.expect("vapid");
        assert_eq!(a.public_key(), b.public_key());
        assert_eq!(B64URL.decode(a.public_key()).expect("b64").len(), 65);
    }

    #[tokio::test]
    async fn a_request_decrypts_with_the_browsers_keys() {
        let store = MemoryStore::new(60);
        let vapid = Vapid::load(&store).await.expect("vapid");
        let browser = SecretKey::random(&mut rand_core_06());
        let public =
            URL_SAFE_NO_PAD.encode(browser.public_key().to_encoded_point(false).as_bytes());
        let auth = URL_SAFE_NO_PAD.encode([9u8; 16]);
        let keys = PushKeys::parse("https://push.example/x", &public, &auth).expect("keys");
        let request = vapid
            .request(&keys, "mailto:a@example.com", b"hello")
            .expect("request");
        assert_eq!(request.headers["content-encoding"], "aes128gcm");
        assert!(
            request.headers["authorization"]
                .to_str()
                .expect("ascii")
                .ends_with(&format!("k={}", vapid.public_key()))
        );
        let plain =
            web_push_native::decrypt(request.body, &browser, &Auth::clone_from_slice(&[9u8; 16]))
                .expect("decrypts");
        assert_eq!(plain, b"hello");
        assert_eq!(
            PushKeys::parse("x", &public, "c2hvcnQ").err(),
            Some(KeyError::Auth)
        );
        assert_eq!(
            PushKeys::parse("x", "AAAA", &auth).err(),
            Some(KeyError::P256dh)
        );
    }

    fn rand_core_06() -> impl web_push_native::p256::elliptic_curve::rand_core::CryptoRngCore {
        web_push_native::p256::elliptic_curve::rand_core::OsRng
    }
}
