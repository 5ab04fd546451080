//! Webhook subscriptions, the deliveries an event makes, and the signature
//! scheme (docs/webhooks.md).
//!
//! A subscription names a service, optionally a region, a target URL and a
//! secret. Every incident event of a matching incident becomes one
//! delivery per subscription in the store's delivery queue
//! ([`super::delivery`]), whose worker posts it. The body is the event's JSON as
//! logged; `X-Downwatch-Signature: sha256=<hex>` is HMAC-SHA256 with the
//! subscription's secret over `"<X-Downwatch-Timestamp>.<body>"`.

use super::delivery::Delivery;
use crate::store::{CappedSet, SetOf, Store, StoreError};
use chrono::{DateTime, Utc};
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

/// Where subscriptions are kept: a capped document set per service.
pub const WEBHOOKS: SetOf<Webhook> = SetOf::new(CappedSet::Webhooks);

/// A webhook subscription as stored (with its secret).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Webhook {
    pub id: String,
    pub service: String,
    /// A country (`US`) or subdivision (`US-CA`): only incidents there
    /// (the region or inside it). None: every incident of the service.
    pub region: Option<String>,
    pub url: String,
    pub secret: String,
    pub created_at: DateTime<Utc>,
}

impl Webhook {
    /// Whether an incident in `region` ("global", "US", "US-CA") of the
    /// subscription's service is for this subscription.
    pub fn matches(&self, region: &str) -> bool {
        self.region
            .as_deref()
            .is_none_or(|wanted| crate::geo::is_within(region, wanted))
    }
}

/// The hex HMAC-SHA256 of `"<timestamp>.<body>"` under `secret`.
pub fn signature(secret: &str, timestamp: i64, body: &[u8]) -> String {
    // HMAC takes keys of any length: `new_from_slice` cannot fail.
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(secret.as_bytes()) else {
        return String::new();
    };
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body);
    hex::encode(mac.finalize().into_bytes())
}

/// `bytes` random bytes, hex encoded (ids, generated secrets).
pub fn random_hex(bytes: usize) -> Result<String, StoreError> {
    let mut buf = vec![0u8; bytes];
    getrandom::fill(&mut buf)
        .map_err(|e| StoreError::backend(format!("no randomness for a webhook id: {e}")))?;
    Ok(hex::encode(buf))
}

/// A service's subscriptions; unreadable ones are logged and skipped.
pub async fn subscriptions(store: &dyn Store, service: &str) -> Result<Vec<Webhook>, StoreError> {
    store.all_capped(WEBHOOKS, service).await
}

/// Queues one delivery of the event `name` (logged as `json`) of
/// `service` per subscription matching `region` (None: every one), due
/// at once.
pub async fn enqueue(
    store: &dyn Store,
    service: &str,
    region: Option<&str>,
    name: &str,
    json: &str,
    now_ms: i64,
) -> Result<(), StoreError> {
    for hook in subscriptions(store, service).await? {
        if region.is_some_and(|r| !hook.matches(r)) {
            continue;
        }
        let delivery = Delivery::first(&hook.service, &hook.id, name, json.to_string());
        store.queue(now_ms, &delivery?).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hook(region: Option<&str>) -> Webhook {
        Webhook {
            id: "h".into(),
            service: "spotify".into(),
            region: region.map(str::to_string),
            url: "http://x/".into(),
            secret: "s".into(),
            created_at: DateTime::default(),
        }
    }

    #[test]
    fn regions_match_themselves_and_what_is_inside() {
        assert!(hook(None).matches("global"));
        assert!(hook(None).matches("US-CA"));
        assert!(hook(Some("US")).matches("US"));
        assert!(hook(Some("US")).matches("US-CA"));
        assert!(!hook(Some("US")).matches("global"));
        assert!(!hook(Some("US")).matches("USX"));
        assert!(!hook(Some("US-CA")).matches("US"));
    }

    #[test]
    fn the_signature_covers_timestamp_and_body() {
        // Python: hmac.new(b"secret", b"1700000000.{}", hashlib.sha256)
        let sig = signature("secret", 1_700_000_000, b"{}");
        assert_eq!(
            sig,
            "b8569b78799ff9e3cbff0fc2d63a33a2b57f3282abd07c37ae5e8e7d79a5f163"
        );
        assert_ne!(sig, signature("secret", 1_700_000_001, b"{}"));
        assert_ne!(sig, signature("secret", 1_700_000_000, b"{ }"));
        assert_ne!(sig, signature("other", 1_700_000_000, b"{}"));
    }
}
