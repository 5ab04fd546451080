//! The OpenAPI document: served, valid OpenAPI 3, and covering every route
//! the app registers (derived from the route table in `src/api/mod.rs`),
//! while every documented path is really served.

use crate::common::spawn_app;
use serde_json::Value;

/// (method, path) of every route `src/api/mod.rs` registers, read from the
/// source so a route added there without documentation fails this test.
fn registered_routes() -> Vec<(String, String)> {
    let source = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/api/mod.rs"))
        .expect("read src/api/mod.rs");
    let mut routes = Vec::new();
    let mut rest = source.as_str();
    while let Some(at) = rest.find("resource(") {
        rest = &rest[at + "resource(".len()..];
        let Some(open) = rest.find('"') else { break };
        let after = &rest[open + 1..];
        let Some(close) = after.find('"') else { break };
        let path = &after[..close];
        if !path.starts_with('/') {
            continue;
        }
        // The admin routes sit in their scope, registered relative to it.
        let path =
            if path.starts_with("/api/") || matches!(path, "/healthz" | "/readyz" | "/metrics") {
                path.to_string()
            } else {
                format!("/api/v1/admin{path}")
            };
        // Every `web::<method>()` up to the next resource.
        let end = after.find("resource(").unwrap_or(after.len());
        let mut routes_of = &after[..end];
        while let Some(web) = routes_of.find("web::") {
            routes_of = &routes_of[web + 5..];
            let method: String = routes_of
                .chars()
                .take_while(|c| c.is_ascii_alphabetic())
                .collect();
            if ["get", "post", "put", "delete", "patch"].contains(&method.as_str()) {
                routes.push((method, path.clone()));
            }
        }
    }
    routes
}

#[tokio::test]
async fn the_openapi_document_is_valid_and_covers_every_route() {
    let app = spawn_app().await;

    let r = app.get("/api/v1/openapi.json").await;
    assert_eq!(r.status(), 200);
    let doc: Value = r.json().await.expect("json");

    assert!(
        doc["openapi"].as_str().is_some_and(|v| v.starts_with("3.")),
        "{}",
        doc["openapi"]
    );
    let parsed: utoipa::openapi::OpenApi =
        serde_json::from_value(doc.clone()).expect("parses as an OpenAPI document");
    let routes = registered_routes();
    assert!(
        routes.len() >= 10 && routes.iter().any(|(_, p)| p == "/api/v1/reports"),
        "route table not found: {routes:?}"
    );
    for (method, path) in &routes {
        let item = parsed
            .paths
            .paths
            .get(path)
            .unwrap_or_else(|| panic!("{path} is registered but not documented"));
        let operation = match method.as_str() {
            "get" => item.get.as_ref(),
            "post" => item.post.as_ref(),
            "put" => item.put.as_ref(),
            "delete" => item.delete.as_ref(),
            other => panic!("unexpected method {other} for {path}"),
        };
        let operation =
            operation.unwrap_or_else(|| panic!("{method} {path} is registered, not documented"));
        let expected: &[&str] = if path.starts_with("/api/v1/admin/") {
            &["401", "403", "404", "503"]
        } else if path.starts_with("/api/") {
            &["429", "503"]
        } else {
            &[]
        };
        for status in expected {
            assert!(
                operation.responses.responses.contains_key(*status),
                "{method} {path} does not document {status}"
            );
        }
    }
    for path in parsed.paths.paths.keys() {
        assert!(
            routes.iter().any(|(_, p)| p == path),
            "{path} is documented but not registered"
        );
    }

    let error = &doc["components"]["schemas"]["ErrorBody"];
    let required: Vec<&str> = error["required"]
        .as_array()
        .expect("required")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(required.contains(&"error") && required.contains(&"message"));
    let schemes = &doc["components"]["securitySchemes"];
    assert_eq!(schemes["api_key"]["scheme"], "bearer");
    assert_eq!(schemes["api_key_header"]["name"], "X-API-Key");
    assert_eq!(schemes["admin_token"]["scheme"], "bearer");
    let report = &doc["paths"]["/api/v1/reports"]["post"];
    for status in ["202", "400", "404", "413", "415", "422", "429", "503"] {
        assert!(report["responses"][status].is_object(), "reports {status}");
    }
    assert!(report["requestBody"]["content"]["application/json"].is_object());
    let update = &doc["paths"]["/api/v1/admin/services/{service}/incidents/{id}/updates"]["post"];
    assert_eq!(update["security"][0]["admin_token"], serde_json::json!([]));
    for status in ["201", "400", "413", "415", "422"] {
        assert!(update["responses"][status].is_object(), "update {status}");
    }
}

#[tokio::test]
async fn every_documented_path_is_served() {
    let app = spawn_app().await;
    let doc = app.get_json("/api/v1/openapi.json").await;
    let paths = doc["paths"].as_object().expect("paths");
    for (path, item) in paths {
        if path == "/api/v1/events" {
            continue; // endless stream; covered by the detection tests
        }
        let concrete = path
            .replace("{slug}", "spotify")
            .replace("{service}", "spotify")
            .replace("{id}", "spotify.global.1");
        for method in item.as_object().expect("item").keys() {
            let request = match method.as_str() {
                "get" => app.client.get(app.url(&concrete)),
                "post" => app
                    .client
                    .post(app.url(&concrete))
                    .json(&serde_json::json!({})),
                "delete" => app.client.delete(app.url(&concrete)),
                _ => continue,
            };
            let r = request.send().await.expect("request");
            let status = r.status().as_u16();
            let body = r.text().await.unwrap_or_default();
            assert_ne!(status, 405, "{method} {path}: {body}");
            assert!(
                !body.contains("\"error\":\"not_found\""),
                "{method} {path} is documented but not served: {body}"
            );
            assert!(status < 500, "{method} {path}: {status} {body}");
        }
    }
}
