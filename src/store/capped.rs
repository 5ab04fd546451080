//! The capped document sets: a service's webhook subscriptions and its
//! followers alike, documents by id under a cap checked and written in
//! one atomic step (`dw:{<service>}:webhooks`, `dw:{<service>}:followers`);
//! and the capped slot sets that follow caps and mail limits are made of
//! (`dw:{follow}:slots:<set>`).
//!
//! [`CappedDocs`] and [`Slots`] are what a backend implements (stored
//! JSON text); callers use the typed methods on `dyn Store` with a
//! [`SetOf`], which carries the documents' type next to the set.

use super::codec::{Typed, decode, encode};
use super::{Store, StoreResult};
use async_trait::async_trait;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// Which capped document set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CappedSet {
    /// Webhook subscriptions.
    Webhooks,
    /// People following a service (push or email).
    Followers,
}

impl CappedSet {
    pub fn name(self) -> &'static str {
        match self {
            CappedSet::Webhooks => "webhook subscription",
            CappedSet::Followers => "follower",
        }
    }
}

/// One document's place: its set, its service and its id in both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Member<'a> {
    pub set: CappedSet,
    pub service: &'a str,
    pub id: &'a str,
}

impl<'a> Member<'a> {
    pub fn of(set: CappedSet, service: &'a str, id: &'a str) -> Self {
        Self { set, service, id }
    }
}

/// Documents by id per service under a cap, as stored (JSON text).
#[async_trait]
pub trait CappedDocs: Send + Sync {
    /// Saves a document (JSON) of `service` under `id` in `set`, unless the
    /// service already has `max` of them: checked and written in one
    /// atomic step, so concurrent creates cannot pass the cap. Saving an
    /// existing id replaces it and always succeeds. False when the cap
    /// refused it.
    async fn put_member(&self, at: Member<'_>, json: &str, max: usize) -> StoreResult<bool>;

    async fn get_member(&self, at: Member<'_>) -> StoreResult<Option<String>>;

    /// Removes a document; false when there was none (so of two callers,
    /// exactly one gets true).
    async fn delete_member(&self, at: Member<'_>) -> StoreResult<bool>;

    /// A service's documents in `set` (JSON), in no particular order.
    async fn list_members(&self, set: CappedSet, service: &str) -> StoreResult<Vec<String>>;

    /// [`Self::put_member`] of a webhook subscription.
    async fn put_webhook(
        &self,
        service: &str,
        id: &str,
        json: &str,
        max: usize,
    ) -> StoreResult<bool> {
        self.put_member(Member::of(CappedSet::Webhooks, service, id), json, max)
            .await
    }

    async fn delete_webhook(&self, service: &str, id: &str) -> StoreResult<bool> {
        self.delete_member(Member::of(CappedSet::Webhooks, service, id))
            .await
    }

    async fn list_webhooks(&self, service: &str) -> StoreResult<Vec<String>> {
        self.list_members(CappedSet::Webhooks, service).await
    }

    /// [`Self::put_member`] of a follower.
    async fn put_follower(
        &self,
        service: &str,
        id: &str,
        json: &str,
        max: usize,
    ) -> StoreResult<bool> {
        self.put_member(Member::of(CappedSet::Followers, service, id), json, max)
            .await
    }

    async fn get_follower(&self, service: &str, id: &str) -> StoreResult<Option<String>> {
        self.get_member(Member::of(CappedSet::Followers, service, id))
            .await
    }

    async fn delete_follower(&self, service: &str, id: &str) -> StoreResult<bool> {
        self.delete_member(Member::of(CappedSet::Followers, service, id))
            .await
    }

    async fn list_followers(&self, service: &str) -> StoreResult<Vec<String>> {
        self.list_members(CappedSet::Followers, service).await
    }
}

/// Sets of members each holding until a time, under a cap.
#[async_trait]
pub trait Slots: Send + Sync {
    /// Adds `member` to the capped set `set`, to hold until `until_ms`,
    /// unless the set holds `max` members that still hold at `now_ms`
    /// (a member already in the set is renewed whatever the count).
    /// Atomic, so concurrent takers cannot pass the cap. Caps on follows
    /// and sliding-window limits on mail are made of these.
    async fn take_slot(
        &self,
        set: &str,
        member: &str,
        until_ms: i64,
        now_ms: i64,
        max: usize,
    ) -> StoreResult<bool>;

    /// Removes `member` from `set` (nothing when absent).
    async fn release_slot(&self, set: &str, member: &str) -> StoreResult<()>;

    /// Removes and returns up to `limit` members of `set` that held until
    /// `now_ms` or earlier.
    async fn expired_slots(&self, set: &str, now_ms: i64, limit: usize)
    -> StoreResult<Vec<String>>;
}

/// A capped document set and the type of its documents.
pub type SetOf<T> = Typed<CappedSet, T>;

impl dyn Store {
    /// Saves `value` as `service`'s member `id` of `set` unless the
    /// service has `max` already (see [`CappedDocs::put_member`]).
    pub async fn put_capped<T: Serialize + Sync>(
        &self,
        set: SetOf<T>,
        service: &str,
        id: &str,
        value: &T,
        max: usize,
    ) -> StoreResult<bool> {
        self.put_member(Member::of(set.key, service, id), &encode(value)?, max)
            .await
    }

    /// `service`'s member `id` of `set`; `None` when absent or unreadable.
    pub async fn capped<T: DeserializeOwned>(
        &self,
        set: SetOf<T>,
        service: &str,
        id: &str,
    ) -> StoreResult<Option<T>> {
        let json = self.get_member(Member::of(set.key, service, id)).await?;
        Ok(json.and_then(|j| decode(&j, set.key.name(), service)))
    }

    /// `service`'s members of `set`; unreadable ones are logged and skipped.
    pub async fn all_capped<T: DeserializeOwned>(
        &self,
        set: SetOf<T>,
        service: &str,
    ) -> StoreResult<Vec<T>> {
        let jsons = self.list_members(set.key, service).await?;
        Ok(jsons
            .iter()
            .filter_map(|j| decode(j, set.key.name(), service))
            .collect())
    }
}
