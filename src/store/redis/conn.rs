//! The connection under [`super::RedisStore`]: one Redis server through a
//! `ConnectionManager`, or a Redis Cluster through the redis crate's cluster
//! client. Both connect lazily and reconnect by themselves, so the server
//! starts, and answers 503, while Redis is down.
//!
//! `--redis-url` names a cluster in either of two forms:
//! `redis+cluster://[user:password@]host:port[,host:port…]` or several
//! `redis://` URLs separated by commas. Any node is enough to find the
//! rest; naming more helps when one is down at startup.

use super::super::StoreError;
use redis::aio::{ConnectionLike, ConnectionManager, ConnectionManagerConfig};
use redis::cluster::{ClusterClientBuilder, ClusterConfig};
use redis::cluster_async::ClusterConnection;
use redis::{Cmd, Pipeline, RedisFuture, Value};
use std::time::Duration;

const CONNECT_TIMEOUT: Duration = Duration::from_secs(1);
const RESPONSE_TIMEOUT: Duration = Duration::from_secs(2);

/// A cheap-to-clone handle on one server or on a cluster.
#[derive(Clone)]
pub enum RedisConn {
    Single(ConnectionManager),
    Cluster(ClusterConnection),
}

impl RedisConn {
    /// Prepares a connection to `url` without connecting yet.
    pub fn open(url: &str) -> Result<Self, StoreError> {
        match cluster_nodes(url)? {
            Some(nodes) => {
                let client = ClusterClientBuilder::new(nodes)
                    .connection_timeout(CONNECT_TIMEOUT)
                    .response_timeout(RESPONSE_TIMEOUT)
                    .retries(2)
                    .build()
                    .map_err(|e| invalid_url(&e))?;
                let config = ClusterConfig::new()
                    .set_connection_timeout(CONNECT_TIMEOUT)
                    .set_response_timeout(RESPONSE_TIMEOUT);
                Ok(Self::Cluster(
                    client.get_pending_async_connection_with_config(config),
                ))
            }
            None => {
                let client = redis::Client::open(url).map_err(|e| invalid_url(&e))?;
                let config = ConnectionManagerConfig::new()
                    .set_connection_timeout(Some(CONNECT_TIMEOUT))
                    .set_response_timeout(Some(RESPONSE_TIMEOUT))
                    .set_number_of_retries(1)
                    .set_max_delay(Duration::from_millis(500));
                let conn = ConnectionManager::new_lazy_with_config(client, config)
                    .map_err(|e| StoreError::backend(format!("cannot set up Redis client: {e}")))?;
                Ok(Self::Single(conn))
            }
        }
    }

    pub fn is_cluster(&self) -> bool {
        matches!(self, Self::Cluster(_))
    }
}

fn invalid_url(e: &redis::RedisError) -> StoreError {
    StoreError::backend(format!("invalid Redis URL: {e}"))
}

/// The node URLs when `url` names a cluster, `None` for a single server.
fn cluster_nodes(url: &str) -> Result<Option<Vec<String>>, StoreError> {
    let url = url.trim();
    if let Some(rest) = url.strip_prefix("redis+cluster://") {
        let rest = rest.trim_end_matches('/');
        let (auth, hosts) = match rest.rsplit_once('@') {
            Some((auth, hosts)) => (format!("{auth}@"), hosts),
            None => (String::new(), rest),
        };
        let nodes: Vec<String> = hosts
            .split(',')
            .map(str::trim)
            .filter(|h| !h.is_empty())
            .map(|h| format!("redis://{auth}{h}"))
            .collect();
        if nodes.is_empty() {
            return Err(StoreError::backend(
                "invalid Redis URL: redis+cluster:// names no node",
            ));
        }
        return Ok(Some(nodes));
    }
    if url.contains(',') {
        let nodes: Vec<String> = url
            .split(',')
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_string)
            .collect();
        return Ok(Some(nodes));
    }
    Ok(None)
}

impl ConnectionLike for RedisConn {
    fn req_packed_command<'a>(&'a mut self, cmd: &'a Cmd) -> RedisFuture<'a, Value> {
        match self {
            Self::Single(c) => c.req_packed_command(cmd),
            Self::Cluster(c) => c.req_packed_command(cmd),
        }
    }

    fn req_packed_commands<'a>(
        &'a mut self,
        pipeline: &'a Pipeline,
        offset: usize,
        count: usize,
    ) -> RedisFuture<'a, Vec<Value>> {
        match self {
            Self::Single(c) => c.req_packed_commands(pipeline, offset, count),
            Self::Cluster(c) => c.req_packed_commands(pipeline, offset, count),
        }
    }

    fn get_db(&self) -> i64 {
        match self {
            Self::Single(c) => c.get_db(),
            Self::Cluster(c) => c.get_db(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cluster_urls_are_recognised() {
        assert_eq!(cluster_nodes("redis://127.0.0.1:6379/0").unwrap(), None);
        assert_eq!(
            cluster_nodes("redis+cluster://:pw@a:7000,b:7001/").unwrap(),
            Some(vec![
                "redis://:pw@a:7000".into(),
                "redis://:pw@b:7001".into()
            ])
        );
        assert_eq!(
            cluster_nodes("redis://a:7000, redis://b:7001").unwrap(),
            Some(vec!["redis://a:7000".into(), "redis://b:7001".into()])
        );
        assert!(cluster_nodes("redis+cluster://").is_err());
    }
}
