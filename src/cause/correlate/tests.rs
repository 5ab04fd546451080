use super::*;
use crate::cause::model::CauseKind;
use chrono::TimeZone;

const CATALOG: &str = "[symptoms]\napp = \"App\"\n\n[[category]]\nslug = \"x\"\nname = \"X\"\n";

/// One service block: its extra lines (asns, countries, depends_on).
fn service(slug: &str, name: &str, extra: &str) -> String {
    format!(
        "\n[[service]]\nslug = \"{slug}\"\nname = \"{name}\"\ncategory = \"x\"\n{extra}symptoms = [\"app\"]\n"
    )
}

fn catalog() -> Catalog {
    let mut text = CATALOG.to_string();
    text.push_str(&service("cloud", "Cloud", ""));
    for (slug, name, asn) in [
        ("telekom", "Telekom", 3320),
        ("vodafone", "Vodafone", 3209),
        ("o2", "O2", 6805),
    ] {
        let extra = format!("asns = [{asn}]\ncountries = [\"DE\"]\n");
        text.push_str(&service(slug, name, &extra));
    }
    for i in 0..12 {
        let dep = if i < 4 {
            "depends_on = [\"cloud\"]\n"
        } else {
            ""
        };
        text.push_str(&service(&format!("s{i}"), &format!("S{i}"), dep));
    }
    Catalog::parse(&text, "test").expect("catalog")
}

fn t(minute: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 12, 0, 0)
        .single()
        .expect("time")
        + Duration::minutes(minute)
}

fn flag(service: &str, region: &str, onset: i64, observed: u64, expected: f64) -> Flag {
    Flag {
        service: service.into(),
        region: region.into(),
        onset: t(onset),
        observed,
        expected,
        mostly_from: None,
    }
}

fn mix(now: &[(u32, u64)], usual: &[(u32, u64)]) -> AsnMix {
    AsnMix {
        now: now.iter().copied().collect(),
        usual: usual.iter().copied().collect(),
        usual_minutes: 24 * 60,
    }
}

fn run(flags: &[Flag], asns: &HashMap<(String, String), AsnMix>, official: &[&str]) -> Vec<Cause> {
    run_with_rising(flags, &[], asns, official)
}

fn run_with_rising(
    flags: &[Flag],
    rising: &[Flag],
    asns: &HashMap<(String, String), AsnMix>,
    official: &[&str],
) -> Vec<Cause> {
    let catalog = catalog();
    let params = CauseParams::default();
    let official: HashSet<String> = official.iter().map(|s| s.to_string()).collect();
    let history = HashMap::new();
    let names = HashMap::from([(64500, "Example Networks GmbH".to_string())]);
    let inputs = Inputs {
        now: t(10),
        flags,
        asns,
        official_trouble: &official,
        history: &history,
        since: t(-7 * 1440),
        rising,
        names: &names,
    };
    Correlator {
        params: &params,
        catalog: &catalog,
    }
    .run(&inputs, &[])
}

#[test]
fn services_failing_together_on_one_network_are_an_isp_cause() {
    let flags: Vec<Flag> = (4..9)
        .map(|i| flag(&format!("s{i}"), "DE", i, 100, 10.0))
        .collect();
    let mut asns = HashMap::new();
    for i in 4..9 {
        asns.insert(
            (format!("s{i}"), "DE".to_string()),
            mix(
                &[(3320, 90), (3209, 5)],
                &[(3320, 400), (3209, 350), (6805, 250)],
            ),
        );
    }
    let causes = run(&flags, &asns, &[]);
    assert_eq!(causes.len(), 1, "{causes:?}");
    let c = &causes[0];
    assert_eq!(c.kind, CauseKind::Isp);
    assert_eq!(c.id, "isp:DE:telekom");
    assert_eq!(c.subject, "Telekom");
    assert_eq!(c.members.len(), 5);
    assert_eq!(c.usual_share, Some(0.4));
    assert!(c.share_now > Some(0.9), "{c:?}");
    assert!(c.summary.contains("Germany"), "{}", c.summary);

    // The same outage spread as usual over the networks: no ISP.
    for m in asns.values_mut() {
        *m = mix(
            &[(3320, 40), (3209, 35), (6805, 25)],
            &[(3320, 400), (3209, 350), (6805, 250)],
        );
    }
    assert!(run(&flags, &asns, &[]).is_empty());
}

#[test]
fn two_services_or_apart_in_time_are_no_cluster() {
    let mut asns = HashMap::new();
    for i in 4..9 {
        asns.insert((format!("s{i}"), "DE".to_string()), mix(&[(3320, 90)], &[]));
    }
    let two: Vec<Flag> = (4..6)
        .map(|i| flag(&format!("s{i}"), "DE", 0, 100, 10.0))
        .collect();
    assert!(run(&two, &asns, &[]).is_empty());
    let apart: Vec<Flag> = (4..9)
        .map(|i| flag(&format!("s{i}"), "DE", (i - 4) * 40 - 200, 100, 10.0))
        .collect();
    assert!(run(&apart, &asns, &[]).is_empty());
    let countries: Vec<Flag> = ["DE", "FR", "GB", "US", "JP"]
        .iter()
        .enumerate()
        .map(|(i, c)| flag(&format!("s{}", i + 4), c, 0, 100, 10.0))
        .collect();
    assert!(run(&countries, &asns, &[]).is_empty());
}

#[test]
fn dependants_with_their_upstream_flagged_are_an_upstream_cause() {
    let mut flags: Vec<Flag> = (0..3)
        .map(|i| {
            flag(
                &format!("s{i}"),
                ["US", "GB", "global"][i],
                i as i64,
                100,
                10.0,
            )
        })
        .collect();
    assert!(
        run(&flags, &HashMap::new(), &[]).is_empty(),
        "upstream not flagged"
    );
    let official = run(&flags, &HashMap::new(), &["cloud"]);
    assert_eq!(official.len(), 1);
    assert_eq!(official[0].kind, CauseKind::Upstream);
    assert_eq!(official[0].region, "global");
    flags.push(flag("cloud", "global", 2, 500, 10.0));
    let crowd = run(&flags, &HashMap::new(), &[]);
    assert_eq!(crowd[0].id, "upstream:cloud");
    assert_eq!(crowd[0].members.len(), 3);
    assert!(crowd[0].summary.contains("3 services that run on Cloud"));
}

#[test]
fn carriers_rising_far_less_than_the_failing_one_are_sympathy() {
    let flags = vec![
        flag("telekom", "DE", 0, 2000, 20.0),
        flag("vodafone", "DE", 3, 60, 15.0),
        flag("o2", "DE", 4, 40, 10.0),
    ];
    let causes = run(&flags, &HashMap::new(), &[]);
    assert_eq!(causes.len(), 1, "{causes:?}");
    let c = &causes[0];
    assert_eq!(c.kind, CauseKind::Sympathy);
    assert_eq!(c.subject_service.as_deref(), Some("telekom"));
    let labelled: Vec<&str> = c.members.iter().map(|m| m.service.as_str()).collect();
    assert_eq!(labelled, ["vodafone", "o2"]);
    // Two carriers failing alike: neither is sympathy.
    let alike = vec![
        flag("telekom", "DE", 0, 2000, 20.0),
        flag("vodafone", "DE", 3, 1200, 15.0),
    ];
    assert!(run(&alike, &HashMap::new(), &[]).is_empty());
}

#[test]
fn an_unflagged_carrier_rising_significantly_is_sympathy() {
    let flags = vec![flag("telekom", "DE", 0, 2000, 20.0)];
    // Vodafone: 45 reports where 15 were expected (P < 1e-9), not
    // flagged yet; O2 not rising (not in `rising`).
    let rising = vec![flag("vodafone", "DE", 2, 45, 15.0)];
    let causes = run_with_rising(&flags, &rising, &HashMap::new(), &[]);
    assert_eq!(causes.len(), 1, "{causes:?}");
    let c = &causes[0];
    assert_eq!(c.id, "sympathy:DE:telekom");
    assert_eq!(
        c.members,
        [Member {
            service: "vodafone".into(),
            region: "DE".into()
        }]
    );
    assert_eq!(c.member_rise, Some(2.0));
    assert_eq!(c.first_onset, t(0));
}

#[test]
fn an_unflagged_carrier_rising_elsewhere_before_or_in_a_crowd_is_no_sympathy() {
    // Whether it rises beyond chance is judged as `rising` is built
    // (`simulate::inputs` tests); a significant rise in another country is
    // not this one's.
    let flags = vec![flag("telekom", "DE", 0, 2000, 20.0)];
    let elsewhere = vec![flag("vodafone", "FR", 2, 45, 15.0)];
    assert!(run_with_rising(&flags, &elsewhere, &HashMap::new(), &[]).is_empty());
    // Nor is one that began long before the failing carrier's flag.
    let before = vec![flag("vodafone", "DE", -40, 45, 15.0)];
    assert!(run_with_rising(&flags, &before, &HashMap::new(), &[]).is_empty());
    // Nor one while many services of the country fail with it: that
    // can be the connection, and only flagged carriers are read.
    let rising = vec![flag("vodafone", "DE", 2, 45, 15.0)];
    let mut crowd = flags.clone();
    crowd.extend((4..7).map(|i| flag(&format!("s{i}"), "DE", 1, 100, 10.0)));
    assert!(run_with_rising(&crowd, &rising, &HashMap::new(), &[]).is_empty());
    assert_eq!(
        run_with_rising(&flags, &rising, &HashMap::new(), &[]).len(),
        1
    );
}

#[test]
fn the_threshold_rises_with_the_usual_rate_of_flags() {
    let catalog = catalog();
    let params = CauseParams::default();
    let c = Correlator {
        params: &params,
        catalog: &catalog,
    };
    assert_eq!(c.threshold(0.01), 3);
    assert!(c.threshold(2.0) >= 8, "{}", c.threshold(2.0));
    assert!(z_of(0.001) > 3.0 && z_of(0.001) < 3.2);
}

#[test]
fn a_carrier_rising_since_the_failing_carriers_flag_is_read_from_that_flag() {
    let p = CauseParams::default();
    // Four minutes into Telekom's outage (flagged at minute 0), a carrier
    // of one report a minute now at four: read from the minute before the
    // flag, 17 reports where 5 were expected, far beyond chance; over the
    // whole window, 27 where 15 were, within it.
    let minutes = p.rising_minutes(t(0), t(3));
    assert_eq!(minutes, 5);
    assert!(p.rises_significantly(1 + 4 * 4, minutes as f64));
    assert!(!p.rises_significantly(11 + 4 * 4, 15.0));
    // At the flag, its minute and the one before; never more than the
    // window.
    assert_eq!(p.rising_minutes(t(0), t(0)), 2);
    assert_eq!(p.rising_minutes(t(0), t(60)), p.window_minutes);
}
