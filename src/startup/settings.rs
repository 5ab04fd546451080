//! From settings to what each domain is configured with: `config` holds
//! plain values (it is a leaf), the app factory turns them into domain
//! settings here.

use crate::api::{AdminGuardSettings, StreamLimits};
use crate::config::Settings;
use crate::events::delivery::DeliverySettings;
use crate::events::targets::TargetPolicy;
use crate::http_cache::CachePolicy;
use crate::ingest::LimitSettings;
use crate::official::PollSettings;
use crate::read::cache::Freshness;
use std::time::Duration;

impl Settings {
    /// How deliveries (webhooks, push and mail notices) are made.
    pub fn deliveries(&self) -> DeliverySettings {
        DeliverySettings {
            poll: Duration::from_millis(self.delivery_poll_ms),
            max_attempts: self.delivery_max_attempts.max(1),
            retry_base: Duration::from_millis(self.delivery_retry_base_ms),
            timeout: Duration::from_millis(self.delivery_timeout_ms.max(1)),
            targets: self.delivery_targets(),
            demo: self.demo,
        }
    }

    /// Where deliveries may go (webhook targets, push endpoints).
    pub fn delivery_targets(&self) -> TargetPolicy {
        TargetPolicy {
            allow_internal: self.delivery_allow_internal_targets,
        }
    }

    /// The caps on open event streams.
    pub fn stream_limits(&self) -> StreamLimits {
        StreamLimits {
            total: self.max_event_streams,
            per_client: self.max_event_streams_per_client,
        }
    }

    /// How failed admin authentications are bounded.
    pub fn admin_guard(&self) -> AdminGuardSettings {
        AdminGuardSettings {
            failures_per_minute: self.admin_failures_per_minute,
            max_keys: self.limiter_max_keys,
        }
    }

    /// How long a request body may take to arrive (`None`: no limit).
    pub fn body_timeout(&self) -> Option<Duration> {
        (self.client_body_timeout_ms > 0)
            .then(|| Duration::from_millis(self.client_body_timeout_ms))
    }

    /// How official status pages are polled; None when this process
    /// polls none.
    pub fn official_polls(&self) -> Option<PollSettings> {
        (self.official_poll_secs > 0).then(|| PollSettings {
            interval: Duration::from_secs(self.official_poll_secs),
            check: Duration::from_millis(self.official_check_ms.max(10)),
            timeout: Duration::from_millis(self.official_timeout_ms.max(1)),
            max_bytes: self.official_max_bytes.max(1),
        })
    }

    /// The rate limits these settings ask for.
    pub fn limits(&self) -> LimitSettings {
        LimitSettings {
            reports_per_ip: self.reports_per_minute_per_ip,
            reports_per_prefix: self.reports_per_minute_per_prefix,
            reports_per_ipv6_prefix: self.reports_per_minute_per_ipv6_prefix,
            reads_anonymous: self.reads_per_minute_anonymous,
            reads_keyed: self.reads_per_minute_keyed,
            pages_per_ip: self.pages_per_minute_per_ip,
            max_keys: self.limiter_max_keys,
        }
    }

    /// How long computed views are served (see [`crate::read::cache`]).
    pub fn freshness(&self) -> Freshness {
        let ttl = Duration::from_millis(self.view_ttl_ms);
        Freshness {
            ttl,
            stale: ttl.saturating_mul(10),
        }
    }

    /// What public answers tell HTTP caches.
    pub fn cache_policy(&self) -> CachePolicy {
        CachePolicy {
            max_age: self.http_max_age_secs,
            stale_while_revalidate: self.http_stale_while_revalidate_secs,
        }
    }
}
