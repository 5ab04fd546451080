//! downwatch: a crowd-sourced outage report aggregator.
//!
//! People report "it's down" for a service; we place them in a region from
//! their IP address, count reports in per-minute and per-hour buckets in a
//! store (Redis in production, memory for a one-command start) and serve the
//! counts through a versioned JSON API. See `docs/` and DESIGN.md for the map.

pub mod api;
pub mod catalog;
pub mod cause;
pub mod clock;
pub mod config;
pub mod countries;
pub mod demo;
pub mod detect;
pub mod driver;
pub mod events;
pub mod geo;
pub mod healthcheck;
pub mod http_cache;
pub mod i18n;
pub mod ingest;
pub mod metrics;
pub mod official;
pub mod open_files;
pub mod read;
pub mod startup;
pub mod state;
pub mod store;
pub mod telemetry;
pub mod traffic;
pub mod web;

/// Installs the TLS crypto provider (ring) the HTTP client (webhooks)
/// uses; idempotent. The app factory calls it; anything building a
/// `reqwest::Client` before the app exists calls it first.
pub fn install_tls_provider() {
    // Err means a provider is installed already, which is what we want.
    let _ = rustls::crypto::ring::default_provider().install_default();
}
