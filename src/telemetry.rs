//! Logging setup (tracing to stderr, level from RUST_LOG, default info) and
//! the request-id middleware that ties a request's log lines together.
//!
//! Client mistakes are not errors: actix-http logs a request it cannot
//! parse (or a connection a client broke off) at ERROR, so its
//! connection-level lines are logged at DEBUG instead ([`ClientFaults`]).

use tracing::field::{Field, Visit};
use tracing::{Event, Level, Metadata, Subscriber};
use tracing_subscriber::filter::filter_fn;
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, fmt};

/// Where actix-http logs malformed requests and broken connections.
const HTTP_DISPATCHER: &str = "actix_http::h1::dispatcher";

/// Installs the global subscriber once; later calls are ignored.
pub fn init() {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let output = fmt::layer()
        .with_writer(std::io::stderr)
        .with_filter(filter_fn(|meta| !is_client_fault(meta)));
    let _ = tracing_subscriber::registry()
        .with(filter)
        .with(output)
        .with(ClientFaults)
        .try_init();
}

fn is_client_fault(meta: &Metadata<'_>) -> bool {
    meta.target() == HTTP_DISPATCHER && *meta.level() <= Level::WARN
}

/// Logs actix-http's connection-level errors and warnings again at DEBUG
/// (target `downwatch::http`); the output layer leaves the originals out.
struct ClientFaults;

impl<S: Subscriber> Layer<S> for ClientFaults {
    fn on_event(&self, event: &Event<'_>, _ctx: Context<'_, S>) {
        if !is_client_fault(event.metadata()) {
            return;
        }
        let mut message = Message(String::new());
        event.record(&mut message);
        tracing::debug!(target: "downwatch::http", cause = %message.0, "connection closed on a client fault");
    }
}

struct Message(String);

impl Visit for Message {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        if field.name() == "message" {
            self.0 = format!("{value:?}");
        }
    }
}

/// The header a request id travels in, both ways.
pub const REQUEST_ID: &str = "x-request-id";

/// Longest incoming request id that is kept.
const MAX_REQUEST_ID_LEN: usize = 64;

/// An incoming id is kept when it is short and plain (letters, digits,
/// `-`, `_`, `.`, `:`), so it is safe in logs and headers, and holds
/// nothing shaped like an IP address (no address is ever logged); anything
/// else is replaced by a fresh one.
fn sane_request_id(value: &str) -> bool {
    !value.is_empty()
        && value.len() <= MAX_REQUEST_ID_LEN
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'))
        && !holds_address(value)
}

/// Whether `value` has an IPv4 address (four dot-separated numbers in a
/// row) or something IPv6-shaped (two colons among hex digits) anywhere
/// in it, whatever surrounds it: `c-91.198.174.33`, `x2a02:cf40::1`.
fn holds_address(value: &str) -> bool {
    let dotted_quad = value
        .split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .any(|run| {
            let groups: Vec<&str> = run.split('.').collect();
            groups.windows(4).any(|w| {
                w.iter()
                    .all(|g| (1..=3).contains(&g.len()) && g.parse::<u8>().is_ok())
            })
        });
    let ipv6_shaped = value
        .split(|c: char| !(c.is_ascii_hexdigit() || c == ':' || c == '.'))
        .any(|run| run.matches(':').count() >= 2);
    dotted_quad || ipv6_shaped
}

/// 128 random bits in hex.
fn new_request_id() -> String {
    hex::encode(rand::random::<[u8; 16]>())
}

/// Middleware (`actix_web::middleware::from_fn`), the outermost one: gives
/// every request an id (an incoming sane `X-Request-Id`, else a new one),
/// runs it inside a `request` span carrying that id so every log line of
/// the request has it, logs one line when it finishes, and answers with
/// the id in `X-Request-Id` and `X-Content-Type-Options: nosniff` on every
/// response (the inner middleware answer their refusals as responses, not `Err`,
/// so this covers them too).
pub async fn request_context(
    req: actix_web::dev::ServiceRequest,
    next: actix_web::middleware::Next<impl actix_web::body::MessageBody + 'static>,
) -> Result<actix_web::dev::ServiceResponse<actix_web::body::BoxBody>, actix_web::Error> {
    use actix_web::http::header::{self, HeaderName, HeaderValue};
    use tracing::Instrument;

    let id = req
        .headers()
        .get(REQUEST_ID)
        .and_then(|v| v.to_str().ok())
        .filter(|v| sane_request_id(v))
        .map_or_else(new_request_id, str::to_string);
    let route = crate::metrics::route_of(&req);
    let span = tracing::info_span!(
        "request",
        request_id = %id,
        method = %req.method(),
        route = %route,
    );
    let started = std::time::Instant::now();
    let mut response = next
        .call(req)
        .instrument(span.clone())
        .await?
        .map_into_boxed_body();
    let status = response.status().as_u16();
    span.in_scope(|| {
        let elapsed_ms = started.elapsed().as_secs_f64() * 1000.0;
        // A 503 is a refusal under load (every stream slot taken) or a
        // store outage, which its cause logs once at WARN; a line per
        // refused client would flood the log.
        if status >= 500 && status != 503 {
            tracing::warn!(status, elapsed_ms, "request finished");
        } else {
            tracing::info!(status, elapsed_ms, "request finished");
        }
    });
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(&id) {
        headers.insert(HeaderName::from_static(REQUEST_ID), value);
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_ids_are_kept_only_when_plain_short_and_not_an_address() {
        assert!(sane_request_id("3f2a-11ee.b:7_x"));
        assert!(!sane_request_id(""));
        assert!(!sane_request_id("has space"));
        assert!(!sane_request_id("new\nline"));
        assert!(!sane_request_id(&"a".repeat(65)));
        assert!(!sane_request_id("81.2.69.142"));
        assert!(!sane_request_id("2a02:cf40::1"));
        assert!(!sane_request_id("81.2.69.142:443"));
        assert!(!sane_request_id("c-91.198.174.33"));
        assert!(!sane_request_id("req_91.198.174.33_x"));
        assert!(!sane_request_id("abc91.198.174.33"));
        assert!(!sane_request_id("id-2a02:cf40::1"));
        assert!(!sane_request_id("x::ffff:8.8.8.8"));
        assert!(sane_request_id("v1.2.3-rc1"));
        assert!(sane_request_id("lb-7f3a.2:xyz_1"));
        assert_eq!(new_request_id().len(), 32);
        assert_ne!(new_request_id(), new_request_id());
    }
}
