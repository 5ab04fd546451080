//! downwatch: a crowd-sourced outage report aggregator.
//!
//! People report "it's down" for a service; we place them in a region from
//! their IP address, count reports in per-minute and per-hour buckets in a
//! store (Redis in production, memory for a one-command start) and serve the
//! counts through a versioned JSON API. See `docs/` and DESIGN.md for the map.

pub mod api;
pub mod catalog;
pub mod clock;
pub mod config;
pub mod countries;
pub mod detect;
pub mod events;
pub mod geo;
pub mod healthcheck;
pub mod ingest;
pub mod metrics;
pub mod read;
pub mod startup;
pub mod store;
pub mod telemetry;
pub mod web;
