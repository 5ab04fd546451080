//! Integration tests: the real server over HTTP on port 0, on the memory
//! store and on private redis-server processes.

#[path = "../common/mod.rs"]
mod common;

mod admin;
mod client_ip;
mod cluster;
mod demo;
mod detection;
mod faults;
mod feeds;
mod follow_email;
mod follow_push;
mod geo_reload;
mod hardening;
mod health;
mod languages;
mod metrics;
mod official;
mod openapi;
mod pages;
mod processes;
mod rate_limits;
mod read_api;
mod read_path;
mod redis_store;
mod reporters;
mod reports;
mod shared_cause;
mod spellings;
mod startup;
mod streams;
mod webhooks;
