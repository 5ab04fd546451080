//! Sliding windows and series over buckets, for any [`Store`].
//!
//! A window `[from, to)` in minutes is read as the fewest buckets that cover
//! it exactly: hour buckets for the whole hours, quarter-hour buckets for the
//! whole quarters around them, minute buckets for the ragged ends. A 24-hour
//! window is at most 41 buckets (23 hours, 3 quarters, 15 minutes). Quarters
//! before the store's first complete one (data written before quarter
//! buckets existed) are read from their minutes instead.

use super::{Bucket, NetworkSummary, Resolution, Store, StoreError, keys};
use chrono::{DateTime, Utc};
use std::ops::Range;

/// Minutes since the epoch of `at`'s minute.
pub fn minute_of(at: DateTime<Utc>) -> i64 {
    Resolution::Minute.bucket_of(at)
}

/// Minutes a quarter-hour and an hour hold.
const QUARTER: i64 = 15;
const HOUR: i64 = 60;

/// The whole `width`-minute buckets inside `minutes`, as bucket ids.
fn whole(minutes: &Range<i64>, width: i64) -> Range<i64> {
    let first = minutes.start.div_euclid(width) + i64::from(minutes.start.rem_euclid(width) != 0);
    let end = minutes.end.div_euclid(width);
    if first >= end { 0..0 } else { first..end }
}

/// The buckets that cover a range of minutes exactly, each minute once.
#[derive(Debug, Default, PartialEq, Eq)]
struct Cover {
    minutes: Vec<Range<i64>>,
    quarters: Vec<Range<i64>>,
    hours: Range<i64>,
}

impl Cover {
    /// Minute and hour buckets only (what HyperLogLogs and network
    /// summaries are kept in).
    fn of_minutes_and_hours(minutes: Range<i64>) -> Self {
        let hours = whole(&minutes, HOUR);
        let mut cover = Cover::default();
        if hours.is_empty() {
            cover.minutes.push(minutes);
        } else {
            cover.minutes.push(minutes.start..hours.start * HOUR);
            cover.minutes.push(hours.end * HOUR..minutes.end);
            cover.hours = hours;
        }
        cover.minutes.retain(|r| !r.is_empty());
        cover
    }

    /// Whole hours, whole quarters from `quarters_from` on (none when
    /// `None`), minutes for the rest.
    fn of(minutes: Range<i64>, quarters_from: Option<i64>) -> Self {
        let Some(quarters_from) = quarters_from else {
            return Self::of_minutes_and_hours(minutes);
        };
        let mut cover = Self::of_minutes_and_hours(minutes);
        let ends = std::mem::take(&mut cover.minutes);
        for part in ends {
            let q = whole(&part, QUARTER);
            let q = q.start.max(quarters_from)..q.end;
            if q.is_empty() {
                cover.minutes.push(part);
                continue;
            }
            cover.minutes.push(part.start..q.start * QUARTER);
            cover.minutes.push(q.end * QUARTER..part.end);
            cover.quarters.push(q);
        }
        cover.minutes.retain(|r| !r.is_empty());
        cover
    }

    /// Whether quarters could stand in for some of these minutes (only then
    /// is it worth asking the store from when its quarters are complete).
    fn has_whole_quarters(&self) -> bool {
        self.minutes.iter().any(|r| !whole(r, QUARTER).is_empty())
    }

    /// Each (resolution, ids) to read, empty ranges left out.
    fn spans(self) -> Vec<(Resolution, Range<i64>)> {
        let minutes = self.minutes.into_iter().map(|r| (Resolution::Minute, r));
        let quarters = self.quarters.into_iter().map(|r| (Resolution::Quarter, r));
        minutes
            .chain(quarters)
            .chain(std::iter::once((Resolution::Hour, self.hours)))
            .filter(|(_, r)| !r.is_empty())
            .collect()
    }
}

/// The last `minutes` minutes up to and including `now`'s.
fn last(now: DateTime<Utc>, minutes: i64) -> Range<i64> {
    let end = minute_of(now) + 1;
    end - minutes..end
}

/// The cover of `minutes` with as many quarter buckets as `store` has whole.
async fn cover(store: &dyn Store, service: &str, minutes: Range<i64>) -> Result<Cover, StoreError> {
    let plain = Cover::of_minutes_and_hours(minutes.clone());
    if !plain.has_whole_quarters() {
        return Ok(plain);
    }
    let from = store.quarters_complete_from(service).await?;
    Ok(Cover::of(minutes, from))
}

fn add_into(total: &mut Bucket, b: Bucket) {
    for (k, v) in b {
        *total.entry(k).or_default() += v;
    }
}

/// Every counter summed over the last `minutes` minutes up to and including
/// the current minute. Network counters of buckets written before the
/// network summaries had keys of their own are left out.
pub async fn last_minutes(
    store: &dyn Store,
    service: &str,
    now: DateTime<Utc>,
    minutes: i64,
) -> Result<Bucket, StoreError> {
    let mut total = Bucket::new();
    for (res, ids) in cover(store, service, last(now, minutes)).await?.spans() {
        for b in store.buckets(service, res, ids).await? {
            add_into(&mut total, b);
        }
    }
    total.retain(|k, _| !k.starts_with(keys::NETWORK_PREFIX));
    Ok(total)
}

/// The network summaries of the last `minutes` minutes up to and including
/// the current minute, merged (minute and hour summaries: a day is at most
/// 24 hour and 118 minute summaries of at most
/// [`super::networks::NETWORKS_MAX`] counters each).
pub async fn networks_last_minutes(
    store: &dyn Store,
    service: &str,
    now: DateTime<Utc>,
    minutes: i64,
) -> Result<NetworkSummary, StoreError> {
    let mut merged = NetworkSummary::default();
    for (res, ids) in Cover::of_minutes_and_hours(last(now, minutes)).spans() {
        for s in store.networks(service, res, ids).await? {
            merged.merge(&s);
        }
    }
    Ok(merged)
}

/// Distinct reporters over the last `minutes` minutes up to and including
/// the current minute (HyperLogLogs are kept per minute and per hour: the
/// minute and hour cover).
pub async fn distinct_reporters_last_minutes(
    store: &dyn Store,
    service: &str,
    now: DateTime<Utc>,
    minutes: i64,
) -> Result<u64, StoreError> {
    let spans = Cover::of_minutes_and_hours(last(now, minutes)).spans();
    store.distinct_reporters(service, &spans).await
}

/// The share of an incident's counted reports above which it is suspected
/// of brigading: more than half of them from one network prefix (/24 IPv4,
/// /48 IPv6). Organic outages are spread over many networks; a scripted or
/// organised push usually is not.
pub const SUSPECT_NETWORK_SHARE: f64 = 0.5;

/// Below this many counted reports the share says nothing (one report is
/// 100% from one network).
pub const SUSPECT_MIN_REPORTS: u64 = 10;

/// The share of the counted reports in a (merged) network summary that
/// came from its single busiest network prefix; `None` when no report
/// carries a network. Exact while the summaries held every network that
/// reported; past that it may fall short, by at most 1/33 of the reports
/// ([`NetworkSummary::max_undercount`]), never over.
pub fn busiest_network_share(networks: &NetworkSummary) -> Option<f64> {
    let total = networks.reports();
    let busiest = networks.busiest().map_or(0, |(_, n)| n);
    (total > 0).then(|| busiest as f64 / total as f64)
}

/// Is the traffic in a (merged) network summary dominated by one network,
/// i.e. at least [`SUSPECT_MIN_REPORTS`] reports of which more than
/// [`SUSPECT_NETWORK_SHARE`] came from one prefix? As the share is never
/// overestimated, traffic spread over many networks is never flagged.
pub fn is_network_suspect(networks: &NetworkSummary) -> bool {
    networks.reports() >= SUSPECT_MIN_REPORTS
        && busiest_network_share(networks).is_some_and(|s| s > SUSPECT_NETWORK_SHARE)
}

/// One counter summed over the last `minutes` minutes (see [`last_minutes`]).
pub async fn count_last_minutes(
    store: &dyn Store,
    service: &str,
    field: &str,
    now: DateTime<Utc>,
    minutes: i64,
) -> Result<u64, StoreError> {
    let mut total = 0;
    for (res, ids) in cover(store, service, last(now, minutes)).await?.spans() {
        total += store
            .field(service, res, ids, field)
            .await?
            .iter()
            .sum::<u64>();
    }
    Ok(total)
}

/// A regular series of one counter: `count` steps of `step_minutes` each,
/// the last one holding `now`. Returns the first step's start minute and the
/// per-step sums.
pub async fn series(
    store: &dyn Store,
    service: &str,
    field: &str,
    now: DateTime<Utc>,
    step_minutes: i64,
    count: i64,
) -> Result<(i64, Vec<u64>), StoreError> {
    let end = (minute_of(now) + step_minutes).div_euclid(step_minutes) * step_minutes;
    let start = end - step_minutes * count;
    let res = if step_minutes % HOUR == 0 {
        Resolution::Hour
    } else if step_minutes % QUARTER == 0 {
        Resolution::Quarter
    } else {
        Resolution::Minute
    };
    let width = res.seconds() / 60;
    let (per_step, first_id) = (step_minutes / width, start / width);
    let oldest_kept = (now.timestamp() - res.retention_seconds()).div_euclid(res.seconds());
    if first_id < oldest_kept {
        return Err(StoreError::OutOfRange(format!(
            "that series reaches back further than the {} hours kept at this step",
            res.retention_seconds() / 3600 - 1
        )));
    }
    let ids = first_id..first_id + per_step * count;
    let values = if res == Resolution::Quarter {
        quarter_values(store, service, ids, field).await?
    } else {
        store.field(service, res, ids, field).await?
    };
    let sums = values
        .chunks(usize::try_from(per_step).unwrap_or(1).max(1))
        .map(|c| c.iter().sum())
        .collect();
    Ok((start, sums))
}

/// One counter of each quarter `ids`: from the quarter buckets where they
/// are complete, summed from the minutes before that.
async fn quarter_values(
    store: &dyn Store,
    service: &str,
    ids: Range<i64>,
    field: &str,
) -> Result<Vec<u64>, StoreError> {
    let from = store
        .quarters_complete_from(service)
        .await?
        .unwrap_or(ids.end)
        .clamp(ids.start, ids.end);
    let minutes = store
        .field(
            service,
            Resolution::Minute,
            ids.start * QUARTER..from * QUARTER,
            field,
        )
        .await?;
    let mut values: Vec<u64> = minutes
        .chunks(QUARTER as usize)
        .map(|c| c.iter().sum())
        .collect();
    values.extend(
        store
            .field(service, Resolution::Quarter, from..ids.end, field)
            .await?,
    );
    Ok(values)
}

/// Counters of one kind (`prefix`, e.g. "s:" or "r:") from a summed bucket,
/// largest first, ties by name.
pub fn ranked(bucket: &Bucket, prefix: &str) -> Vec<(String, u64)> {
    let mut items: Vec<(String, u64)> = bucket
        .iter()
        .filter_map(|(k, &v)| k.strip_prefix(prefix).map(|name| (name.to_string(), v)))
        .filter(|(_, v)| *v > 0)
        .collect();
    items.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    items
}

/// The global count in a summed bucket.
pub fn total(bucket: &Bucket) -> u64 {
    bucket.get(keys::TOTAL).copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn busiest_network_share_and_suspicion() {
        let mut n = NetworkSummary::default();
        assert_eq!(busiest_network_share(&n), None);
        for (net, count) in [("aaa", 9), ("bbb", 2), ("ccc", 1)] {
            n.add(net, count);
        }
        assert_eq!(busiest_network_share(&n), Some(0.75));
        assert!(is_network_suspect(&n));
        let mut few = NetworkSummary::default();
        few.add("aaa", 3);
        few.add("bbb", 3);
        few.add("aaa", 2);
        assert!(!is_network_suspect(&few), "too few reports to judge");
    }

    fn minutes_in(c: &Cover) -> i64 {
        let width = |r: &Range<i64>, w: i64| (r.end - r.start) * w;
        c.minutes.iter().map(|r| width(r, 1)).sum::<i64>()
            + c.quarters.iter().map(|r| width(r, QUARTER)).sum::<i64>()
            + width(&c.hours, HOUR)
    }

    #[test]
    fn cover_splits_ragged_ends_from_whole_hours() {
        // 00:30 .. 03:15 -> minutes 30..60, hours 1..3, minutes 180..195
        let c = Cover::of_minutes_and_hours(30..195);
        assert_eq!(c.minutes, vec![30..60, 180..195]);
        assert_eq!(c.hours, 1..3);
        // Within one hour: minutes only.
        let c = Cover::of_minutes_and_hours(61..119);
        assert_eq!(c.minutes, vec![61..119]);
        assert!(c.hours.is_empty());
        // Aligned: hours only.
        let c = Cover::of_minutes_and_hours(120..240);
        assert!(c.minutes.is_empty());
        assert_eq!(c.hours, 2..4);
    }

    #[test]
    fn cover_takes_whole_quarters_from_where_they_are_complete() {
        // 00:07 .. 03:52 -> 7..15, quarters 1..4, hours 1..3, quarters
        // 12..15, minutes 225..232.
        let c = Cover::of(7..232, Some(0));
        assert_eq!(c.minutes, vec![7..15, 225..232]);
        assert_eq!(c.quarters, vec![1..4, 12..15]);
        assert_eq!(c.hours, 1..3);
        // Quarters complete from quarter 2 on: quarter 1 is read as minutes.
        let c = Cover::of(7..232, Some(2));
        assert_eq!(c.minutes, vec![7..30, 225..232]);
        assert_eq!(c.quarters, vec![2..4, 12..15]);
        // No quarters yet: minutes and hours.
        assert_eq!(Cover::of(7..232, None), Cover::of_minutes_and_hours(7..232));
        // A day is at most 41 buckets: 23 hours, 3 quarters, 15 minutes.
        for start in 1440..1500 {
            let c = Cover::of(start..start + 1440, Some(0));
            let reads: i64 = c.spans().iter().map(|(_, r)| r.end - r.start).sum();
            assert!(reads <= 41, "{start}: {reads} buckets");
        }
    }

    #[test]
    fn every_minute_is_covered_exactly_once() {
        for (a, b) in [(7, 1500), (0, 60), (59, 61), (1439, 2881), (14, 16), (3, 4)] {
            for from in [None, Some(0), Some(a / 15 + 1), Some(b / 15)] {
                let c = Cover::of(a..b, from);
                assert_eq!(minutes_in(&c), b - a, "{a}..{b} from {from:?}");
                let mut seen: Vec<i64> = Vec::new();
                for (res, ids) in c.spans() {
                    let w = res.seconds() / 60;
                    for id in ids {
                        seen.extend(id * w..(id + 1) * w);
                    }
                }
                seen.sort_unstable();
                assert_eq!(seen, (a..b).collect::<Vec<_>>(), "{a}..{b} from {from:?}");
            }
        }
    }
}
