//! The app factory: loads the catalog and GeoIP database, opens the store,
//! binds the listener and builds the actix-web server. Tests use it too
//! (listen on port 0, read back [`Application::port`]).

use crate::api::{
    self, AdminAuth, AdminGuard, ApiKeys, FollowState, KeysFileError, ServiceAnswers, StreamSlots,
};
use crate::catalog::{Catalog, CatalogError};
use crate::clock::{Clock, SystemClock};
use crate::config::Settings;
use crate::detect::Params;
use crate::driver::DetectorTask;
use crate::events::EventHub;
use crate::events::delivery::DeliveryWorker;
use crate::events::follow::FollowKeys;
use crate::events::follow::mail::Mailer;
use crate::events::follow::send::FollowSender;
use crate::geo::{GeoDb, GeoError, GeoSource, TrustedProxies};
use crate::ingest::{RateLimits, ReporterIdentity};
use crate::metrics::{self, Metrics};
use crate::official::OfficialPoller;
use crate::read::views::Views;
pub use crate::state::AppState;
use crate::store::{MemoryStore, RedisStore, Store, StoreError};
use crate::telemetry;
use crate::web as pages;
use crate::web::PageCache;

mod settings;
use actix_web::dev::Server;
use actix_web::http::KeepAlive;
use actix_web::middleware::from_fn;
use actix_web::{App, HttpServer, web};
use std::net::{SocketAddr, TcpListener};
use std::sync::Arc;
use std::time::Duration;

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
    #[error("metrics: {0}")]
    Metrics(#[from] prometheus::Error),
    #[error("HTTP client (webhooks, official status pages): {0}")]
    Webhooks(#[from] reqwest::Error),
    #[error(transparent)]
    Demo(#[from] crate::demo::DemoError),
    #[error(transparent)]
    Follow(#[from] crate::config::follow::FollowSettingsError),
    #[error("{0}")]
    Mail(String),
    #[error("--listen {addr}: {source}")]
    Bind {
        addr: String,
        source: std::io::Error,
    },
}

pub struct Application {
    address: SocketAddr,
    server: Server,
    /// Background tasks (GeoIP watcher, event pump, detector), stopped when
    /// the server is.
    tasks: Vec<tokio::task::JoinHandle<()>>,
    shutdown: tokio::sync::watch::Sender<bool>,
}

/// File descriptors kept for everything but event streams (other
/// connections, Redis, files) when judging `--max-event-streams`.
const OPEN_FILES_RESERVE: u64 = 256;

/// How long a client may take to close its side after the response.
const CLIENT_DISCONNECT_TIMEOUT: Duration = Duration::from_secs(1);

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
        let metrics = Metrics::labelled(settings.demo)?;
        let dedupe_secs = settings.dedupe_minutes.saturating_mul(60);
        let store: Arc<dyn Store> = match &settings.redis_url {
            Some(url) => {
                let store = RedisStore::new(url, dedupe_secs)?
                    .with_max_pending(settings.redis_max_pending)
                    .with_metrics(metrics.store.clone());
                Arc::new(store)
            }
            None => Arc::new(MemoryStore::new(dedupe_secs)),
        };
        Self::assemble(settings, clock, store, metrics).await
    }

    async fn assemble(
        settings: Settings,
        clock: Arc<dyn Clock>,
        store: Arc<dyn Store>,
        metrics: Metrics,
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
        let asn_db = match &settings.asn_db {
            Some(path) => Some(Arc::new(GeoDb::open(path)?)),
            None if settings.geoip.is_some() && geo.has_asn_data() => None,
            None => Some(GeoDb::bundled_asn_shared()?),
        };
        let api_keys = ApiKeys::load(&settings.api_keys, settings.api_keys_file.as_deref())?;
        if settings.redis_url.is_none() {
            tracing::warn!(
                "no --redis-url given: using the embedded memory store; counts are kept in this process only and lost on exit"
            );
        }
        let open_files = crate::open_files::raise_soft_limit();
        if let Some(limit) = open_files
            && (settings.max_event_streams as u64).saturating_add(OPEN_FILES_RESERVE) > limit
        {
            tracing::warn!(
                open_files = limit,
                max_event_streams = settings.max_event_streams,
                "--max-event-streams leaves little room under the open-file limit; lower it or raise the limit (ulimit -n)"
            );
        }
        if let Err(e) = store.ping().await {
            tracing::warn!(error = %e, "store not reachable at startup; serving 503 until it is");
        }
        tracing::info!(
            services = catalog.services().len(),
            geoip = %geo.source(),
            geoip_type = %geo.database_type(),
            asn_db = %asn_db.as_deref().map_or("the --geoip database's ASN fields", GeoDb::source),
            store = %store.describe(),
            api_keys = api_keys.len(),
            admin_api = settings.admin_token.is_some(),
            limits = ?settings.limits(),
            open_files,
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
        let mut tasks = vec![tokio::spawn(
            events
                .clone()
                .pump(store.clone(), Duration::from_millis(250)),
        )];
        settings.follow.validate()?;
        let follow_keys = Arc::new(FollowKeys::new(store.clone()));
        let worker = if settings.delivery_poll_ms > 0 {
            let sender = follow_sender(&settings, &store, &catalog, &clock, &follow_keys)?;
            Some(DeliveryWorker::new(store.clone(), settings.deliveries())?.with_follow(sender))
        } else {
            None
        };
        // The demo's history and its learned baselines are in the store
        // before the server's detector first looks; a store the demo may
        // not take is refused before any delivery is made from it.
        if settings.demo {
            let feed = crate::demo::prepare(
                store.clone(),
                catalog.clone(),
                clock.clone(),
                &params,
                settings.demo_force,
            )
            .await?;
            tasks.push(tokio::spawn(feed.run()));
        }
        if let Some(worker) = worker {
            tasks.push(tokio::spawn(worker.run()));
        }
        let geo = Arc::new(GeoSource::new(geo, settings.geoip.clone()));
        let poll =
            (settings.geoip_poll_secs > 0).then(|| Duration::from_secs(settings.geoip_poll_secs));
        tasks.push(geo.spawn_watcher(poll));
        if settings.detector_interval_ms > 0 {
            let task = DetectorTask::new(
                store.clone(),
                catalog.clone(),
                clock.clone(),
                params.clone(),
                Duration::from_millis(settings.detector_interval_ms),
            )
            .with_tick_metric(metrics.detector_tick.clone())
            .with_causes(asn_names(asn_db.clone(), geo.clone()));
            tasks.push(tokio::spawn(task.run()));
        }
        if let Some(polls) = settings.official_polls() {
            let poller = OfficialPoller::new(store.clone(), catalog.clone(), clock.clone(), polls)?;
            tasks.push(tokio::spawn(poller.run()));
        }
        let (views, views_task) = Views::start(
            store.clone(),
            catalog.clone(),
            clock.clone(),
            settings.freshness(),
        );
        tasks.push(views_task);
        let metrics_data = web::Data::new(metrics.clone());
        let (shutdown, shutdown_rx) = tokio::sync::watch::channel(false);
        let state = web::Data::new(AppState {
            catalog,
            geo,
            asn_db,
            store,
            clock,
            proxies: TrustedProxies::new(
                settings.trusted_proxies.clone(),
                settings.client_ip_header,
            ),
            events,
            params,
            identity: ReporterIdentity::new(settings.reporter_secret.clone()),
            limits: RateLimits::new(settings.limits()),
            api_keys,
            metrics,
            shutdown: shutdown_rx,
            admin: AdminAuth::new(settings.admin_token.as_ref()),
            views,
            pages: PageCache::default(),
            api_cache: ServiceAnswers::new(settings.freshness()),
            cache_control: settings.cache_policy().header_value(),
            admin_guard: AdminGuard::new(settings.admin_guard()),
            streams: StreamSlots::new(settings.stream_limits()),
            body_timeout: settings.body_timeout(),
            delivery_targets: settings.delivery_targets(),
            demo: settings.demo,
            follow: FollowState::new(follow_keys, &settings.follow, settings.limiter_max_keys),
        });
        let keep_alive = match settings.keep_alive_secs {
            0 => KeepAlive::Disabled,
            secs => KeepAlive::Timeout(Duration::from_secs(secs)),
        };
        let server = HttpServer::new(move || {
            App::new()
                .app_data(state.clone())
                .app_data(metrics_data.clone())
                .wrap(from_fn(api::guard))
                .wrap(from_fn(api::localize_errors))
                .wrap(from_fn(metrics::track_requests))
                .wrap(from_fn(telemetry::request_context))
                .wrap(from_fn(crate::http_cache::head_as_get))
                .configure(pages::configure)
                .configure(api::configure)
                .default_service(web::to(not_found))
        })
        .client_request_timeout(Duration::from_millis(settings.client_request_timeout_ms))
        .client_disconnect_timeout(CLIENT_DISCONNECT_TIMEOUT)
        // A client that closes its side is gone: its response (an event
        // stream, and the stream's slot) ends at once instead of at the
        // next failed write, up to two keep-alive comments later.
        .h1_allow_half_closed(false)
        .keep_alive(keep_alive)
        .shutdown_timeout(settings.shutdown_timeout_secs)
        // Signals are ours (see `run_until_stopped`): the event streams
        // must hear of a shutdown before the server waits on them.
        .disable_signals()
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
            tasks,
            shutdown,
        })
    }

    pub fn port(&self) -> u16 {
        self.address.port()
    }

    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// Serves until SIGTERM or SIGINT, then shuts down gracefully (see
    /// [`Application::run_until`]).
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        self.run_until(shutdown_signal()).await
    }

    /// Serves until `stop` completes, then stops accepting, ends the event
    /// streams, lets in-flight requests (and so their store writes) finish
    /// within `--shutdown-timeout-secs`, and stops the background tasks.
    pub async fn run_until(self, stop: impl Future<Output = ()>) -> std::io::Result<()> {
        let handle = self.server.handle();
        let mut server = self.server;
        let result = tokio::select! {
            result = &mut server => result,
            () = stop => {
                tracing::info!("shutting down: finishing in-flight requests");
                let _ = self.shutdown.send(true);
                // The server future runs the stop: poll both.
                let ((), result) = tokio::join!(handle.stop(true), server);
                result
            }
        };
        for task in &self.tasks {
            task.abort();
        }
        for task in self.tasks {
            let _ = task.await;
        }
        tracing::info!("stopped");
        result
    }
}

/// What the delivery worker needs for followers' push and mail.
fn follow_sender(
    settings: &Settings,
    store: &Arc<dyn Store>,
    catalog: &Arc<Catalog>,
    clock: &Arc<dyn Clock>,
    keys: &Arc<FollowKeys>,
) -> Result<FollowSender, StartupError> {
    let follow = &settings.follow;
    let mailer = match (&follow.smtp_url, &follow.smtp_from) {
        (Some(url), Some(from)) => {
            Some(Mailer::new(url.expose(), from).map_err(StartupError::Mail)?)
        }
        _ => None,
    };
    Ok(FollowSender {
        store: store.clone(),
        catalog: catalog.clone(),
        clock: clock.clone(),
        keys: keys.clone(),
        mailer,
        public_url: follow.public_url()?,
        contact: follow.push_contact()?,
        targets: settings.delivery_targets(),
        mails_per_address_per_hour: follow.mails_per_address_per_hour,
        mails_per_hour: follow.mails_per_hour,
        demo: settings.demo,
    })
}

/// Completes on the first SIGTERM or SIGINT.
async fn shutdown_signal() {
    use tokio::signal::unix::{SignalKind, signal};
    let wait = |kind: SignalKind| async move {
        match signal(kind) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(e) => {
                tracing::error!(error = %e, "cannot listen for a shutdown signal");
                std::future::pending::<()>().await;
            }
        }
    };
    tokio::select! {
        () = wait(SignalKind::terminate()) => {}
        () = wait(SignalKind::interrupt()) => {}
    }
}

/// Unknown paths: a JSON error under the API, an HTML page elsewhere.
async fn not_found(req: actix_web::HttpRequest) -> actix_web::HttpResponse {
    use actix_web::ResponseError;
    let path = req.match_info().as_str();
    if api::is_api_path(path) {
        api::not_found_error().error_response()
    } else if let Some(state) = req.app_data::<web::Data<AppState>>() {
        // The last part of the address may be a service's name mistyped.
        let asked = path.trim_matches('/').rsplit('/').next().unwrap_or("");
        let asked = urlencoding_lossy(asked);
        if asked.is_empty() {
            pages::error_page(&req, &pages::PageError::NotFound)
        } else {
            pages::error_page(
                &req,
                &pages::not_found::unknown_page(&state.catalog, &asked),
            )
        }
    } else {
        pages::error_page(&req, &pages::PageError::NotFound)
    }
}

/// `%20`-style escapes of a path segment decoded, bad ones kept as typed.
fn urlencoding_lossy(segment: &str) -> String {
    serde_urlencoded::from_str::<Vec<(String, String)>>(&format!("s={segment}"))
        .ok()
        .and_then(|v| v.into_iter().next())
        .map_or_else(|| segment.to_string(), |(_, v)| v)
}

/// Names AS numbers from the ASN database in use: `--asn-db` or the
/// bundled one, else the `--geoip` database's own ASN fields.
fn asn_names(asn_db: Option<Arc<GeoDb>>, geo: Arc<GeoSource>) -> crate::driver::causes::AsnNames {
    Arc::new(move |asn| match &asn_db {
        Some(db) => db.asn_name(asn).map(str::to_string),
        None => geo.current().asn_name(asn).map(str::to_string),
    })
}
