//! Store failures, split by what a client should do about them.

/// Why a store call failed.
#[derive(Debug, Clone, thiserror::Error)]
pub enum StoreError {
    /// The store cannot be reached or is not ready (connection refused,
    /// timed out, loading its data): worth retrying shortly.
    #[error("store unavailable: {0}")]
    Unavailable(String),
    /// Anything else: a bug or a misconfigured store.
    #[error("store failure: {0}")]
    Backend(String),
    /// A query outside what the store keeps (e.g. minute buckets older than
    /// their retention).
    #[error("{0}")]
    OutOfRange(String),
}
