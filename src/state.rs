//! The shared, read-mostly state every handler receives ([`AppState`]):
//! the catalog, the store, the read models and the HTTP edge's guards.
//! Built by [`crate::startup`]; handlers import it from here, so no
//! handler depends on the app factory.

use crate::api::{AdminAuth, AdminGuard, ApiKeys, ServiceAnswers, StreamSlots};
use crate::catalog::Catalog;
use crate::clock::Clock;
use crate::detect::Params;
use crate::events::EventHub;
use crate::events::follow::FollowState;
use crate::events::targets::TargetPolicy;
use crate::geo::{GeoDb, GeoSource, TrustedProxies};
use crate::ingest::{RateLimits, ReporterIdentity};
use crate::metrics::Metrics;
use crate::read::views::Views;
use crate::store::Store;
use crate::web::PageCache;
use std::sync::Arc;
use std::time::Duration;

/// Shared, read-mostly state handed to every handler.
pub struct AppState {
    pub catalog: Arc<Catalog>,
    pub geo: Arc<GeoSource>,
    /// The ASN database: `--asn-db`, or the bundled one; None when a
    /// `--geoip` database carries the ASN fields itself (they are used).
    pub asn_db: Option<Arc<GeoDb>>,
    pub store: Arc<dyn Store>,
    pub clock: Arc<dyn Clock>,
    pub proxies: TrustedProxies,
    pub events: EventHub,
    pub params: Params,
    pub identity: ReporterIdentity,
    pub limits: RateLimits,
    pub api_keys: ApiKeys,
    pub metrics: Metrics,
    /// Turns true when the server starts shutting down, so long-lived
    /// responses (the event stream) end instead of holding it up.
    pub shutdown: tokio::sync::watch::Receiver<bool>,
    pub admin: AdminAuth,
    /// The read models, computed once and shared by pages and API.
    pub views: Views,
    /// Pages rendered once per view.
    pub pages: PageCache,
    /// Read API answers rendered once per view.
    pub api_cache: ServiceAnswers,
    /// `Cache-Control` of public pages and read API answers.
    pub cache_control: String,
    /// Bounds on failed admin authentications.
    pub admin_guard: AdminGuard,
    /// Caps on open event streams.
    pub streams: StreamSlots,
    /// How long a request body may take to arrive (`None`: no limit).
    pub body_timeout: Option<Duration>,
    /// Where deliveries may go (webhook targets, push endpoints).
    pub delivery_targets: TargetPolicy,
    /// Demo mode: simulated reports (`--demo`); pages and API answers say so.
    pub demo: bool,
    /// People following services: keys, caps, the endpoints' rate limit.
    pub follow: FollowState,
}
