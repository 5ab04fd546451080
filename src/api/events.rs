//! `GET /api/v1/events`: Server-Sent Events of incidents opened, updated
//! and resolved. `Last-Event-ID` resumes after a dropped connection; an id
//! that is not one of the log's shape (`<u64>` or `<u64>-<u64>`, as the
//! stream writes them) resumes from now, like one the log no longer has. Open streams are capped
//! per client and in total ([`super::streams`]).

use super::ApiError;
use super::guard::request_client_ip;
use crate::events::LoggedEvent;
use crate::state::AppState;
use actix_web::web::Bytes;
use actix_web::{HttpRequest, HttpResponse, web};
use std::time::Duration;
use tokio::sync::broadcast::error::RecvError;

/// A comment line every so often keeps proxies from closing idle streams.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

fn frame(e: &LoggedEvent) -> Bytes {
    let kind = serde_json::from_str::<serde_json::Value>(&e.json)
        .ok()
        .and_then(|v| v.get("kind").and_then(|k| k.as_str()).map(str::to_string))
        .unwrap_or_else(|| "message".to_string());
    // Incident events carry their kind ("opened"); others their whole
    // name ("official.changed").
    let name = if kind.contains('.') {
        kind
    } else {
        format!("incident.{kind}")
    };
    Bytes::from(format!("id: {}\nevent: {name}\ndata: {}\n\n", e.id, e.json))
}

/// Live incident events as Server-Sent Events: `event: incident.opened`,
/// `incident.updated` (the detector's changes and official updates),
/// `incident.resolved`, `official.changed` (what the service's status
/// page says changed: `{"kind", "service", "official"}`), `cause.labelled`
/// or `cause.cleared` (a shared cause, `{"kind", "cause"}`), each with an `id:` for `Last-Event-ID` and a JSON
/// `data:` line.
#[utoipa::path(
    get,
    path = "/api/v1/events",
    tag = "events",
    params(("Last-Event-ID" = Option<String>, Header, description = "resume after this event")),
    security((), ("api_key" = []), ("api_key_header" = [])),
    responses(
        (status = 200, description = "An endless event stream",
            content_type = "text/event-stream", body = crate::detect::IncidentEvent),
        (status = 429, description = "This client has its share of streams open (`too_many_streams`)", body = super::ErrorBody),
        (status = 503, description = "Every stream slot is taken (`streams_full`)", body = super::ErrorBody),
    ),
)]
pub async fn event_stream(
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    // Held for as long as the stream is: dropped with it when the client
    // goes.
    let slot = state
        .streams
        .open(request_client_ip(&req, &state))
        .inspect_err(|refusal| {
            // Counted, not logged at WARN: refusals come in floods.
            state
                .metrics
                .rate_limited
                .with_label_values(&["stream"])
                .inc();
            tracing::debug!(code = refusal.code(), "event stream refused");
        })?;
    let rx = state.events.subscribe();
    let shutdown = state.shutdown.clone();
    let resume = req
        .headers()
        .get("last-event-id")
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|id| event_id(id).is_some())
        .map(str::to_string);
    let backlog = match resume {
        Some(id) => state.store.read_events(Some(&id), 1000).await?,
        None => Vec::new(),
    };
    let last_sent = backlog.last().map(|(id, _)| id.clone());
    let mut first = Some(Bytes::from_static(b": downwatch events\nretry: 3000\n\n"));
    let mut backlog = backlog
        .into_iter()
        .map(|(id, json)| LoggedEvent { id, json })
        .collect::<std::collections::VecDeque<_>>();
    let stream = futures_util::stream::unfold(rx, move |mut rx| {
        let _slot = &slot;
        let next = first.take();
        let queued = backlog.pop_front();
        let skip_through = last_sent.clone();
        let mut shutdown = shutdown.clone();
        async move {
            if let Some(hello) = next {
                return Some((Ok::<_, actix_web::Error>(hello), rx));
            }
            if let Some(e) = queued {
                return Some((Ok(frame(&e)), rx));
            }
            loop {
                // The server is stopping (or gone): end the stream, the
                // client reconnects elsewhere with Last-Event-ID.
                let received = tokio::select! {
                    _ = shutdown.wait_for(|stopping| *stopping) => return None,
                    received = tokio::time::timeout(KEEP_ALIVE, rx.recv()) => received,
                };
                match received {
                    Err(_) => return Some((Ok(Bytes::from_static(b": keep-alive\n\n")), rx)),
                    Ok(Ok(e)) => {
                        // Events already sent from the backlog come again
                        // from the live feed; skip them once.
                        if skip_through.as_deref().is_some_and(|s| !is_after(&e.id, s)) {
                            continue;
                        }
                        return Some((Ok(frame(&e)), rx));
                    }
                    Ok(Err(RecvError::Lagged(_))) => continue,
                    Ok(Err(RecvError::Closed)) => return None,
                }
            }
        }
    });
    Ok(HttpResponse::Ok()
        .content_type("text/event-stream")
        .insert_header(("cache-control", "no-cache"))
        .insert_header(("x-accel-buffering", "no"))
        .streaming(stream))
}

/// An event id ("12" or "1700000000000-3") as its two numbers; None for
/// anything else, a number past `u64` included.
fn event_id(id: &str) -> Option<(u64, u64)> {
    let number = |s: &str| {
        (!s.is_empty() && s.bytes().all(|c| c.is_ascii_digit()))
            .then(|| s.parse::<u64>().ok())
            .flatten()
    };
    match id.split_once('-') {
        Some((a, b)) => Some((number(a)?, number(b)?)),
        None => Some((number(id)?, 0)),
    }
}

/// Compares event ids numerically.
fn is_after(id: &str, other: &str) -> bool {
    event_id(id).unwrap_or_default() > event_id(other).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_ids_are_two_u64s() {
        assert_eq!(event_id("12"), Some((12, 0)));
        assert_eq!(event_id("1700000000000-3"), Some((1_700_000_000_000, 3)));
        assert_eq!(
            event_id("18446744073709551615-18446744073709551615"),
            Some((u64::MAX, u64::MAX))
        );
        for junk in [
            "99999999999999999999-0",
            "1-99999999999999999999",
            "18446744073709551616",
            "-1",
            "1-",
            "1-2-3",
            "+1",
            "1 2",
            "",
            &"9".repeat(5000),
        ] {
            assert_eq!(event_id(junk), None, "{junk}");
        }
        assert!(is_after("2-0", "1-5"));
        assert!(!is_after("1-5", "1-5"));
    }
}
