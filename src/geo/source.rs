//! The GeoIP database in use, swappable while requests run.
//!
//! Lookups read the current [`GeoDb`] through an `ArcSwap`: a reload
//! prepares the new database aside, checks it, and swaps it in with one
//! pointer store, so no request waits or fails during a reload. A file that
//! does not open or verify is rejected with a log line and the old database
//! stays in use. Reloads happen on SIGHUP and when the file's modification
//! time or size changes (polled).

use super::{GeoDb, GeoError, Region};
use arc_swap::ArcSwap;
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

/// What identifies one version of the file on disk.
type Stamp = Option<(SystemTime, u64)>;

/// The current GeoIP database and where it came from.
pub struct GeoSource {
    current: ArcSwap<GeoDb>,
    path: Option<PathBuf>,
    /// The file version last tried, loaded or rejected, so a bad file is
    /// reported once rather than at every poll.
    seen: Mutex<Stamp>,
}

impl GeoSource {
    /// Serves `db`; `path` is the file it came from (`None` for the bundled
    /// database, which never reloads).
    pub fn new(db: GeoDb, path: Option<PathBuf>) -> Self {
        let seen = path.as_deref().and_then(stamp);
        Self {
            current: ArcSwap::from_pointee(db),
            path,
            seen: Mutex::new(seen),
        }
    }

    /// The region of `ip` in the current database.
    pub fn lookup(&self, ip: IpAddr) -> Region {
        self.current.load().lookup(ip)
    }

    /// The database serving now.
    pub fn current(&self) -> Arc<GeoDb> {
        self.current.load_full()
    }

    /// Reads, verifies and swaps in the file again. On error the old
    /// database stays.
    pub async fn reload(&self) -> Result<(), GeoError> {
        let Some(path) = self.path.clone() else {
            return Ok(());
        };
        *self.lock_seen() = stamp(&path);
        let db = tokio::task::spawn_blocking(move || GeoDb::open_verified(&path))
            .await
            .map_err(|e| GeoError::Io {
                path: self.describe(),
                reason: format!("reload task failed: {e}"),
            })??;
        tracing::info!(geoip = %db.source(), geoip_type = %db.database_type(), "GeoIP database reloaded");
        self.current.store(Arc::new(db));
        Ok(())
    }

    /// Reloads if the file changed since it was last read.
    pub async fn reload_if_changed(&self) {
        let Some(path) = &self.path else { return };
        if stamp(path) != *self.lock_seen() {
            self.reload_logged().await;
        }
    }

    async fn reload_logged(&self) {
        if let Err(e) = self.reload().await {
            tracing::error!(error = %e, "GeoIP reload rejected; keeping the database in use");
        }
    }

    /// Watches for SIGHUP and, every `poll` (if given), for file changes,
    /// until the returned task is aborted.
    pub fn spawn_watcher(self: &Arc<Self>, poll: Option<Duration>) -> tokio::task::JoinHandle<()> {
        let source = self.clone();
        // SIGHUP is listened for even without a file, so that it never
        // terminates the server (its default action).
        let poll = poll.filter(|_| self.path.is_some());
        tokio::spawn(async move {
            let mut hangup = hangup_signal();
            let mut ticker = poll.map(|p| {
                let mut t = tokio::time::interval(p);
                t.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
                t
            });
            loop {
                tokio::select! {
                    Some(()) = recv_hangup(&mut hangup) => {
                        tracing::info!("SIGHUP: reloading the GeoIP database");
                        source.reload_logged().await;
                    }
                    _ = tick(&mut ticker) => source.reload_if_changed().await,
                }
            }
        })
    }

    fn describe(&self) -> String {
        self.path
            .as_deref()
            .map_or_else(|| "<bundled>".to_string(), |p| p.display().to_string())
    }

    fn lock_seen(&self) -> std::sync::MutexGuard<'_, Stamp> {
        self.seen.lock().unwrap_or_else(|e| e.into_inner())
    }
}

fn stamp(path: &Path) -> Stamp {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

#[cfg(unix)]
type Hangup = Option<tokio::signal::unix::Signal>;
#[cfg(not(unix))]
type Hangup = Option<()>;

#[cfg(unix)]
fn hangup_signal() -> Hangup {
    use tokio::signal::unix::{SignalKind, signal};
    match signal(SignalKind::hangup()) {
        Ok(s) => Some(s),
        Err(e) => {
            tracing::warn!(error = %e, "cannot listen for SIGHUP; GeoIP reloads on file change only");
            None
        }
    }
}

#[cfg(not(unix))]
fn hangup_signal() -> Hangup {
    None
}

#[cfg(unix)]
async fn recv_hangup(h: &mut Hangup) -> Option<()> {
    match h {
        Some(s) => s.recv().await,
        None => std::future::pending().await,
    }
}

#[cfg(not(unix))]
async fn recv_hangup(_: &mut Hangup) -> Option<()> {
    std::future::pending().await
}

async fn tick(ticker: &mut Option<tokio::time::Interval>) {
    match ticker {
        Some(t) => {
            t.tick().await;
        }
        None => std::future::pending().await,
    }
}
