//! Measures the bundled ASN database: the time and memory to inflate and
//! open it at start, the cost of one look-up (`lookup_asn`, number and
//! organisation, and the ingest path's `lookup_asn_number`, over a
//! million random public IPv4 addresses and a hundred thousand IPv6
//! ones) and of the AS-name index the correlator builds on first use.
//!
//! ```sh
//! cargo run --release --example asn_lookup
//! ```
//!
//! Memory is the process's resident set (Linux `/proc/self/statm`) before
//! and after each step. Times are wall clock and, beside them, the time
//! the thread spent on a CPU (Linux `/proc/thread-self/schedstat`): on a
//! machine shared with other work the wall clock also counts the time
//! the thread waited for a core, the CPU time does not.

use downwatch::geo::GeoDb;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use std::hint::black_box;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::time::Instant;

fn resident_mb() -> f64 {
    let pages = std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| s.split_whitespace().nth(1)?.parse::<f64>().ok())
        .unwrap_or(0.0);
    pages * 4096.0 / 1e6
}

/// Nanoseconds this thread has run on a CPU (0 where unknown).
fn cpu_ns() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .unwrap_or(0.0)
}

/// Times `found` over `addrs` and prints the cost of one call.
fn time_lookups(what: &str, addrs: &[IpAddr], found: impl Fn(IpAddr) -> bool) {
    let (t, cpu) = (Instant::now(), cpu_ns());
    let hits = addrs.iter().filter(|ip| black_box(found(**ip))).count();
    let per = t.elapsed().as_secs_f64() * 1e9 / addrs.len() as f64;
    let per_cpu = (cpu_ns() - cpu) / addrs.len() as f64;
    println!(
        "{what}: {per:.0} ns per look-up ({per_cpu:.0} ns on a CPU; {} addresses, {hits} in an AS)",
        addrs.len()
    );
}

fn main() -> anyhow::Result<()> {
    let before = resident_mb();
    let (t, cpu) = (Instant::now(), cpu_ns());
    let db = GeoDb::bundled_asn()?;
    println!(
        "open: {:.0} ms ({:.0} ms on a CPU), resident +{:.1} MB (compressed in the binary: {:.1} MB)",
        t.elapsed().as_secs_f64() * 1e3,
        (cpu_ns() - cpu) / 1e6,
        resident_mb() - before,
        downwatch::geo::BUNDLED_ASN_DB_GZ.len() as f64 / 1e6
    );

    let mut rng = StdRng::seed_from_u64(26);
    let v4: Vec<IpAddr> = (0..1_000_000)
        .map(|_| {
            IpAddr::V4(Ipv4Addr::from(
                rng.random_range(0x0100_0000u32..0xdf00_0000),
            ))
        })
        .collect();
    // Within 2a00::/12 (RIPE NCC), most of it allocated.
    let v6: Vec<IpAddr> = (0..100_000)
        .map(|_| {
            IpAddr::V6(Ipv6Addr::from(
                (0x2a0u128 << 116) | (rng.random::<u128>() >> 12),
            ))
        })
        .collect();
    for (name, addrs) in [("IPv4", &v4), ("IPv6", &v6)] {
        time_lookups(
            &format!("lookup_asn {name} (number and organisation)"),
            addrs,
            |ip| db.lookup_asn(ip).is_some(),
        );
        time_lookups(
            &format!("lookup_asn_number {name} (ingest's)"),
            addrs,
            |ip| db.lookup_asn_number(ip).is_some(),
        );
    }

    let before = resident_mb();
    let t = Instant::now();
    let name = db.asn_name(3320).unwrap_or("?").to_string();
    println!(
        "AS-name index (first asn_name call): {:.0} ms, resident +{:.1} MB; AS3320 = {name}",
        t.elapsed().as_secs_f64() * 1e3,
        resident_mb() - before
    );
    let t = Instant::now();
    for n in 0..100_000u32 {
        black_box(db.asn_name(n));
    }
    println!(
        "asn_name after: {:.0} ns per call",
        t.elapsed().as_secs_f64() * 1e9 / 100_000.0
    );
    Ok(())
}
