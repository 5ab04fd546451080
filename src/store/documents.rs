//! The status-documents repository: one named document per service (the
//! detector's state, the status shown, what the official page says, the
//! shared causes), at `dw:{<service>}:doc:<name>`.
//!
//! [`Documents`] is what a backend implements (stored JSON text); callers
//! use the typed methods on `dyn Store` with a [`DocName`], which carries
//! the document's type next to its name.

use super::codec::{Encoded, Typed, decode, encode};
use super::{Store, StoreResult};
use async_trait::async_trait;
use serde::Serialize;
use serde::de::DeserializeOwned;

/// Named documents, as stored (JSON text).
#[async_trait]
pub trait Documents: Send + Sync {
    /// A named JSON document of a service (detector state, status).
    async fn get_doc(&self, service: &str, name: &str) -> StoreResult<Option<String>>;

    /// The same document of several services at once, in order.
    async fn get_docs(&self, services: &[&str], name: &str) -> StoreResult<Vec<Option<String>>>;

    async fn put_doc(&self, service: &str, name: &str, json: &str) -> StoreResult<()>;
}

/// A document's name in the store and the type it holds.
pub type DocName<T> = Typed<&'static str, T>;

impl dyn Store {
    /// `service`'s document `doc`; `None` when there is none or it cannot
    /// be read (logged).
    pub async fn load<T: DeserializeOwned>(
        &self,
        service: &str,
        doc: DocName<T>,
    ) -> StoreResult<Option<T>> {
        let json = self.get_doc(service, doc.key).await?;
        Ok(json.and_then(|j| decode(&j, doc.key, service)))
    }

    /// The document `doc` of each of `services`, in order.
    pub async fn load_each<T: DeserializeOwned>(
        &self,
        services: &[&str],
        doc: DocName<T>,
    ) -> StoreResult<Vec<Option<T>>> {
        let jsons = self.get_docs(services, doc.key).await?;
        Ok(jsons
            .into_iter()
            .zip(services)
            .map(|(j, s)| j.and_then(|j| decode(&j, doc.key, s)))
            .collect())
    }

    /// Saves `value` as `service`'s document `doc`.
    pub async fn save<T: Serialize + Sync>(
        &self,
        service: &str,
        doc: DocName<T>,
        value: &T,
    ) -> StoreResult<()> {
        self.put_doc(service, doc.key, &encode(value)?).await
    }

    /// Saves a value encoded beforehand (see [`Encoded`]).
    pub async fn save_encoded<T>(
        &self,
        service: &str,
        doc: DocName<T>,
        value: &Encoded<T>,
    ) -> StoreResult<()> {
        self.put_doc(service, doc.key, &value.json).await
    }
}
