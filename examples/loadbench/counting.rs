//! A store wrapper that counts the reports it acknowledged, so the
//! benchmark can compare them with what ends up stored.

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use downwatch::ingest::Report;
use downwatch::store::{Bucket, Recorded, Resolution, Store, StoreError};
use std::ops::Range;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

pub struct CountingStore {
    pub inner: Arc<dyn Store>,
    pub acknowledged: Arc<AtomicU64>,
    pub counted: Arc<AtomicU64>,
}

#[async_trait]
impl Store for CountingStore {
    async fn record(&self, report: &Report, at: DateTime<Utc>) -> Result<Recorded, StoreError> {
        let recorded = self.inner.record(report, at).await?;
        self.acknowledged.fetch_add(1, Ordering::Relaxed);
        if recorded.counted {
            self.counted.fetch_add(1, Ordering::Relaxed);
        }
        Ok(recorded)
    }

    async fn buckets(
        &self,
        service: &str,
        res: Resolution,
        ids: Range<i64>,
    ) -> Result<Vec<Bucket>, StoreError> {
        self.inner.buckets(service, res, ids).await
    }

    async fn field(
        &self,
        service: &str,
        res: Resolution,
        ids: Range<i64>,
        field: &str,
    ) -> Result<Vec<u64>, StoreError> {
        self.inner.field(service, res, ids, field).await
    }

    async fn try_lease(&self, service: &str, owner: &str, ttl_ms: u64) -> Result<bool, StoreError> {
        self.inner.try_lease(service, owner, ttl_ms).await
    }

    async fn get_doc(&self, service: &str, name: &str) -> Result<Option<String>, StoreError> {
        self.inner.get_doc(service, name).await
    }

    async fn get_docs(
        &self,
        services: &[&str],
        name: &str,
    ) -> Result<Vec<Option<String>>, StoreError> {
        self.inner.get_docs(services, name).await
    }

    async fn put_doc(&self, service: &str, name: &str, json: &str) -> Result<(), StoreError> {
        self.inner.put_doc(service, name, json).await
    }

    async fn put_incident(
        &self,
        service: &str,
        id: &str,
        started_at: i64,
        json: &str,
    ) -> Result<(), StoreError> {
        self.inner.put_incident(service, id, started_at, json).await
    }

    async fn get_incident(&self, service: &str, id: &str) -> Result<Option<String>, StoreError> {
        self.inner.get_incident(service, id).await
    }

    async fn list_incidents(&self, service: &str, limit: usize) -> Result<Vec<String>, StoreError> {
        self.inner.list_incidents(service, limit).await
    }

    async fn append_event(&self, json: &str) -> Result<String, StoreError> {
        self.inner.append_event(json).await
    }

    async fn read_events(
        &self,
        after: Option<&str>,
        limit: usize,
    ) -> Result<Vec<(String, String)>, StoreError> {
        self.inner.read_events(after, limit).await
    }

    async fn distinct_reporters(
        &self,
        service: &str,
        spans: &[(Resolution, Range<i64>)],
    ) -> Result<u64, StoreError> {
        self.inner.distinct_reporters(service, spans).await
    }

    async fn daily_secret(&self, day: &str, candidate: &str) -> Result<String, StoreError> {
        self.inner.daily_secret(day, candidate).await
    }

    async fn ping(&self) -> Result<(), StoreError> {
        self.inner.ping().await
    }

    fn describe(&self) -> String {
        self.inner.describe()
    }
}
