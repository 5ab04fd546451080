//! Following a service by email, against a real SMTP server (aiosmtpd,
//! tests/common/smtp_server.rs): double opt-in (nothing but the
//! confirmation before its link is opened), notices with RFC 8058
//! one-click unsubscribe, unsubscribing by the GET link and by the
//! one-click POST (the address is gone from Redis), the form on the
//! status page, and the per-address and global mail limits.

use crate::common::smtp_server::{SmtpServer, link_in};
use crate::common::{
    AppOptions, MANY_NETWORKS, RedisServer, TestApp, assert_error, back_to_normal,
    quiet_hour_then_surge, spawn_app_with,
};
use downwatch::config::Settings;
use downwatch::ingest::Secret;
use serde_json::{Value, json};
use std::time::Duration;

/// Where mails say the site is; tests swap in the app's own address.
const PUBLIC: &str = "http://downwatch.test";

async fn spawn_mail_app(
    smtp: &SmtpServer,
    redis_url: Option<String>,
    detector_ms: u64,
    tweak: impl FnOnce(&mut Settings) + Send + 'static,
) -> TestApp {
    let url = smtp.url();
    spawn_app_with(AppOptions {
        redis_url,
        detector_interval_ms: detector_ms,
        tweak: Some(Box::new(move |s| {
            s.delivery_poll_ms = 20;
            s.delivery_retry_base_ms = 50;
            s.follow.smtp_url = Some(Secret::new(url));
            s.follow.smtp_from = Some("Downwatch <alerts@downwatch.test>".to_string());
            s.follow.public_url = Some(PUBLIC.to_string());
            s.follow.follow_requests_per_minute_per_ip = 0;
            tweak(s);
        })),
        ..AppOptions::default()
    })
    .await
}

async fn subscribe(app: &TestApp, service: &str, email: &str) -> reqwest::Response {
    app.client
        .post(app.url(&format!("/api/v1/services/{service}/follow/email")))
        .json(&json!({"kind": "problems", "email": email}))
        .send()
        .await
        .expect("request")
}

/// A link from a mail, as a path of the test app.
fn local(link: &str) -> String {
    link.strip_prefix(PUBLIC)
        .expect("a link to the site")
        .to_string()
}

fn subject(mail: &Value) -> &str {
    mail["headers"]["subject"].as_str().unwrap_or("")
}

async fn settle() {
    tokio::time::sleep(Duration::from_millis(800)).await;
}

fn followers(redis: &RedisServer) -> usize {
    redis::cmd("HLEN")
        .arg("dw:{spotify}:followers")
        .query(&mut redis.client())
        .expect("hlen")
}

/// Whether any key or value in Redis mentions `needle`.
fn redis_mentions(redis: &RedisServer, needle: &str) -> bool {
    let mut conn = redis.client();
    let keys: Vec<String> = redis::cmd("KEYS").arg("*").query(&mut conn).expect("keys");
    keys.iter().any(|k| {
        let kind: String = redis::cmd("TYPE").arg(k).query(&mut conn).expect("type");
        let dump: Vec<Vec<u8>> = match kind.as_str() {
            "string" => vec![redis::cmd("GET").arg(k).query(&mut conn).expect("get")],
            "hash" => redis::cmd("HVALS").arg(k).query(&mut conn).expect("hvals"),
            "zset" => redis::cmd("ZRANGE")
                .arg(k)
                .arg(0)
                .arg(-1)
                .query(&mut conn)
                .expect("zrange"),
            "list" => redis::cmd("LRANGE")
                .arg(k)
                .arg(0)
                .arg(-1)
                .query(&mut conn)
                .expect("lrange"),
            _ => Vec::new(),
        };
        let dump: Vec<String> = dump
            .iter()
            .map(|v| String::from_utf8_lossy(v).to_string())
            .collect();
        k.contains(needle) || dump.iter().any(|v| v.contains(needle))
    })
}

#[tokio::test]
async fn nothing_is_mailed_before_confirmation_and_one_click_post_unsubscribes() {
    let smtp = SmtpServer::start();
    let redis = RedisServer::start();
    let app = spawn_mail_app(&smtp, Some(redis.url()), 20, |_| {}).await;
    let r = subscribe(&app, "spotify", "  Fan@Example.com ").await;
    assert_eq!(r.status(), 202);
    assert_eq!(
        r.json::<Value>().await.expect("json")["status"],
        "confirmation_sent"
    );
    let mails = smtp.wait_for(|m| !m.is_empty()).await;
    let confirm = &mails[0];
    assert_eq!(confirm["rcpt_tos"], json!(["fan@example.com"]));
    assert_eq!(subject(confirm), "Confirm: notices about Spotify");
    assert!(confirm["headers"].get("list-unsubscribe").is_none());
    let confirm_link = link_in(confirm, "/confirm?sig=");

    // An outage before the link is opened: nothing is sent.
    quiet_hour_then_surge(&[&app], &MANY_NETWORKS).await;
    let outage = app.active_global_outage().await;
    settle().await;
    assert_eq!(smtp.mails().len(), 1, "{:?}", smtp.mails());

    let page = app.get(&local(&confirm_link)).await;
    assert_eq!(page.status(), 200);
    assert!(
        page.text()
            .await
            .expect("page")
            .contains("Subscription confirmed")
    );
    let forged = local(&confirm_link).replace("sig=", "sig=00");
    assert_eq!(app.get(&forged).await.status(), 404);

    back_to_normal(&[&app]).await;
    app.wait_for_json(&format!("/api/v1/outages/{outage}"), |v| {
        v["state"] == "resolved"
    })
    .await;
    let mails = smtp.wait_for(|m| m.len() >= 2).await;
    let notice = &mails[1];
    assert_eq!(subject(notice), "Spotify is back");
    let body = notice["body"].as_str().expect("body");
    assert!(
        body.starts_with("Reports about Spotify are back to the usual level"),
        "{body}"
    );
    assert!(
        body.contains(&format!("Live reports: {PUBLIC}/en/status/spotify")),
        "{body}"
    );
    assert_eq!(
        notice["headers"]["list-unsubscribe-post"],
        "List-Unsubscribe=One-Click"
    );
    let header = notice["headers"]["list-unsubscribe"]
        .as_str()
        .expect("List-Unsubscribe");
    let one_click = header.trim_start_matches('<').trim_end_matches('>');
    assert!(
        one_click.starts_with(&format!("{PUBLIC}/follow/spotify/")),
        "{header}"
    );
    assert!(redis_mentions(&redis, "fan@example.com"));

    // RFC 8058: what a mail program sends.
    let r = app
        .client
        .post(app.url(&local(one_click)))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("List-Unsubscribe=One-Click")
        .send()
        .await
        .expect("request");
    assert_eq!(r.status(), 200);
    assert_eq!(followers(&redis), 0);
    assert!(
        !redis_mentions(&redis, "fan@example.com"),
        "the address is deleted"
    );
}

#[tokio::test]
async fn a_confirmed_follower_gets_the_notice_and_unsubscribes_by_link() {
    let smtp = SmtpServer::start();
    let redis = RedisServer::start();
    let app = spawn_mail_app(&smtp, Some(redis.url()), 20, |_| {}).await;
    assert_eq!(
        subscribe(&app, "spotify", "fan@example.com").await.status(),
        202
    );
    let mails = smtp.wait_for(|m| !m.is_empty()).await;
    let confirm_link = link_in(&mails[0], "/confirm?sig=");
    assert_eq!(app.get(&local(&confirm_link)).await.status(), 200);

    quiet_hour_then_surge(&[&app], &MANY_NETWORKS).await;
    let mails = smtp.wait_for(|m| m.len() >= 2).await;
    let notice = &mails[1];
    assert!(
        subject(notice).starts_with("Spotify: problems reported"),
        "{notice}"
    );
    let body = notice["body"].as_str().expect("body");
    assert!(
        body.starts_with("People report problems with Spotify"),
        "{body}"
    );
    let unsubscribe = link_in(notice, "/unsubscribe?sig=");
    assert_eq!(
        notice["headers"]["list-unsubscribe"].as_str(),
        Some(format!("<{unsubscribe}>").as_str())
    );

    let page = app.get(&local(&unsubscribe)).await;
    assert_eq!(page.status(), 200);
    assert!(page.text().await.expect("page").contains("Unsubscribed"));
    assert_eq!(followers(&redis), 0);
    assert!(!redis_mentions(&redis, "fan@example.com"));
    // Asking again is fine; a forged link is not.
    assert_eq!(app.get(&local(&unsubscribe)).await.status(), 200);
    let forged = local(&unsubscribe).replace("/spotify/", "/netflix/");
    assert_eq!(app.get(&forged).await.status(), 404);

    back_to_normal(&[&app]).await;
    settle().await;
    assert_eq!(smtp.mails().len(), 2, "nothing after unsubscribing");
}

#[tokio::test]
async fn mail_limits_hold_per_address_and_overall() {
    let smtp = SmtpServer::start();
    let app = spawn_mail_app(&smtp, None, 0, |s| {
        s.follow.mails_per_address_per_hour = 2;
        s.follow.mails_per_hour = 3;
        s.delivery_max_attempts = 2;
    })
    .await;
    // Three asks for one address: two confirmations at most.
    for _ in 0..3 {
        assert_eq!(
            subscribe(&app, "spotify", "target@example.com")
                .await
                .status(),
            202
        );
    }
    smtp.wait_for(|m| m.len() >= 2).await;
    // Two more addresses: the global limit leaves room for one.
    assert_eq!(
        subscribe(&app, "spotify", "b@example.com").await.status(),
        202
    );
    assert_eq!(
        subscribe(&app, "spotify", "c@example.com").await.status(),
        202
    );
    smtp.wait_for(|m| m.len() >= 3).await;
    settle().await;

    let mails = smtp.mails();
    let to = |who: &str| mails.iter().filter(|m| m["rcpt_tos"][0] == who).count();
    assert_eq!(to("target@example.com"), 2);
    assert_eq!(mails.len(), 3, "{mails:?}");
}

#[tokio::test]
async fn the_status_page_form_subscribes_without_javascript() {
    let smtp = SmtpServer::start();
    let app = spawn_mail_app(&smtp, None, 0, |_| {}).await;
    let page = app.get("/status/spotify").await.text().await.expect("page");
    assert!(
        page.contains(r#"action="/api/v1/services/spotify/follow/email""#),
        "{page}"
    );
    assert!(page.contains("/status/spotify/feed.atom"));

    let post = |body: &'static str| {
        app.client
            .post(app.url("/api/v1/services/spotify/follow/email"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
    };
    let r = post("email=form%40example.com&kind=problems")
        .await
        .expect("request");
    assert_eq!(r.status(), 303);
    let location = r.headers()["location"]
        .to_str()
        .expect("location")
        .to_string();
    assert_eq!(location, "/status/spotify?followed=email");
    let page = app.get(&location).await.text().await.expect("page");
    assert!(page.contains("Check your inbox"), "{page}");
    smtp.wait_for(|m| m.iter().any(|m| m["rcpt_tos"][0] == "form@example.com"))
        .await;

    let r = post("email=not-an-address&kind=problems")
        .await
        .expect("request");
    assert_eq!(
        r.headers()["location"],
        "/status/spotify?followed=email-invalid"
    );
    let r = post("email=x%40example.com&kind=back")
        .await
        .expect("request");
    assert_eq!(
        r.headers()["location"],
        "/status/spotify?followed=no-incident"
    );

    let r = subscribe(&app, "spotify", "not-an-address").await;
    assert_error(r, 422, "invalid_email").await;
}

async fn subscribe_from(app: &TestApp, client: &str, email: &str, form: bool) -> reqwest::Response {
    let request = app
        .client
        .post(app.url("/api/v1/services/spotify/follow/email"))
        .header("x-forwarded-for", client);
    let request = if form {
        request
            .header("content-type", "application/x-www-form-urlencoded")
            .body(format!("kind=problems&email={}", email.replace('@', "%40")))
    } else {
        request.json(&json!({"kind": "problems", "email": email}))
    };
    request.send().await.expect("request")
}

#[tokio::test]
async fn a_follow_answers_alike_whether_or_not_the_address_is_subscribed() {
    let smtp = SmtpServer::start();
    let app = spawn_mail_app(&smtp, None, 0, |s| s.follow.follows_per_client = 2).await;
    // Someone else follows with known@; this client uses up its cap.
    let r = subscribe_from(&app, "89.160.20.112", "known@example.com", false).await;
    assert_eq!(r.status(), 202);
    for email in ["a@example.com", "b@example.com"] {
        let r = subscribe_from(&app, "81.2.69.142", email, false).await;
        assert_eq!(r.status(), 202);
    }

    // The known address and a new one get the same answer, in JSON…
    for email in ["known@example.com", "new@example.com"] {
        let r = subscribe_from(&app, "81.2.69.142", email, false).await;
        assert_error(r, 422, "too_many_follows").await;
    }
    // …and from the page's form.
    for email in ["known@example.com", "new@example.com"] {
        let r = subscribe_from(&app, "81.2.69.142", email, true).await;
        assert_eq!(r.status(), 303, "{email}");
        assert_eq!(
            r.headers()["location"],
            "/status/spotify?followed=limited",
            "{email}"
        );
    }
}

#[tokio::test]
async fn addresses_at_domains_that_are_not_public_are_refused() {
    let smtp = SmtpServer::start();
    let app = spawn_mail_app(&smtp, None, 0, |_| {}).await;
    for email in [
        "a@[127.0.0.1]",
        "a@localhost",
        "a@printer",
        "a@nas.local",
        "a@box.localhost",
        "a@metadata.google.internal",
        "a@x.test",
        "a@x.invalid",
        "a@x.example",
    ] {
        let r = subscribe_from(&app, "81.2.69.142", email, false).await;
        assert_error(r, 422, "invalid_email").await;
    }
    let r = subscribe_from(&app, "81.2.69.142", "fan@example.com", false).await;
    assert_eq!(r.status(), 202);
}

#[tokio::test]
async fn a_confirm_link_past_its_deadline_confirms_nothing_without_the_sweeper() {
    let smtp = SmtpServer::start();
    let redis = RedisServer::start();
    let app = spawn_mail_app(&smtp, Some(redis.url()), 0, |_| {}).await;
    let r = subscribe(&app, "spotify", "late@example.com").await;
    assert_eq!(r.status(), 202);
    let mails = smtp.wait_for(|m| !m.is_empty()).await;
    let confirm_link = link_in(&mails[0], "/confirm?sig=");
    assert_eq!(followers(&redis), 1);

    // A day and a minute later, with no sweeper having run.
    app.clock
        .advance(chrono::Duration::hours(24) + chrono::Duration::minutes(1));
    let page = app.get(&local(&confirm_link)).await;
    assert_eq!(page.status(), 404);
    assert!(page.text().await.expect("page").contains("expired"));
    assert_eq!(followers(&redis), 0, "the late follower is removed");
}
