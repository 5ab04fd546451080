//! The app factory: loads the catalog and GeoIP database, opens the store,
//! binds the listener and builds the actix-web server. Tests use it too
//! (listen on port 0, read back [`Application::port`]).

use crate::api::{self, AdminAuth, ApiKeys, KeysFileError};
use crate::catalog::{Catalog, CatalogError};
use crate::clock::{Clock, SystemClock};
use crate::config::Settings;
use crate::detect::Params;
use crate::detect::task::DetectorTask;
use crate::events::EventHub;
use crate::events::delivery::DeliveryWorker;
use crate::geo::{GeoDb, GeoError, GeoSource, TrustedProxies};
use crate::ingest::{RateLimits, ReporterIdentity};
use crate::store::{MemoryStore, RedisStore, Store, StoreError};
use crate::web as pages;
use actix_web::dev::Server;
use actix_web::middleware::from_fn;
use actix_web::{App, HttpServer, web};
use std::net::{SocketAddr, TcpListener};
use std::sync::Arc;
use std::time::Duration;

/// Shared, read-mostly state handed to every handler.
pub struct AppState {
    pub catalog: Arc<Catalog>,
    pub geo: Arc<GeoSource>,
    pub store: Arc<dyn Store>,
    pub clock: Arc<dyn Clock>,
    pub proxies: TrustedProxies,
    pub events: EventHub,
    pub params: Params,
    pub identity: ReporterIdentity,
    pub limits: RateLimits,
    pub api_keys: ApiKeys,
    pub admin: AdminAuth,
}

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error(transparent)]
    Catalog(#[from] CatalogError),
    #[error(transparent)]
    Geo(#[from] GeoError),
    #[error(transparent)]
    ApiKeys(#[from] KeysFileError),
    #[error("--redis-url: {0}")]
    Store(#[from] StoreError),
    #[error("webhook HTTP client: {0}")]
    Webhooks(#[from] reqwest::Error),
    #[error("--listen {addr}: {source}")]
    Bind {
        addr: String,
        source: std::io::Error,
    },
}

pub struct Application {
    address: SocketAddr,
    server: Server,
    geo_watcher: tokio::task::JoinHandle<()>,
}

impl Application {
    /// Builds the app on the wall clock.
    pub async fn build(settings: Settings) -> Result<Self, StartupError> {
        Self::build_with_clock(settings, Arc::new(SystemClock)).await
    }

    /// Builds the app with `clock` as its "now" (tests pass a manual clock).
    pub async fn build_with_clock(
        settings: Settings,
        clock: Arc<dyn Clock>,
    ) -> Result<Self, StartupError> {
        crate::install_tls_provider();
        let catalog = match &settings.catalog {
            Some(path) => Catalog::from_file(path)?,
            None => Catalog::bundled()?,
        };
        let geo = match &settings.geoip {
            Some(path) => GeoDb::open(path)?,
            None => GeoDb::bundled()?,
        };
        let api_keys = ApiKeys::load(&settings.api_keys, settings.api_keys_file.as_deref())?;
        let dedupe_secs = settings.dedupe_minutes.saturating_mul(60);
        let store: Arc<dyn Store> = match &settings.redis_url {
            Some(url) => Arc::new(RedisStore::new(url, dedupe_secs)?),
            None => Arc::new(MemoryStore::new(dedupe_secs)),
        };
        if settings.redis_url.is_none() {
            tracing::warn!(
                "no --redis-url given: using the embedded memory store; counts are kept in this process only and lost on exit"
            );
        }
        if let Err(e) = store.ping().await {
            tracing::warn!(error = %e, "store not reachable at startup; serving 503 until it is");
        }
        tracing::info!(
            services = catalog.services().len(),
            geoip = %geo.source(),
            geoip_type = %geo.database_type(),
            store = %store.describe(),
            api_keys = api_keys.len(),
            admin_api = settings.admin_token.is_some(),
            limits = ?settings.limits(),
            "starting"
        );

        let listener =
            TcpListener::bind(&settings.listen).map_err(|source| StartupError::Bind {
                addr: settings.listen.clone(),
                source,
            })?;
        let address = listener.local_addr().map_err(|source| StartupError::Bind {
            addr: settings.listen.clone(),
            source,
        })?;
        let catalog = Arc::new(catalog);
        let events = EventHub::new();
        let params = Params::default();
        tokio::spawn(
            events
                .clone()
                .pump(store.clone(), Duration::from_millis(250)),
        );
        if settings.webhook_poll_ms > 0 {
            let worker = DeliveryWorker::new(store.clone(), settings.deliveries())?;
            tokio::spawn(worker.run());
        }
        if settings.detector_interval_ms > 0 {
            let task = DetectorTask::new(
                store.clone(),
                catalog.clone(),
                clock.clone(),
                params.clone(),
                Duration::from_millis(settings.detector_interval_ms),
            );
            tokio::spawn(task.run());
        }
        let geo = Arc::new(GeoSource::new(geo, settings.geoip.clone()));
        let poll =
            (settings.geoip_poll_secs > 0).then(|| Duration::from_secs(settings.geoip_poll_secs));
        let geo_watcher = geo.spawn_watcher(poll);
        let state = web::Data::new(AppState {
            catalog,
            geo,
            store,
            clock,
            proxies: TrustedProxies::new(settings.trusted_proxies.clone()),
            events,
            params,
            identity: ReporterIdentity::new(settings.reporter_secret.clone()),
            limits: RateLimits::new(settings.limits()),
            api_keys,
            admin: AdminAuth::new(settings.admin_token.as_ref()),
        });
        let server = HttpServer::new(move || {
            App::new()
                .app_data(state.clone())
                .wrap(from_fn(api::guard))
                .configure(pages::configure)
                .configure(api::configure)
                .default_service(web::to(not_found))
        })
        .listen(listener)
        .map_err(|source| StartupError::Bind {
            addr: settings.listen.clone(),
            source,
        })?
        .run();
        tracing::info!(%address, "listening");
        Ok(Self {
            address,
            server,
            geo_watcher,
        })
    }

    pub fn port(&self) -> u16 {
        self.address.port()
    }

    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// Serves until the server is stopped (ctrl-c or SIGTERM).
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let result = self.server.await;
        self.geo_watcher.abort();
        result
    }
}

/// Unknown paths: a JSON error under the API, an HTML page elsewhere.
async fn not_found(req: actix_web::HttpRequest) -> actix_web::HttpResponse {
    use actix_web::ResponseError;
    let path = req.path();
    if path.starts_with("/api/") || path == "/healthz" || path == "/readyz" {
        api::not_found_error().error_response()
    } else {
        pages::PageError::NotFound.error_response()
    }
}
