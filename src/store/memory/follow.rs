//! The memory store's followers, capped sets and shared secrets (see the
//! `Store` methods of the same names).

use std::collections::{BTreeMap, HashMap};

#[derive(Default)]
pub(super) struct FollowDocs {
    /// service -> follower id -> JSON.
    followers: HashMap<String, BTreeMap<String, String>>,
    /// set -> member -> until (unix ms).
    slots: HashMap<String, HashMap<String, i64>>,
    secrets: HashMap<String, String>,
}

/// Members older than this past their end are forgotten when a set is
/// next written (as Redis does).
const SLOT_GRACE_MS: i64 = 7 * 24 * 3600 * 1000;

impl FollowDocs {
    pub(super) fn put(&mut self, service: &str, id: &str, json: &str, max: usize) -> bool {
        let all = self.followers.entry(service.to_string()).or_default();
        if all.len() >= max && !all.contains_key(id) {
            return false;
        }
        all.insert(id.to_string(), json.to_string());
        true
    }

    pub(super) fn get(&self, service: &str, id: &str) -> Option<String> {
        self.followers.get(service)?.get(id).cloned()
    }

    pub(super) fn delete(&mut self, service: &str, id: &str) -> bool {
        self.followers
            .get_mut(service)
            .and_then(|m| m.remove(id))
            .is_some()
    }

    pub(super) fn list(&self, service: &str) -> Vec<String> {
        self.followers
            .get(service)
            .map(|m| m.values().cloned().collect())
            .unwrap_or_default()
    }

    pub(super) fn take_slot(
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

    pub(super) fn release_slot(&mut self, set: &str, member: &str) {
        if let Some(members) = self.slots.get_mut(set) {
            members.remove(member);
        }
    }

    pub(super) fn expired_slots(&mut self, set: &str, now_ms: i64, limit: usize) -> Vec<String> {
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

    pub(super) fn shared_secret(&mut self, name: &str, candidate: &str) -> String {
        self.secrets
            .entry(name.to_string())
            .or_insert_with(|| candidate.to_string())
            .clone()
    }
}
