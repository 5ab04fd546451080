//! The delivery worker: every process runs one (unless
//! `--delivery-poll-ms 0`). It delivers webhooks and the notices of people
//! following services ([`super::follow`]) from one queue. It claims due deliveries from the store's queue
//! (atomically, so two processes never post the same attempt), posts them
//! signed, and on failure or timeout queues the next attempt with
//! exponential backoff, up to `--delivery-max-attempts`; then the delivery
//! is dropped and logged. Deliveries live in the store, so a restart loses
//! none.
//!
//! Due times are wall-clock milliseconds, not the app's (possibly
//! virtual) clock: retries wait for real networks.

use super::follow::Follower;
use super::follow::send::FollowSender;
use super::targets::{PublicResolver, TargetPolicy};
use super::webhooks::{self, random_hex};
use crate::store::{Claimed, Store, StoreError};
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// What came of one attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Delivered,
    /// Never going to work, or no longer wanted: removed, logged.
    Dropped(String),
    /// Worth another attempt (with backoff, up to the maximum).
    Failed(String),
    /// Left claimed: the lease runs out and it comes due again.
    Wait,
}

/// One attempt at delivering one event to one webhook or follower, as queued. Unique
/// per attempt (`attempt` is part of it), so a retry is a new member.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Delivery {
    pub id: String,
    pub service: String,
    /// The webhook's or the follower's id (stored as `webhook`, its name
    /// from before the queue carried followers' notices).
    #[serde(rename = "webhook")]
    pub recipient: String,
    /// `incident.opened`, `incident.reopened`, `incident.updated`, `incident.resolved`,
    /// `incident.official_update` or `official.changed`.
    pub event: String,
    /// 0 for the first attempt.
    pub attempt: u32,
    /// Stored text: the event's JSON as logged, posted as is; a follower's
    /// notice as [`crate::store::json_text::to_text`] wrote it.
    pub body: String,
    /// Whom it is for: a webhook or a follower of the service
    /// ([`super::follow`]); `recipient` is its id.
    #[serde(default, skip_serializing_if = "Channel::is_webhook")]
    pub channel: Channel,
    /// A follower deleted when this was queued (a "back" follower, told
    /// once): its JSON rides along.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::store::json_text::option"
    )]
    pub follower: Option<Follower>,
}

impl Delivery {
    /// The first attempt at delivering `body` (an event named `event`) to
    /// webhook `recipient` of `service`; [`Delivery::to_follower`] for a
    /// follower.
    pub fn first(
        service: &str,
        recipient: &str,
        event: &str,
        body: String,
    ) -> Result<Self, StoreError> {
        Ok(Self {
            id: random_hex(12)?,
            service: service.to_string(),
            recipient: recipient.to_string(),
            event: event.to_string(),
            attempt: 0,
            body,
            channel: Channel::Webhook,
            follower: None,
        })
    }

    /// [`Delivery::first`] to a follower (`follower`: one deleted as this
    /// is queued, riding along).
    pub fn to_follower(
        f: &Follower,
        event: &str,
        body: String,
        follower: Option<Follower>,
    ) -> Result<Self, StoreError> {
        Ok(Self {
            channel: Channel::Follow,
            follower,
            ..Self::first(&f.service, &f.id, event, body)?
        })
    }
}

/// Who a delivery goes to.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    #[default]
    Webhook,
    Follow,
}

impl Channel {
    pub fn is_webhook(&self) -> bool {
        *self == Channel::Webhook
    }
}

/// Deliveries claimed per poll.
const BATCH: usize = 16;
/// Longest wait between two attempts.
const MAX_BACKOFF: Duration = Duration::from_secs(3600);

/// How deliveries are made.
#[derive(Debug, Clone)]
pub struct DeliverySettings {
    pub poll: Duration,
    pub max_attempts: u32,
    /// Wait before the second attempt; doubles after each failure.
    pub retry_base: Duration,
    pub timeout: Duration,
    /// Where deliveries may go.
    pub targets: TargetPolicy,
    /// The server runs the demo (`--demo`): every webhook body carries
    /// `"demo": true`.
    pub demo: bool,
}

/// Unix milliseconds now.
pub fn now_ms() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

pub struct DeliveryWorker {
    store: Arc<dyn Store>,
    client: reqwest::Client,
    settings: DeliverySettings,
    /// Push and mail to people following services.
    follow: Option<FollowSender>,
}

impl DeliveryWorker {
    pub fn new(store: Arc<dyn Store>, settings: DeliverySettings) -> Result<Self, reqwest::Error> {
        crate::install_tls_provider();
        let mut builder = reqwest::Client::builder()
            .timeout(settings.timeout)
            .redirect(reqwest::redirect::Policy::none())
            .user_agent(concat!("downwatch-webhooks/", env!("CARGO_PKG_VERSION")));
        if !settings.targets.allow_internal {
            // Names are checked against what they resolve to when the
            // delivery connects; a proxy would resolve them instead.
            builder = builder
                .dns_resolver(std::sync::Arc::new(PublicResolver))
                .no_proxy();
        }
        let client = builder.build()?;
        Ok(Self {
            store,
            client,
            settings,
            follow: None,
        })
    }

    /// Makes followers' deliveries too (and deletes expired followers).
    pub fn with_follow(mut self, sender: FollowSender) -> Self {
        self.follow = Some(sender);
        self
    }

    /// Claimed deliveries stay hidden this long: longer than one attempt.
    fn lease_ms(&self) -> i64 {
        i64::try_from(self.settings.timeout.as_millis())
            .unwrap_or(i64::MAX / 4)
            .saturating_mul(3)
            .saturating_add(5000)
    }

    /// Polls forever.
    pub async fn run(self) {
        loop {
            self.tick().await;
            tokio::time::sleep(self.settings.poll).await;
        }
    }

    /// Claims and makes the deliveries due now.
    pub async fn tick(&self) {
        let claimed = match self
            .store
            .claim::<Delivery>(now_ms(), self.lease_ms(), BATCH)
            .await
        {
            Ok(c) => c,
            Err(e) => {
                tracing::debug!(error = %e, "delivery queue unavailable");
                return;
            }
        };
        futures_util::future::join_all(claimed.iter().map(|c| self.deliver(c))).await;
        if let Some(follow) = &self.follow {
            follow.sweep().await;
        }
    }

    async fn deliver(&self, queued: &Claimed<Delivery>) {
        let Some(delivery) = &queued.delivery else {
            // Logged by the store as unreadable.
            self.finish(queued, None).await;
            return;
        };
        let outcome = match (delivery.channel, &self.follow) {
            (Channel::Webhook, _) => self.post_webhook(delivery).await,
            (Channel::Follow, Some(follow)) => follow.send(&self.client, delivery).await,
            // A process without the follow sender leaves it to the lease.
            (Channel::Follow, None) => return,
        };
        let failure = match outcome {
            Outcome::Delivered => {
                tracing::debug!(delivery = %delivery.id, attempt = delivery.attempt, event = %delivery.event, "delivered");
                self.finish(queued, None).await;
                return;
            }
            Outcome::Dropped(reason) => {
                tracing::info!(delivery = %delivery.id, service = %delivery.service, event = %delivery.event, %reason, "delivery dropped");
                self.finish(queued, None).await;
                return;
            }
            Outcome::Failed(failure) => failure,
            Outcome::Wait => return,
        };
        let attempts = delivery.attempt + 1;
        if attempts >= self.settings.max_attempts {
            tracing::warn!(
                delivery = %delivery.id, target = %delivery.recipient, service = %delivery.service,
                attempts, %failure, "delivery failed; dropped"
            );
            self.finish(queued, None).await;
            return;
        }
        tracing::info!(delivery = %delivery.id, attempt = delivery.attempt, %failure, "delivery failed; will retry");
        let wait = self
            .settings
            .retry_base
            .saturating_mul(2u32.saturating_pow(delivery.attempt))
            .min(MAX_BACKOFF);
        let next = Delivery {
            attempt: attempts,
            ..delivery.clone()
        };
        let due = now_ms().saturating_add(i64::try_from(wait.as_millis()).unwrap_or(0));
        self.finish(queued, Some((due, &next))).await;
    }

    /// Posts one webhook delivery, signed.
    async fn post_webhook(&self, delivery: &Delivery) -> Outcome {
        let hook = match webhooks::subscriptions(self.store.as_ref(), &delivery.service).await {
            Ok(hooks) => hooks.into_iter().find(|h| h.id == delivery.recipient),
            // The lease runs out and the delivery comes due again.
            Err(_) => return Outcome::Wait,
        };
        let Some(hook) = hook else {
            return Outcome::Dropped("webhook deleted".into());
        };
        // A literal address never meets the resolver: check the URL itself
        // (a subscription may predate the policy, or the opt-in).
        let target = reqwest::Url::parse(&hook.url)
            .map_err(|e| e.to_string())
            .and_then(|url| self.settings.targets.check(&url).map_err(|e| e.to_string()));
        if let Err(refused) = target {
            tracing::warn!(
                delivery = %delivery.id, webhook = %hook.id, service = %hook.service,
                %refused, "webhook target refused; delivery dropped"
            );
            return Outcome::Dropped(format!("target refused: {refused}"));
        }
        let body = if self.settings.demo {
            marked_demo(&delivery.body)
        } else {
            delivery.body.clone()
        };
        let timestamp = now_ms() / 1000;
        let signature = webhooks::signature(&hook.secret, timestamp, body.as_bytes());
        let sent = self
            .client
            .post(&hook.url)
            .header("content-type", "application/json")
            .header("x-downwatch-event", &delivery.event)
            .header("x-downwatch-delivery", &delivery.id)
            .header("x-downwatch-timestamp", timestamp.to_string())
            .header("x-downwatch-signature", format!("sha256={signature}"))
            .body(body)
            .send()
            .await;
        match sent {
            Ok(r) if r.status().is_success() => Outcome::Delivered,
            Ok(r) => Outcome::Failed(format!("answered {}", r.status())),
            Err(e) => Outcome::Failed(e.to_string()),
        }
    }

    async fn finish(&self, queued: &Claimed<Delivery>, retry: Option<(i64, &Delivery)>) {
        if let Err(e) = self.store.finish(queued, retry).await {
            // The lease runs out and the attempt comes due again.
            tracing::warn!(error = %e, "could not finish a delivery");
        }
    }
}

/// A webhook body (a JSON object) marked as the demo's: `"demo": true`
/// added, so no subscriber takes a simulated incident for a real one. A
/// body that is not an object is sent as `{"demo": true, "event": body}`.
pub fn marked_demo(body: &str) -> String {
    let marked = match serde_json::from_str::<serde_json::Value>(body) {
        Ok(serde_json::Value::Object(mut fields)) => {
            fields.insert("demo".to_string(), serde_json::Value::Bool(true));
            serde_json::Value::Object(fields)
        }
        Ok(other) => serde_json::json!({"demo": true, "event": other}),
        Err(_) => serde_json::json!({"demo": true, "event": body}),
    };
    marked.to_string()
}
