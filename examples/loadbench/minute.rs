//! Timing runs against the detector's minute step: at each minute boundary
//! the detector steps every series over the minute just completed (after
//! a flood, reading a large minute bucket), and an outage opens only then.
//! A run that should include that moment is started so that a boundary
//! falls inside it.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Seconds to wait, `into_minute` seconds into the current minute, so
/// that a minute boundary falls `at` seconds after the wait ends.
pub fn wait_secs(into_minute: u64, at: u64) -> u64 {
    (120 - at % 60 - into_minute % 60) % 60
}

/// Sleeps until a minute boundary is `at` seconds away.
pub fn wait_for_boundary_in(at: u64) {
    let into_minute = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() % 60);
    std::thread::sleep(Duration::from_secs(wait_secs(into_minute, at)));
}

/// Waits until a run of `secs` started now would have a minute boundary
/// in its middle (at once for a run of a minute or more: it holds one
/// anyway).
pub fn wait_to_straddle(secs: u64) {
    if secs < 60 {
        wait_for_boundary_in(secs.div_ceil(2));
    }
}

#[cfg(test)]
mod tests {
    use super::wait_secs;

    #[test]
    fn a_boundary_falls_where_asked() {
        for into in 0..60 {
            for at in 0..130 {
                let wait = wait_secs(into, at);
                assert!(wait < 60);
                assert_eq!((into + wait + at) % 60, 0, "into {into} at {at}");
            }
        }
        // The ingest scenario's paced run of 10 s starts at :55.
        assert_eq!(wait_secs(40, 5), 15);
        assert_eq!(wait_secs(55, 5), 0);
    }
}
