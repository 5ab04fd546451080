//! The memory store's documents, incidents, delivery queue, event log and
//! leases (one process owns a memory store: it holds every lease).

use super::super::{DeliveryQueue, Documents, EventLog, Incidents, Leases, StoreResult, keys};
use super::MemoryStore;
use async_trait::async_trait;

#[async_trait]
impl Leases for MemoryStore {
    async fn try_lease(&self, _service: &str, _owner: &str, _ttl_ms: u64) -> StoreResult<bool> {
        // One process owns a memory store: it always holds every lease.
        Ok(true)
    }

    async fn try_task_lease(
        &self,
        _service: &str,
        _task: &str,
        _owner: &str,
        _ttl_ms: u64,
    ) -> StoreResult<bool> {
        Ok(true)
    }

    async fn live_detectors(&self, owner: &str, _ttl_ms: u64) -> StoreResult<Vec<String>> {
        // A memory store belongs to one process.
        Ok(vec![owner.to_string()])
    }
}

#[async_trait]
impl Documents for MemoryStore {
    async fn get_doc(&self, service: &str, name: &str) -> StoreResult<Option<String>> {
        Ok(self
            .docs()
            .docs
            .get(&(service.to_string(), name.to_string()))
            .cloned())
    }

    async fn get_docs(&self, services: &[&str], name: &str) -> StoreResult<Vec<Option<String>>> {
        let docs = self.docs();
        Ok(services
            .iter()
            .map(|s| docs.docs.get(&(s.to_string(), name.to_string())).cloned())
            .collect())
    }

    async fn put_doc(&self, service: &str, name: &str, json: &str) -> StoreResult<()> {
        self.docs()
            .docs
            .insert((service.to_string(), name.to_string()), json.to_string());
        Ok(())
    }
}

#[async_trait]
impl Incidents for MemoryStore {
    async fn put_incident(
        &self,
        service: &str,
        id: &str,
        started_at: i64,
        json: &str,
    ) -> StoreResult<()> {
        self.docs()
            .incidents
            .entry(service.to_string())
            .or_default()
            .insert(id.to_string(), (started_at, json.to_string()));
        Ok(())
    }

    async fn get_incident(&self, service: &str, id: &str) -> StoreResult<Option<String>> {
        Ok(self
            .docs()
            .incidents
            .get(service)
            .and_then(|m| m.get(id))
            .map(|(_, j)| j.clone()))
    }

    async fn list_incidents(&self, service: &str, limit: usize) -> StoreResult<Vec<String>> {
        let docs = self.docs();
        let mut all: Vec<&(i64, String)> = docs
            .incidents
            .get(service)
            .map(|m| m.values().collect())
            .unwrap_or_default();
        all.sort_by_key(|e| std::cmp::Reverse(e.0));
        Ok(all
            .into_iter()
            .take(limit)
            .map(|(_, j)| j.clone())
            .collect())
    }

    async fn add_incident_update(&self, service: &str, id: &str, json: &str) -> StoreResult<()> {
        let mut docs = self.docs();
        let list = docs
            .updates
            .entry((service.to_string(), id.to_string()))
            .or_default();
        list.push_back(json.to_string());
        while list.len() > keys::UPDATES_KEPT {
            list.pop_front();
        }
        Ok(())
    }

    async fn incident_updates(&self, service: &str, ids: &[&str]) -> StoreResult<Vec<Vec<String>>> {
        let docs = self.docs();
        Ok(ids
            .iter()
            .map(|id| {
                docs.updates
                    .get(&(service.to_string(), id.to_string()))
                    .map(|l| l.iter().cloned().collect())
                    .unwrap_or_default()
            })
            .collect())
    }
}

#[async_trait]
impl DeliveryQueue for MemoryStore {
    async fn enqueue_delivery(&self, due_ms: i64, json: &str) -> StoreResult<()> {
        self.docs().deliveries.insert(json.to_string(), due_ms);
        Ok(())
    }

    async fn claim_deliveries(
        &self,
        now_ms: i64,
        lease_ms: i64,
        limit: usize,
    ) -> StoreResult<Vec<String>> {
        let mut docs = self.docs();
        let mut due: Vec<(i64, String)> = docs
            .deliveries
            .iter()
            .filter(|(_, at)| **at <= now_ms)
            .map(|(j, at)| (*at, j.clone()))
            .collect();
        due.sort();
        due.truncate(limit);
        for (_, json) in &due {
            docs.deliveries
                .insert(json.clone(), now_ms.saturating_add(lease_ms));
        }
        Ok(due.into_iter().map(|(_, j)| j).collect())
    }

    async fn finish_delivery(&self, json: &str, retry: Option<(i64, &str)>) -> StoreResult<()> {
        let mut docs = self.docs();
        docs.deliveries.remove(json);
        if let Some((due_ms, next)) = retry {
            docs.deliveries.insert(next.to_string(), due_ms);
        }
        Ok(())
    }
}

#[async_trait]
impl EventLog for MemoryStore {
    async fn append_event(&self, json: &str) -> StoreResult<String> {
        let mut docs = self.docs();
        docs.next_event += 1;
        let id = docs.next_event;
        docs.events.push_back((id, json.to_string()));
        while docs.events.len() > keys::EVENTS_KEPT {
            docs.events.pop_front();
        }
        Ok(id.to_string())
    }

    async fn changes(&self) -> StoreResult<u64> {
        Ok(self.docs().next_event)
    }

    async fn read_events(
        &self,
        after: Option<&str>,
        limit: usize,
    ) -> StoreResult<Vec<(String, String)>> {
        let after: u64 = match after {
            None => 0,
            Some(a) => match a.parse() {
                Ok(n) => n,
                Err(_) => return Ok(Vec::new()),
            },
        };
        Ok(self
            .docs()
            .events
            .iter()
            .filter(|(id, _)| *id > after)
            .take(limit)
            .map(|(id, j)| (id.to_string(), j.clone()))
            .collect())
    }
}
