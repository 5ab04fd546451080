//! Shared causes: when something underneath many services breaks (an ISP
//! or carrier in one country, a CDN or cloud they run on), every service on
//! top of it spikes, and when one carrier fails, people blame their own.
//! This module groups the detector's flags across services into clusters
//! and labels them: an ISP cause (the extra reports come mostly from one
//! operator's networks), an upstream cause (dependants of a catalog
//! upstream spike together while the upstream is flagged) and sympathy
//! (other carriers rising far less than the one that failed).
//!
//! [`correlate`] is the pure method, like `crate::detect`: no store, no
//! HTTP. The detector's driver (`crate::driver::causes`) runs it after
//! each detector tick, keeps the current causes in the store and publishes
//! `cause.labelled` / `cause.cleared`; [`model`] has what both sides and
//! the read models share.
//! A label explains a status, it never changes it. The method and every
//! default are in docs/shared-cause.md.

pub mod correlate;
pub mod model;
pub mod simulate;

pub use correlate::{CauseParams, Correlator, Inputs};
pub use model::{
    AsnMix, Cause, CauseEvent, CauseKind, CausesDoc, Flag, Member, load_causes, probable_cause,
};
