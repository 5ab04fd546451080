//! Conformance against real status pages: every reader is run on real
//! captures that other projects took from the real pages (the shared
//! folder `../shared/data/official-real/`, described in its SOURCES.md;
//! not copied here) and must read each as a person reading the real page
//! would: the level in the page's own words, the open incidents' titles,
//! statuses and start times, the affected components. Feeds are read with
//! the clock set to the capture's day.
//!
//! Formats without a shared capture (Google's `incidents.json`, Slack's
//! status API) are checked on fixtures written here that follow a real
//! capture's field set; each names the capture it follows.

use super::model::OfficialDoc;
use super::reading::{Reading, parse};
use crate::detect::{Incident, OfficialLevel};
use chrono::{DateTime, Duration, Utc};
use serde_json::{Value, json};

macro_rules! real {
    ($file:literal) => {
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/data/official-real/",
            $file
        )
    };
}

fn capture(path: &str) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("read {path}: {e}"))
}

fn at(s: &str) -> DateTime<Utc> {
    s.parse().expect("time")
}

fn read(path: &str, now: &str) -> Reading {
    parse(&capture(path), at(now), path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn open(r: &Reading) -> Vec<&super::reading::ReadIncident> {
    r.incidents
        .iter()
        .filter(|i| i.resolved_at.is_none())
        .collect()
}

#[test]
fn github_2022_minor_service_outage_with_one_open_incident() {
    let r = read(
        real!("github-summary-incident-2022-11-25.json"),
        "2022-11-25T15:51:00Z",
    );
    // The page said "Minor Service Outage" (indicator minor), even though
    // the incident's impact is major.
    assert_eq!(r.level, OfficialLevel::Minor);
    assert_eq!(r.description.as_deref(), Some("Minor Service Outage"));
    assert_eq!(r.page_url.as_deref(), Some("https://www.githubstatus.com"));
    assert_eq!(r.components.len(), 1);
    assert_eq!(r.components[0].name, "Packages");
    assert_eq!(r.components[0].level, OfficialLevel::Minor);
    let [i] = r.incidents.as_slice() else {
        panic!("one incident: {:?}", r.incidents);
    };
    assert_eq!(i.title, "Incident with Packages and Pages");
    assert_eq!(i.status, "investigating");
    assert_eq!(i.impact, OfficialLevel::Major);
    assert_eq!(i.created_at, at("2022-11-25T14:39:09.548Z"));
    assert_eq!(i.components, ["Packages", "Pages"]);
    assert_eq!(
        i.url.as_deref(),
        Some("https://www.githubstatus.com/incidents/ljwdk6qml8z8")
    );
    assert_eq!(i.updates.len(), 7, "every update, newest first");
    assert_eq!(i.updates[0].at, at("2022-11-25T15:50:04.967Z"));
    assert!(
        i.updates[0]
            .body
            .starts_with("Packages is now experiencing degraded performance."),
        "{}",
        i.updates[0].body
    );
    assert_eq!(
        i.updates[6].body,
        "We are investigating reports of degraded performance for Packages."
    );
}

#[test]
fn github_2019_all_systems_operational() {
    let r = read(
        real!("github-summary-operational-2019-12-30.json"),
        "2019-12-30T12:00:00Z",
    );
    assert_eq!(r.level, OfficialLevel::Ok);
    assert_eq!(r.description.as_deref(), Some("All Systems Operational"));
    assert!(r.components.is_empty());
    assert!(r.incidents.is_empty());
}

#[test]
fn circleci_2016_older_format_partially_degraded() {
    let r = read(
        real!("circleci-summary-minor-2016-06.json"),
        "2016-06-13T06:00:00Z",
    );
    assert_eq!(r.level, OfficialLevel::Minor);
    assert_eq!(r.description.as_deref(), Some("Partially Degraded Service"));
    assert_eq!(r.components.len(), 1);
    assert_eq!(r.components[0].name, "Heroku");
    assert_eq!(r.components[0].level, OfficialLevel::Minor);
    // Ten resolved incidents are listed; none is open.
    assert!(r.incidents.is_empty(), "{:?}", r.incidents);
}

#[test]
fn a_bad_incident_is_skipped_and_the_rest_of_the_page_read() {
    let mut v: Value =
        serde_json::from_slice(&capture(real!("github-summary-incident-2022-11-25.json")))
            .expect("json");
    let good = v["incidents"][0].clone();
    let mut bad = good.clone();
    bad["created_at"] = json!("not a time");
    bad["id"] = json!("broken");
    let mut extra = good.clone();
    extra["id"] = json!("second");
    extra["brand_new_field"] = json!({"nested": [1, 2]});
    extra["impact"] = Value::Null;
    extra["components"] = Value::Null;
    extra["incident_updates"][0]["body"] = Value::Null;
    extra["incident_updates"][1]
        .as_object_mut()
        .expect("update")
        .remove("display_at");
    v["incidents"] = json!([bad, good, extra]);
    v.as_object_mut()
        .expect("summary")
        .remove("scheduled_maintenances");
    let r = parse(v.to_string().as_bytes(), at("2022-11-25T16:00:00Z"), "x").expect("parses");
    let ids: Vec<&str> = r.incidents.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["ljwdk6qml8z8", "second"]);
    assert_eq!(r.incidents[1].impact, OfficialLevel::Ok);
    assert!(r.incidents[1].components.is_empty());
    assert_eq!(r.incidents[1].updates.len(), 7);
    assert_eq!(r.incidents[1].updates[0].body, "");
    assert_eq!(r.level, OfficialLevel::Minor);
}

#[test]
fn aws_2016_every_event_of_29_july_resolved_by_the_evening() {
    let r = read(
        real!("aws-all-incident-2016-07-31.rss"),
        "2016-07-30T03:30:00Z",
    );
    assert_eq!(r.level, OfficialLevel::Ok);
    assert!(open(&r).is_empty(), "{:?}", open(&r));
    assert_eq!(r.page_url.as_deref(), Some("http://status.aws.amazon.com"));
    // One incident per event, not per item: EC2's three updates are one.
    let ec2: Vec<_> = r
        .incidents
        .iter()
        .filter(|i| i.components == ["ec2-us-east-1"])
        .collect();
    assert_eq!(ec2.len(), 2, "the 29 July event and the 26 July one");
    let api = ec2
        .iter()
        .find(|i| i.title == "Increased API Error Rates")
        .expect("EC2 API errors");
    assert_eq!(api.updates.len(), 3);
    // 18:08:07 PDT to 19:08:51 PDT.
    assert_eq!(api.created_at, at("2016-07-30T01:08:07Z"));
    assert_eq!(api.resolved_at, Some(at("2016-07-30T02:08:51Z")));
    assert_eq!(api.status, "resolved");
    // ECR's first item already says [RESOLVED]; ECR, ML, console, ELB,
    // EC2 and Lambda each count once.
    let on_29th = r
        .incidents
        .iter()
        .filter(|i| i.created_at.date_naive().to_string() == "2016-07-30")
        .count();
    assert_eq!(on_29th, 6, "{:#?}", r.incidents);
}

#[test]
fn aws_2016_an_informational_message_open_on_31_july() {
    let r = read(
        real!("aws-all-incident-2016-07-31.rss"),
        "2016-07-31T17:45:00Z",
    );
    let now_open = open(&r);
    let [lambda] = now_open.as_slice() else {
        panic!("one open event: {now_open:#?}");
    };
    assert_eq!(lambda.title, "Increased Error Rates");
    assert_eq!(lambda.status, "Informational message");
    assert_eq!(lambda.components, ["lambda-us-east-1"]);
    assert_eq!(lambda.created_at, at("2016-07-31T17:41:45Z"));
    assert_eq!(r.level, OfficialLevel::Minor);
    // The same update listed twice (VPC) is one update of one event.
    let vpc: Vec<_> = r
        .incidents
        .iter()
        .filter(|i| i.components == ["vpc-ap-southeast-1"])
        .collect();
    assert_eq!(vpc.len(), 1);
    assert_eq!(vpc[0].updates.len(), 1);
    assert!(vpc[0].resolved_at.is_some());

    let ok = read(real!("aws-all-ok.rss"), "2016-07-31T17:45:00Z");
    assert_eq!(ok.level, OfficialLevel::Ok);
    assert!(open(&ok).is_empty());
}

#[test]
fn parse_history_rss_one_entry_per_incident_with_its_updates() {
    let r = read(real!("parse-history-2014-01.rss"), "2014-01-01T18:00:00Z");
    assert_eq!(r.level, OfficialLevel::Ok);
    assert!(open(&r).is_empty());
    let e = r
        .incidents
        .iter()
        .find(|i| i.title == "Elevated error rates")
        .expect("the 1 January incident");
    assert_eq!(
        e.url.as_deref(),
        Some("http://status.parse.com/incidents/lzf7mjchpy20")
    );
    let statuses: Vec<&str> = e.updates.iter().map(|u| u.status.as_str()).collect();
    assert_eq!(statuses, ["resolved", "identified", "investigating"]);
    // "Jan  1, 08:17 PST" .. "Jan  1, 09:09 PST".
    assert_eq!(e.created_at, at("2014-01-01T16:17:00Z"));
    assert_eq!(e.resolved_at, Some(at("2014-01-01T17:09:00Z")));
    assert_eq!(
        e.updates[0].body,
        "We have restored the system to its normal level of operation."
    );
    let analytics = r
        .incidents
        .iter()
        .find(|i| i.title == "Analytics")
        .expect("Analytics");
    // Across the year's end: "Dec 29, 08:04 PST" is 2013.
    assert_eq!(analytics.created_at, at("2013-12-29T16:04:00Z"));
    assert!(
        analytics.updates[1]
            .body
            .contains("We're working to restore")
    );
}

#[test]
fn saucelabs_history_atom_all_resolved_with_html_updates() {
    let r = read(
        real!("saucelabs-uswest-history-2020-11.atom"),
        "2020-11-15T08:17:45Z",
    );
    assert_eq!(r.level, OfficialLevel::Ok);
    assert!(open(&r).is_empty());
    assert_eq!(
        r.page_url.as_deref(),
        Some("https://status.us-west-1.saucelabs.com")
    );
    let e = r
        .incidents
        .iter()
        .find(|i| i.title == "2020-Nov-14 Service Incident")
        .expect("14 November");
    let statuses: Vec<&str> = e.updates.iter().map(|u| u.status.as_str()).collect();
    assert_eq!(statuses, ["resolved", "monitoring"]);
    assert_eq!(e.created_at, at("2020-11-14T21:51:00Z"));
    assert_eq!(e.resolved_at, Some(at("2020-11-14T22:07:00Z")));
    assert!(
        e.updates[1]
            .body
            .starts_with("Tunnels in the US-West were unable to start.")
    );
}

// Google's incidents.json: follows the real incident in Checkmk/checkmk,
// tests/unit/cmk/base/plugins/agent_based/test_gcp_status.py (commit
// 3c0fcd656e579422f1706fc5ff84e42ba029f3ab), "an agent output edited to
// only have a single (unedited) incident": the same field set, with its
// `end` removed to make it open, a second product's resolved incident
// beside it and the texts written here.
const GOOGLE: &str = r#"[
  {
    "id": "aaaa1111bbbb2222cccc",
    "number": "1000000000000000001",
    "begin": "2023-03-10T14:09:43+00:00",
    "created": "2023-03-10T14:26:24+00:00",
    "modified": "2023-03-10T14:30:50+00:00",
    "external_desc": "Errors for Google BigQuery in europe-north1",
    "updates": [
      {
        "created": "2023-03-10T14:26:17+00:00",
        "modified": "2023-03-10T14:26:28+00:00",
        "when": "2023-03-10T14:26:17+00:00",
        "text": "**Summary:** Errors for BigQuery\nDescription: We are looking into it.",
        "status": "SERVICE_DISRUPTION",
        "affected_locations": [{"title": "Finland (europe-north1)", "id": "europe-north1"}]
      }
    ],
    "most_recent_update": {
      "created": "2023-03-10T14:26:17+00:00",
      "modified": "2023-03-10T14:26:28+00:00",
      "when": "2023-03-10T14:26:17+00:00",
      "text": "**Summary:** Errors for BigQuery\nDescription: We are looking into it.",
      "status": "SERVICE_DISRUPTION",
      "affected_locations": [{"title": "Finland (europe-north1)", "id": "europe-north1"}]
    },
    "status_impact": "SERVICE_DISRUPTION",
    "severity": "medium",
    "service_key": "9CcrhHUcFevXPSVaSxkf",
    "service_name": "Google BigQuery",
    "affected_products": [{"title": "Google BigQuery", "id": "9CcrhHUcFevXPSVaSxkf"}],
    "uri": "incidents/aaaa1111bbbb2222cccc",
    "currently_affected_locations": [{"title": "Finland (europe-north1)", "id": "europe-north1"}],
    "previously_affected_locations": []
  },
  {
    "id": "dddd3333eeee4444ffff",
    "number": "1000000000000000002",
    "begin": "2023-03-09T10:00:00+00:00",
    "created": "2023-03-09T10:20:00+00:00",
    "end": "2023-03-09T11:00:00+00:00",
    "modified": "2023-03-09T11:00:00+00:00",
    "external_desc": "Cloud Storage errors",
    "updates": [],
    "status_impact": "SERVICE_OUTAGE",
    "severity": "high",
    "service_key": "UwaYoXQ5bHYHG6EdiPB8",
    "service_name": "Google Cloud Storage",
    "affected_products": [{"title": "Google Cloud Storage", "id": "UwaYoXQ5bHYHG6EdiPB8"}],
    "uri": "incidents/dddd3333eeee4444ffff",
    "currently_affected_locations": [],
    "previously_affected_locations": []
  }
]"#;

#[test]
fn google_incidents_json_open_incidents_in_the_dashboards_words() {
    let source = "https://status.cloud.google.com/incidents.json";
    let r = parse(GOOGLE.as_bytes(), at("2023-03-10T15:00:00Z"), source).expect("parses");
    assert_eq!(r.level, OfficialLevel::Minor);
    assert_eq!(r.description.as_deref(), Some("Service disruption"));
    assert_eq!(
        r.page_url.as_deref(),
        Some("https://status.cloud.google.com")
    );
    let [i] = r.incidents.as_slice() else {
        panic!("the open one only: {:?}", r.incidents);
    };
    assert_eq!(i.title, "Errors for Google BigQuery in europe-north1");
    assert_eq!(i.created_at, at("2023-03-10T14:26:24Z"));
    assert_eq!(i.status, "Service disruption");
    assert_eq!(i.components, ["Google BigQuery", "Finland (europe-north1)"]);
    assert_eq!(
        i.url.as_deref(),
        Some("https://status.cloud.google.com/incidents/aaaa1111bbbb2222cccc")
    );
    assert_eq!(
        i.updates[0].body,
        "Summary: Errors for BigQuery\nDescription: We are looking into it."
    );
    // A product named in the fragment reads that product only.
    let storage = parse(
        GOOGLE.as_bytes(),
        at("2023-03-10T15:00:00Z"),
        "https://status.cloud.google.com/incidents.json#Google Cloud Storage",
    )
    .expect("parses");
    assert_eq!(storage.level, OfficialLevel::Ok);
    assert!(storage.incidents.is_empty());
}

// Slack's status API v2: follows the real answer in
// sprak3000/go-whatsup-client, slack/response_test.go (commit
// 051243a41183a69ce4351a1b5d5d1eb87ffc9c0e): the same fields, numeric
// id, escaped slashes in the URL; the notes written here.
const SLACK_ACTIVE: &str = r#"{"status":"active","date_created":"2023-09-26T11:55:36-07:00","date_updated":"2023-09-26T11:55:36-07:00","active_incidents":[{"id":1269,"date_created":"2023-09-26T11:34:10-07:00","date_updated":"2023-09-26T11:55:36-07:00","title":"Some messages fail to send","type":"incident","status":"active","url":"https:\/\/status.slack.com\/2023-09\/0000aaaa1111bbbb","services":["Messaging","Connections"],"notes":[{"date_created":"2023-09-26T11:55:36-07:00","body":"We&#39;re still on it.<br>More soon."},{"date_created":"2023-09-26T11:34:10-07:00","body":"We're looking into it."}]}]}"#;
const SLACK_OK: &str = r#"{"status":"ok","active_incidents":[],"date_created":"2018-09-07T18:34:15-07:00","date_updated":"2018-09-07T18:34:15-07:00"}"#;

#[test]
fn slack_status_api_active_incident_and_ok() {
    let r = parse(SLACK_ACTIVE.as_bytes(), at("2023-09-26T19:00:00Z"), "s").expect("parses");
    assert_eq!(r.level, OfficialLevel::Minor);
    let [i] = r.incidents.as_slice() else {
        panic!("one: {:?}", r.incidents);
    };
    assert_eq!(i.id, "1269");
    assert_eq!(i.title, "Some messages fail to send");
    assert_eq!(i.created_at, at("2023-09-26T18:34:10Z"));
    assert_eq!(i.components, ["Messaging", "Connections"]);
    assert_eq!(
        i.url.as_deref(),
        Some("https://status.slack.com/2023-09/0000aaaa1111bbbb")
    );
    assert_eq!(i.updates[0].body, "We're still on it.\nMore soon.");
    let ok = parse(SLACK_OK.as_bytes(), at("2018-09-08T02:00:00Z"), "s").expect("parses");
    assert_eq!(ok.level, OfficialLevel::Ok);
    assert!(ok.incidents.is_empty());
}

/// A crowd incident detected at `detected`, open.
fn crowd(detected: DateTime<Utc>) -> Incident {
    let i: Incident = serde_json::from_value(json!({
        "id": "crowd", "service": "github", "region": "global", "state": "outage",
        "started_at": detected - Duration::minutes(3), "detected_at": detected,
        "resolved_at": null, "updated_at": detected, "peak_reports_per_minute": 1.0,
        "peak_at": detected, "total_reports": 1, "top_symptoms": [],
        "detection": {"at": detected, "window_minutes": 5, "observed": 1, "expected": 0.1, "score": 1.0, "alpha": 0.1},
        "affected_regions": [], "global_incident": null, "reopened": 0
    }))
    .expect("incident");
    i
}

/// The real GitHub summary as the page showed it at `t`: the incident with
/// the updates posted by then, or, before it was opened, all operational.
fn github_page_at(real: &Value, t: DateTime<Utc>) -> Value {
    let mut page = real.clone();
    let incident = &real["incidents"][0];
    let opened: DateTime<Utc> = incident["created_at"]
        .as_str()
        .and_then(|s| s.parse().ok())
        .expect("created_at");
    if t < opened {
        page["incidents"] = json!([]);
        page["status"] = json!({"indicator": "none", "description": "All Systems Operational"});
        for c in page["components"].as_array_mut().expect("components") {
            c["status"] = json!("operational");
        }
        return page;
    }
    let posted: Vec<Value> = incident["incident_updates"]
        .as_array()
        .expect("updates")
        .iter()
        .filter(|u| {
            u["display_at"]
                .as_str()
                .and_then(|s| s.parse::<DateTime<Utc>>().ok())
                .is_some_and(|d| d <= t)
        })
        .cloned()
        .collect();
    page["incidents"][0]["incident_updates"] = Value::Array(posted);
    page
}

#[test]
fn replaying_githubs_real_incident_gives_the_acknowledgement_lag() {
    let real: Value =
        serde_json::from_slice(&capture(real!("github-summary-incident-2022-11-25.json")))
            .expect("json");
    // The crowd saw it at 14:31; the page opened the incident at 14:39:09.
    let mut incident = crowd(at("2022-11-25T14:31:00Z"));
    let mut doc = OfficialDoc::default();
    let mut t = at("2022-11-25T14:20:00Z");
    let mut seen = Vec::new();
    while t <= at("2022-11-25T15:52:00Z") {
        let page = github_page_at(&real, t);
        let read = parse(page.to_string().as_bytes(), t, "u").expect("parses");
        super::merge::apply(&mut doc, "u", read, t);
        super::link(&mut incident, Some(&doc));
        seen.push((t, incident.acknowledgement_lag_minutes));
        t += Duration::minutes(1);
    }
    let before: Vec<_> = seen
        .iter()
        .filter(|(t, _)| *t < at("2022-11-25T14:39:09Z"))
        .collect();
    assert!(before.iter().all(|(_, lag)| lag.is_none()), "{before:?}");
    // From the first poll that sees it: 8 min 9.5 s after detection.
    assert_eq!(incident.acknowledgement_lag_minutes, Some(8));
    assert_eq!(
        incident.official_acknowledged_at,
        Some(at("2022-11-25T14:39:09.548Z"))
    );
    let linked = incident.official_incident.as_ref().expect("linked");
    assert_eq!(linked.title, "Incident with Packages and Pages");
    assert_eq!(
        linked.latest_update.as_deref(),
        Some(
            "Packages is now experiencing degraded performance. We are still investigating and will provide an update when we have one."
        )
    );
    assert_eq!(doc.page.incidents[0].updates.len(), 7);
    assert_eq!(
        doc.page.description.as_deref(),
        Some("Minor Service Outage")
    );
    // Since the incident the page opened, not since downwatch's poll.
    assert_eq!(doc.page.since, Some(at("2022-11-25T14:39:09.548Z")));
}
