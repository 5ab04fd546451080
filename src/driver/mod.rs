//! The detector's driver inside the server: leases, loading and saving each
//! service's detector state, stepping it over completed minutes every tick,
//! writing the status documents the read models serve, and publishing
//! incident events, then the shared-cause correlator ([`causes`]). The
//! methods themselves are `crate::detect` and `crate::cause`.

pub mod causes;
pub mod task;
mod worker;

pub use task::DetectorTask;
