//! One conformance suite for both stores: every case runs on a fresh
//! `MemoryStore`, on a `RedisStore` backed by a private redis-server and on
//! a `RedisStore` backed by a private three-master Redis Cluster.

mod common;

use chrono::{DateTime, Duration, Utc};
use common::{RedisCluster, RedisServer, test_start};
use downwatch::geo::Region;
use downwatch::ingest::Report;
use downwatch::store::networks::{NETWORKS_KEPT, NETWORKS_MAX};
use downwatch::store::{Counts, Leases, MemoryStore, RedisStore, Resolution, Store, window};
use std::future::Future;
use std::sync::Arc;

const DEDUPE_SECS: u64 = 1800;

async fn on_both_stores<F, Fut>(case: F)
where
    F: Fn(Arc<dyn Store>) -> Fut,
    Fut: Future<Output = ()>,
{
    case(Arc::new(MemoryStore::new(DEDUPE_SECS))).await;
    let redis = RedisServer::start();
    let store = RedisStore::new(&redis.url(), DEDUPE_SECS).expect("redis store");
    case(Arc::new(store)).await;
    let cluster = RedisCluster::start();
    let store = RedisStore::new(&cluster.url(), DEDUPE_SECS).expect("cluster store");
    case(Arc::new(store)).await;
}

fn report(service: &str, symptom: &str, country: Option<&str>, sub: Option<&str>) -> Report {
    Report {
        service: service.to_string(),
        symptom: symptom.to_string(),
        platform: Some("ios".to_string()),
        region: Region {
            country: country.map(str::to_string),
            subdivision: sub.map(str::to_string),
            ..Region::default()
        },
        ..Report::default()
    }
}

/// Runs `writers` tasks at once, each recording `each` reports made by
/// `make(writer, i)` (the report and its time); the number that counted.
async fn record_concurrently(
    store: &Arc<dyn Store>,
    writers: usize,
    each: usize,
    make: impl Fn(usize, usize) -> (Report, DateTime<Utc>) + Send + Sync + 'static,
) -> u64 {
    let make = Arc::new(make);
    let mut tasks = Vec::new();
    for writer in 0..writers {
        let store = store.clone();
        let make = make.clone();
        tasks.push(tokio::spawn(async move {
            let mut counted = 0;
            for i in 0..each {
                let (r, at) = make(writer, i);
                counted += u64::from(store.record(&r, at).await.expect("record").counted);
            }
            counted
        }));
    }
    let mut counted = 0;
    for task in tasks {
        counted += task.await.expect("task");
    }
    counted
}

fn minute(at: DateTime<Utc>) -> i64 {
    Resolution::Minute.bucket_of(at)
}

#[tokio::test]
async fn a_report_increments_every_field_in_minute_quarter_and_hour_buckets() {
    on_both_stores(|store| async move {
        let t = test_start();
        let r = report("spotify", "login", Some("US"), Some("US-CA"));
        assert!(store.record(&r, t).await.expect("record").counted);
        store
            .record(&report("spotify", "app", None, None), t)
            .await
            .expect("record");

        let m = minute(t);
        let buckets = store
            .buckets("spotify", Resolution::Minute, m - 1..m + 2)
            .await
            .expect("read");
        assert_eq!(buckets.len(), 3);
        assert!(
            buckets[0].is_empty() && buckets[2].is_empty(),
            "{}",
            store.describe()
        );
        let b = &buckets[1];
        let expect = [
            ("t", 2),
            ("s:login", 1),
            ("s:app", 1),
            ("p:ios", 2),
            ("r:US", 1),
            ("r:US-CA", 1),
            ("rs:US:login", 1),
        ];
        for (field, n) in expect {
            assert_eq!(
                b.get(field).copied(),
                Some(n),
                "{field} on {}",
                store.describe()
            );
        }
        assert_eq!(b.len(), expect.len(), "{b:?}");
        for res in [Resolution::Quarter, Resolution::Hour] {
            let id = res.bucket_of(t);
            let wider = store
                .buckets("spotify", res, id..id + 1)
                .await
                .expect("read");
            assert_eq!(&wider[0], b, "{res:?} on {}", store.describe());
        }
        let other = store
            .buckets("netflix", Resolution::Minute, m..m + 1)
            .await
            .expect("read");
        assert!(other[0].is_empty());
    })
    .await;
}

#[tokio::test]
async fn a_network_counts_at_most_its_budget_a_minute_across_writers() {
    on_both_stores(|store| async move {
        let who = store.describe();
        let t = test_start();
        let from = |network: &str, reporter: String| Report {
            reporter: Some(reporter),
            network: Some(network.to_string()),
            network_budget: 7,
            ..report("spotify", "login", None, None)
        };
        let counted = record_concurrently(&store, 4, 5, move |w, i| {
            (from("aaaaaaaaaaaa", format!("reporter-{w}-{i}")), t)
        })
        .await;
        assert_eq!(counted, 7, "{who}");

        let over = store
            .record(&from("aaaaaaaaaaaa", "reporter-0-0-again".into()), t)
            .await
            .expect("record");
        assert!(over.over_budget && !over.counted, "{who}");
        let other = store
            .record(&from("bbbbbbbbbbbb", "reporter-elsewhere".into()), t)
            .await
            .expect("record");
        assert!(other.counted, "another network has its own budget: {who}");
        // A refused report leaves no dedupe marker: the next minute it counts.
        let next = store
            .record(
                &from("aaaaaaaaaaaa", "reporter-0-0-again".into()),
                t + Duration::minutes(1),
            )
            .await
            .expect("record");
        assert!(next.counted, "{who}");
        let m = minute(t);
        let counts = store
            .field("spotify", Resolution::Minute, m..m + 1, "t")
            .await
            .expect("field");
        assert_eq!(counts, vec![8], "{who}");
    })
    .await;
}

#[tokio::test]
async fn field_reads_one_counter_per_bucket() {
    on_both_stores(|store| async move {
        let t = test_start();
        for k in 0..3 {
            for _ in 0..=k {
                store
                    .record(
                        &report("tidal", "streaming", Some("GB"), None),
                        t + Duration::minutes(k),
                    )
                    .await
                    .expect("record");
            }
        }
        let m = minute(t);
        let v = store
            .field("tidal", Resolution::Minute, m..m + 4, "r:GB")
            .await
            .expect("read");
        assert_eq!(v, [1, 2, 3, 0], "{}", store.describe());
        let v = store
            .field("tidal", Resolution::Minute, m..m, "t")
            .await
            .expect("read");
        assert!(v.is_empty());
    })
    .await;
}

#[tokio::test]
async fn a_reporter_counts_once_per_dedupe_period() {
    on_both_stores(|store| async move {
        let t = test_start();
        let mut r = report("discord", "login", Some("SE"), None);
        r.reporter = Some("reporter-a".to_string());
        assert!(store.record(&r, t).await.expect("record").counted);
        assert!(
            !store
                .record(&r, t + Duration::minutes(29))
                .await
                .expect("record")
                .counted
        );
        let mut other = r.clone();
        other.service = "steam".to_string();
        assert!(
            store.record(&other, t).await.expect("record").counted,
            "per service"
        );
        let mut b = r.clone();
        b.reporter = Some("reporter-b".to_string());
        assert!(
            store.record(&b, t).await.expect("record").counted,
            "per reporter"
        );
        assert!(
            store
                .record(&r, t + Duration::minutes(31))
                .await
                .expect("record")
                .counted,
            "after the period"
        );

        let total = window::count_last_minutes(
            store.as_ref(),
            "discord",
            "t",
            t + Duration::minutes(31),
            60,
        )
        .await
        .expect("read");
        assert_eq!(total, 3, "{}", store.describe());
    })
    .await;
}

#[tokio::test]
async fn yesterdays_hash_of_a_reporter_still_dedupes() {
    on_both_stores(|store| async move {
        // Five minutes before midnight.
        let t = test_start() + Duration::minutes(11 * 60 + 55);
        let mut before = report("spotify", "login", None, None);
        before.reporter = Some("under-monday-secret".to_string());
        assert!(store.record(&before, t).await.expect("record").counted);
        // After midnight the same person hashes differently, but names their
        // previous hash too.
        let mut after = before.clone();
        after.reporter = Some("under-tuesday-secret".to_string());
        after.previous_reporter = Some("under-monday-secret".to_string());
        let later = t + Duration::minutes(10);
        assert!(!store.record(&after, later).await.expect("record").counted);
        assert!(
            store
                .record(&after, t + Duration::minutes(31))
                .await
                .expect("record")
                .counted
        );
    })
    .await;
}

/// The same after midnight with many reporters in one batch (the Redis
/// script reads their markers under yesterday's secret all at once):
/// those seen yesterday are repeats, the others count.
#[tokio::test]
async fn a_batch_after_midnight_dedupes_against_yesterdays_hashes() {
    on_both_stores(|store| async move {
        let t = test_start() + Duration::minutes(11 * 60 + 55);
        let person = |k: usize, day: &str| {
            let mut r = report("spotify", "login", None, None);
            r.reporter = Some(format!("{day}-{k}"));
            r
        };
        for k in 0..20 {
            assert!(
                store
                    .record(&person(k, "mon"), t)
                    .await
                    .expect("record")
                    .counted
            );
        }
        let later = t + Duration::minutes(10);
        let tasks: Vec<_> = (0..40)
            .map(|k| {
                let store = store.clone();
                let mut r = person(k, "tue");
                r.previous_reporter = Some(format!("mon-{k}"));
                tokio::spawn(async move { store.record(&r, later).await.expect("record") })
            })
            .collect();
        let mut counted = Vec::new();
        for (k, task) in tasks.into_iter().enumerate() {
            if task.await.expect("task").counted {
                counted.push(k);
            }
        }
        assert_eq!(
            counted,
            (20..40).collect::<Vec<_>>(),
            "{}",
            store.describe()
        );
    })
    .await;
}

#[tokio::test]
async fn distinct_reporters_are_counted_beside_raw_counts() {
    on_both_stores(|store| async move {
        let t = test_start();
        for (i, reporter) in ["a", "b", "c", "a", "b", "a"].iter().enumerate() {
            let mut r = report("netflix", "video", Some("US"), None);
            r.reporter = Some((*reporter).to_string());
            // Spread over three minutes and two hours' worth of buckets.
            store
                .record(&r, t + Duration::minutes(i as i64 * 20))
                .await
                .expect("record");
        }
        let mut anonymous = report("netflix", "video", None, None);
        anonymous.reporter = None;
        store.record(&anonymous, t).await.expect("record");

        let now = t + Duration::minutes(100);
        let day = window::distinct_reporters_last_minutes(store.as_ref(), "netflix", now, 24 * 60)
            .await
            .expect("read");
        assert_eq!(day, 3, "{}", store.describe());
        let recent = window::distinct_reporters_last_minutes(store.as_ref(), "netflix", now, 25)
            .await
            .expect("read");
        assert_eq!(recent, 2, "b at +80 and a at +100 minutes");
        let other = window::distinct_reporters_last_minutes(store.as_ref(), "spotify", now, 60)
            .await
            .expect("read");
        assert_eq!(other, 0);
    })
    .await;
}

#[tokio::test]
async fn network_hashes_and_map_cells_are_counted() {
    on_both_stores(|store| async move {
        let t = test_start();
        for (i, network) in ["n1", "n1", "n1", "n2"].iter().enumerate() {
            let mut r = report("steam", "store", Some("US"), Some("US-CA"));
            r.network = Some((*network).to_string());
            r.region.latitude = Some(37.386);
            r.region.longitude = Some(-122.0838);
            r.reporter = Some(format!("r{i}"));
            store.record(&r, t).await.expect("record");
        }
        let sum = window::last_minutes(store.as_ref(), "steam", t, 5)
            .await
            .expect("read");
        assert_eq!(sum.get("c:37:-123"), Some(&4));
        assert!(
            sum.keys().all(|k| !k.starts_with("n:")),
            "networks are not bucket fields: {sum:?}"
        );
        let networks = window::networks_last_minutes(store.as_ref(), "steam", t, 5)
            .await
            .expect("read");
        assert_eq!(networks.reports(), 4, "{}", store.describe());
        assert_eq!(networks.count("n1"), 3);
        assert_eq!(window::busiest_network_share(&networks), Some(0.75));
    })
    .await;
}

#[tokio::test]
async fn every_process_gets_the_first_secret_of_the_day() {
    on_both_stores(|store| async move {
        let first = store
            .daily_secret("2026-03-02", "first")
            .await
            .expect("secret");
        let second = store
            .daily_secret("2026-03-02", "second")
            .await
            .expect("secret");
        assert_eq!((first.as_str(), second.as_str()), ("first", "first"));
        let next_day = store
            .daily_secret("2026-03-03", "third")
            .await
            .expect("secret");
        assert_eq!(next_day, "third");
    })
    .await;
}

#[tokio::test]
async fn windows_are_exact_across_minute_and_hour_buckets() {
    on_both_stores(|store| async move {
        // One report every 7 minutes for 30 hours.
        let t0 = test_start();
        let mut times = Vec::new();
        for k in 0..(30 * 60 / 7) {
            let at = t0 + Duration::minutes(7 * k);
            store
                .record(&report("zoom", "meetings", Some("DE"), None), at)
                .await
                .expect("record");
            times.push(at);
        }
        let now = t0 + Duration::hours(30);
        for minutes in [1, 5, 15, 60, 61, 24 * 60, 24 * 60 + 13] {
            let from = minute(now) + 1 - minutes;
            let expected = times
                .iter()
                .filter(|t| minute(**t) >= from && minute(**t) <= minute(now))
                .count() as u64;
            let got = window::count_last_minutes(store.as_ref(), "zoom", "t", now, minutes)
                .await
                .expect("read");
            assert_eq!(got, expected, "{minutes} min on {}", store.describe());
            let all = window::last_minutes(store.as_ref(), "zoom", now, minutes)
                .await
                .expect("read");
            assert_eq!(window::total(&all), expected);
            assert_eq!(all.get("r:DE").copied().unwrap_or(0), expected);
        }
    })
    .await;
}

#[tokio::test]
async fn series_sums_steps_and_refuses_what_is_not_kept() {
    on_both_stores(|store| async move {
        let t0 = test_start();
        for k in 0..120 {
            store
                .record(
                    &report("github", "git", None, None),
                    t0 + Duration::minutes(k),
                )
                .await
                .expect("record");
        }
        let now = t0 + Duration::minutes(119);
        let (start, v) = window::series(store.as_ref(), "github", "t", now, 15, 8)
            .await
            .expect("series");
        assert_eq!(v.iter().sum::<u64>(), 120, "{}", store.describe());
        assert_eq!(start % 15, 0);
        let (_, hourly) = window::series(store.as_ref(), "github", "t", now, 60, 3)
            .await
            .expect("series");
        assert_eq!(hourly, [0, 60, 60], "11:00, 12:00, 13:00");
        assert!(
            window::series(store.as_ref(), "github", "t", now, 1, 50 * 60)
                .await
                .is_err()
        );
    })
    .await;
}

#[tokio::test]
async fn concurrent_records_are_exact() {
    on_both_stores(|store| async move {
        let t = test_start();
        record_concurrently(&store, 20, 100, move |_, _| {
            (report("paypal", "payments", Some("US"), Some("US-NY")), t)
        })
        .await;
        let m = minute(t);
        let b = store
            .buckets("paypal", Resolution::Minute, m..m + 1)
            .await
            .expect("read");
        assert_eq!(b[0].get("t").copied(), Some(2000), "{}", store.describe());
        assert_eq!(b[0].get("r:US-NY").copied(), Some(2000));
    })
    .await;
}

#[tokio::test]
async fn repeats_in_a_concurrent_flood_take_nothing_from_the_counts() {
    on_both_stores(|store| async move {
        let t = test_start();
        // 20 writers × 60 reports from 300 reporters, each reporter sent by
        // four writers at once: repeats share batches with first reports.
        let counted = record_concurrently(&store, 20, 60, move |writer, i| {
            let reporter = (writer % 5) * 60 + i;
            let mut r = report("paypal", "payments", Some("US"), Some("US-NY"));
            r.reporter = Some(format!("{reporter:016x}"));
            r.network = Some(format!("net{}", reporter % 3));
            (r, t)
        })
        .await;
        assert_eq!(counted, 300, "{}", store.describe());
        let m = minute(t);
        for res in [Resolution::Minute, Resolution::Hour] {
            let id = res.bucket_of(t);
            let b = store
                .buckets("paypal", res, id..id + 1)
                .await
                .expect("read");
            for field in [
                "t",
                "s:payments",
                "r:US",
                "r:US-NY",
                "rs:US:payments",
                "p:ios",
            ] {
                assert_eq!(b[0].get(field).copied(), Some(300), "{field} {res:?}");
            }
            if res == Resolution::Minute {
                let n = store
                    .networks("paypal", res, id..id + 1)
                    .await
                    .expect("networks");
                assert_eq!(n[0].reports(), 300, "{}", store.describe());
                let each: Vec<u64> = (0..3).map(|i| n[0].count(&format!("net{i}"))).collect();
                assert_eq!(each, [100, 100, 100], "repeats taken out per network");
            }
        }
        let distinct = store
            .distinct_reporters("paypal", &[(Resolution::Minute, m..m + 1)])
            .await
            .expect("distinct");
        // HyperLogLogs estimate (exact sets in memory).
        assert!((291..=309).contains(&distinct), "{distinct} distinct");
    })
    .await;
}

/// Reports are counted per country and ASN in their own bounded summary:
/// repeats take nothing, a flood from thousands of ASNs keeps a heavy one
/// and stays within the summary's size.
#[tokio::test]
async fn asns_are_counted_per_country_in_a_bounded_summary() {
    on_both_stores(|store| async move {
        let t = test_start();
        let counted = record_concurrently(&store, 10, 400, move |writer, i| {
            let n = writer * 400 + i;
            let mut r = report("netflix", "streaming", Some("DE"), None);
            r.reporter = Some(format!("{:016x}", n % 3000));
            // Every other report from AS3320, the rest from 2,000 others.
            r.asn = Some(if n % 2 == 0 { 3320 } else { 100_000 + n as u32 });
            (r, t)
        })
        .await;
        assert_eq!(counted, 3000, "{}", store.describe());
        let m = minute(t);
        for res in [Resolution::Minute, Resolution::Hour] {
            let id = res.bucket_of(t);
            let a = store.asns("netflix", res, id..id + 1).await.expect("asns");
            assert_eq!(a[0].reports(), 3000, "{res:?} {}", store.describe());
            assert!(a[0].len() <= NETWORKS_MAX, "{} counters", a[0].len());
            let (name, count) = a[0].busiest().expect("busiest");
            assert_eq!(name, "DE:3320");
            // A repeat has its first report's parity, so AS3320 counted
            // exactly 1,500: within the summary's bound of that.
            assert!(
                count <= 1500 && count + a[0].max_undercount() >= 1500,
                "{count}"
            );
        }
        let none = store
            .asns("netflix", Resolution::Minute, m + 1..m + 2)
            .await
            .expect("asns");
        assert!(none[0].is_empty());
        // No ASN, no count; the country is part of the name.
        let mut r = report("netflix", "streaming", None, None);
        r.asn = Some(3320);
        store.record(&r, t).await.expect("record");
        let a = store
            .asns("netflix", Resolution::Minute, m..m + 1)
            .await
            .expect("asns");
        assert_eq!(a[0].reports(), 3001);
        assert!(a[0].count("ZZ:3320") <= 1);
    })
    .await;
}

/// A flood minute from 10,000 networks: the bucket holds no field per
/// network, each network summary at most `NETWORKS_MAX` counters, and the
/// brigading check still sees the one network that sent most reports.
#[tokio::test]
async fn a_flood_from_ten_thousand_networks_is_read_in_bounded_fields() {
    on_both_stores(|store| async move {
        let t = test_start();
        // 10 writers x 2,000 reports: 10,000 networks with one report each,
        // interleaved with 10,000 more from one network ("brigade", 50%),
        // then 2,000 more from it (22,000 reports, 54.5% from one network).
        record_concurrently(&store, 10, 2_000, move |writer, i| {
            let mut r = report("twitch", "streaming", Some("DE"), None);
            let k = writer * 2_000 + i;
            r.network = Some(if k % 2 == 0 {
                format!("net{k}")
            } else {
                "brigade".to_string()
            });
            (r, t)
        })
        .await;
        let m = minute(t);
        let b = store
            .buckets("twitch", Resolution::Minute, m..m + 1)
            .await
            .expect("read");
        assert_eq!(b[0].get("t").copied(), Some(20_000));
        assert_eq!(
            b[0].len(),
            5,
            "t s: p: r: rs: and no network: {:?}",
            b[0].keys()
        );
        let per_minute = store
            .networks("twitch", Resolution::Minute, m..m + 1)
            .await
            .expect("networks");
        assert_eq!(per_minute[0].reports(), 20_000, "{}", store.describe());
        assert!(
            per_minute[0].len() <= NETWORKS_MAX,
            "{}",
            per_minute[0].len()
        );
        // Exactly half from one network is not more than half.
        let half = window::networks_last_minutes(store.as_ref(), "twitch", t, 5)
            .await
            .expect("read");
        assert!(!window::is_network_suspect(&half));
        for _ in 0..2_000 {
            let mut r = report("twitch", "streaming", Some("DE"), None);
            r.network = Some("brigade".to_string());
            store.record(&r, t).await.expect("record");
        }
        let n = window::networks_last_minutes(store.as_ref(), "twitch", t, 5)
            .await
            .expect("read");
        assert_eq!(n.reports(), 22_000);
        let (busiest, count) = n.busiest().expect("busiest");
        assert_eq!(busiest, "brigade", "{}", store.describe());
        assert!(count <= 12_000, "never over the true count: {count}");
        assert!(
            count + n.max_undercount() >= 12_000
                && n.max_undercount() <= 22_000 / (NETWORKS_KEPT as u64 + 1),
            "{count} + {} on {}",
            n.max_undercount(),
            store.describe()
        );
        assert!(window::is_network_suspect(&n), "{}", store.describe());
    })
    .await;
}

/// Organic traffic from many networks is not flagged, however many
/// reports there are: the busiest share is never overestimated.
#[tokio::test]
async fn many_networks_are_never_a_brigade() {
    on_both_stores(|store| async move {
        let t = test_start();
        record_concurrently(&store, 8, 500, move |writer, i| {
            let mut r = report("zoom", "meetings", Some("US"), None);
            // 400 networks with ten reports each, over 90 minutes.
            let k = writer * 500 + i;
            r.network = Some(format!("net{}", k % 400));
            (r, t + Duration::minutes((k % 90) as i64))
        })
        .await;
        let now = t + Duration::minutes(90);
        let n = window::networks_last_minutes(store.as_ref(), "zoom", now, 24 * 60)
            .await
            .expect("read");
        assert_eq!(n.reports(), 4_000, "{}", store.describe());
        let share = window::busiest_network_share(&n).expect("share");
        assert!(share <= 0.05, "{share} on {}", store.describe());
        assert!(!window::is_network_suspect(&n));
    })
    .await;
}

/// The network and the ASN summary of a bucket share one hash in Redis:
/// a flood from thousands of networks in thousands of ASNs prunes each on
/// its own, and neither takes from the other's counts.
#[tokio::test]
async fn networks_and_asns_of_a_flood_are_summarised_apart() {
    on_both_stores(|store| async move {
        let t = test_start();
        record_concurrently(&store, 8, 500, move |writer, i| {
            let n = writer * 500 + i;
            let mut r = report("slack", "messages", Some("FR"), None);
            // A third of the reports from one network, half from one ASN,
            // the rest from a network and an ASN of their own.
            r.network = Some(if n % 3 == 0 {
                "busy".to_string()
            } else {
                format!("net{n}")
            });
            r.asn = Some(if n % 2 == 0 { 3215 } else { 200_000 + n as u32 });
            (r, t)
        })
        .await;
        for res in [Resolution::Minute, Resolution::Hour] {
            let id = res.bucket_of(t);
            let n = &store.networks("slack", res, id..id + 1).await.expect("n")[0];
            let a = &store.asns("slack", res, id..id + 1).await.expect("a")[0];
            let who = format!("{res:?} on {}", store.describe());
            assert_eq!((n.reports(), a.reports()), (4000, 4000), "{who}");
            assert!(n.len() <= NETWORKS_MAX && a.len() <= NETWORKS_MAX, "{who}");
            assert!(n.counters().all(|(name, _)| !name.starts_with("FR:")));
            assert!(a.counters().all(|(name, _)| name.starts_with("FR:")));
            let (busy, count) = n.busiest().expect("busiest network");
            assert_eq!(busy, "busy", "{who}");
            assert!(
                count <= 1334 && count + n.max_undercount() >= 1334,
                "{count}"
            );
            let (asn, count) = a.busiest().expect("busiest ASN");
            assert_eq!(asn, "FR:3215", "{who}");
            assert!(
                count <= 2000 && count + a.max_undercount() >= 2000,
                "{count}"
            );
        }
    })
    .await;
}

/// Hours written before the ASN summary moved into the summary hash keep
/// their ASNs: the old key is read beside the new one.
#[tokio::test]
async fn asn_summaries_of_the_old_key_are_still_read() {
    let redis = RedisServer::start();
    let store = RedisStore::new(&redis.url(), DEDUPE_SECS).expect("redis store");
    let t = test_start();
    let h = Resolution::Hour.bucket_of(t);
    let mut conn = redis.client();
    // The old writer: five reports, four from AS3320, in their own key.
    redis::cmd("HSET")
        .arg(format!("dw:{{zoom}}:a:h:{h}"))
        .arg(&["t", "5", "k", "2", "a:DE:3320", "4", "a:DE:1", "1"])
        .query::<()>(&mut conn)
        .expect("hset");
    let mut r = report("zoom", "meetings", Some("DE"), None);
    r.asn = Some(3320);
    assert!(store.record(&r, t).await.expect("record").counted);
    let a = &store
        .asns("zoom", Resolution::Hour, h..h + 1)
        .await
        .expect("asns")[0];
    assert_eq!(a.reports(), 6);
    assert_eq!((a.count("DE:3320"), a.count("DE:1")), (5, 1));
}

/// Every key a report write makes expires: bucket hashes, HyperLogLogs and
/// dedupe markers, whether the first report of a bucket counted, was a
/// repeat or had no reporter.
#[tokio::test]
async fn every_key_a_report_writes_expires() {
    let redis = RedisServer::start();
    let store = RedisStore::new(&redis.url(), DEDUPE_SECS).expect("redis store");
    let t = test_start();
    let with = |reporter: Option<&str>| {
        let mut r = report("steam", "store", Some("US"), None);
        r.reporter = reporter.map(str::to_string);
        r.asn = Some(7018);
        r
    };
    // Minute 1: counted; minute 2: only a repeat; minute 3: no reporter
    // first, then one with a reporter.
    let first = with(Some("00000000000000aa"));
    assert!(store.record(&first, t).await.expect("record").counted);
    let later = t + Duration::minutes(1);
    assert!(!store.record(&first, later).await.expect("record").counted);
    let third = t + Duration::minutes(2);
    assert!(
        store
            .record(&with(None), third)
            .await
            .expect("record")
            .counted
    );
    let fourth = with(Some("00000000000000bb"));
    assert!(store.record(&fourth, third).await.expect("record").counted);

    let mut conn = redis.client();
    let keys: Vec<String> = redis::cmd("KEYS").arg("*").query(&mut conn).expect("keys");
    let hlls = keys.iter().filter(|k| k.contains(":u:")).count();
    assert_eq!(
        hlls, 4,
        "minute HyperLogLogs of three minutes and one hour: {keys:?}"
    );
    assert!(keys.iter().any(|k| k.contains(":q:")), "{keys:?}");
    // The ASN and network summaries live in the minute and hour hashes:
    // no key of their own.
    assert!(!keys.iter().any(|k| k.contains(":n:")), "{keys:?}");
    for key in [
        format!("dw:{{steam}}:m:{}", minute(t)),
        format!("dw:{{steam}}:h:{}", Resolution::Hour.bucket_of(t)),
    ] {
        let asns: Option<u64> = redis::cmd("HGET")
            .arg(&key)
            .arg("~a:US:7018")
            .query(&mut conn)
            .expect("hget");
        assert!(asns.is_some_and(|n| n > 0), "{key}");
    }
    // The first complete quarter is one key per service, kept for good.
    let quarters = "dw:{steam}:quarters".to_string();
    assert!(keys.contains(&quarters), "{keys:?}");
    for key in keys.iter().filter(|k| **k != quarters) {
        let ttl: i64 = redis::cmd("TTL").arg(key).query(&mut conn).expect("ttl");
        assert!(ttl > 0, "{key} has TTL {ttl}");
    }
}

/// Buckets written before this layout (a field per network in the minute
/// and hour hashes, no quarter buckets, no network summaries) are still
/// read exactly: the old network fields are left out of every sum and the
/// quarters before the first one written whole are summed from minutes.
#[tokio::test]
async fn buckets_written_the_old_way_are_read_without_double_counts() {
    let redis = RedisServer::start();
    let store = RedisStore::new(&redis.url(), DEDUPE_SECS).expect("redis store");
    let t = test_start();
    let (m, h) = (minute(t), Resolution::Hour.bucket_of(t));
    let mut conn = redis.client();
    // The old writer: three reports at 12:00, two from one network, in
    // the minute and the hour hash, and one at 12:20.
    for key in [format!("dw:{{zoom}}:m:{m}"), format!("dw:{{zoom}}:h:{h}")] {
        redis::cmd("HSET")
            .arg(&key)
            .arg(&["t", "3", "r:US", "3", "n:old-a", "2", "n:old-b", "1"])
            .query::<()>(&mut conn)
            .expect("hset");
    }
    redis::cmd("HINCRBY")
        .arg(format!("dw:{{zoom}}:h:{h}"))
        .arg("t")
        .arg(1)
        .query::<()>(&mut conn)
        .expect("hincrby");
    redis::cmd("HINCRBY")
        .arg(format!("dw:{{zoom}}:m:{}", m + 20))
        .arg("t")
        .arg(1)
        .query::<()>(&mut conn)
        .expect("hincrby");
    // The new writer takes over at 12:40: one report a minute until 13:29.
    for k in 40..90 {
        let mut r = report("zoom", "meetings", Some("US"), None);
        r.network = Some(format!("new{}", k % 2));
        store
            .record(&r, t + Duration::minutes(k))
            .await
            .expect("record");
    }
    let now = t + Duration::minutes(89);
    assert_eq!(
        store
            .quarters_complete_from("zoom")
            .await
            .expect("quarters"),
        Some(Resolution::Quarter.bucket_of(t + Duration::minutes(40)) + 1)
    );
    let day = window::last_minutes(&store, "zoom", now, 24 * 60)
        .await
        .expect("read");
    assert_eq!(window::total(&day), 4 + 50, "{day:?}");
    assert!(day.keys().all(|k| !k.starts_with("n:")), "{day:?}");
    let two_hours = window::count_last_minutes(&store, "zoom", "t", now, 120)
        .await
        .expect("read");
    assert_eq!(two_hours, 4 + 50);
    let (start, quarters) = window::series(&store, "zoom", "t", now, 15, 8)
        .await
        .expect("series");
    assert_eq!(start, m - 30, "11:30");
    // 12:00 and 12:15 hold the old writer's reports (from their minutes),
    // 12:30 the new writer's first five (from its minutes: the quarter
    // hash of 12:30 misses what came before 12:40), then whole quarters.
    assert_eq!(quarters, [0, 0, 3, 1, 5, 15, 15, 15]);
    let networks = window::networks_last_minutes(&store, "zoom", now, 24 * 60)
        .await
        .expect("read");
    assert_eq!(networks.reports(), 50, "only what the new writer counted");
    assert_eq!(networks.count("old-a"), 0);
}

/// What a reader of a flood minute steps through in Redis: a bucket of
/// regions and symptoms and a network summary of at most `NETWORKS_MAX`
/// counters, however many networks reported.
#[tokio::test]
async fn a_flood_minute_is_a_bounded_number_of_fields_in_redis() {
    let redis = RedisServer::start();
    let store: Arc<dyn Store> =
        Arc::new(RedisStore::new(&redis.url(), DEDUPE_SECS).expect("redis store"));
    let t = test_start();
    record_concurrently(&store, 8, 1_250, move |writer, i| {
        let mut r = report("twitch", "streaming", Some("DE"), None);
        r.network = Some(format!("{:012x}", writer * 1_250 + i));
        (r, t)
    })
    .await;
    let (m, h) = (minute(t), Resolution::Hour.bucket_of(t));
    let mut conn = redis.client();
    let fields = |conn: &mut redis::Connection, key: &str| -> (usize, usize) {
        let names: Vec<String> = redis::cmd("HKEYS").arg(key).query(conn).expect("hkeys");
        let summary = names.iter().filter(|n| n.starts_with('~')).count();
        (names.len() - summary, summary)
    };
    assert_eq!(
        fields(&mut conn, &format!("dw:{{twitch}}:q:{}", m / 15)),
        (5, 0)
    );
    for key in [
        format!("dw:{{twitch}}:m:{m}"),
        format!("dw:{{twitch}}:h:{h}"),
    ] {
        let (counters, summary) = fields(&mut conn, &key);
        assert_eq!(counters, 5, "{key}");
        assert!(
            // The network summary inside: `~t`, `~k` and at most
            // NETWORKS_MAX counters.
            (2..=NETWORKS_MAX + 2).contains(&summary),
            "{key}: {summary} summary fields for 10,000 networks"
        );
    }
}

#[tokio::test]
async fn a_flood_across_many_services_is_exact_per_service() {
    on_both_stores(|store| async move {
        let t = test_start();
        let services: Vec<String> = (0..40).map(|i| format!("svc{i}")).collect();
        let names = services.clone();
        record_concurrently(&store, 16, 200, move |worker, i| {
            let service = &names[(worker * 7 + i) % names.len()];
            let at = t + Duration::seconds((i % 90) as i64);
            (report(service, "login", Some("DE"), None), at)
        })
        .await;
        let m = minute(t);
        let mut total = 0;
        for service in &services {
            let buckets = store
                .buckets(service, Resolution::Minute, m..m + 3)
                .await
                .expect("read");
            let counted: u64 = buckets.iter().filter_map(|b| b.get("t")).sum();
            assert_eq!(counted, 80, "{service} on {}", store.describe());
            total += counted;
        }
        assert_eq!(total, 16 * 200);
        let docs: Vec<&str> = services.iter().map(String::as_str).collect();
        for s in &docs[..3] {
            store
                .put_doc(s, "status", &format!("{{\"s\":\"{s}\"}}"))
                .await
                .expect("put");
        }
        let read = store.get_docs(&docs, "status").await.expect("get_docs");
        assert_eq!(read.len(), docs.len());
        assert_eq!(read[1].as_deref(), Some("{\"s\":\"svc1\"}"));
        assert!(read[3..].iter().all(Option::is_none));
    })
    .await;
}

#[tokio::test]
async fn a_cluster_spreads_services_over_its_masters() {
    let cluster = RedisCluster::start();
    let store = RedisStore::new(&cluster.url(), DEDUPE_SECS).expect("cluster store");
    let t = test_start();
    for i in 0..30 {
        store
            .record(&report(&format!("svc{i}"), "app", None, None), t)
            .await
            .expect("record");
    }
    let per_node = cluster.keys_per_node();
    assert!(
        per_node.iter().all(|&n| n > 0),
        "keys per master: {per_node:?}"
    );
    assert_eq!(store.describe(), format!("redis at {}", cluster.url()));
}

#[tokio::test]
async fn live_detectors_include_the_caller() {
    on_both_stores(|store| async move {
        let live = store.live_detectors("a-1", 5000).await.expect("heartbeat");
        assert!(live.contains(&"a-1".to_string()), "{live:?}");
    })
    .await;
}

#[tokio::test]
async fn a_detector_that_stops_beating_drops_out() {
    let redis = RedisServer::start();
    let store = RedisStore::new(&redis.url(), DEDUPE_SECS).expect("redis store");
    store.live_detectors("a-1", 300).await.expect("heartbeat");
    let live = store.live_detectors("b-2", 5000).await.expect("heartbeat");
    assert_eq!(live, ["a-1", "b-2"]);
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    let live = store.live_detectors("b-2", 5000).await.expect("heartbeat");
    assert_eq!(live, ["b-2"]);
}

#[tokio::test]
async fn official_updates_are_kept_per_incident_apart_from_it() {
    on_both_stores(|store| async move {
        let who = store.describe();
        store
            .put_incident("spotify", "spotify.global.1", 60, "{\"v\":1}")
            .await
            .expect("put");
        for n in 0..3 {
            store
                .add_incident_update("spotify", "spotify.global.1", &format!("a{n}"))
                .await
                .expect("add");
        }
        store
            .add_incident_update("spotify", "spotify.US.1", "b0")
            .await
            .expect("add");
        // The detector rewriting the incident keeps its updates.
        store
            .put_incident("spotify", "spotify.global.1", 60, "{\"v\":2}")
            .await
            .expect("rewrite");

        let got = store
            .incident_updates(
                "spotify",
                &["spotify.US.1", "spotify.global.1", "spotify.none.1"],
            )
            .await
            .expect("read");
        assert_eq!(
            got,
            vec![
                vec!["b0".to_string()],
                vec!["a0".to_string(), "a1".to_string(), "a2".to_string()],
                Vec::<String>::new(),
            ],
            "{who}"
        );
        // Another service's incident of the same id is another list.
        let other = store
            .incident_updates("netflix", &["spotify.global.1"])
            .await
            .expect("read");
        assert_eq!(other, vec![Vec::<String>::new()], "{who}");
        assert!(
            store
                .incident_updates("spotify", &[])
                .await
                .expect("none")
                .is_empty()
        );
    })
    .await;
}

#[tokio::test]
async fn only_the_latest_official_updates_are_kept() {
    on_both_stores(|store| async move {
        let kept = downwatch::store::keys::UPDATES_KEPT;
        for n in 0..kept + 5 {
            store
                .add_incident_update("spotify", "spotify.global.1", &n.to_string())
                .await
                .expect("add");
        }
        let got = store
            .incident_updates("spotify", &["spotify.global.1"])
            .await
            .expect("read")
            .remove(0);
        assert_eq!(got.len(), kept, "{}", store.describe());
        assert_eq!(got[0], "5");
        assert_eq!(got[kept - 1], (kept + 4).to_string());
    })
    .await;
}

#[tokio::test]
async fn webhook_subscriptions_are_kept_per_service() {
    on_both_stores(|store| async move {
        let who = store.describe();
        store
            .put_webhook("spotify", "a", "{\"id\":\"a\"}", 2)
            .await
            .expect("put");
        store
            .put_webhook("spotify", "b", "{\"id\":\"b\"}", 2)
            .await
            .expect("put");
        store
            .put_webhook("netflix", "c", "{\"id\":\"c\"}", 2)
            .await
            .expect("put");
        assert!(
            !store
                .put_webhook("spotify", "d", "{\"id\":\"d\"}", 2)
                .await
                .expect("put"),
            "past the cap: {who}"
        );
        assert!(
            store
                .put_webhook("spotify", "b", "{\"id\":\"b\"}", 2)
                .await
                .expect("rewrite"),
            "{who}"
        );
        let mut got = store.list_webhooks("spotify").await.expect("list");
        got.sort();
        assert_eq!(got, vec!["{\"id\":\"a\"}", "{\"id\":\"b\"}"], "{who}");
        assert!(store.delete_webhook("spotify", "a").await.expect("delete"));
        assert!(!store.delete_webhook("spotify", "a").await.expect("again"));
        assert!(!store.delete_webhook("spotify", "c").await.expect("other's"));
        assert_eq!(store.list_webhooks("spotify").await.expect("list").len(), 1);
        assert!(store.list_webhooks("zoom").await.expect("none").is_empty());
    })
    .await;
}

#[tokio::test]
async fn deliveries_are_claimed_once_until_their_lease_runs_out() {
    on_both_stores(|store| async move {
        let who = store.describe();
        let now = 1_000_000;
        store.enqueue_delivery(now - 10, "first").await.expect("q");
        store.enqueue_delivery(now, "second").await.expect("q");
        store
            .enqueue_delivery(now + 5000, "later")
            .await
            .expect("q");

        let claimed = store.claim_deliveries(now, 1000, 10).await.expect("claim");
        assert_eq!(claimed, vec!["first", "second"], "{who}");
        // Claimed ones are hidden for the lease; nothing else is due.
        assert!(
            store
                .claim_deliveries(now + 999, 1000, 10)
                .await
                .expect("c")
                .is_empty()
        );
        // A retry replaces its attempt; a finish removes it.
        store
            .finish_delivery("first", Some((now + 2000, "first-retry")))
            .await
            .expect("retry");
        // "second" was never finished: its lease runs out, it comes back.
        let back = store
            .claim_deliveries(now + 1000, 1000, 10)
            .await
            .expect("c");
        assert_eq!(back, vec!["second"], "{who}");
        store.finish_delivery("second", None).await.expect("done");
        let rest = store
            .claim_deliveries(now + 10_000, 1000, 1)
            .await
            .expect("c");
        assert_eq!(
            rest,
            vec!["first-retry"],
            "limit 1, oldest due first: {who}"
        );
        let rest = store
            .claim_deliveries(now + 10_000, 1000, 10)
            .await
            .expect("c");
        assert_eq!(rest, vec!["later"], "{who}");
    })
    .await;
}

#[tokio::test]
async fn concurrent_claims_never_take_the_same_delivery() {
    on_both_stores(|store| async move {
        for n in 0..50 {
            store
                .enqueue_delivery(n, &format!("d{n}"))
                .await
                .expect("q");
        }
        let claims = (0..5).map(|_| {
            let store = store.clone();
            tokio::spawn(async move { store.claim_deliveries(100, 60_000, 7).await })
        });
        let mut all: Vec<String> = Vec::new();
        for c in claims {
            all.extend(c.await.expect("join").expect("claim"));
        }
        let total = all.len();
        all.sort();
        all.dedup();
        assert_eq!(
            all.len(),
            total,
            "a delivery was claimed twice: {}",
            store.describe()
        );
        assert_eq!(total, 35);
    })
    .await;
}

#[tokio::test]
async fn every_logged_event_moves_the_change_count() {
    on_both_stores(|store| async move {
        let before = store.changes().await.expect("changes");
        let first = store.append_event("{\"n\":1}").await.expect("append");
        store.append_event("{\"n\":2}").await.expect("append");
        assert_eq!(store.changes().await.expect("changes"), before + 2);
        let after_first = store.read_events(Some(&first), 10).await.expect("read");
        assert_eq!(after_first.len(), 1, "the log itself is unchanged");
        assert_eq!(after_first[0].1, "{\"n\":2}");
    })
    .await;
}

#[tokio::test]
async fn followers_are_kept_per_service_under_a_cap() {
    on_both_stores(|store| async move {
        let who = store.describe();
        for id in ["f1", "f2"] {
            let json = format!("{{\"id\":\"{id}\"}}");
            assert!(
                store
                    .put_follower("spotify", id, &json, 2)
                    .await
                    .expect("put")
            );
        }
        assert!(
            !store
                .put_follower("spotify", "f3", "{}", 2)
                .await
                .expect("capped"),
            "{who}"
        );
        assert!(
            store
                .put_follower("spotify", "f2", "{\"v\":2}", 2)
                .await
                .expect("replace")
        );
        assert_eq!(
            store
                .get_follower("spotify", "f2")
                .await
                .expect("get")
                .as_deref(),
            Some("{\"v\":2}"),
            "{who}"
        );
        assert_eq!(
            store.get_follower("netflix", "f2").await.expect("get"),
            None
        );
        assert_eq!(
            store.list_followers("spotify").await.expect("list").len(),
            2
        );
        // Of two deletes, one removes it.
        let (a, b) = tokio::join!(
            store.delete_follower("spotify", "f1"),
            store.delete_follower("spotify", "f1")
        );
        assert!(a.expect("delete") ^ b.expect("delete"), "{who}");
        assert_eq!(
            store.list_followers("spotify").await.expect("list"),
            vec!["{\"v\":2}"]
        );
    })
    .await;
}

#[tokio::test]
async fn capped_slots_count_only_members_that_still_hold() {
    on_both_stores(|store| async move {
        let who = store.describe();
        let now = 1_000_000;
        assert!(
            store
                .take_slot("t", "a", now + 100, now, 2)
                .await
                .expect("a")
        );
        assert!(
            store
                .take_slot("t", "b", now + 200, now, 2)
                .await
                .expect("b")
        );
        assert!(
            !store
                .take_slot("t", "c", now + 300, now, 2)
                .await
                .expect("c"),
            "{who}"
        );
        // A member already in renews whatever the count.
        assert!(
            store
                .take_slot("t", "a", now + 400, now, 2)
                .await
                .expect("renew")
        );
        // Once b's end has passed, there is room again.
        assert!(
            store
                .take_slot("t", "c", now + 300, now + 250, 2)
                .await
                .expect("c later")
        );
        assert_eq!(
            store
                .expired_slots("t", now + 250, 10)
                .await
                .expect("expired"),
            vec!["b".to_string()],
            "{who}"
        );
        assert!(
            store
                .expired_slots("t", now + 250, 10)
                .await
                .expect("again")
                .is_empty()
        );
        store.release_slot("t", "c").await.expect("release");
        let mut left = store.expired_slots("t", now + 1000, 10).await.expect("all");
        left.sort();
        assert_eq!(left, vec!["a".to_string()], "{who}");
    })
    .await;
}

#[tokio::test]
async fn every_process_gets_the_first_shared_secret() {
    on_both_stores(|store| async move {
        let first = store.shared_secret("vapid", "one").await.expect("first");
        let second = store.shared_secret("vapid", "two").await.expect("second");
        assert_eq!((first.as_str(), second.as_str()), ("one", "one"));
        assert_eq!(
            store.shared_secret("links", "three").await.expect("other"),
            "three"
        );
    })
    .await;
}

#[tokio::test]
async fn concurrent_takers_never_pass_a_slot_cap() {
    on_both_stores(|store| async move {
        let takes = (0..40).map(|n| {
            let store = store.clone();
            async move {
                store
                    .take_slot("flood", &format!("m{n}"), 2000, 1000, 7)
                    .await
            }
        });
        let taken = futures_util::future::join_all(takes)
            .await
            .into_iter()
            .filter(|r| matches!(r, Ok(true)))
            .count();
        assert_eq!(taken, 7, "{}", store.describe());
    })
    .await;
}

/// The `k`-th reporter's report to `service`: every field follows from
/// `k`, so a repeat is the same report again. Services, countries,
/// symptoms, platforms, 40 networks and 30 ASNs mix, as in a real batch.
fn mixed_report(service: &str, k: usize) -> Report {
    let countries = [
        ("US", Some("US-CA")),
        ("DE", None),
        ("FR", Some("FR-IDF")),
        ("GB", None),
        ("BR", Some("BR-SP")),
        ("JP", None),
    ];
    // Everything but the reporter follows the network, so that which of a
    // network's reports its budget counts (the first to arrive, an order
    // concurrent writers do not fix) leaves the same counts.
    let net = k % 40;
    let (country, sub) = countries[net % countries.len()];
    let symptom = ["login", "payments", "website"][net % 3];
    let mut r = report(service, symptom, Some(country), sub);
    r.platform = Some(["ios", "android", "web"][net / 7 % 3].to_string());
    r.reporter = Some(format!("{k:016x}"));
    r.network = Some(format!("net{net}"));
    // A network counts at most 8 reports a minute: each of the 40 has 15
    // reporters (of one service each), so 7 go over it.
    r.network_budget = 8;
    r.asn = Some(64_500 + (net % 30) as u32);
    r
}

/// What one service's reports left in the store at `t`: every bucket,
/// network and ASN summary and the distinct reporters.
async fn everything_counted(
    store: &Arc<dyn Store>,
    service: &str,
    t: DateTime<Utc>,
) -> (
    Vec<std::collections::HashMap<String, u64>>,
    Vec<String>,
    u64,
) {
    let mut buckets = Vec::new();
    for res in [Resolution::Minute, Resolution::Quarter, Resolution::Hour] {
        let id = res.bucket_of(t);
        let b = store.buckets(service, res, id..id + 1).await.expect("read");
        buckets.push(b[0].clone());
    }
    let mut summaries = Vec::new();
    for res in [Resolution::Minute, Resolution::Hour] {
        let id = res.bucket_of(t);
        let n = store
            .networks(service, res, id..id + 1)
            .await
            .expect("nets");
        let a = store.asns(service, res, id..id + 1).await.expect("asns");
        summaries.push(format!("{:?} {:?}", sorted(&n[0]), sorted(&a[0])));
    }
    let m = minute(t);
    let distinct = store
        .distinct_reporters(service, &[(Resolution::Minute, m..m + 1)])
        .await
        .expect("distinct");
    (buckets, summaries, distinct)
}

/// A summary's total and counters in a stable order.
fn sorted(s: &downwatch::store::NetworkSummary) -> (u64, Vec<(String, u64)>) {
    let mut c: Vec<(String, u64)> = s.counters().map(|(n, c)| (n.to_string(), c)).collect();
    c.sort();
    (s.reports(), c)
}

/// Batch folding: 700 reports sent at once (written in a few folded
/// script calls on Redis) leave exactly the counts, summaries, distinct
/// reporters and outcomes that the same reports leave sent one by one,
/// repeats and reports over their network's budget included; and on
/// Redis the folded batches cost far fewer commands than one by one.
#[tokio::test]
async fn a_folded_batch_counts_what_the_same_reports_count_one_by_one() {
    let memory: Arc<dyn Store> = Arc::new(MemoryStore::new(DEDUPE_SECS));
    let redis = RedisServer::start();
    let cluster = RedisCluster::start();
    let mut stores = vec![(memory, None)];
    for url in [redis.url(), cluster.url()] {
        let metrics = downwatch::metrics::Metrics::new().expect("metrics");
        let store = RedisStore::new(&url, DEDUPE_SECS)
            .expect("redis store")
            .with_metrics(metrics.store.clone());
        stores.push((Arc::new(store) as Arc<dyn Store>, Some(metrics.store)));
    }
    for (store, metrics) in stores {
        let t = test_start();
        // Reporter k's service: most to one (the outage), some to two more;
        // 100 of the 700 reports repeat an earlier reporter.
        let service = |k: usize| ["fold-a", "fold-a", "fold-a", "fold-b", "fold-c"][k % 5];
        let plan: Vec<usize> = (0..700).map(|i| i % 600).collect();
        let spent = |m: &Option<downwatch::metrics::StoreMetrics>| {
            m.as_ref().map(|m| {
                (
                    m.write_commands.get(),
                    m.write_round_trips.get(),
                    m.reports_written.get(),
                )
            })
        };
        let before = spent(&metrics);
        let tasks: Vec<_> = plan
            .iter()
            .map(|&k| {
                let store = store.clone();
                let r = mixed_report(service(k), k);
                tokio::spawn(async move { store.record(&r, t).await.expect("record") })
            })
            .collect();
        let mut folded = Vec::new();
        for task in tasks {
            folded.push(task.await.expect("task"));
        }
        let after = spent(&metrics);
        let mut one_by_one = Vec::new();
        for &k in &plan {
            let r = mixed_report(&service(k).replace("fold", "each"), k);
            one_by_one.push(store.record(&r, t).await.expect("record"));
        }
        let tally = |v: &[downwatch::store::Recorded]| {
            (
                v.iter().filter(|r| r.counted).count(),
                v.iter().filter(|r| r.over_budget).count(),
            )
        };
        let (counted, over) = tally(&folded);
        assert_eq!(tally(&one_by_one), (counted, over), "{}", store.describe());
        assert_eq!((counted, over), (320, 280), "{}", store.describe());
        for name in ["a", "b", "c"] {
            let batch = everything_counted(&store, &format!("fold-{name}"), t).await;
            let each = everything_counted(&store, &format!("each-{name}"), t).await;
            assert_eq!(batch, each, "fold-{name} on {}", store.describe());
            assert!(batch.0[0]["t"] > 0, "fold-{name} counted nothing");
        }
        if let (Some(before), Some(after)) = (before, after) {
            let (commands, trips, reports) =
                (after.0 - before.0, after.1 - before.1, after.2 - before.2);
            assert_eq!(reports, 700, "{}", store.describe());
            // Folded: few calls, and about one command a report (its
            // dedupe marker) besides a few dozen a call.
            assert!(trips <= 60, "{trips} round trips on {}", store.describe());
            let per_report = commands as f64 / reports as f64;
            assert!(per_report < 2.0, "{per_report:.2} commands a report");
        }
    }
}
