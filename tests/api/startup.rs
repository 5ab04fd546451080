//! Startup refuses bad configuration with messages that name the problem.

use downwatch::config::Settings;
use downwatch::startup::Application;

async fn startup_error(settings: Settings) -> String {
    match Application::build(settings).await {
        Ok(_) => panic!("startup should have failed"),
        Err(e) => e.to_string(),
    }
}

#[tokio::test]
async fn a_malformed_catalog_names_file_line_and_problem() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("catalog.toml");
    std::fs::write(
        &path,
        "[symptoms]\napp = \"App\"\n\n[[category]]\nslug = \"music\"\nname = \"Music\"\n\n[[service]]\nslug = \"spotify\"\nname = \"Spotify\"\ncategory = \"music\"\nsymptoms = [\"app\", \"lgoin\"]\n",
    )
    .expect("write");

    let e = startup_error(Settings {
        listen: "127.0.0.1:0".into(),
        catalog: Some(path.clone()),
        ..Settings::default()
    })
    .await;

    assert!(e.starts_with(&format!("{}:12:", path.display())), "{e}");
    assert!(e.contains("unknown symptom \"lgoin\""), "{e}");
}

#[tokio::test]
async fn a_missing_catalog_or_bad_geoip_file_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let e = startup_error(Settings {
        listen: "127.0.0.1:0".into(),
        catalog: Some(dir.path().join("nope.toml")),
        ..Settings::default()
    })
    .await;
    assert!(e.contains("nope.toml"), "{e}");

    let bad = dir.path().join("bad.mmdb");
    std::fs::write(&bad, b"this is not a MaxMind database").expect("write");
    let e = startup_error(Settings {
        listen: "127.0.0.1:0".into(),
        geoip: Some(bad),
        ..Settings::default()
    })
    .await;
    assert!(
        e.contains("bad.mmdb") && e.contains("not a usable MaxMind DB"),
        "{e}"
    );
}

#[tokio::test]
async fn an_invalid_redis_url_is_refused() {
    let e = startup_error(Settings {
        listen: "127.0.0.1:0".into(),
        redis_url: Some("http://nope".into()),
        ..Settings::default()
    })
    .await;
    assert!(e.contains("--redis-url"), "{e}");
}
