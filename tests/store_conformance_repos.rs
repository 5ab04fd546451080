//! The typed repositories over the store, per repository, on a fresh
//! `MemoryStore`, a private redis-server and a private three-master Redis
//! Cluster: domain values go in and come back equal, the stored JSON is
//! the format earlier versions wrote and read (docs/storage.md), and a
//! value that cannot be read is taken as absent. (`store_conformance.rs`
//! checks the backends' own contract under the typed layer.)

mod common;

use chrono::{DateTime, Duration, Utc};
use common::{RedisCluster, RedisServer, test_start};
use downwatch::detect::{Incident, IncidentUpdate, Status};
use downwatch::events::delivery::{Channel, Delivery};
use downwatch::events::follow::{FOLLOWERS, FollowKind, FollowTarget, Follower};
use downwatch::events::webhooks::{WEBHOOKS, Webhook};
use downwatch::read::status::{STATUS_DOC, StatusDoc};
use downwatch::store::{DocName, MemoryStore, RedisStore, Store};
use serde_json::{Value, json};
use std::future::Future;
use std::sync::Arc;

async fn on_every_store<F, Fut>(case: F)
where
    F: Fn(Arc<dyn Store>) -> Fut,
    Fut: Future<Output = ()>,
{
    case(Arc::new(MemoryStore::new(60))).await;
    let redis = RedisServer::start();
    case(Arc::new(
        RedisStore::new(&redis.url(), 60).expect("redis store"),
    ))
    .await;
    let cluster = RedisCluster::start();
    case(Arc::new(
        RedisStore::new(&cluster.url(), 60).expect("cluster store"),
    ))
    .await;
}

fn incident(id: &str, started: DateTime<Utc>) -> Incident {
    serde_json::from_value(json!({
        "id": id, "service": "spotify", "region": "global", "state": "outage",
        "started_at": started, "detected_at": started + Duration::minutes(2),
        "resolved_at": null, "updated_at": started, "peak_reports_per_minute": 12.5,
        "peak_at": started, "total_reports": 40, "top_symptoms": [],
        "detection": {"at": started, "window_minutes": 5, "observed": 40, "expected": 2.0, "score": 9.0, "alpha": 0.1},
        "affected_regions": [], "global_incident": null, "reopened": 0
    }))
    .expect("incident")
}

fn follower(id: &str) -> Follower {
    Follower {
        id: id.to_string(),
        service: "spotify".to_string(),
        kind: FollowKind::Back,
        region: Some("DE".to_string()),
        incident: None,
        target: FollowTarget::Email {
            address: "someone@example.com".to_string(),
            confirmed: true,
        },
        created_at: test_start(),
        expires_at: test_start() + Duration::days(90),
        lang: downwatch::i18n::Lang::PtBr,
    }
}

fn webhook(id: &str) -> Webhook {
    Webhook {
        id: id.to_string(),
        service: "spotify".to_string(),
        region: None,
        url: "https://example.com/hook".to_string(),
        secret: "0123456789abcdef".to_string(),
        created_at: test_start(),
    }
}

#[tokio::test]
async fn documents_come_back_as_saved_and_unreadable_ones_as_absent() {
    on_every_store(|store| async move {
        let who = store.describe();
        let doc = StatusDoc {
            status: Status::Outage,
            regions: [("US".to_string(), Status::Possible)].into(),
            expected_per_minute: 3.25,
            active_incidents: vec!["spotify.global.1".to_string()],
            updated_at: Some(test_start()),
            global: Some(Status::Outage),
        };
        store.save("spotify", STATUS_DOC, &doc).await.expect("save");
        let back = store.load("spotify", STATUS_DOC).await.expect("load");
        assert_eq!(
            serde_json::to_value(back.expect("saved")).expect("json"),
            serde_json::to_value(&doc).expect("json"),
            "{who}"
        );
        // Stored as the untyped store stored it: the document's own JSON.
        let raw = store.get_doc("spotify", "status").await.expect("raw");
        assert_eq!(
            raw.as_deref()
                .map(|j| serde_json::from_str::<Value>(j).expect("json")),
            Some(serde_json::to_value(&doc).expect("json")),
            "{who}"
        );
        // Several services in order; none, and unreadable, are absent.
        store
            .put_doc("zoom", "status", "{not json")
            .await
            .expect("raw put");
        let each = store
            .load_each(&["netflix", "spotify", "zoom"], STATUS_DOC)
            .await
            .expect("load each");
        assert_eq!(
            each.iter().map(Option::is_some).collect::<Vec<_>>(),
            [false, true, false],
            "{who}"
        );
        // A document written by the untyped store is read.
        const FLAG: DocName<bool> = DocName::new("demo");
        store.put_doc("spotify", "demo", "true").await.expect("raw");
        assert_eq!(store.load("spotify", FLAG).await.expect("flag"), Some(true));
    })
    .await;
}

#[tokio::test]
async fn incidents_are_listed_newest_first_with_their_updates_apart() {
    on_every_store(|store| async move {
        let who = store.describe();
        let older = incident("spotify.global.1", test_start());
        let newer = incident("spotify.global.2", test_start() + Duration::hours(1));
        store.save_incident(&newer).await.expect("save");
        store.save_incident(&older).await.expect("save");
        let listed = store.incidents("spotify", 10).await.expect("list");
        assert_eq!(listed, vec![newer.clone(), older.clone()], "{who}");
        assert_eq!(
            store.incident("spotify", &older.id).await.expect("get"),
            Some(older.clone())
        );
        assert!(store.has_incident("spotify", &newer.id).await.expect("has"));
        assert!(!store.has_incident("netflix", &newer.id).await.expect("has"));

        let update = IncidentUpdate {
            at: test_start() + Duration::minutes(5),
            status: serde_json::from_value(json!("investigating")).expect("status"),
            message: "Looking into it".to_string(),
        };
        store
            .add_update("spotify", &older.id, &update)
            .await
            .expect("update");
        store
            .add_incident_update("spotify", &older.id, "{unreadable")
            .await
            .expect("raw update");
        let updates = store
            .updates("spotify", &[newer.id.as_str(), older.id.as_str()])
            .await
            .expect("updates");
        assert_eq!(updates, vec![vec![], vec![update]], "{who}");

        // An unreadable incident is skipped in lists, an error by id.
        store
            .put_incident("spotify", "spotify.global.3", 1, "{unreadable")
            .await
            .expect("raw incident");
        assert_eq!(store.incidents("spotify", 10).await.expect("list").len(), 2);
        assert!(store.incident("spotify", "spotify.global.3").await.is_err());
    })
    .await;
}

#[tokio::test]
async fn webhooks_and_followers_are_capped_sets_of_their_own() {
    on_every_store(|store| async move {
        let who = store.describe();
        for id in ["a", "b"] {
            assert!(
                store
                    .put_capped(WEBHOOKS, "spotify", id, &webhook(id), 2)
                    .await
                    .expect("put")
            );
        }
        assert!(
            !store
                .put_capped(WEBHOOKS, "spotify", "c", &webhook("c"), 2)
                .await
                .expect("capped"),
            "{who}"
        );
        // The same ids in the followers' set: a set of its own.
        let f = follower("a");
        assert!(
            store
                .put_capped(FOLLOWERS, "spotify", "a", &f, 1)
                .await
                .expect("put")
        );
        assert_eq!(
            store.capped(FOLLOWERS, "spotify", "a").await.expect("get"),
            Some(f.clone()),
            "{who}"
        );
        let mut hooks = store.all_capped(WEBHOOKS, "spotify").await.expect("list");
        hooks.sort_by(|x, y| x.id.cmp(&y.id));
        assert_eq!(hooks, vec![webhook("a"), webhook("b")], "{who}");
        // What the untyped methods stored and read is the same thing.
        assert_eq!(store.list_webhooks("spotify").await.expect("raw").len(), 2);
        let raw = store
            .get_follower("spotify", "a")
            .await
            .expect("raw")
            .expect("stored");
        assert_eq!(
            serde_json::from_str::<Value>(&raw).expect("json"),
            serde_json::to_value(&f).expect("json")
        );
        // An unreadable member is skipped.
        store
            .put_follower("spotify", "z", "{unreadable", 10)
            .await
            .expect("raw");
        assert_eq!(
            store.all_capped(FOLLOWERS, "spotify").await.expect("list"),
            vec![f],
            "{who}"
        );
    })
    .await;
}

#[tokio::test]
async fn deliveries_come_back_typed_and_keep_the_stored_format() {
    on_every_store(|store| async move {
        let who = store.describe();
        let now = 1_000_000;
        let delivery = Delivery {
            id: "d1".to_string(),
            service: "spotify".to_string(),
            recipient: "a".to_string(),
            event: "notice".to_string(),
            attempt: 0,
            body: "{\"kind\":\"back\"}".to_string(),
            channel: Channel::Follow,
            follower: Some(follower("a")),
        };
        store.queue(now, &delivery).await.expect("queue");
        store
            .enqueue_delivery(now, "{unreadable")
            .await
            .expect("raw queue");
        let mut claimed = store.claim::<Delivery>(now, 1000, 10).await.expect("claim");
        assert_eq!(claimed.len(), 2, "{who}");
        claimed.sort_by_key(|c| c.delivery.is_none());
        assert_eq!(claimed[0].delivery.as_ref(), Some(&delivery), "{who}");
        assert!(claimed[1].delivery.is_none(), "unreadable: {who}");

        // A retry replaces the attempt; finishing the unreadable one drops it.
        let retry = Delivery {
            attempt: 1,
            ..delivery.clone()
        };
        store
            .finish(&claimed[0], Some((now + 10, &retry)))
            .await
            .expect("retry");
        store.finish(&claimed[1], None).await.expect("drop");
        let raw = store
            .claim_deliveries(now + 5000, 1000, 10)
            .await
            .expect("raw claim");
        assert_eq!(raw.len(), 1, "{who}");
        // The follower rides along as JSON text, as earlier versions wrote it.
        let stored: Value = serde_json::from_str(&raw[0]).expect("json");
        let inner = stored["follower"].as_str().expect("follower as text");
        assert_eq!(
            serde_json::from_str::<Value>(inner).expect("json"),
            serde_json::to_value(follower("a")).expect("json")
        );
        assert_eq!(stored["attempt"], json!(1));
        // The recipient keeps its stored name from before followers.
        assert_eq!(stored["webhook"], json!("a"), "{who}");
    })
    .await;
}

#[tokio::test]
async fn a_logged_event_is_read_back_as_its_json() {
    on_every_store(|store| async move {
        let before = store.changes().await.expect("changes");
        let event = json!({"kind": "opened", "incident": {"id": "x"}});
        let (id, json) = store.log_event(&event).await.expect("log");
        assert_eq!(serde_json::from_str::<Value>(&json).expect("json"), event);
        assert_eq!(store.changes().await.expect("changes"), before + 1);
        let all = store.read_events(None, 10).await.expect("read");
        assert_eq!(all.last(), Some(&(id, json)), "{}", store.describe());
    })
    .await;
}
