//! Measures what the shared read models and rendered answers hold once
//! every catalog service has been viewed: each service's status view, the
//! service list, every map (all services and each one, three windows) and
//! every rendered page and read API answer, in all their encodings.
//!
//! ```sh
//! cargo run --release --example read_memory
//! ```
//!
//! The server runs in this process on the memory store. Every service gets
//! reports from many addresses (so from as many countries as the bundled
//! GeoIP database places them in), then every view is requested once.
//! Memory is counted by a global allocator wrapper: the live heap after
//! the views are filled against before (the store's counts excluded, as
//! they were written before the first measurement).

use downwatch::catalog::Catalog;
use downwatch::config::Settings;
use downwatch::startup::Application;
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Reports per service, each from its own address.
const REPORTS_PER_SERVICE: u32 = 300;

fn mib(bytes: usize) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

#[tokio::main]
async fn main() {
    let settings = Settings {
        listen: "127.0.0.1:0".to_string(),
        trusted_proxies: vec!["127.0.0.1/32".parse().expect("net")],
        reports_per_minute_per_ip: 0,
        reports_per_minute_per_prefix: 0,
        reads_per_minute_anonymous: 0,
        pages_per_minute_per_ip: 0,
        detector_interval_ms: 0,
        // Nothing expires while the example runs.
        view_ttl_ms: 3_600_000,
        ..Settings::default()
    };
    let app = Application::build(settings).await.expect("app");
    let base = format!("http://127.0.0.1:{}", app.port());
    tokio::spawn(app.run_until(std::future::pending()));
    let client = reqwest::Client::builder()
        .no_proxy()
        .build()
        .expect("client");
    let catalog = Catalog::bundled().expect("catalog");
    let slugs = catalog.slugs();

    // Reports from addresses spread over the IPv4 space: every service
    // gets as many countries as the GeoIP database gives them.
    let mut n: u32 = 0;
    for slug in &slugs {
        for _ in 0..REPORTS_PER_SERVICE {
            n += 1;
            let ip = std::net::Ipv4Addr::from(
                0x0100_0000u32.wrapping_add(n.wrapping_mul(2_654_435_761) % 0xdf00_0000),
            );
            let symptom = &catalog.service(slug).expect("service").symptoms[n as usize % 2];
            let r = client
                .post(format!("{base}/api/v1/reports"))
                .header("x-forwarded-for", ip.to_string())
                .json(&serde_json::json!({"service": slug, "symptom": symptom}))
                .send()
                .await
                .expect("report");
            assert_eq!(r.status(), 202);
        }
    }
    // Settle the one-off allocations (connection pool, lazily built
    // assets) before the first measurement.
    client
        .get(format!("{base}/healthz"))
        .send()
        .await
        .expect("get");
    client
        .get(format!("{base}/assets/app.css"))
        .send()
        .await
        .expect("get");
    let before = LIVE.load(Ordering::Relaxed);

    let mut paths = vec!["/".to_string(), "/api/v1/services".to_string()];
    for window in ["15m", "1h", "24h"] {
        paths.push(format!("/map?window={window}"));
    }
    for slug in &slugs {
        paths.push(format!("/status/{slug}"));
        for window in ["5m", "15m", "1h", "24h"] {
            paths.push(format!("/api/v1/services/{slug}?window={window}"));
        }
        for window in ["15m", "1h", "24h"] {
            paths.push(format!("/map?service={slug}&window={window}"));
        }
    }
    let mut wire = 0usize;
    for path in &paths {
        let r = client
            .get(format!("{base}{path}"))
            .header("accept-encoding", "br")
            .send()
            .await
            .expect("get");
        assert_eq!(r.status(), 200, "{path}");
        wire += r.bytes().await.expect("body").len();
    }
    let after = LIVE.load(Ordering::Relaxed);
    let metrics = client
        .get(format!("{base}/metrics"))
        .send()
        .await
        .expect("metrics")
        .text()
        .await
        .expect("metrics");
    let gauge = |name: &str| -> f64 {
        metrics
            .lines()
            .find_map(|l| l.strip_prefix(&format!("downwatch_{name} ")))
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(f64::NAN)
    };
    let held = after.saturating_sub(before);
    println!(
        "{} services, {} reports each; {} answers requested ({:.1} KiB brotli on the wire)",
        slugs.len(),
        REPORTS_PER_SERVICE,
        paths.len(),
        wire as f64 / 1024.0
    );
    println!(
        "cached: {} views, rendered answers {:.2} MiB (every encoding)",
        gauge("cached_views"),
        gauge("cached_answer_bytes") / (1024.0 * 1024.0)
    );
    println!(
        "live heap held by views and answers: {:.2} MiB ({:.1} KiB per service)",
        mib(held),
        held as f64 / 1024.0 / slugs.len() as f64
    );
}
