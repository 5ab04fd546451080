//! Whether a store may take the demo: empty, or the demo's own. The demo
//! marks every service it writes (a [`DEMO_DOC`] document); a service
//! without the mark that holds anything (detector state, status, official
//! data, incidents, reports of the last week) makes the store not the
//! demo's, and so does an event log or shared-cause document in a store
//! with no mark at all. `--demo-force` lets the demo mix its reports into
//! such a store, but never into one whose unmarked services have webhook
//! subscriptions or followers: those are people, and the demo's simulated
//! incidents would be delivered to them.

use super::{DEMO_DOC, DemoError, HISTORY_DAYS};
use crate::catalog::Catalog;
use crate::cause::model::{CAUSES_DOC, CAUSES_SCOPE};
use crate::official::model::{LEVEL_DOC, OFFICIAL_DOC, POLL_DOC};
use crate::read::status::{STATE_DOC, STATUS_DOC};
use crate::store::{Resolution, Store, keys};
use chrono::{DateTime, Utc};

/// Per-service documents the demo did not write unless it marked the
/// service, with what they are called in the refusal.
const FOREIGN_DOCS: [(&str, &str); 5] = [
    (STATE_DOC.key, "detector state"),
    (STATUS_DOC.key, "a status"),
    (OFFICIAL_DOC.key, "official status data"),
    (POLL_DOC.key, "official status data"),
    (LEVEL_DOC.key, "official status data"),
];

/// Whether the store is the demo's already (true) or empty (false); an
/// error when it holds data the demo did not write (unless `force`, which
/// never covers subscribers).
pub(super) async fn check_store(
    store: &dyn Store,
    catalog: &Catalog,
    now: DateTime<Utc>,
    force: bool,
) -> Result<bool, DemoError> {
    let slugs = catalog.slugs();
    let marks = store.get_docs(&slugs, DEMO_DOC.key).await?;
    let demo = marks.iter().any(Option::is_some);
    let mut docs = Vec::with_capacity(FOREIGN_DOCS.len());
    for (name, _) in FOREIGN_DOCS {
        docs.push(store.get_docs(&slugs, name).await?);
    }
    let hours = Resolution::Hour.bucket_of(now);
    let week = hours - HISTORY_DAYS * 24 - 1..hours + 1;
    let mut foreign: Option<(String, &'static str)> = None;
    for (i, slug) in slugs.iter().enumerate() {
        if marks[i].is_some() {
            continue;
        }
        let subscribers = if !store.list_webhooks(slug).await?.is_empty() {
            Some("webhook subscriptions")
        } else if !store.list_followers(slug).await?.is_empty() {
            Some("followers (push or email)")
        } else {
            None
        };
        if let Some(what) = subscribers {
            return Err(DemoError::HasSubscribers {
                service: (*slug).to_string(),
                what,
            });
        }
        if foreign.is_some() {
            continue;
        }
        let doc = FOREIGN_DOCS
            .iter()
            .zip(&docs)
            .find(|(_, found)| found[i].is_some())
            .map(|((_, what), _)| *what);
        let what = match doc {
            Some(what) => Some(what),
            None if !store.list_incidents(slug, 1).await?.is_empty() => Some("incidents"),
            None => {
                let counts = store
                    .field(slug, Resolution::Hour, week.clone(), keys::TOTAL)
                    .await?;
                counts.iter().any(|&n| n > 0).then_some("reports")
            }
        };
        foreign = what.map(|w| ((*slug).to_string(), w));
    }
    if foreign.is_none() && !demo {
        if store.changes().await? > 0 {
            foreign = Some(("the store".to_string(), "logged events"));
        } else if store.get_doc(CAUSES_SCOPE, CAUSES_DOC.key).await?.is_some() {
            foreign = Some(("the store".to_string(), "shared causes"));
        }
    }
    match foreign {
        Some((service, what)) if !force => Err(DemoError::NotADemoStore { service, what }),
        _ => Ok(demo),
    }
}
