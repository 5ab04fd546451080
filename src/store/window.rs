//! Sliding windows and series over buckets, for any [`Store`].
//!
//! A window `[from, to)` in minutes is read as the fewest buckets that cover
//! it exactly: minute buckets for the ragged ends, hour buckets for the whole
//! hours between. A 24-hour window is at most 24 hour and 118 minute buckets.

use super::{Bucket, Resolution, Store, StoreError, keys};
use chrono::{DateTime, Utc};
use std::ops::Range;

/// Minutes since the epoch of `at`'s minute.
pub fn minute_of(at: DateTime<Utc>) -> i64 {
    Resolution::Minute.bucket_of(at)
}

/// The minute and hour bucket ranges that exactly cover `minutes`.
fn cover(minutes: Range<i64>) -> (Vec<Range<i64>>, Range<i64>) {
    let first_hour = minutes.start.div_euclid(60) + i64::from(minutes.start.rem_euclid(60) != 0);
    let end_hour = minutes.end.div_euclid(60);
    if first_hour >= end_hour {
        return (vec![minutes], 0..0);
    }
    (
        vec![minutes.start..first_hour * 60, end_hour * 60..minutes.end],
        first_hour..end_hour,
    )
}

/// The cover of the last `minutes` minutes up to and including `now`'s.
fn cover_last(now: DateTime<Utc>, minutes: i64) -> (Vec<Range<i64>>, Range<i64>) {
    let end = minute_of(now) + 1;
    cover(end - minutes..end)
}

fn add_into(total: &mut Bucket, b: Bucket) {
    for (k, v) in b {
        *total.entry(k).or_default() += v;
    }
}

/// Every counter summed over the last `minutes` minutes up to and including
/// the current minute.
pub async fn last_minutes(
    store: &dyn Store,
    service: &str,
    now: DateTime<Utc>,
    minutes: i64,
) -> Result<Bucket, StoreError> {
    let (minute_ranges, hours) = cover_last(now, minutes);
    let mut total = Bucket::new();
    for r in minute_ranges {
        for b in store.buckets(service, Resolution::Minute, r).await? {
            add_into(&mut total, b);
        }
    }
    for b in store.buckets(service, Resolution::Hour, hours).await? {
        add_into(&mut total, b);
    }
    Ok(total)
}

/// Distinct reporters over the last `minutes` minutes up to and including
/// the current minute (same buckets as [`last_minutes`]).
pub async fn distinct_reporters_last_minutes(
    store: &dyn Store,
    service: &str,
    now: DateTime<Utc>,
    minutes: i64,
) -> Result<u64, StoreError> {
    let (minute_ranges, hours) = cover_last(now, minutes);
    let mut spans: Vec<(Resolution, Range<i64>)> = minute_ranges
        .into_iter()
        .filter(|r| !r.is_empty())
        .map(|r| (Resolution::Minute, r))
        .collect();
    if !hours.is_empty() {
        spans.push((Resolution::Hour, hours));
    }
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

/// The share of the counted reports in a (summed) bucket that came from its
/// single busiest network prefix; `None` when no report carries a network.
pub fn busiest_network_share(bucket: &Bucket) -> Option<f64> {
    let (total, busiest) = bucket
        .iter()
        .filter(|(k, _)| k.starts_with(keys::NETWORK_PREFIX))
        .fold((0u64, 0u64), |(t, m), (_, &v)| (t + v, m.max(v)));
    (total > 0).then(|| busiest as f64 / total as f64)
}

/// Is the traffic in a (summed) bucket dominated by one network, i.e. at
/// least [`SUSPECT_MIN_REPORTS`] reports of which more than
/// [`SUSPECT_NETWORK_SHARE`] came from one prefix?
pub fn is_network_suspect(bucket: &Bucket) -> bool {
    total(bucket) >= SUSPECT_MIN_REPORTS
        && busiest_network_share(bucket).is_some_and(|s| s > SUSPECT_NETWORK_SHARE)
}

/// One counter summed over the last `minutes` minutes (see [`last_minutes`]).
pub async fn count_last_minutes(
    store: &dyn Store,
    service: &str,
    field: &str,
    now: DateTime<Utc>,
    minutes: i64,
) -> Result<u64, StoreError> {
    let (minute_ranges, hours) = cover_last(now, minutes);
    let mut total = 0;
    for r in minute_ranges {
        total += store
            .field(service, Resolution::Minute, r, field)
            .await?
            .iter()
            .sum::<u64>();
    }
    total += store
        .field(service, Resolution::Hour, hours, field)
        .await?
        .iter()
        .sum::<u64>();
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
    let (res, per_step, first_id) = if step_minutes % 60 == 0 {
        (Resolution::Hour, step_minutes / 60, start / 60)
    } else {
        (Resolution::Minute, step_minutes, start)
    };
    let oldest_kept = (now.timestamp() - res.retention_seconds()).div_euclid(res.seconds());
    if first_id < oldest_kept {
        return Err(StoreError::OutOfRange(format!(
            "that series reaches back further than the {} hours kept at this step",
            res.retention_seconds() / 3600 - 1
        )));
    }
    let values = store
        .field(service, res, first_id..first_id + per_step * count, field)
        .await?;
    let sums = values
        .chunks(usize::try_from(per_step).unwrap_or(1).max(1))
        .map(|c| c.iter().sum())
        .collect();
    Ok((start, sums))
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
        let mut b = Bucket::new();
        assert_eq!(busiest_network_share(&b), None);
        b.insert("t".into(), 12);
        b.insert("n:aaa".into(), 9);
        b.insert("n:bbb".into(), 2);
        b.insert("n:ccc".into(), 1);
        b.insert("s:login".into(), 12);
        assert_eq!(busiest_network_share(&b), Some(0.75));
        assert!(is_network_suspect(&b));
        b.insert("n:aaa".into(), 3);
        b.insert("t".into(), 6);
        assert!(!is_network_suspect(&b), "too few reports to judge");
    }

    #[test]
    fn cover_splits_ragged_ends_from_whole_hours() {
        // 00:30 .. 03:15 -> minutes 30..60, hours 1..3, minutes 180..195
        let (m, h) = cover(30..195);
        assert_eq!(m, vec![30..60, 180..195]);
        assert_eq!(h, 1..3);
        // Within one hour: minutes only.
        let (m, h) = cover(61..119);
        assert_eq!(m, vec![61..119]);
        assert!(h.is_empty());
        // Aligned: hours only (empty minute ranges).
        let (m, h) = cover(120..240);
        assert!(m.iter().all(|r| r.is_empty()));
        assert_eq!(h, 2..4);
        // Every minute is covered exactly once.
        for (a, b) in [(7, 1500), (0, 60), (59, 61), (1439, 2881)] {
            let (m, h) = cover(a..b);
            let n: i64 = m.iter().map(|r| r.end - r.start).sum::<i64>() + (h.end - h.start) * 60;
            assert_eq!(n, b - a, "{a}..{b}");
        }
    }
}
