//! Integration tests: the real server over HTTP on port 0, on the memory
//! store and on private redis-server processes.

#[path = "../common/mod.rs"]
mod common;

mod admin;
mod detection;
mod feeds;
mod geo_reload;
mod health;
mod openapi;
mod pages;
mod rate_limits;
mod read_api;
mod redis_store;
mod reporters;
mod reports;
mod startup;
mod webhooks;
