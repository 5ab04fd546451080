//! The default of every setting that a domain module also needs (its
//! `impl Default`, its tests): one source, read by clap
//! (`default_value_t`) and by the module, which re-exports it. Plain
//! values only, so `config` stays a leaf.

/// Default of `--http-max-age-secs`.
pub const DEFAULT_MAX_AGE_SECS: u32 = 5;

/// Default of `--http-stale-while-revalidate-secs`.
pub const DEFAULT_STALE_WHILE_REVALIDATE_SECS: u32 = 30;

/// Default of `--admin-failures-per-minute`.
pub const DEFAULT_ADMIN_FAILURES_PER_MINUTE: u32 = 30;

/// Default of `--max-event-streams`.
pub const DEFAULT_MAX_EVENT_STREAMS: usize = 1000;

/// Default of `--max-event-streams-per-client`.
pub const DEFAULT_MAX_EVENT_STREAMS_PER_CLIENT: usize = 8;

/// Default of `--official-poll-secs`.
pub const DEFAULT_POLL_SECS: u64 = 60;

/// Default of `--official-check-ms`.
pub const DEFAULT_CHECK_MS: u64 = 1000;

/// Default of `--official-timeout-ms`.
pub const DEFAULT_TIMEOUT_MS: u64 = 10_000;

/// Default of `--official-max-bytes`: 1 MiB, far above a real summary.
pub const DEFAULT_MAX_BYTES: usize = 1 << 20;

/// Default key budget per limiter: about 8 MiB each when full (see
/// `examples/limiter_memory.rs`).
pub const DEFAULT_MAX_KEYS: usize = 100_000;

/// Default reports a minute from one IPv6 /48.
pub const DEFAULT_REPORTS_PER_IPV6_PREFIX: u32 = 120;

/// Store calls that may wait on Redis at once, by default: past it a call
/// fails at once, so a stalled Redis cannot gather an unbounded backlog of
/// requests (nor of writes it would apply after waking up).
pub const DEFAULT_MAX_PENDING: usize = 1024;

/// Default of `--listen`.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8080";

/// Default of `--dedupe-minutes`.
pub const DEFAULT_DEDUPE_MINUTES: u64 = 30;

/// Default of `--detector-interval-ms`.
pub const DEFAULT_DETECTOR_INTERVAL_MS: u64 = 5000;

/// Default of `--geoip-poll-secs`.
pub const DEFAULT_GEOIP_POLL_SECS: u64 = 5;

/// Default of `--reports-per-minute-per-ip`.
pub const DEFAULT_REPORTS_PER_MINUTE_PER_IP: u32 = 10;

/// Default of `--reports-per-minute-per-prefix`.
pub const DEFAULT_REPORTS_PER_MINUTE_PER_PREFIX: u32 = 120;

/// Default of `--reads-per-minute-anonymous`.
pub const DEFAULT_READS_PER_MINUTE_ANONYMOUS: u32 = 60;

/// Default of `--reads-per-minute-keyed`.
pub const DEFAULT_READS_PER_MINUTE_KEYED: u32 = 1200;

/// Default of `--client-request-timeout-ms`.
pub const DEFAULT_CLIENT_REQUEST_TIMEOUT_MS: u64 = 5000;

/// Default of `--keep-alive-secs`.
pub const DEFAULT_KEEP_ALIVE_SECS: u64 = 5;

/// Default of `--shutdown-timeout-secs`.
pub const DEFAULT_SHUTDOWN_TIMEOUT_SECS: u64 = 30;

/// Default of `--delivery-poll-ms`.
pub const DEFAULT_DELIVERY_POLL_MS: u64 = 1000;

/// Default of `--delivery-max-attempts`.
pub const DEFAULT_DELIVERY_MAX_ATTEMPTS: u32 = 8;

/// Default of `--delivery-retry-base-ms`.
pub const DEFAULT_DELIVERY_RETRY_BASE_MS: u64 = 1000;

/// Default of `--delivery-timeout-ms`.
pub const DEFAULT_DELIVERY_TIMEOUT_MS: u64 = 10_000;

/// Default of `--client-body-timeout-ms`.
pub const DEFAULT_CLIENT_BODY_TIMEOUT_MS: u64 = 10_000;

/// Default of `--pages-per-minute-per-ip`.
pub const DEFAULT_PAGES_PER_MINUTE: u32 = 600;

/// Default of `--view-ttl-ms`.
pub const DEFAULT_VIEW_TTL_MS: u64 = 1000;
