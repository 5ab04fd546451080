//! Settings from command-line flags and `DOWNWATCH_*` environment variables.
//! Every field is documented here and in the README's configuration table.

mod client_ip_header;
pub mod defaults;
pub mod follow;
mod renamed;
mod secret;

pub use client_ip_header::ClientIpHeader;
use defaults::*;
pub use renamed::{RENAMED, Renamed};
pub use secret::Secret;

use clap::{Args, Parser, Subcommand};
use ipnet::IpNet;
use std::net::IpAddr;
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "downwatch",
    version,
    about = "Crowd-sourced outage reports: ingest, count, detect, serve",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// `downwatch` with no subcommand serves, with these settings.
    #[command(flatten)]
    pub serve: Settings,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the HTTP server (the default).
    Serve(Box<Settings>),
    /// Run count series (CSV `timestamp,value`) through the detector in
    /// virtual time; print `series_name,timestamp` for each incident opened.
    Replay {
        /// CSV files, one series each.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Synthetic traffic with injected outages through the detector in
    /// virtual time; prints latency, misses and false incidents.
    Simulate {
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(long, default_value_t = 100)]
        services: usize,
        /// Weeks simulated, the first `--warmup-weeks` unscored.
        #[arg(long, default_value_t = 6, value_parser = clap::value_parser!(u32).range(2..=520))]
        weeks: u32,
        #[arg(long, default_value_t = 1)]
        warmup_weeks: u32,
        /// Also print one line per scored outage (its kind, size, ramp,
        /// latency and what detected it).
        #[arg(long)]
        outages: bool,
        /// Shared-cause scenarios instead (ISP, upstream, sympathy,
        /// unrelated outages): label precision, recall and time to label
        /// (docs/shared-cause.md).
        #[arg(long)]
        causes: bool,
        /// With --causes: runs of each scenario.
        #[arg(long, default_value_t = 50, value_parser = clap::value_parser!(u32).range(1..=10_000))]
        runs: u32,
    },
    /// GET /healthz of a server on this machine; exit 0 when it answers 200
    /// (the container image's HEALTHCHECK: it has no curl).
    Healthcheck {
        /// The server's listen address; an unspecified host (0.0.0.0, ::)
        /// is reached on loopback.
        #[arg(long, env = "DOWNWATCH_LISTEN", default_value = DEFAULT_LISTEN)]
        listen: String,
    },
}

/// Everything the server needs to start.
#[derive(Debug, Clone, Args)]
pub struct Settings {
    /// Address and port to listen on (port 0 picks a free one).
    #[arg(long, env = "DOWNWATCH_LISTEN", default_value = DEFAULT_LISTEN)]
    pub listen: String,

    /// Redis URL (redis://host:port/db), or a Redis Cluster as
    /// redis+cluster://host:port,host:port or comma-separated redis:// URLs.
    /// Absent: the embedded memory store, which forgets everything on exit.
    #[arg(long, env = "DOWNWATCH_REDIS_URL")]
    pub redis_url: Option<String>,

    /// Redis calls that may wait for an answer at once; past it requests
    /// get 503 at once instead of queueing behind a stalled Redis.
    #[arg(long, env = "DOWNWATCH_REDIS_MAX_PENDING", default_value_t = DEFAULT_MAX_PENDING)]
    pub redis_max_pending: usize,

    /// MaxMind DB file (GeoLite2/GeoIP2 City or Country, or the flat
    /// `country_code` layout). Absent: the bundled country database.
    #[arg(long, env = "DOWNWATCH_GEOIP")]
    pub geoip: Option<PathBuf>,

    /// MaxMind DB with the GeoLite2-ASN fields (`autonomous_system_number`,
    /// `autonomous_system_organization`): which network operator each
    /// report comes from, for the ISP labels (docs/shared-cause.md).
    /// Absent: the --geoip database's ASN fields when it has them, else the
    /// bundled ASN database (geoip/README.md).
    #[arg(long, env = "DOWNWATCH_ASN_DB")]
    pub asn_db: Option<PathBuf>,

    /// Service catalog TOML. Absent: the bundled catalog.
    #[arg(long, env = "DOWNWATCH_CATALOG")]
    pub catalog: Option<PathBuf>,

    /// A proxy network whose X-Forwarded-For / Forwarded headers are
    /// believed (CIDR or single address); repeat the flag, or separate by
    /// commas in the environment variable.
    #[arg(
        long = "trusted-proxy",
        env = "DOWNWATCH_TRUSTED_PROXIES",
        value_delimiter = ',',
        value_parser = parse_net
    )]
    pub trusted_proxies: Vec<IpNet>,

    /// The one header the trusted proxies set to name the client
    /// (`x-forwarded-for` or `forwarded`); the other is ignored, so a
    /// client cannot name itself in a header the proxy passes through.
    #[arg(
        long,
        env = "DOWNWATCH_CLIENT_IP_HEADER",
        value_enum,
        default_value_t = ClientIpHeader::default()
    )]
    pub client_ip_header: ClientIpHeader,

    /// Minutes during which a reporter's repeat reports for one service count
    /// once (0 counts every report).
    #[arg(long, env = "DOWNWATCH_DEDUPE_MINUTES", default_value_t = DEFAULT_DEDUPE_MINUTES)]
    pub dedupe_minutes: u64,

    /// Milliseconds between detector ticks (0 turns detection off in this
    /// process; other processes on the same Redis still detect).
    #[arg(long, env = "DOWNWATCH_DETECTOR_INTERVAL_MS", default_value_t = DEFAULT_DETECTOR_INTERVAL_MS)]
    pub detector_interval_ms: u64,
    /// Seconds between checks of the GeoIP file for changes (0: reload on
    /// SIGHUP only).
    #[arg(long, env = "DOWNWATCH_GEOIP_POLL_SECS", default_value_t = DEFAULT_GEOIP_POLL_SECS)]
    pub geoip_poll_secs: u64,

    /// Secret from which each day's reporter-hash key is derived. Absent: a
    /// random secret per day, kept in the store so all processes agree.
    #[arg(long, env = "DOWNWATCH_REPORTER_SECRET", hide_env_values = true)]
    pub reporter_secret: Option<Secret>,

    /// Reports a minute from one client address (0: unlimited).
    #[arg(
        long,
        env = "DOWNWATCH_REPORTS_PER_MINUTE_PER_IP",
        default_value_t = DEFAULT_REPORTS_PER_MINUTE_PER_IP
    )]
    pub reports_per_minute_per_ip: u32,

    /// Reports a minute from one /24 (IPv4) or /48 (IPv6) network
    /// (0: unlimited).
    #[arg(
        long,
        env = "DOWNWATCH_REPORTS_PER_MINUTE_PER_PREFIX",
        default_value_t = DEFAULT_REPORTS_PER_MINUTE_PER_PREFIX
    )]
    pub reports_per_minute_per_prefix: u32,

    /// Reports a minute from one IPv6 /48 network (0: unlimited). One
    /// client is one /64; a /48 holds a site's many /64s.
    #[arg(
        long = "reports-per-minute-per-ipv6-prefix",
        env = "DOWNWATCH_REPORTS_PER_MINUTE_PER_IPV6_PREFIX",
        default_value_t = DEFAULT_REPORTS_PER_IPV6_PREFIX
    )]
    pub reports_per_minute_per_ipv6_prefix: u32,

    /// Read API requests a minute from one anonymous client address
    /// (0: unlimited).
    #[arg(
        long,
        env = "DOWNWATCH_READS_PER_MINUTE_ANONYMOUS",
        default_value_t = DEFAULT_READS_PER_MINUTE_ANONYMOUS
    )]
    pub reads_per_minute_anonymous: u32,

    /// Read API requests a minute per API key (0: unlimited).
    #[arg(long, env = "DOWNWATCH_READS_PER_MINUTE_KEYED", default_value_t = DEFAULT_READS_PER_MINUTE_KEYED)]
    pub reads_per_minute_keyed: u32,

    /// Page views (and their assets) a minute from one client address
    /// (0: unlimited). Generous: a person refreshing during an outage
    /// stays far below it; one client cannot take the server.
    #[arg(
        long,
        env = "DOWNWATCH_PAGES_PER_MINUTE_PER_IP",
        default_value_t = DEFAULT_PAGES_PER_MINUTE
    )]
    pub pages_per_minute_per_ip: u32,

    /// How long a computed view (a service's status, the service list, a
    /// map) is served before it is computed again, in milliseconds.
    /// Incident changes show at once regardless.
    #[arg(long, env = "DOWNWATCH_VIEW_TTL_MS", default_value_t = DEFAULT_VIEW_TTL_MS)]
    pub view_ttl_ms: u64,

    /// `max-age` of public pages and read API answers (seconds): how long
    /// a CDN or browser may reuse them without asking (0: always revalidate).
    #[arg(long, env = "DOWNWATCH_HTTP_MAX_AGE_SECS", default_value_t = DEFAULT_MAX_AGE_SECS)]
    pub http_max_age_secs: u32,

    /// `stale-while-revalidate` of the same answers (seconds): how long a
    /// cache may serve one stale while it refetches.
    #[arg(
        long,
        env = "DOWNWATCH_HTTP_STALE_WHILE_REVALIDATE_SECS",
        default_value_t = DEFAULT_STALE_WHILE_REVALIDATE_SECS
    )]
    pub http_stale_while_revalidate_secs: u32,

    /// Keys (addresses, networks, API keys) each rate limiter may track
    /// before it sheds idle ones; bounds the limiters' memory.
    #[arg(long, env = "DOWNWATCH_LIMITER_MAX_KEYS", default_value_t = DEFAULT_MAX_KEYS)]
    pub limiter_max_keys: usize,

    /// An API key for the read API (higher rate limit); repeat the flag, or
    /// separate by commas in the environment variable.
    #[arg(
        long = "api-key",
        env = "DOWNWATCH_API_KEYS",
        value_delimiter = ',',
        hide_env_values = true
    )]
    pub api_keys: Vec<Secret>,

    /// A file of API keys, one per line (blank lines and `#` comments
    /// ignored).
    #[arg(long, env = "DOWNWATCH_API_KEYS_FILE")]
    pub api_keys_file: Option<PathBuf>,

    /// Milliseconds a client has to send a request's headers once it
    /// connects or starts a new request (0: no limit); slow clients are
    /// answered 408 and cut off.
    #[arg(
        long,
        env = "DOWNWATCH_CLIENT_REQUEST_TIMEOUT_MS",
        default_value_t = DEFAULT_CLIENT_REQUEST_TIMEOUT_MS
    )]
    pub client_request_timeout_ms: u64,

    /// Milliseconds a client has to send a request's whole body once its
    /// headers are in (0: no limit); a body that trickles in is answered
    /// 408.
    #[arg(
        long,
        env = "DOWNWATCH_CLIENT_BODY_TIMEOUT_MS",
        default_value_t = DEFAULT_CLIENT_BODY_TIMEOUT_MS
    )]
    pub client_body_timeout_ms: u64,

    /// Event streams (`/api/v1/events`) open at once in this process;
    /// past it new ones are answered 503 (0: no cap).
    #[arg(
        long,
        env = "DOWNWATCH_MAX_EVENT_STREAMS",
        default_value_t = DEFAULT_MAX_EVENT_STREAMS
    )]
    pub max_event_streams: usize,

    /// Event streams one client (an IPv4 address or an IPv6 /64) may hold
    /// open at once in this process; past it new ones are answered 429
    /// (0: no cap).
    #[arg(
        long,
        env = "DOWNWATCH_MAX_EVENT_STREAMS_PER_CLIENT",
        default_value_t = DEFAULT_MAX_EVENT_STREAMS_PER_CLIENT
    )]
    pub max_event_streams_per_client: usize,

    /// Seconds an idle keep-alive connection stays open (0: none).
    #[arg(long, env = "DOWNWATCH_KEEP_ALIVE_SECS", default_value_t = DEFAULT_KEEP_ALIVE_SECS)]
    pub keep_alive_secs: u64,

    /// Seconds to finish in-flight requests on SIGTERM or SIGINT before
    /// closing their connections.
    #[arg(long, env = "DOWNWATCH_SHUTDOWN_TIMEOUT_SECS", default_value_t = DEFAULT_SHUTDOWN_TIMEOUT_SECS)]
    pub shutdown_timeout_secs: u64,
    /// The token of the admin API (official incident updates, webhooks),
    /// sent as `Authorization: Bearer <token>`. Absent: the admin API is
    /// off.
    #[arg(long, env = "DOWNWATCH_ADMIN_TOKEN", hide_env_values = true)]
    pub admin_token: Option<Secret>,

    /// Failed admin authentications a minute, from all clients together,
    /// before the admin API refuses every attempt for a while (0:
    /// unlimited). Each client also waits longer after each failure.
    #[arg(
        long,
        env = "DOWNWATCH_ADMIN_FAILURES_PER_MINUTE",
        default_value_t = DEFAULT_ADMIN_FAILURES_PER_MINUTE
    )]
    pub admin_failures_per_minute: u32,

    /// Milliseconds between polls of the delivery queue (webhooks, push and
    /// mail notices; 0: this process delivers none; others on the same
    /// Redis still do). Was `--webhook-poll-ms` (still read).
    #[arg(
        long,
        alias = "webhook-poll-ms",
        env = "DOWNWATCH_DELIVERY_POLL_MS",
        default_value_t = DEFAULT_DELIVERY_POLL_MS
    )]
    pub delivery_poll_ms: u64,

    /// Attempts at one delivery before it is dropped (and logged). Was
    /// `--webhook-max-attempts` (still read).
    #[arg(
        long,
        alias = "webhook-max-attempts",
        env = "DOWNWATCH_DELIVERY_MAX_ATTEMPTS",
        default_value_t = DEFAULT_DELIVERY_MAX_ATTEMPTS,
        value_parser = clap::value_parser!(u32).range(1..=100)
    )]
    pub delivery_max_attempts: u32,

    /// Milliseconds before the second attempt at a failed delivery; the
    /// wait doubles after each failure (at most an hour). Was
    /// `--webhook-retry-base-ms` (still read).
    #[arg(
        long,
        alias = "webhook-retry-base-ms",
        env = "DOWNWATCH_DELIVERY_RETRY_BASE_MS",
        default_value_t = DEFAULT_DELIVERY_RETRY_BASE_MS
    )]
    pub delivery_retry_base_ms: u64,

    /// Milliseconds a delivery's target (a webhook URL or a push service)
    /// has to answer. Was `--webhook-timeout-ms` (still read).
    #[arg(
        long,
        alias = "webhook-timeout-ms",
        env = "DOWNWATCH_DELIVERY_TIMEOUT_MS",
        default_value_t = DEFAULT_DELIVERY_TIMEOUT_MS
    )]
    pub delivery_timeout_ms: u64,

    /// Allow webhook targets and push endpoints on loopback, private,
    /// link-local and other internal addresses (refused by default: see
    /// docs/webhooks.md). Was `--webhook-allow-internal-targets` (still
    /// read).
    #[arg(
        long,
        alias = "webhook-allow-internal-targets",
        env = "DOWNWATCH_DELIVERY_ALLOW_INTERNAL_TARGETS"
    )]
    pub delivery_allow_internal_targets: bool,
    /// Seconds between two polls of a service's official status page
    /// (±10 % jitter, doubled after each failure up to an hour; 0: this
    /// process polls none, others on the same Redis still do).
    #[arg(long, env = "DOWNWATCH_OFFICIAL_POLL_SECS", default_value_t = DEFAULT_POLL_SECS)]
    pub official_poll_secs: u64,

    /// Milliseconds between looks for status pages due a poll.
    #[arg(long, env = "DOWNWATCH_OFFICIAL_CHECK_MS", default_value_t = DEFAULT_CHECK_MS)]
    pub official_check_ms: u64,

    /// Milliseconds a status page has to answer, body included.
    #[arg(long, env = "DOWNWATCH_OFFICIAL_TIMEOUT_MS", default_value_t = DEFAULT_TIMEOUT_MS)]
    pub official_timeout_ms: u64,

    /// Largest status page body read, in bytes; a larger one is refused.
    #[arg(long, env = "DOWNWATCH_OFFICIAL_MAX_BYTES", default_value_t = DEFAULT_MAX_BYTES)]
    pub official_max_bytes: usize,
    /// Demo mode: a week of simulated reports written at start, then live
    /// ones with outages injected every few minutes, for the real detector
    /// to find. Pages, API answers and metrics say it is a demo. Refuses a
    /// store that holds other data.
    #[arg(long, env = "DOWNWATCH_DEMO")]
    pub demo: bool,

    /// With --demo: run on a store that holds other data too, mixing
    /// simulated reports into it.
    #[arg(long, env = "DOWNWATCH_DEMO_FORCE")]
    pub demo_force: bool,

    /// People following services: push, email, their limits.
    #[command(flatten)]
    pub follow: follow::FollowSettings,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            listen: DEFAULT_LISTEN.to_string(),
            redis_url: None,
            redis_max_pending: DEFAULT_MAX_PENDING,
            geoip: None,
            asn_db: None,
            catalog: None,
            trusted_proxies: Vec::new(),
            client_ip_header: ClientIpHeader::default(),
            dedupe_minutes: DEFAULT_DEDUPE_MINUTES,
            detector_interval_ms: DEFAULT_DETECTOR_INTERVAL_MS,
            geoip_poll_secs: DEFAULT_GEOIP_POLL_SECS,
            reporter_secret: None,
            reports_per_minute_per_ip: DEFAULT_REPORTS_PER_MINUTE_PER_IP,
            reports_per_minute_per_prefix: DEFAULT_REPORTS_PER_MINUTE_PER_PREFIX,
            reports_per_minute_per_ipv6_prefix: DEFAULT_REPORTS_PER_IPV6_PREFIX,
            reads_per_minute_anonymous: DEFAULT_READS_PER_MINUTE_ANONYMOUS,
            reads_per_minute_keyed: DEFAULT_READS_PER_MINUTE_KEYED,
            pages_per_minute_per_ip: DEFAULT_PAGES_PER_MINUTE,
            view_ttl_ms: DEFAULT_VIEW_TTL_MS,
            http_max_age_secs: DEFAULT_MAX_AGE_SECS,
            http_stale_while_revalidate_secs: DEFAULT_STALE_WHILE_REVALIDATE_SECS,
            limiter_max_keys: DEFAULT_MAX_KEYS,
            api_keys: Vec::new(),
            api_keys_file: None,
            client_request_timeout_ms: DEFAULT_CLIENT_REQUEST_TIMEOUT_MS,
            client_body_timeout_ms: DEFAULT_CLIENT_BODY_TIMEOUT_MS,
            max_event_streams: DEFAULT_MAX_EVENT_STREAMS,
            max_event_streams_per_client: DEFAULT_MAX_EVENT_STREAMS_PER_CLIENT,
            keep_alive_secs: DEFAULT_KEEP_ALIVE_SECS,
            shutdown_timeout_secs: DEFAULT_SHUTDOWN_TIMEOUT_SECS,
            admin_token: None,
            admin_failures_per_minute: DEFAULT_ADMIN_FAILURES_PER_MINUTE,
            delivery_poll_ms: DEFAULT_DELIVERY_POLL_MS,
            delivery_max_attempts: DEFAULT_DELIVERY_MAX_ATTEMPTS,
            delivery_retry_base_ms: DEFAULT_DELIVERY_RETRY_BASE_MS,
            delivery_timeout_ms: DEFAULT_DELIVERY_TIMEOUT_MS,
            delivery_allow_internal_targets: false,
            official_poll_secs: DEFAULT_POLL_SECS,
            official_check_ms: DEFAULT_CHECK_MS,
            official_timeout_ms: DEFAULT_TIMEOUT_MS,
            official_max_bytes: DEFAULT_MAX_BYTES,
            demo: false,
            demo_force: false,
            follow: follow::FollowSettings::default(),
        }
    }
}

/// A CIDR ("10.0.0.0/8") or a single address ("10.0.0.1" = /32 or /128).
fn parse_net(s: &str) -> Result<IpNet, String> {
    let s = s.trim();
    s.parse::<IpNet>()
        .or_else(|_| s.parse::<IpAddr>().map(IpNet::from))
        .map_err(|_| format!("\"{s}\" is not a CIDR network or IP address"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_is_serve_with_defaults() {
        let cli = Cli::try_parse_from(["downwatch"]).expect("parse");
        assert!(cli.command.is_none());
        assert_eq!(cli.serve.listen, "127.0.0.1:8080");
        assert!(cli.serve.redis_url.is_none());
        let defaults = Settings::default();
        assert_eq!(cli.serve.limits(), defaults.limits());
        assert_eq!(cli.serve.geoip_poll_secs, defaults.geoip_poll_secs);
        assert_eq!(cli.serve.dedupe_minutes, defaults.dedupe_minutes);
        assert_eq!(
            cli.serve.client_request_timeout_ms,
            defaults.client_request_timeout_ms
        );
        assert_eq!(cli.serve.keep_alive_secs, defaults.keep_alive_secs);
        assert_eq!(cli.serve.redis_max_pending, defaults.redis_max_pending);
        assert_eq!(
            cli.serve.official_polls().map(|p| p.interval),
            defaults.official_polls().map(|p| p.interval)
        );
        assert_eq!(
            cli.serve.shutdown_timeout_secs,
            defaults.shutdown_timeout_secs
        );
        assert_eq!(cli.serve.client_ip_header, defaults.client_ip_header);
        assert_eq!(cli.serve.stream_limits(), defaults.stream_limits());
        assert_eq!(cli.serve.admin_guard(), defaults.admin_guard());
        assert_eq!(cli.serve.body_timeout(), defaults.body_timeout());
        assert!(!cli.serve.delivery_allow_internal_targets);
        assert_eq!(cli.serve.demo, defaults.demo);
    }

    #[test]
    fn the_client_ip_header_is_one_of_two() {
        let cli =
            Cli::try_parse_from(["downwatch", "--client-ip-header", "forwarded"]).expect("parse");
        assert_eq!(cli.serve.client_ip_header, ClientIpHeader::Forwarded);
        assert!(Cli::try_parse_from(["downwatch", "--client-ip-header", "x-real-ip"]).is_err());
    }

    #[test]
    fn demo_with_or_without_the_serve_subcommand() {
        let plain = Cli::try_parse_from(["downwatch", "--demo"]).expect("parse");
        assert!(plain.serve.demo && !plain.serve.demo_force);
        let serve =
            Cli::try_parse_from(["downwatch", "serve", "--demo", "--demo-force"]).expect("parse");
        let Some(Command::Serve(s)) = serve.command else {
            panic!("serve expected")
        };
        assert!(s.demo && s.demo_force);
    }

    #[test]
    fn api_keys_repeat_and_never_debug_print() {
        let cli = Cli::try_parse_from([
            "downwatch",
            "--api-key",
            "k-one",
            "--api-key",
            "k-two",
            "--reporter-secret",
            "pepper",
            "--admin-token",
            "root-token",
        ])
        .expect("parse");
        assert_eq!(cli.serve.api_keys.len(), 2);
        let shown = format!("{:?}", cli.serve);
        assert!(
            !shown.contains("k-one") && !shown.contains("pepper") && !shown.contains("root-token"),
            "{shown}"
        );
    }

    #[test]
    fn trusted_proxies_accept_cidrs_and_addresses() {
        let cli = Cli::try_parse_from([
            "downwatch",
            "serve",
            "--trusted-proxy",
            "10.0.0.0/8",
            "--trusted-proxy",
            "::1",
        ])
        .expect("parse");
        let Some(Command::Serve(s)) = cli.command else {
            panic!("serve expected")
        };
        assert_eq!(s.trusted_proxies.len(), 2);
        assert!(Cli::try_parse_from(["downwatch", "--trusted-proxy", "nope"]).is_err());
    }
}
