//! The Redis store's followers, capped sets and shared secrets (see the
//! `Store` methods of the same names): a hash per service, and sorted
//! sets by expiry and plain keys on the `{follow}` slot.

use super::super::{StoreError, keys};
use super::RedisStore;
use redis::{AsyncCommands, Script};

/// KEYS: a capped set. ARGV: member, until ms, now ms, max. Members more
/// than a week past their end are dropped; the key expires a week after
/// its last member's end.
const TAKE_SLOT_LUA: &str = r"
local now = tonumber(ARGV[3])
if not redis.call('ZSCORE', KEYS[1], ARGV[1])
  and redis.call('ZCOUNT', KEYS[1], '(' .. now, '+inf') >= tonumber(ARGV[4]) then
  return 0
end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - 604800000)
local last = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
local ttl = math.max(tonumber(last[2]) - now, 0) + 604800000
redis.call('PEXPIRE', KEYS[1], math.floor(ttl))
return 1
";

/// KEYS: a capped set. ARGV: now ms, limit. Removes and returns the
/// members whose end has come.
const EXPIRED_SLOTS_LUA: &str = r"
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[2])
if #due > 0 then
  redis.call('ZREM', KEYS[1], unpack(due))
end
return due
";

/// KEYS: the secret. ARGV: candidate. Sets it unless set; returns it.
const SHARED_SECRET_LUA: &str = r"
if redis.call('SET', KEYS[1], ARGV[1], 'NX') then
  return ARGV[1]
end
return redis.call('GET', KEYS[1])
";

/// The scripts, prepared once per store.
#[derive(Clone)]
pub(super) struct FollowScripts {
    take: Script,
    expired: Script,
    secret: Script,
}

impl Default for FollowScripts {
    fn default() -> Self {
        Self {
            take: Script::new(TAKE_SLOT_LUA),
            expired: Script::new(EXPIRED_SLOTS_LUA),
            secret: Script::new(SHARED_SECRET_LUA),
        }
    }
}

impl RedisStore {
    pub(super) async fn follow_put(
        &self,
        service: &str,
        id: &str,
        json: &str,
        max: usize,
    ) -> Result<bool, StoreError> {
        self.capped_put(keys::followers_key(service), id, json, max)
            .await
    }

    /// Saves `json` as field `id` of the hash `key` unless that would make
    /// it hold more than `max` fields (replacing a field always succeeds):
    /// the webhooks' and the followers' capped put. True when saved.
    pub(super) async fn capped_put(
        &self,
        key: String,
        id: &str,
        json: &str,
        max: usize,
    ) -> Result<bool, StoreError> {
        let mut invocation = self.capped_put_script.prepare_invoke();
        invocation.key(key).arg(id).arg(json).arg(max);
        let mut conn = self.conn.clone();
        let saved: i64 = self.call(invocation.invoke_async(&mut conn)).await?;
        Ok(saved == 1)
    }

    pub(super) async fn follow_get(
        &self,
        service: &str,
        id: &str,
    ) -> Result<Option<String>, StoreError> {
        let mut conn = self.conn.clone();
        self.call(conn.hget(keys::followers_key(service), id)).await
    }

    pub(super) async fn follow_delete(&self, service: &str, id: &str) -> Result<bool, StoreError> {
        let mut conn = self.conn.clone();
        let removed: i64 = self
            .call(conn.hdel(keys::followers_key(service), id))
            .await?;
        Ok(removed > 0)
    }

    pub(super) async fn follow_list(&self, service: &str) -> Result<Vec<String>, StoreError> {
        let mut conn = self.conn.clone();
        self.call(conn.hvals(keys::followers_key(service))).await
    }

    pub(super) async fn slot_take(
        &self,
        set: &str,
        member: &str,
        until_ms: i64,
        now_ms: i64,
        max: usize,
    ) -> Result<bool, StoreError> {
        let mut invocation = self.follow_scripts.take.prepare_invoke();
        invocation
            .key(keys::slots_key(set))
            .arg(member)
            .arg(until_ms)
            .arg(now_ms)
            .arg(max);
        let mut conn = self.conn.clone();
        let taken: i64 = self.call(invocation.invoke_async(&mut conn)).await?;
        Ok(taken == 1)
    }

    pub(super) async fn slot_release(&self, set: &str, member: &str) -> Result<(), StoreError> {
        let mut conn = self.conn.clone();
        self.call(conn.zrem::<_, _, ()>(keys::slots_key(set), member))
            .await
    }

    pub(super) async fn slots_expired(
        &self,
        set: &str,
        now_ms: i64,
        limit: usize,
    ) -> Result<Vec<String>, StoreError> {
        let mut invocation = self.follow_scripts.expired.prepare_invoke();
        invocation.key(keys::slots_key(set)).arg(now_ms).arg(limit);
        let mut conn = self.conn.clone();
        self.call(invocation.invoke_async(&mut conn)).await
    }

    pub(super) async fn secret_shared(
        &self,
        name: &str,
        candidate: &str,
    ) -> Result<String, StoreError> {
        let mut invocation = self.follow_scripts.secret.prepare_invoke();
        invocation.key(keys::shared_secret_key(name)).arg(candidate);
        let mut conn = self.conn.clone();
        self.call(invocation.invoke_async(&mut conn)).await
    }
}
