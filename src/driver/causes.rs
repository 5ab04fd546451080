//! The correlator inside the server: after each detector tick, the process
//! holding the correlator's lease reads every service's status, the ASN
//! mixes of the services that could form a cluster and the official
//! levels, runs [`Correlator`], keeps the causes in the store and publishes
//! `cause.labelled` / `cause.cleared` for labels that appear or clear.

use crate::catalog::Catalog;
use crate::cause::correlate::{CauseParams, Correlator, Inputs, failing_carrier};
use crate::cause::model::{
    AsnMix, CAUSES_DOC, CAUSES_SCOPE, CLEARED_EVENT, Cause, CauseEvent, CausesDoc, Flag,
    LABELLED_EVENT, load_causes,
};
use crate::clock::Clock;
use crate::detect::{GLOBAL, OfficialLevel, Status};
use crate::read::status::{self, StatusDoc};
use crate::store::{NetworkSummary, Resolution, Store, StoreError, keys, window};
use chrono::{DateTime, Duration, Utc};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::Arc;

/// The lease that makes one process the correlator.
const LEASE_TASK: &str = "correlator";

/// AS number -> the organisation the ASN database in use names. May read
/// the whole database on its first call: it is called off the runtime.
pub type AsnNames = Arc<dyn Fn(u32) -> Option<String> + Send + Sync>;

pub struct CauseTask {
    store: Arc<dyn Store>,
    catalog: Arc<Catalog>,
    clock: Arc<dyn Clock>,
    params: CauseParams,
    owner: String,
    names: AsnNames,
}

impl CauseTask {
    pub fn new(
        store: Arc<dyn Store>,
        catalog: Arc<Catalog>,
        clock: Arc<dyn Clock>,
        owner: String,
        names: AsnNames,
    ) -> Self {
        Self {
            store,
            catalog,
            clock,
            params: CauseParams::default(),
            owner,
            names,
        }
    }

    /// One correlation, if this process holds the correlator's lease for
    /// the next `lease_ms`.
    pub async fn tick(&self, lease_ms: u64) -> Result<(), StoreError> {
        let store = self.store.as_ref();
        if !store
            .try_task_lease(CAUSES_SCOPE, LEASE_TASK, &self.owner, lease_ms)
            .await?
        {
            return Ok(());
        }
        let now = self.clock.now();
        let slugs = self.catalog.slugs();
        let statuses = status::statuses(store, &slugs).await?;
        let levels = crate::official::levels(store, &slugs).await?;
        let mut doc = load_causes(store).await?;
        let since = *doc.since.get_or_insert(now);
        let flagged = flagged(&slugs, &statuses);
        let flags = self.flags(&flagged, &mut doc, now).await?;
        let rising = self.rising(&flags, &mut doc, now).await?;
        let asns = self.asn_mixes(&flags, now).await?;
        let names = self.names_of(&asns).await;
        let official_trouble: HashSet<String> = slugs
            .iter()
            .zip(&levels)
            .filter(|(_, l)| matches!(l, Some(OfficialLevel::Minor | OfficialLevel::Major)))
            .map(|(s, _)| s.to_string())
            .collect();
        let inputs = Inputs {
            now,
            flags: &flags,
            asns: &asns,
            official_trouble: &official_trouble,
            history: &doc.history,
            since,
            rising: &rising,
            names: &names,
        };
        let causes = Correlator {
            params: &self.params,
            catalog: &self.catalog,
        }
        .run(&inputs, &doc.causes);
        let previous = std::mem::replace(&mut doc.causes, causes);
        doc.updated_at = Some(now);
        store.save(CAUSES_SCOPE, CAUSES_DOC, &doc).await?;
        for c in &doc.causes {
            if !previous.iter().any(|p| p.id == c.id) {
                tracing::info!(cause = %c.id, members = c.members.len(), "shared cause labelled");
                publish(store, LABELLED_EVENT, c).await?;
                crate::events::follow::fanout::enqueue_cause(
                    store,
                    c,
                    crate::events::delivery::now_ms(),
                )
                .await?;
            }
        }
        for p in &previous {
            if !doc.causes.iter().any(|c| c.id == p.id) {
                tracing::info!(cause = %p.id, "shared cause cleared");
                publish(store, CLEARED_EVENT, p).await?;
            }
        }
        Ok(())
    }

    /// The flags with their onsets (kept in `doc` across ticks) and, for
    /// carriers, their rise over the window. New onsets join the history.
    async fn flags(
        &self,
        flagged: &[(String, String)],
        doc: &mut CausesDoc,
        now: DateTime<Utc>,
    ) -> Result<Vec<Flag>, StoreError> {
        let mut onsets = HashMap::new();
        let mut flags = Vec::new();
        let mut continuing: HashSet<(String, String)> = HashSet::new();
        for (service, region) in flagged {
            let key = format!("{service}|{region}");
            if let Some(&at) = doc.onsets.get(&key) {
                continuing.insert((service.clone(), country_of(region)));
                onsets.insert(key, at);
            }
        }
        let mut new_here: BTreeSet<(String, String)> = BTreeSet::new();
        for (service, region) in flagged {
            let key = format!("{service}|{region}");
            let onset = match onsets.get(&key) {
                Some(&at) => at,
                None => {
                    let place = (service.clone(), country_of(region));
                    if !continuing.contains(&place) {
                        new_here.insert(place);
                    }
                    onsets.insert(key, now);
                    now
                }
            };
            let (observed, expected) = if self.is_carrier(service) {
                self.rise(service, region, now, self.params.window_minutes)
                    .await?
            } else {
                (0, 0.0)
            };
            let mostly_from = if region == GLOBAL {
                self.mostly_from(service, now).await?
            } else {
                None
            };
            flags.push(Flag {
                service: service.clone(),
                region: region.clone(),
                onset,
                observed,
                expected,
                mostly_from,
            });
        }
        for (_, place) in new_here {
            doc.history.entry(place).or_default().push(now);
        }
        let keep_from = now - Duration::days(self.params.history_days);
        for h in doc.history.values_mut() {
            h.retain(|&t| t >= keep_from);
        }
        doc.history.retain(|_, h| !h.is_empty());
        doc.onsets = onsets;
        Ok(flags)
    }

    /// The organisations of the mixes' AS numbers that no catalog ISP
    /// runs, looked up on a blocking thread (the first look-up may read
    /// the whole ASN database).
    async fn names_of(&self, mixes: &HashMap<(String, String), AsnMix>) -> HashMap<u32, String> {
        let wanted: BTreeSet<u32> = mixes
            .values()
            .flat_map(|m| m.now.keys().copied())
            .filter(|&asn| self.catalog.operator_of(asn).is_none())
            .collect();
        if wanted.is_empty() {
            return HashMap::new();
        }
        let names = self.names.clone();
        tokio::task::spawn_blocking(move || {
            wanted
                .into_iter()
                .filter_map(|asn| names(asn).map(|n| (asn, n)))
                .collect()
        })
        .await
        .unwrap_or_else(|e| {
            tracing::warn!(error = %e, "AS name look-up failed");
            HashMap::new()
        })
    }

    /// The carriers of each country where a carrier is flagged that are
    /// not flagged there themselves but rise significantly since the
    /// failing carrier's flag, with when they were first seen so (kept in
    /// `doc` across ticks).
    async fn rising(
        &self,
        flags: &[Flag],
        doc: &mut CausesDoc,
        now: DateTime<Utc>,
    ) -> Result<Vec<Flag>, StoreError> {
        let countries: BTreeSet<&str> = flags
            .iter()
            .filter(|f| self.is_carrier(&f.service))
            .filter_map(|f| self.catalog.service(&f.service))
            .flat_map(|s| s.countries.iter().map(String::as_str))
            .collect();
        let mut kept = HashMap::new();
        let mut out = Vec::new();
        for country in countries {
            let Some(failing) = failing_carrier(&self.catalog, country, flags) else {
                continue;
            };
            let since = self.params.rising_minutes(failing.onset, now);
            for carrier in self.catalog.services().iter().filter(|s| {
                !s.asns.is_empty()
                    && s.countries.iter().any(|c| c == country)
                    && !flags
                        .iter()
                        .any(|f| f.service == s.slug && (f.region == country || f.region == GLOBAL))
            }) {
                let (o, e) = self.rise(&carrier.slug, country, now, since).await?;
                if !self.params.rises_significantly(o, e) {
                    continue;
                }
                let (observed, expected) = self
                    .rise(&carrier.slug, country, now, self.params.window_minutes)
                    .await?;
                let key = format!("{}|{country}", carrier.slug);
                let onset = doc.rising.get(&key).copied().unwrap_or(now);
                kept.insert(key, onset);
                out.push(Flag {
                    service: carrier.slug.clone(),
                    region: country.to_string(),
                    onset,
                    observed,
                    expected,
                    mostly_from: None,
                });
            }
        }
        doc.rising = kept;
        Ok(out)
    }

    /// The country with most of `service`'s reports over the window, when
    /// it has more than half of them.
    async fn mostly_from(
        &self,
        service: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<String>, StoreError> {
        let sum = window::last_minutes(
            self.store.as_ref(),
            service,
            now,
            self.params.window_minutes,
        )
        .await?;
        let total = window::total(&sum);
        Ok(crate::read::country_counts(&sum)
            .into_iter()
            .next()
            .filter(|(_, n)| 2 * n > total)
            .map(|(c, _)| c))
    }

    fn is_carrier(&self, service: &str) -> bool {
        self.catalog
            .service(service)
            .is_some_and(|s| !s.asns.is_empty())
    }

    /// Reports in `region` over the last `minutes` and what the baseline
    /// expected.
    async fn rise(
        &self,
        service: &str,
        region: &str,
        now: DateTime<Utc>,
        minutes: i64,
    ) -> Result<(u64, f64), StoreError> {
        let code = (region != GLOBAL).then_some(region);
        let observed = window::count_last_minutes(
            self.store.as_ref(),
            service,
            &keys::count_field(code),
            now,
            minutes,
        )
        .await?;
        let detector = status::detector(self.store.as_ref(), service).await?;
        let from = now - Duration::minutes(minutes - 1);
        let expected = status::expected_between(detector.as_ref(), code, from, minutes);
        Ok((observed, expected.unwrap_or(0.0)))
    }

    /// ASN mixes of the services of each country with enough of them
    /// flagged to be a cluster: the window now, the day before as usual.
    async fn asn_mixes(
        &self,
        flags: &[Flag],
        now: DateTime<Utc>,
    ) -> Result<HashMap<(String, String), AsnMix>, StoreError> {
        let mut by_country: HashMap<&str, BTreeSet<&str>> = HashMap::new();
        for f in flags {
            if let Some(c) = f.country() {
                by_country.entry(c).or_default().insert(&f.service);
            }
        }
        let minute = window::minute_of(now);
        let hour = Resolution::Hour.bucket_of(now);
        let mut out = HashMap::new();
        for (country, services) in by_country {
            if services.len() < self.params.min_cluster {
                continue;
            }
            for service in services {
                let recent = self
                    .store
                    .asns(
                        service,
                        Resolution::Minute,
                        minute - self.params.window_minutes + 1..minute + 1,
                    )
                    .await?;
                let day = self
                    .store
                    .asns(service, Resolution::Hour, hour - 24..hour)
                    .await?;
                // The hours that hold reports: a service seen for an hour
                // has an hour of usual mix, not a day of it.
                let hours = day.iter().filter(|s| !s.is_empty()).count().max(1) as i64;
                out.insert(
                    (service.to_string(), country.to_string()),
                    AsnMix {
                        now: in_country(&recent, country),
                        usual: in_country(&day, country),
                        usual_minutes: hours * 60,
                    },
                );
            }
        }
        Ok(out)
    }
}

/// Every (service, region) whose status is not ok.
fn flagged(slugs: &[&str], statuses: &[StatusDoc]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (slug, st) in slugs.iter().zip(statuses) {
        if st.global.unwrap_or_default() != Status::Ok {
            out.push((slug.to_string(), GLOBAL.to_string()));
        }
        let mut regions: Vec<&String> = st.regions.keys().collect();
        regions.sort();
        for region in regions {
            out.push((slug.to_string(), region.clone()));
        }
    }
    out
}

fn country_of(region: &str) -> String {
    region.split('-').next().unwrap_or(region).to_string()
}

/// Reports per ASN of `country` in the summaries, summed.
fn in_country(summaries: &[NetworkSummary], country: &str) -> HashMap<u32, u64> {
    let mut merged = NetworkSummary::default();
    for s in summaries {
        merged.merge(s);
    }
    merged
        .counters()
        .filter_map(|(name, n)| match keys::parse_asn_name(name) {
            Some((c, asn)) if c == country => Some((asn, n)),
            _ => None,
        })
        .collect()
}

/// Appends the event to the shared log once and queues a webhook delivery
/// for each member service's matching subscriptions.
async fn publish(store: &dyn Store, name: &str, cause: &Cause) -> Result<(), StoreError> {
    let event = CauseEvent {
        kind: name.to_string(),
        cause: cause.clone(),
    };
    // One delivery per service (its first labelled region).
    let mut targets: Vec<(&str, Option<&str>)> = Vec::new();
    for m in &cause.members {
        if !targets.iter().any(|(s, _)| *s == m.service) {
            targets.push((m.service.as_str(), Some(m.region.as_str())));
        }
    }
    crate::events::publish_to(store, &targets, name, &event).await
}
