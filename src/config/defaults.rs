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
