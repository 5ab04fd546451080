//! The memory store's capped document sets (webhooks and followers),
//! capped slot sets and shared secrets (see the repository traits of the
//! same names).

use super::super::{CappedDocs, CappedSet, Member, Secrets, Slots, StoreResult};
use super::MemoryStore;
use async_trait::async_trait;
use std::collections::{BTreeMap, HashMap};

#[derive(Default)]
pub(super) struct CappedData {
    /// (set, service) -> id -> JSON.
    members: HashMap<(CappedSet, String), BTreeMap<String, String>>,
    /// set -> member -> until (unix ms).
    slots: HashMap<String, HashMap<String, i64>>,
    secrets: HashMap<String, String>,
}

/// Members older than this past their end are forgotten when a set is
/// next written (as Redis does).
const SLOT_GRACE_MS: i64 = 7 * 24 * 3600 * 1000;

impl CappedData {
    fn take_slot(
        &mut self,
        set: &str,
        member: &str,
        until_ms: i64,
        now_ms: i64,
        max: usize,
    ) -> bool {
        let members = self.slots.entry(set.to_string()).or_default();
        let holding = members.values().filter(|u| **u > now_ms).count();
        if !members.contains_key(member) && holding >= max {
            return false;
        }
        members.insert(member.to_string(), until_ms);
        members.retain(|_, u| *u > now_ms.saturating_sub(SLOT_GRACE_MS));
        true
    }

    fn release_slot(&mut self, set: &str, member: &str) {
        if let Some(members) = self.slots.get_mut(set) {
            members.remove(member);
        }
    }

    fn expired_slots(&mut self, set: &str, now_ms: i64, limit: usize) -> Vec<String> {
        let Some(members) = self.slots.get_mut(set) else {
            return Vec::new();
        };
        let mut due: Vec<(i64, String)> = members
            .iter()
            .filter(|(_, u)| **u <= now_ms)
            .map(|(m, u)| (*u, m.clone()))
            .collect();
        due.sort();
        due.truncate(limit);
        for (_, m) in &due {
            members.remove(m);
        }
        due.into_iter().map(|(_, m)| m).collect()
    }
}

#[async_trait]
impl CappedDocs for MemoryStore {
    async fn put_member(&self, at: Member<'_>, json: &str, max: usize) -> StoreResult<bool> {
        let mut docs = self.docs();
        let all = docs
            .capped
            .members
            .entry((at.set, at.service.to_string()))
            .or_default();
        if all.len() >= max && !all.contains_key(at.id) {
            return Ok(false);
        }
        all.insert(at.id.to_string(), json.to_string());
        Ok(true)
    }

    async fn get_member(&self, at: Member<'_>) -> StoreResult<Option<String>> {
        let docs = self.docs();
        let all = docs.capped.members.get(&(at.set, at.service.to_string()));
        Ok(all.and_then(|m| m.get(at.id).cloned()))
    }

    async fn delete_member(&self, at: Member<'_>) -> StoreResult<bool> {
        let mut docs = self.docs();
        let all = docs
            .capped
            .members
            .get_mut(&(at.set, at.service.to_string()));
        Ok(all.and_then(|m| m.remove(at.id)).is_some())
    }

    async fn list_members(&self, set: CappedSet, service: &str) -> StoreResult<Vec<String>> {
        let docs = self.docs();
        Ok(docs
            .capped
            .members
            .get(&(set, service.to_string()))
            .map(|m| m.values().cloned().collect())
            .unwrap_or_default())
    }
}

#[async_trait]
impl Slots for MemoryStore {
    async fn take_slot(
        &self,
        set: &str,
        member: &str,
        until_ms: i64,
        now_ms: i64,
        max: usize,
    ) -> StoreResult<bool> {
        Ok(self
            .docs()
            .capped
            .take_slot(set, member, until_ms, now_ms, max))
    }

    async fn release_slot(&self, set: &str, member: &str) -> StoreResult<()> {
        self.docs().capped.release_slot(set, member);
        Ok(())
    }

    async fn expired_slots(
        &self,
        set: &str,
        now_ms: i64,
        limit: usize,
    ) -> StoreResult<Vec<String>> {
        Ok(self.docs().capped.expired_slots(set, now_ms, limit))
    }
}

#[async_trait]
impl Secrets for MemoryStore {
    async fn shared_secret(&self, name: &str, candidate: &str) -> StoreResult<String> {
        Ok(self
            .docs()
            .capped
            .secrets
            .entry(name.to_string())
            .or_insert_with(|| candidate.to_string())
            .clone())
    }

    async fn daily_secret(&self, day: &str, candidate: &str) -> StoreResult<String> {
        let mut secrets = self.secrets.lock().unwrap_or_else(|e| e.into_inner());
        Ok(secrets
            .entry(day.to_string())
            .or_insert_with(|| candidate.to_string())
            .clone())
    }
}
