//! Prometheus metrics: one registry per app (so many apps in one test
//! process never share counters), the HTTP middleware that times requests by
//! route pattern, and the text exposition served at `GET /metrics`.
//!
//! Labels are bounded: routes are patterns (`/api/v1/services/{slug}`),
//! never raw paths; statuses are classes (`2xx`); rejection reasons are the
//! API's error codes.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{HttpMessage, web};
use prometheus::{
    Histogram, HistogramOpts, HistogramVec, IntCounter, IntCounterVec, IntGauge, Opts, Registry,
    TextEncoder,
};
use std::time::Instant;

/// Latency buckets in seconds, from a cached read to a store timeout.
const LATENCY_BUCKETS: &[f64] = &[
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

/// The `limit` label values of `rate_limited_total`.
const RATE_LIMITS: [&str; 6] = ["report", "read", "page", "admin", "follow", "stream"];
/// The `kind` label values of `redis_errors_total`.
const REDIS_ERROR_KINDS: [&str; 4] = ["unavailable", "timeout", "overloaded", "backend"];

/// Every metric the server exports, registered in its own [`Registry`].
/// Cheap to clone: the metric handles share their values.
#[derive(Clone)]
pub struct Metrics {
    registry: Registry,
    pub reports_received: IntCounter,
    pub reports_counted: IntCounter,
    pub reports_repeated: IntCounter,
    pub reports_rejected: IntCounterVec,
    pub rate_limited: IntCounterVec,
    pub http_duration: HistogramVec,
    pub store: StoreMetrics,
    pub detector_tick: Histogram,
    pub active_incidents: IntGauge,
    /// Read models held by this process (services, lists, maps).
    pub cached_views: IntGauge,
    /// Bytes of rendered answers held (every encoding).
    pub cached_answer_bytes: IntGauge,
}

/// What the Redis store reports about its calls.
#[derive(Clone)]
pub struct StoreMetrics {
    pub call_duration: Histogram,
    pub errors: IntCounterVec,
    /// Redis commands the report writes cost, those inside the write
    /// script included (its `EVALSHA` counts one more).
    pub write_commands: IntCounter,
    /// Round trips (script calls) of the report writes.
    pub write_round_trips: IntCounter,
    /// Reports those calls wrote: commands and round trips per report are
    /// the two counters above over this one.
    pub reports_written: IntCounter,
}

impl StoreMetrics {
    /// Records one finished store call and, when it failed, why
    /// (`unavailable`, `timeout` or `backend`).
    pub fn observe(&self, started: Instant, error: Option<&str>) {
        self.call_duration.observe(started.elapsed().as_secs_f64());
        if let Some(kind) = error {
            self.errors.with_label_values(&[kind]).inc();
        }
    }
}

impl Metrics {
    /// A fresh registry with every metric at zero. Fails only on an
    /// invalid or duplicate metric definition, a bug caught by the tests.
    pub fn new() -> Result<Self, prometheus::Error> {
        Self::labelled(false)
    }

    /// As [`Metrics::new`]; in demo mode every metric carries the label
    /// `demo="true"`, so simulated traffic never passes for real traffic
    /// on a dashboard.
    pub fn labelled(demo: bool) -> Result<Self, prometheus::Error> {
        let labels = demo
            .then(|| std::collections::HashMap::from([("demo".to_string(), "true".to_string())]));
        let registry = Registry::new_custom(Some("downwatch".to_string()), labels)?;
        let register = |c: Box<dyn prometheus::core::Collector>| registry.register(c);
        let counter = |name: &str, help: &str| -> Result<IntCounter, prometheus::Error> {
            let c = IntCounter::new(name, help)?;
            register(Box::new(c.clone()))?;
            Ok(c)
        };
        let counter_vec =
            |name: &str, help: &str, labels: &[&str]| -> Result<IntCounterVec, prometheus::Error> {
                let c = IntCounterVec::new(Opts::new(name, help), labels)?;
                register(Box::new(c.clone()))?;
                Ok(c)
            };
        let histogram = |name: &str, help: &str| -> Result<Histogram, prometheus::Error> {
            let opts = HistogramOpts::new(name, help).buckets(LATENCY_BUCKETS.to_vec());
            let h = Histogram::with_opts(opts)?;
            register(Box::new(h.clone()))?;
            Ok(h)
        };
        let http_duration = HistogramVec::new(
            HistogramOpts::new(
                "http_request_duration_seconds",
                "HTTP request latency by route pattern, method and status class",
            )
            .buckets(LATENCY_BUCKETS.to_vec()),
            &["route", "method", "status"],
        )?;
        register(Box::new(http_duration.clone()))?;
        let active_incidents = IntGauge::new(
            "active_incidents",
            "Open incidents over all services, as of the last scrape",
        )?;
        register(Box::new(active_incidents.clone()))?;
        let gauge = |name: &str, help: &str| -> Result<IntGauge, prometheus::Error> {
            let g = IntGauge::new(name, help)?;
            register(Box::new(g.clone()))?;
            Ok(g)
        };
        let cached_views = gauge(
            "cached_views",
            "Read models (service views, lists, maps) held by this process, as of the last scrape",
        )?;
        let cached_answer_bytes = gauge(
            "cached_answer_bytes",
            "Bytes of rendered pages and API answers held, every encoding, as of the last scrape",
        )?;
        let rate_limited = counter_vec(
            "rate_limited_total",
            "Requests refused by a rate limit, by limit (report, read, page or admin)",
            &["limit"],
        )?;
        let redis_errors = counter_vec(
            "redis_errors_total",
            "Failed Redis calls, by kind (unavailable, timeout, overloaded, backend)",
            &["kind"],
        )?;
        // Exported at zero from the start, so dashboards and alerts see a
        // series (and rate() a first point) before the first refusal.
        for limit in RATE_LIMITS {
            rate_limited.with_label_values(&[limit]);
        }
        for kind in REDIS_ERROR_KINDS {
            redis_errors.with_label_values(&[kind]);
        }
        Ok(Self {
            reports_received: counter("reports_received_total", "Report submissions received")?,
            reports_counted: counter("reports_counted_total", "Reports accepted and counted")?,
            reports_repeated: counter(
                "reports_repeated_total",
                "Reports accepted but not counted: a repeat within the dedupe period",
            )?,
            reports_rejected: counter_vec(
                "reports_rejected_total",
                "Report submissions refused, by error code",
                &["reason"],
            )?,
            rate_limited,
            http_duration,
            store: StoreMetrics {
                call_duration: histogram(
                    "redis_call_duration_seconds",
                    "Latency of Redis calls, failed ones included",
                )?,
                errors: redis_errors,
                write_commands: counter(
                    "redis_report_commands_total",
                    "Redis commands spent writing reports, those inside the write script included; \
                     per report: rate of this over rate of redis_reports_written_total",
                )?,
                write_round_trips: counter(
                    "redis_report_round_trips_total",
                    "Redis round trips (batched script calls) spent writing reports",
                )?,
                reports_written: counter(
                    "redis_reports_written_total",
                    "Reports written to Redis by the batched write (counted, repeats and over budget)",
                )?,
            },
            detector_tick: histogram(
                "detector_tick_duration_seconds",
                "Duration of one detector tick over every service",
            )?,
            active_incidents,
            cached_views,
            cached_answer_bytes,
            registry,
        })
    }

    /// The Prometheus text exposition of every metric.
    pub fn render(&self) -> String {
        TextEncoder::new()
            .encode_to_string(&self.registry.gather())
            .unwrap_or_else(|e| {
                tracing::error!(error = %e, "cannot encode metrics");
                String::new()
            })
    }
}

/// Middleware (`actix_web::middleware::from_fn`) timing every request by
/// its route pattern; paths no route matches share the label `unmatched`.
pub async fn track_requests(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let Some(metrics) = req.app_data::<web::Data<Metrics>>().cloned() else {
        return next
            .call(req)
            .await
            .map(ServiceResponse::map_into_boxed_body);
    };
    let started = Instant::now();
    let route = route_of(&req);
    let method = req.method().as_str().to_string();
    let result = next.call(req).await;
    let status = match &result {
        Ok(res) => res.status(),
        Err(e) => e.as_response_error().status_code(),
    };
    metrics
        .http_duration
        .with_label_values(&[
            route.as_str(),
            method_label(&method),
            status_class(status.as_u16()),
        ])
        .observe(started.elapsed().as_secs_f64());
    result.map(ServiceResponse::map_into_boxed_body)
}

/// The route pattern a request matched (`/status/{slug}`), or `unmatched`.
pub fn route_of(req: &ServiceRequest) -> String {
    matched_route(req).unwrap_or_else(|| "unmatched".to_string())
}

/// The route pattern the router matches for this request, None when no
/// route does: found once per request (it walks the whole route table) and
/// kept in the request's extensions for the other middleware.
///
/// The app's middleware run before the router, and `match_pattern()` there
/// looks up the raw path, where `%61dmin` is not `admin`. The router
/// matches the path actix-router has percent-decoded (every escape but
/// `%`, `/` and `+`), so the lookup here takes that same path: whatever
/// the spelling, the pattern is the one whose handler will run.
///
/// A path with a dot segment (`.`, `..`, in any spelling) or an encoded
/// `/` matches no route: no name or id of ours holds a `/` or is a dot,
/// and such a path means another one once normalized (`/services/.` is
/// `/services/`), so it is refused rather than matched as a parameter.
pub fn matched_route(req: &ServiceRequest) -> Option<String> {
    #[derive(Clone)]
    struct Route(Option<String>);
    if let Some(Route(route)) = req.extensions().get::<Route>() {
        return route.clone();
    }
    let path = req.match_info().as_str();
    let route = if is_plain_path(path) {
        req.resource_map().match_pattern(path)
    } else {
        None
    };
    req.extensions_mut().insert(Route(route.clone()));
    route
}

/// Whether a decoded path is free of dot segments and encoded slashes.
fn is_plain_path(path: &str) -> bool {
    !path.split('/').any(|s| matches!(s, "." | ".."))
        && !path
            .as_bytes()
            .windows(3)
            .any(|w| w.eq_ignore_ascii_case(b"%2f"))
}

/// Standard methods keep their name; anything else is `other`, so a
/// client cannot mint label values.
fn method_label(method: &str) -> &str {
    match method {
        "GET" | "HEAD" | "POST" | "PUT" | "DELETE" | "PATCH" | "OPTIONS" => method,
        _ => "other",
    }
}

fn status_class(status: u16) -> &'static str {
    match status / 100 {
        1 => "1xx",
        2 => "2xx",
        3 => "3xx",
        4 => "4xx",
        _ => "5xx",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_app_has_its_own_counters() {
        let a = Metrics::new().expect("metrics");
        let b = Metrics::new().expect("metrics");
        a.reports_received.inc();
        assert!(a.render().contains("downwatch_reports_received_total 1"));
        assert!(b.render().contains("downwatch_reports_received_total 0"));
    }

    #[test]
    fn dot_segments_and_encoded_slashes_are_not_plain_paths() {
        assert!(is_plain_path("/api/v1/outages/spotify.global.1"));
        assert!(is_plain_path("/status/netflix;x=1"));
        for path in [
            "/api/v1/services/.",
            "/api/v1/services/..",
            "/api/v1/x/../services",
            "/api/v1/services/netflix%2Ftimeseries",
            "/api/v1/services/netflix%2ftimeseries",
        ] {
            assert!(!is_plain_path(path), "{path}");
        }
    }

    #[test]
    fn unusual_methods_share_one_label() {
        assert_eq!(method_label("GET"), "GET");
        assert_eq!(method_label("BREW"), "other");
        assert_eq!(status_class(503), "5xx");
        assert_eq!(status_class(202), "2xx");
    }
}
