//! The caps on followers (docs/following.md): a client address may
//! make `--follows-per-client` subscriptions a day, a service have
//! `--follows-per-service` and all together `--follows-total`; and the
//! follow endpoints' rate limit per client address. The API asks
//! [`FollowState::take_slots`] before it answers.

use super::links::LinkKey;
use super::{ALL, FOLLOWERS, FollowKeys, Follower, member};
use crate::config::follow::FollowSettings;
use crate::ingest::{KeyedLimit, Verdict};
use crate::store::{Store, StoreError};
use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

/// How long a client address's subscriptions count against its cap.
const CLIENT_WINDOW_MS: i64 = 24 * 3600 * 1000;

/// The follow endpoints' shared state: keys, caps and their rate limit.
pub struct FollowState {
    pub keys: Arc<FollowKeys>,
    pub email: bool,
    pub lifetime: Duration,
    pub per_client: usize,
    pub per_service: usize,
    pub total: usize,
    /// Requests per minute per client address (None: unlimited).
    limit: Option<KeyedLimit<IpAddr>>,
    /// `--public-url` (no trailing slash), when set: the site's address,
    /// for links that must be absolute (mail links, `hreflang` alternates).
    pub public_url: Option<String>,
}

impl FollowState {
    pub fn new(keys: Arc<FollowKeys>, settings: &FollowSettings, max_keys: usize) -> Self {
        Self {
            keys,
            email: settings.smtp_url.is_some(),
            lifetime: settings.lifetime(),
            per_client: settings.follows_per_client,
            per_service: settings.follows_per_service,
            total: settings.follows_total,
            limit: (settings.follow_requests_per_minute_per_ip > 0)
                .then(|| KeyedLimit::new(settings.follow_requests_per_minute_per_ip, max_keys)),
            public_url: settings.public_url().ok().flatten(),
        }
    }

    /// The rate limit on the follow endpoints.
    pub fn check(&self, ip: IpAddr) -> Verdict {
        match &self.limit {
            Some(limit) => limit.check(&crate::ingest::client_key(ip)),
            None => Ok(None),
        }
    }
}

/// Which cap refused a follower.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CapReached {
    /// The client address made `per_client` subscriptions today.
    Client,
    /// The server holds `total` followers.
    Total,
    /// The service has `per_service` followers.
    Service,
}

impl FollowState {
    /// Stores `f` under the caps: a slot of `client`'s day (None: the
    /// client is not counted), one of the total and one of its service.
    /// A cap reached leaves no slot taken for the later ones.
    pub async fn take_slots(
        &self,
        store: &dyn Store,
        links: &LinkKey,
        f: &Follower,
        client: Option<IpAddr>,
        now_ms: i64,
    ) -> Result<Result<(), CapReached>, StoreError> {
        let slot = member(&f.service, &f.id);
        if let Some(ip) = client {
            let set = format!(
                "client:{}",
                links.follower_id("client", "", &crate::ingest::client_key(ip).to_string())
            );
            if !store
                .take_slot(
                    &set,
                    &slot,
                    now_ms + CLIENT_WINDOW_MS,
                    now_ms,
                    self.per_client,
                )
                .await?
            {
                return Ok(Err(CapReached::Client));
            }
        }
        if !store
            .take_slot(
                ALL,
                &slot,
                f.expires_at.timestamp_millis(),
                now_ms,
                self.total,
            )
            .await?
        {
            return Ok(Err(CapReached::Total));
        }
        if !store
            .put_capped(FOLLOWERS, &f.service, &f.id, f, self.per_service)
            .await?
        {
            store.release_slot(ALL, &slot).await?;
            return Ok(Err(CapReached::Service));
        }
        Ok(Ok(()))
    }
}
