//! People following a service without an account (docs/following.md):
//! a browser's Web Push subscription or a confirmed email address, for
//! "problems" (every incident, and when it is over) or "back" (once, when
//! the incident they saw resolves).
//!
//! Followers live in the store per service. Incident events become one
//! queued delivery per follower ([`fanout`]) in the delivery queue, so
//! retries and multi-process claims are the webhooks' own
//! ([`super::delivery`]); [`send`] makes them. Every follower is also a
//! member of the capped set [`ALL`] until its lifetime ends, which caps
//! the total and tells the sweeper what to delete.

pub mod caps;
pub mod fanout;
pub mod links;
pub mod mail;
pub mod push;
pub mod send;
pub mod text;

pub use caps::FollowState;

use crate::store::{CappedSet, SetOf, Store, StoreError};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::OnceCell;

/// The capped set of every follower ("service/id", until its lifetime
/// ends).
pub const ALL: &str = "all";

/// Where followers are kept: a capped document set per service.
pub const FOLLOWERS: SetOf<Follower> = SetOf::new(CappedSet::Followers);
/// How long an email address may wait for its confirmation.
pub const CONFIRM_WITHIN: Duration = Duration::from_secs(24 * 3600);

/// What a follower wants to hear.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum FollowKind {
    /// Every incident of the service, and when each is over.
    Problems,
    /// Once, when the incident going on now resolves; then forgotten.
    Back,
}

impl FollowKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FollowKind::Problems => "problems",
            FollowKind::Back => "back",
        }
    }
}

/// Where a follower's notices go.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "channel", rename_all = "snake_case")]
pub enum FollowTarget {
    /// A browser's push subscription (`PushSubscription.toJSON()`).
    Push {
        endpoint: String,
        /// The browser's P-256 key, base64url (uncompressed point).
        p256dh: String,
        /// The 16-byte auth secret, base64url.
        auth: String,
    },
    /// An email address; nothing but the confirmation goes to it until
    /// `confirmed`.
    Email { address: String, confirmed: bool },
}

/// One follower as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Follower {
    pub id: String,
    pub service: String,
    pub kind: FollowKind,
    /// The country the follower was in when subscribing (GeoIP), if
    /// known: regional incidents elsewhere are not theirs.
    pub region: Option<String>,
    /// For "back": the incident it waits for.
    pub incident: Option<String>,
    pub target: FollowTarget,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    /// The language the follow was made in: its notices come in it
    /// (English for followers stored before languages).
    #[serde(default)]
    pub lang: crate::i18n::Lang,
}

impl Follower {
    /// Whether an incident in `region` concerns this follower: a global one
    /// always; a regional one when it is in the follower's country (or the
    /// follower's country is unknown).
    pub fn matches(&self, region: &str) -> bool {
        if region == crate::detect::GLOBAL {
            return true;
        }
        self.region
            .as_deref()
            .is_none_or(|country| crate::geo::is_within(region, country))
    }

    /// Its member in [`ALL`].
    pub fn member(&self) -> String {
        member(&self.service, &self.id)
    }

    /// An email follower that has not confirmed yet.
    pub fn unconfirmed(&self) -> bool {
        matches!(
            self.target,
            FollowTarget::Email {
                confirmed: false,
                ..
            }
        )
    }
}

/// "service/id".
pub fn member(service: &str, id: &str) -> String {
    format!("{service}/{id}")
}

/// A service's followers; unreadable ones are logged and skipped.
pub async fn followers(store: &dyn Store, service: &str) -> Result<Vec<Follower>, StoreError> {
    store.all_capped(FOLLOWERS, service).await
}

/// One follower, if there is one.
pub async fn follower(
    store: &dyn Store,
    service: &str,
    id: &str,
) -> Result<Option<Follower>, StoreError> {
    store.capped(FOLLOWERS, service, id).await
}

/// Deletes a follower (and its place in [`ALL`]); true when this call
/// removed it.
pub async fn remove(store: &dyn Store, service: &str, id: &str) -> Result<bool, StoreError> {
    let removed = store.delete_follower(service, id).await?;
    store.release_slot(ALL, &member(service, id)).await?;
    Ok(removed)
}

/// Deletes the followers whose lifetime (or time to confirm) ended by
/// `now_ms`; how many.
pub async fn sweep_expired(store: &dyn Store, now_ms: i64) -> Result<usize, StoreError> {
    let due = store.expired_slots(ALL, now_ms, 500).await?;
    let mut removed = 0;
    for m in &due {
        if let Some((service, id)) = m.split_once('/')
            && store.delete_follower(service, id).await?
        {
            removed += 1;
        }
    }
    if removed > 0 {
        tracing::info!(removed, "expired followers deleted");
    }
    Ok(removed)
}

/// The keys every process shares, read from the store on first use (so a
/// process starts while the store is down) and kept.
pub struct FollowKeys {
    store: Arc<dyn Store>,
    vapid: OnceCell<Arc<push::Vapid>>,
    links: OnceCell<Arc<links::LinkKey>>,
}

impl FollowKeys {
    pub fn new(store: Arc<dyn Store>) -> Self {
        Self {
            store,
            vapid: OnceCell::new(),
            links: OnceCell::new(),
        }
    }

    /// The VAPID key pair.
    pub async fn vapid(&self) -> Result<Arc<push::Vapid>, StoreError> {
        self.vapid
            .get_or_try_init(|| async {
                push::Vapid::load(self.store.as_ref()).await.map(Arc::new)
            })
            .await
            .cloned()
    }

    /// The key signing confirm and unsubscribe links and deriving ids.
    pub async fn links(&self) -> Result<Arc<links::LinkKey>, StoreError> {
        self.links
            .get_or_try_init(|| async {
                links::LinkKey::load(self.store.as_ref())
                    .await
                    .map(Arc::new)
            })
            .await
            .cloned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn follower(region: Option<&str>) -> Follower {
        Follower {
            id: "f".into(),
            service: "spotify".into(),
            kind: FollowKind::Problems,
            region: region.map(str::to_string),
            incident: None,
            target: FollowTarget::Email {
                address: "a@example.com".into(),
                confirmed: true,
            },
            created_at: DateTime::default(),
            expires_at: DateTime::default(),
            lang: crate::i18n::Lang::default(),
        }
    }

    #[test]
    fn followers_hear_of_their_country_and_of_global_incidents() {
        assert!(follower(Some("DE")).matches("global"));
        assert!(follower(Some("DE")).matches("DE"));
        assert!(follower(Some("DE")).matches("DE-BY"));
        assert!(!follower(Some("DE")).matches("US"));
        assert!(!follower(Some("DE")).matches("DEX"));
        assert!(follower(None).matches("US-CA"));
    }

    #[test]
    fn followers_stored_before_languages_read_as_english() {
        let mut f = follower(None);
        f.lang = crate::i18n::Lang::PtBr;
        let json = crate::store::json_text::to_text(&f).expect("json");
        assert!(json.contains(r#""lang":"pt-BR""#), "{json}");
        let back: Follower = crate::store::json_text::from_text(&json).expect("read");
        assert_eq!(back.lang, crate::i18n::Lang::PtBr);
        let old = json.replace(r#","lang":"pt-BR""#, "");
        let old: Follower = crate::store::json_text::from_text(&old).expect("old record");
        assert_eq!(old.lang, crate::i18n::Lang::En);
    }
}
