//! Store failures, split by what a client should do about them.

use std::error::Error;
use std::sync::Arc;

/// The cause of a [`StoreError::Backend`], kept for the log's error chain
/// (shared, so the error stays `Clone` for batched replies).
pub type BackendCause = Arc<dyn Error + Send + Sync>;

/// What a store call gives.
pub type StoreResult<T> = Result<T, StoreError>;

/// Why a store call failed.
#[derive(Debug, Clone, thiserror::Error)]
pub enum StoreError {
    /// The store cannot be reached or is not ready (connection refused,
    /// timed out, loading its data): worth retrying shortly.
    #[error("store unavailable: {0}")]
    Unavailable(String),
    /// Anything else: a bug or a misconfigured store. The cause is its
    /// `source()`; build one with [`StoreError::backend`].
    #[error("store failure: {0}")]
    Backend(#[source] BackendCause),
    /// A query outside what the store keeps (e.g. minute buckets older than
    /// their retention).
    #[error("{0}")]
    OutOfRange(String),
}

impl StoreError {
    /// A backend failure caused by `cause` (an error, or a sentence).
    pub fn backend(cause: impl Into<Box<dyn Error + Send + Sync>>) -> Self {
        StoreError::Backend(Arc::from(cause.into()))
    }
}
