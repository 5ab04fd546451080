//! Status documents and incidents on Redis: a string key per document,
//! and per service a hash of incidents, their index by start (a sorted
//! set) and a list of official updates per incident.

use super::super::{Documents, Incidents, StoreResult, keys};
use super::RedisStore;
use async_trait::async_trait;
use futures_util::future::try_join_all;
use redis::AsyncCommands;

#[async_trait]
impl Documents for RedisStore {
    async fn get_doc(&self, service: &str, name: &str) -> StoreResult<Option<String>> {
        let mut conn = self.conn.clone();
        self.call(conn.get(keys::doc_key(service, name))).await
    }

    async fn get_docs(&self, services: &[&str], name: &str) -> StoreResult<Vec<Option<String>>> {
        if services.is_empty() {
            return Ok(Vec::new());
        }
        // One GET per key: keys of different services live on different
        // cluster slots, so no MGET, and on a cluster no shared pipeline.
        if self.conn.is_cluster() {
            let gets = services.iter().map(|s| {
                let mut conn = self.conn.clone();
                let key = keys::doc_key(s, name);
                async move { self.call(conn.get::<_, Option<String>>(key)).await }
            });
            return try_join_all(gets).await;
        }
        let mut pipe = redis::pipe();
        for s in services {
            pipe.get(keys::doc_key(s, name));
        }
        let mut conn = self.conn.clone();
        self.call(pipe.query_async(&mut conn)).await
    }

    async fn put_doc(&self, service: &str, name: &str, json: &str) -> StoreResult<()> {
        let mut conn = self.conn.clone();
        self.call(conn.set::<_, _, ()>(keys::doc_key(service, name), json))
            .await
    }
}

#[async_trait]
impl Incidents for RedisStore {
    async fn put_incident(
        &self,
        service: &str,
        id: &str,
        started_at: i64,
        json: &str,
    ) -> StoreResult<()> {
        let mut pipe = redis::pipe();
        pipe.atomic()
            .hset(keys::incidents_key(service), id, json)
            .ignore()
            .zadd(keys::incident_index_key(service), id, started_at)
            .ignore();
        let mut conn = self.conn.clone();
        self.call(pipe.query_async::<()>(&mut conn)).await
    }

    async fn get_incident(&self, service: &str, id: &str) -> StoreResult<Option<String>> {
        let mut conn = self.conn.clone();
        self.call(conn.hget(keys::incidents_key(service), id)).await
    }

    async fn list_incidents(&self, service: &str, limit: usize) -> StoreResult<Vec<String>> {
        if limit == 0 {
            return Ok(Vec::new());
        }
        let mut conn = self.conn.clone();
        let ids: Vec<String> = self
            .call(conn.zrevrange(keys::incident_index_key(service), 0, limit as isize - 1))
            .await?;
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let jsons: Vec<Option<String>> = self
            .call(
                redis::cmd("HMGET")
                    .arg(keys::incidents_key(service))
                    .arg(&ids)
                    .query_async(&mut conn),
            )
            .await?;
        Ok(jsons.into_iter().flatten().collect())
    }

    async fn add_incident_update(&self, service: &str, id: &str, json: &str) -> StoreResult<()> {
        let key = keys::incident_updates_key(service, id);
        let mut pipe = redis::pipe();
        pipe.atomic()
            .rpush(&key, json)
            .ignore()
            .ltrim(&key, -(keys::UPDATES_KEPT as isize), -1)
            .ignore();
        let mut conn = self.conn.clone();
        self.call(pipe.query_async::<()>(&mut conn)).await
    }

    async fn incident_updates(&self, service: &str, ids: &[&str]) -> StoreResult<Vec<Vec<String>>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        // Every key carries the service's hash tag: one slot, one pipeline.
        let mut pipe = redis::pipe();
        for id in ids {
            pipe.lrange(keys::incident_updates_key(service, id), 0, -1);
        }
        let mut conn = self.conn.clone();
        self.call(pipe.query_async(&mut conn)).await
    }
}
