//! From incident events to queued notices: an opened incident tells its
//! "problems" followers, and so does a reopened one ("down again": every
//! transition into outage is news); a resolved one tells them it is over, and tells
//! the "back" followers waiting for it, whom it forgets at once; a shared
//! cause labelled on an open incident tells its "problems" followers that
//! it is probably not the service ([`enqueue_cause`]). Each notice is one
//! delivery in the delivery queue.
//!
//! Runs where the event is published: by the process holding the
//! service's detector lease, once per event. A "back" follower is removed
//! before its notice is queued, and only the call that removed it queues
//! one, so it is told exactly once.

use super::text::{Notice, NoticeKind};
use super::{FollowKind, Follower, followers, remove};
use crate::detect::incident::SymptomCount;
use crate::detect::{GLOBAL, Incident, IncidentEvent, IncidentEventKind};
use crate::events::delivery::Delivery;
use crate::store::{Store, StoreError, json_text, keys, window};
use chrono::{DateTime, Utc};

/// The event name of a notice delivery.
pub const NOTICE_EVENT: &str = "follow.notice";
/// The event name of a confirmation mail delivery.
pub const CONFIRM_EVENT: &str = "follow.confirm";

/// Queues the notices `event` makes, due at `now_ms`.
pub async fn enqueue(
    store: &dyn Store,
    event: &IncidentEvent,
    now_ms: i64,
) -> Result<(), StoreError> {
    let incident = &event.incident;
    if !(event.kind.is_detection() || event.kind == IncidentEventKind::Resolved) {
        return Ok(());
    }
    let all = followers(store, &incident.service).await?;
    if all.is_empty() {
        return Ok(());
    }
    let incident = &with_symptoms(store, incident).await?;
    let others = recent_others(store, incident).await?;
    let now = incident.updated_at;
    for f in all {
        if f.expires_at <= now {
            remove(store, &f.service, &f.id).await?;
            continue;
        }
        if f.unconfirmed() {
            continue;
        }
        match (event.kind, f.kind) {
            (IncidentEventKind::Opened | IncidentEventKind::Reopened, FollowKind::Problems) => {
                // Told once when incidents overlap: by the earliest.
                let at = incident.went_down_at();
                let told = others
                    .iter()
                    .any(|o| active_at(o, at) && f.matches(&o.region) && earlier(o, incident));
                if f.matches(&incident.region) && !told {
                    let kind = if event.kind == IncidentEventKind::Reopened {
                        NoticeKind::ProblemsAgain
                    } else {
                        NoticeKind::Problems
                    };
                    queue(store, &f, kind, incident, None, now_ms).await?;
                }
            }
            (IncidentEventKind::Resolved, FollowKind::Problems) => {
                // Told when the last of its incidents ends; of several
                // ending together, by the earliest.
                let at = incident.resolved_at.unwrap_or(incident.updated_at);
                let still = others.iter().any(|o| {
                    f.matches(&o.region)
                        && (active_at(o, at)
                            || (o.resolved_at == incident.resolved_at && earlier(o, incident)))
                });
                if f.matches(&incident.region) && !still {
                    // Back where the follower was told it was down: a
                    // regional incident outliving the global one it was
                    // part of ends the whole outage.
                    let whole = others.iter().any(|o| {
                        o.region == GLOBAL
                            && o.detected_at <= at
                            && o.resolved_at.is_some_and(|r| r >= incident.detected_at)
                    });
                    if whole && incident.region != GLOBAL {
                        let mut everywhere = incident.clone();
                        everywhere.region = GLOBAL.to_string();
                        queue(store, &f, NoticeKind::Back, &everywhere, None, now_ms).await?;
                    } else {
                        queue(store, &f, NoticeKind::Back, incident, None, now_ms).await?;
                    }
                }
            }
            (IncidentEventKind::Resolved, FollowKind::Back) => {
                let waits_for_this = match &f.incident {
                    Some(id) => *id == incident.id,
                    None => f.matches(&incident.region),
                };
                if waits_for_this && remove(store, &f.service, &f.id).await? {
                    let told = f.clone();
                    queue(store, &f, NoticeKind::Back, incident, Some(told), now_ms).await?;
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// Queues a "probably not the service" notice to the "problems" followers
/// of each service `cause` labels, for its earliest open incident in a
/// labelled region the follower follows; once per follower.
pub async fn enqueue_cause(
    store: &dyn Store,
    cause: &crate::cause::Cause,
    now_ms: i64,
) -> Result<(), StoreError> {
    let mut services: Vec<&str> = cause.members.iter().map(|m| m.service.as_str()).collect();
    services.dedup();
    for service in services {
        let all = followers(store, service).await?;
        if !all.iter().any(|f| f.kind == FollowKind::Problems) {
            continue;
        }
        let mut open: Vec<Incident> = store
            .incidents(service, 50)
            .await?
            .into_iter()
            .filter(|i| i.is_active() && cause.labels(service, &i.region))
            .collect();
        open.sort_by(|a, b| (a.detected_at, &a.id).cmp(&(b.detected_at, &b.id)));
        for f in all {
            if f.kind != FollowKind::Problems || f.unconfirmed() {
                continue;
            }
            let Some(incident) = open.iter().find(|i| f.matches(&i.region)) else {
                continue;
            };
            if f.expires_at <= incident.updated_at {
                continue;
            }
            let mut incident = with_symptoms(store, incident).await?;
            incident.probable_cause = Some(cause.probable_cause());
            queue(store, &f, NoticeKind::Cause, &incident, None, now_ms).await?;
        }
    }
    Ok(())
}

/// Whether `a` went into outage before `b` (its detection or its latest
/// reopening; ids break ties: incidents detected at one step are
/// published in turn).
fn earlier(a: &Incident, b: &Incident) -> bool {
    (a.went_down_at(), &a.id) < (b.went_down_at(), &b.id)
}

/// The incident with its top symptoms; a subdivision's incident has none
/// of its own, so those of the service's last 15 minutes are taken.
async fn with_symptoms(store: &dyn Store, incident: &Incident) -> Result<Incident, StoreError> {
    let mut incident = incident.clone();
    if incident.top_symptoms.is_empty() {
        let recent =
            window::last_minutes(store, &incident.service, incident.updated_at, 15).await?;
        incident.top_symptoms = window::ranked(&recent, keys::SYMPTOM_PREFIX)
            .into_iter()
            .map(|(symptom, count)| SymptomCount { symptom, count })
            .collect();
    }
    Ok(incident)
}

/// Whether `o` was in outage at `at`. The detector may step several
/// minutes in one tick and publish their events after storing the last
/// state, so the store may already hold a later state than the event's:
/// who was told is decided at the event's time, not the store's.
fn active_at(o: &Incident, at: DateTime<Utc>) -> bool {
    o.detected_at <= at && o.resolved_at.is_none_or(|r| r > at)
}

/// The service's other recent incidents.
async fn recent_others(
    store: &dyn Store,
    incident: &Incident,
) -> Result<Vec<Incident>, StoreError> {
    Ok(store
        .incidents(&incident.service, 50)
        .await?
        .into_iter()
        .filter(|i| i.id != incident.id)
        .collect())
}

async fn queue(
    store: &dyn Store,
    f: &Follower,
    kind: NoticeKind,
    incident: &Incident,
    follower: Option<Follower>,
    now_ms: i64,
) -> Result<(), StoreError> {
    let notice = Notice::new(kind, incident);
    let body = json_text::to_text(&notice)?;
    queue_delivery(store, f, NOTICE_EVENT, body, follower, now_ms).await
}

/// Queues one delivery to follower `f`.
pub async fn queue_delivery(
    store: &dyn Store,
    f: &Follower,
    event: &str,
    body: String,
    follower: Option<Follower>,
    now_ms: i64,
) -> Result<(), StoreError> {
    let delivery = Delivery::to_follower(f, event, body, follower)?;
    store.queue(now_ms, &delivery).await
}
