//! The counts repository on Redis: a report goes to the batch writer
//! ([`super::batch`]); buckets are read in `HSCAN` steps, summaries and
//! single counters in one pipeline per call.

use super::super::{Bucket, Counts, NetworkSummary, Recorded, Resolution, StoreResult, keys};
use super::batch::Write;
use super::{RedisStore, relock};
use crate::ingest::Report;
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use redis::AsyncCommands;
use std::ops::Range;

/// Fields asked of Redis per `HSCAN` step when reading a bucket. Buckets
/// written before network summaries had keys of their own hold a field per
/// network that reported, hundreds of thousands of them in a flood, and one
/// `HGETALL` of such a hash holds up every other client of Redis, report
/// writes included, for milliseconds; read in steps, the writes go on
/// between them. (A bucket now holds regions, symptoms and map cells only.)
const SCAN_STEP: usize = 1000;

impl RedisStore {
    /// Whole hashes (or their fields that match `pattern`), read in steps
    /// (HSCAN), together: a first page of each, then the next page of
    /// those with more, until none has.
    async fn scan_hashes(
        &self,
        keys: &[String],
        pattern: Option<&str>,
    ) -> StoreResult<Vec<Bucket>> {
        let mut hashes = vec![Bucket::new(); keys.len()];
        let mut cursors: Vec<(usize, u64)> = (0..keys.len()).map(|i| (i, 0)).collect();
        while !cursors.is_empty() {
            let mut pipe = redis::pipe();
            for &(i, cursor) in &cursors {
                let step = pipe.cmd("HSCAN").arg(&keys[i]).arg(cursor);
                if let Some(pattern) = pattern {
                    step.arg("MATCH").arg(pattern);
                }
                step.arg("COUNT").arg(SCAN_STEP);
            }
            let mut conn = self.conn.clone();
            let pages: Vec<(u64, Bucket)> = self.call(pipe.query_async(&mut conn)).await?;
            let mut more = Vec::new();
            for (&(i, _), (cursor, fields)) in cursors.iter().zip(pages) {
                // HSCAN may return a field twice: the later value stands.
                hashes[i].extend(fields);
                if cursor != 0 {
                    more.push((i, cursor));
                }
            }
            cursors = more;
        }
        Ok(hashes)
    }

    /// The summary fields of the bucket hashes of `ids` (see
    /// [`keys::SUMMARY_MARK`]), under their names in a summary hash of
    /// their own, beside those kept in such a hash before they moved
    /// ([`keys::networks_key`]): (in the bucket, of old) for each id.
    async fn summary_fields(
        &self,
        service: &str,
        res: Resolution,
        ids: &[i64],
    ) -> StoreResult<Vec<(Bucket, Bucket)>> {
        let buckets: Vec<String> = ids
            .iter()
            .map(|&id| keys::bucket_key(service, res, id))
            .collect();
        let mut pipe = redis::pipe();
        for &id in ids {
            pipe.hgetall(keys::networks_key(service, res, id));
        }
        let mut conn = self.conn.clone();
        // Only the summary fields come back: Redis steps over the others.
        let pattern = format!("{}*", keys::SUMMARY_MARK);
        let (inside, old) =
            futures_util::try_join!(self.scan_hashes(&buckets, Some(&pattern)), async {
                if ids.is_empty() {
                    return Ok(Vec::new());
                }
                self.call(pipe.query_async::<Vec<Bucket>>(&mut conn)).await
            })?;
        Ok(inside
            .into_iter()
            .map(|b| {
                b.into_iter()
                    .filter_map(|(k, v)| Some((k.strip_prefix(keys::SUMMARY_MARK)?.to_string(), v)))
                    .collect()
            })
            .zip(old)
            .collect())
    }
}

/// A network or ASN summary as stored: `total` and `<prefix><name>`
/// counters.
fn summary_with_prefix(mut fields: Bucket, prefix: &str, total: &str) -> NetworkSummary {
    let reports = fields.remove(total).unwrap_or(0);
    let counters = fields
        .into_iter()
        .filter_map(|(k, v)| k.strip_prefix(prefix).map(|n| (n.to_string(), v)))
        .collect();
    NetworkSummary::from_parts(reports, counters)
}

#[async_trait]
impl Counts for RedisStore {
    async fn record(&self, report: &Report, at: DateTime<Utc>) -> StoreResult<Recorded> {
        let service = &report.service;
        let (seen_key, dedupe_secs) = match &report.reporter {
            Some(r) if self.dedupe_secs > 0 => (keys::seen_key(service, r), self.dedupe_secs),
            _ => (keys::seen_key(service, "-"), 0),
        };
        // A marker made under yesterday's secret can only still hold in
        // the first dedupe period of the day (UTC, as the secrets are).
        let early_in_the_day = at.timestamp().rem_euclid(86_400) < dedupe_secs as i64;
        let previous_key = match &report.previous_reporter {
            Some(r) if dedupe_secs > 0 && early_in_the_day => keys::seen_key(service, r),
            _ => seen_key.clone(),
        };
        let write = Write {
            service: service.clone(),
            minute: Resolution::Minute.bucket_of(at),
            quarter: Resolution::Quarter.bucket_of(at),
            hour: Resolution::Hour.bucket_of(at),
            seen_key,
            previous_key,
            now: at.timestamp(),
            reporter: report.reporter.clone().unwrap_or_default(),
            dedupe_secs,
            network_budget: report.network_budget,
            fields: keys::fields_of(report),
            network: report
                .network
                .as_deref()
                .map(|n| keys::in_bucket(&keys::network_field(n))),
            asn: report.asn.map(|asn| {
                let name = keys::asn_name(report.region.country.as_deref(), asn);
                keys::in_bucket(&keys::asn_field(&name))
            }),
        };
        // The writer gives up on Redis at the call timeout; the bound
        // covers the wait for room in its queue too.
        self.bounded(self.writers.write(write)).await
    }

    async fn buckets(
        &self,
        service: &str,
        res: Resolution,
        ids: Range<i64>,
    ) -> StoreResult<Vec<Bucket>> {
        let keys: Vec<String> = ids.map(|id| keys::bucket_key(service, res, id)).collect();
        let mut buckets = self.scan_hashes(&keys, None).await?;
        // The summaries the hash holds are read by `networks` and `asns`.
        for b in &mut buckets {
            b.retain(|field, _| !field.starts_with(keys::SUMMARY_MARK));
        }
        Ok(buckets)
    }

    async fn field(
        &self,
        service: &str,
        res: Resolution,
        ids: Range<i64>,
        field: &str,
    ) -> StoreResult<Vec<u64>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let mut pipe = redis::pipe();
        for id in ids {
            pipe.hget(keys::bucket_key(service, res, id), field);
        }
        let mut conn = self.conn.clone();
        let values: Vec<Option<u64>> = self.call(pipe.query_async(&mut conn)).await?;
        Ok(values.into_iter().map(|v| v.unwrap_or(0)).collect())
    }

    async fn networks(
        &self,
        service: &str,
        res: Resolution,
        ids: Range<i64>,
    ) -> StoreResult<Vec<NetworkSummary>> {
        // In the bucket hash, and (for buckets written before the summaries
        // moved there) in the summary hash of old.
        let ids: Vec<i64> = ids.collect();
        let stored = self.summary_fields(service, res, &ids).await?;
        Ok(stored
            .into_iter()
            .map(|(inside, old)| {
                let summary =
                    |s| summary_with_prefix(s, keys::NETWORK_PREFIX, keys::NETWORK_REPORTS);
                let mut s = summary(inside);
                if !old.is_empty() {
                    s.merge(&summary(old));
                }
                s
            })
            .collect())
    }

    async fn asns(
        &self,
        service: &str,
        res: Resolution,
        ids: Range<i64>,
    ) -> StoreResult<Vec<NetworkSummary>> {
        // In the bucket hash, in the summary hash of old, and (for buckets
        // written before the ASN summary joined that) in a key of its own.
        let ids: Vec<i64> = ids.collect();
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let mut pipe = redis::pipe();
        for &id in &ids {
            pipe.hgetall(keys::asns_key(service, res, id));
        }
        let mut conn = self.conn.clone();
        let (stored, oldest) = futures_util::try_join!(
            self.summary_fields(service, res, &ids),
            self.call(pipe.query_async::<Vec<Bucket>>(&mut conn))
        )?;
        Ok(stored
            .into_iter()
            .zip(oldest)
            .map(|((inside, old), oldest)| {
                let shared = |s| summary_with_prefix(s, keys::ASN_PREFIX, keys::ASN_REPORTS);
                let mut s = shared(inside);
                if !old.is_empty() {
                    s.merge(&shared(old));
                }
                if !oldest.is_empty() {
                    s.merge(&summary_with_prefix(
                        oldest,
                        keys::ASN_PREFIX,
                        keys::NETWORK_REPORTS,
                    ));
                }
                s
            })
            .collect())
    }

    async fn quarters_complete_from(&self, service: &str) -> StoreResult<Option<i64>> {
        if let Some(&from) = relock(&self.quarters_from).get(service) {
            return Ok(Some(from));
        }
        let mut conn = self.conn.clone();
        let from: Option<i64> = self.call(conn.get(keys::quarters_key(service))).await?;
        // Set once (SET NX) and never changed: safe to keep for good.
        if let Some(from) = from {
            relock(&self.quarters_from).insert(service.to_string(), from);
        }
        Ok(from)
    }

    async fn distinct_reporters(
        &self,
        service: &str,
        spans: &[(Resolution, Range<i64>)],
    ) -> StoreResult<u64> {
        let keys: Vec<String> = spans
            .iter()
            .flat_map(|(res, ids)| {
                ids.clone()
                    .map(move |id| keys::reporters_key(service, *res, id))
            })
            .collect();
        if keys.is_empty() {
            return Ok(0);
        }
        let mut conn = self.conn.clone();
        self.call(redis::cmd("PFCOUNT").arg(keys).query_async(&mut conn))
            .await
    }
}
