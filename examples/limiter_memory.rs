//! Measures the rate limiters' memory after 1,000,000 distinct client
//! addresses: the bounded limiters downwatch uses, and for comparison an
//! unbounded governor keyed limiter.
//!
//! ```sh
//! cargo run --release --example limiter_memory
//! ```
//!
//! Memory is counted by a global allocator wrapper: bytes live on the heap
//! (current and peak) attributable to the limiter under test.

use downwatch::ingest::{
    DEFAULT_MAX_KEYS, DEFAULT_REPORTS_PER_IPV6_PREFIX, KeyedLimit, LimitSettings, RateLimits,
};
use governor::{DefaultKeyedRateLimiter, Quota};
use std::alloc::{GlobalAlloc, Layout, System};
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::atomic::{AtomicUsize, Ordering};

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            let now = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(now, Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const ADDRESSES: u32 = 1_000_000;

/// Distinct, well-spread IPv4 addresses (an odd multiplier is a bijection).
fn address(n: u32) -> IpAddr {
    IpAddr::from(n.wrapping_mul(2_654_435_761).to_be_bytes())
}

fn mib(bytes: usize) -> String {
    format!("{:.1} MiB", bytes as f64 / (1024.0 * 1024.0))
}

/// Runs `f` and reports the heap it leaves live and its peak, over a
/// baseline taken before.
fn measure<T>(label: &str, f: impl FnOnce() -> T) -> T {
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let kept = f();
    let live = LIVE.load(Ordering::Relaxed).saturating_sub(base);
    let peak = PEAK.load(Ordering::Relaxed).saturating_sub(base);
    println!("{label:<58} live {:>10}  peak {:>10}", mib(live), mib(peak));
    kept
}

fn main() {
    println!("{ADDRESSES} distinct source addresses, one request each");

    let bounded = measure(
        &format!("one bounded per-IP limiter (max {DEFAULT_MAX_KEYS} keys)"),
        || {
            let limit = KeyedLimit::<IpAddr>::new(10, DEFAULT_MAX_KEYS);
            for n in 0..ADDRESSES {
                let _ = limit.check(&address(n));
            }
            limit
        },
    );
    println!("  keys held afterwards: {}", bounded.len());
    drop(bounded);

    let defaults = measure(
        "report limits as configured by default (IP + prefix)",
        || {
            let limits = RateLimits::new(LimitSettings {
                reports_per_ip: 10,
                reports_per_prefix: 120,
                reports_per_ipv6_prefix: DEFAULT_REPORTS_PER_IPV6_PREFIX,
                reads_anonymous: 60,
                reads_keyed: 1200,
                pages_per_ip: 600,
                max_keys: DEFAULT_MAX_KEYS,
            });
            for n in 0..ADDRESSES {
                let _ = limits.check_report(address(n));
            }
            limits
        },
    );
    drop(defaults);

    let unbounded = measure("plain governor DashMap keyed limiter (no bound)", || {
        let limiter: DefaultKeyedRateLimiter<IpAddr> =
            DefaultKeyedRateLimiter::dashmap(Quota::per_minute(NonZeroU32::MIN.saturating_add(9)));
        for n in 0..ADDRESSES {
            let _ = limiter.check_key(&address(n));
        }
        limiter
    });
    println!("  keys held afterwards: {}", unbounded.len());
    drop(unbounded);

    time_checks();
}

/// CPU per check of the anonymous read limit (60 a minute, the default
/// key budget): the same address every time, then a new address every
/// time (readers from many addresses, as at an outage). Timed with the
/// counting allocator in place, which adds the same few nanoseconds to
/// every allocation of both.
fn time_checks() {
    const CHECKS: u32 = 3_000_000;
    for (label, new_each_time) in [("one address", false), ("a new address each time", true)] {
        let limit = KeyedLimit::<IpAddr>::new(60, DEFAULT_MAX_KEYS);
        let start = std::time::Instant::now();
        for n in 0..CHECKS {
            let _ = limit.check(&address(if new_each_time { n } else { 7 }));
        }
        let ns = start.elapsed().as_nanos() as f64 / f64::from(CHECKS);
        println!(
            "read limit, {label:<28} {ns:>8.0} ns a check ({} keys held)",
            limit.len()
        );
    }
}
