//! The poller: a background task in every server process that reads the
//! official status page of each catalog service that names one. One
//! process polls a service at a time (a per-service lease of its own, the
//! detector's mechanism); when a page is due lives in the store, so two
//! processes poll a page once between them and a restart or a moved lease
//! keeps the schedule. Polls are conditional (ETag, Last-Modified), spaced
//! by the interval with ±10 % jitter, and back off exponentially on
//! errors. Schedules follow the app's clock (virtual in tests).

use super::fetch::{FetchError, Fetched, Fetcher};
use super::model::{LEVEL_DOC, OFFICIAL_DOC, OfficialDoc, POLL_DOC, PollState};
use super::{merge, reading};
use crate::catalog::Catalog;
use crate::clock::Clock;
pub use crate::config::defaults::{
    DEFAULT_CHECK_MS, DEFAULT_MAX_BYTES, DEFAULT_POLL_SECS, DEFAULT_TIMEOUT_MS,
};
use crate::store::{Store, StoreError};
use chrono::{DateTime, Utc};
use futures_util::{StreamExt, stream};
use rand::Rng;
use std::sync::Arc;
use std::time::Duration;

/// The lease's name (`dw:{service}:lease:official`).
const LEASE_TASK: &str = "official";
/// Longest wait after failures.
const MAX_BACKOFF: Duration = Duration::from_secs(3600);
/// Pages polled at once by one process.
const CONCURRENT_POLLS: usize = 8;

/// How pages are polled.
#[derive(Debug, Clone)]
pub struct PollSettings {
    /// Between two polls of a page (app clock).
    pub interval: Duration,
    /// How often the task looks for due pages (real time).
    pub check: Duration,
    pub timeout: Duration,
    pub max_bytes: usize,
}

impl PollSettings {
    /// The wait after `failures` failed polls in a row: the interval
    /// doubled per failure, at most an hour (never less than the
    /// interval), with ±10 % jitter.
    pub fn delay(&self, failures: u32, jitter: f64) -> Duration {
        let doubled = self
            .interval
            .saturating_mul(1u32 << failures.min(16))
            .min(MAX_BACKOFF.max(self.interval));
        doubled.mul_f64(1.0 + jitter.clamp(-0.1, 0.1))
    }
}

pub struct OfficialPoller {
    store: Arc<dyn Store>,
    catalog: Arc<Catalog>,
    clock: Arc<dyn Clock>,
    fetcher: Fetcher,
    settings: PollSettings,
    owner: String,
}

impl OfficialPoller {
    pub fn new(
        store: Arc<dyn Store>,
        catalog: Arc<Catalog>,
        clock: Arc<dyn Clock>,
        settings: PollSettings,
    ) -> Result<Self, reqwest::Error> {
        let fetcher = Fetcher::new(settings.timeout, settings.max_bytes)?;
        Ok(Self {
            store,
            catalog,
            clock,
            fetcher,
            settings,
            owner: format!("{}-official", crate::store::process_owner()),
        })
    }

    /// Polls forever, looking for due pages every `check`.
    pub async fn run(self) {
        loop {
            self.tick().await;
            tokio::time::sleep(self.settings.check).await;
        }
    }

    /// A lease outlives one poll (timeout included) and a check.
    fn lease_ms(&self) -> u64 {
        let ms = self
            .settings
            .timeout
            .saturating_mul(2)
            .saturating_add(self.settings.check.saturating_mul(3))
            .saturating_add(Duration::from_secs(1))
            .as_millis();
        u64::try_from(ms).unwrap_or(u64::MAX)
    }

    /// Polls every page that is due and whose lease this process holds.
    pub async fn tick(&self) {
        let pages: Vec<(String, String)> = self
            .catalog
            .services()
            .iter()
            .filter_map(|s| Some((s.slug.clone(), s.official_status.clone()?)))
            .collect();
        stream::iter(pages)
            .for_each_concurrent(CONCURRENT_POLLS, |(slug, url)| async move {
                if let Err(e) = self.poll_if_due(&slug, &url).await {
                    tracing::warn!(service = %slug, error = %e, "official status poll failed in the store");
                }
            })
            .await;
    }

    async fn poll_if_due(&self, slug: &str, url: &str) -> Result<(), StoreError> {
        if !self
            .store
            .try_task_lease(slug, LEASE_TASK, &self.owner, self.lease_ms())
            .await?
        {
            return Ok(());
        }
        let mut poll = self.store.load(slug, POLL_DOC).await?.unwrap_or_default();
        if poll.source != url {
            // A new source: its validators and failures are not ours.
            poll = PollState {
                source: url.to_string(),
                ..PollState::default()
            };
        }
        if poll.next_at.is_some_and(|due| self.clock.now() < due) {
            return Ok(());
        }
        let fetched = self
            .fetcher
            .get(url, poll.etag.as_deref(), poll.last_modified.as_deref())
            .await;
        let mut doc = super::load(self.store.as_ref(), slug)
            .await?
            .unwrap_or_default();
        let now = self.clock.now();
        let mut changed = self.fold(slug, url, fetched, &mut poll, &mut doc, now);
        // The page people read, as the catalog names it, wins over the one
        // the source names.
        if let Some(page) = self
            .catalog
            .service(slug)
            .and_then(|s| s.official_page.clone())
            && doc.page.page_url.as_ref() != Some(&page)
        {
            doc.page.page_url = Some(page);
            changed = true;
        }
        poll.polls += 1;
        let jitter = rand::rng().random_range(-0.1..=0.1);
        let delay = self.settings.delay(poll.failures, jitter);
        poll.next_at = Some(now + chrono::Duration::from_std(delay).unwrap_or_default());
        self.store.save(slug, POLL_DOC, &poll).await?;
        self.store.save(slug, OFFICIAL_DOC, &doc).await?;
        let shown = doc.page.level.filter(|_| doc.page.available);
        self.store.save(slug, LEVEL_DOC, &shown).await?;
        if changed {
            super::publish(self.store.as_ref(), slug, &doc).await?;
        }
        Ok(())
    }

    /// Folds a poll's outcome into the poll state and the doc; true when
    /// what people see changed.
    fn fold(
        &self,
        slug: &str,
        url: &str,
        fetched: Result<Fetched, FetchError>,
        poll: &mut PollState,
        doc: &mut OfficialDoc,
        now: DateTime<Utc>,
    ) -> bool {
        match fetched {
            Ok(Fetched::NotModified) => {
                poll.failures = 0;
                let was = doc.page.available;
                doc.page.available = doc.page.level.is_some();
                doc.page.unavailable_reason = None;
                doc.page.checked_at = Some(now);
                if !was && doc.page.available {
                    doc.changes.insert(
                        0,
                        super::model::Change {
                            at: now,
                            level: doc.page.level,
                            text: "Official status available again".to_string(),
                        },
                    );
                    doc.changes.truncate(super::model::CHANGES_KEPT);
                }
                was != doc.page.available
            }
            Ok(Fetched::Body {
                bytes,
                etag,
                last_modified,
            }) => match reading::parse(&bytes, now, url) {
                Ok(read) => {
                    poll.failures = 0;
                    poll.etag = etag;
                    poll.last_modified = last_modified;
                    merge::apply(doc, url, read, now)
                }
                Err(e) => {
                    tracing::warn!(service = %slug, %url, error = %e, "official status page unreadable");
                    poll.failures = poll.failures.saturating_add(1);
                    // Ask for the whole page next time.
                    poll.etag = None;
                    poll.last_modified = None;
                    merge::fail(doc, url, "the page could not be read", now)
                }
            },
            Err(e) => {
                tracing::warn!(service = %slug, %url, error = %e, failures = poll.failures + 1, "official status page not fetched");
                poll.failures = poll.failures.saturating_add(1);
                let reason = match e {
                    FetchError::Timeout => "the page did not answer in time".to_string(),
                    FetchError::Status(code) => format!("the page answered HTTP {code}"),
                    FetchError::TooLarge(_) => "the page is too large".to_string(),
                    FetchError::Request(_) => "the page could not be reached".to_string(),
                };
                merge::fail(doc, url, &reason, now)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_to_an_hour_with_jitter() {
        let s = PollSettings {
            interval: Duration::from_secs(60),
            check: Duration::from_secs(1),
            timeout: Duration::from_secs(10),
            max_bytes: 1 << 20,
        };
        assert_eq!(s.delay(0, 0.0), Duration::from_secs(60));
        assert_eq!(s.delay(1, 0.0), Duration::from_secs(120));
        assert_eq!(s.delay(3, 0.0), Duration::from_secs(480));
        assert_eq!(s.delay(30, 0.0), Duration::from_secs(3600));
        assert_eq!(s.delay(0, 0.1), Duration::from_secs(66));
        assert_eq!(s.delay(0, -0.5), Duration::from_secs(54));
    }
}
