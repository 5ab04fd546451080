//! A local push service and the browsers subscribed to it.
//!
//! A [`Browser`] holds what a real browser keeps to itself: the private
//! P-256 key of its subscription and the auth secret. The [`PushService`]
//! records every delivery and answers a status the test sets (201, or 410
//! for a subscription the browser dropped). Tests decrypt the payload
//! (RFC 8291) with the browser's keys and check the VAPID token
//! (RFC 8292): signed by the server's published key, for this push
//! service's origin, from the configured contact, expiring within a day.

use super::http_request::read_request_line;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Value, json};
use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicU16, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::io::AsyncWriteExt;
use tokio::net::TcpListener;
use web_push_native::jwt_simple::prelude::{
    ECDSAP256PublicKeyLike, ES256PublicKey, NoCustomClaims, VerificationOptions,
};
use web_push_native::p256::SecretKey;
use web_push_native::p256::elliptic_curve::rand_core::OsRng;
use web_push_native::p256::elliptic_curve::sec1::ToEncodedPoint;

/// One message the push service got.
#[derive(Debug, Clone)]
pub struct Pushed {
    /// The subscription it was for (the endpoint's last path segment).
    pub browser: String,
    pub headers: HashMap<String, String>,
    pub body: Vec<u8>,
    pub answered: u16,
}

#[derive(Clone)]
pub struct PushService {
    pub origin: String,
    got: Arc<Mutex<Vec<Pushed>>>,
    answer: Arc<AtomicU16>,
}

impl PushService {
    /// Starts answering 201 Created, as push services do.
    pub async fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let origin = format!("http://{}", listener.local_addr().expect("addr"));
        let got: Arc<Mutex<Vec<Pushed>>> = Arc::default();
        let answer = Arc::new(AtomicU16::new(201));
        let (log, status) = (got.clone(), answer.clone());
        tokio::spawn(async move {
            loop {
                let Ok((mut socket, _)) = listener.accept().await else {
                    return;
                };
                let (log, status) = (log.clone(), status.clone());
                tokio::spawn(async move {
                    let Some((path, headers, body)) = read_request_line(&mut socket).await else {
                        return;
                    };
                    let answered = status.load(Ordering::SeqCst);
                    let browser = path.rsplit('/').next().unwrap_or("").to_string();
                    log.lock().expect("lock").push(Pushed {
                        browser,
                        headers,
                        body,
                        answered,
                    });
                    let reply = format!(
                        "HTTP/1.1 {answered} X\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
                    );
                    let _ = socket.write_all(reply.as_bytes()).await;
                });
            }
        });
        Self {
            origin,
            got,
            answer,
        }
    }

    /// The status every later delivery gets.
    pub fn answer(&self, status: u16) {
        self.answer.store(status, Ordering::SeqCst);
    }

    pub fn received(&self) -> Vec<Pushed> {
        self.got.lock().expect("lock").clone()
    }

    /// Waits until the deliveries satisfy `done`.
    pub async fn wait_for(&self, done: impl Fn(&[Pushed]) -> bool) -> Vec<Pushed> {
        for _ in 0..400 {
            let got = self.received();
            if done(&got) {
                return got;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!(
            "the push service did not get what was expected: {:?}",
            self.received()
        );
    }

    /// A new browser subscribed here as `name`.
    pub fn browser(&self, name: &str) -> Browser {
        let mut auth = [0u8; 16];
        getrandom::fill(&mut auth).expect("random");
        Browser {
            name: name.to_string(),
            endpoint: format!("{}/push/v2/{name}", self.origin),
            secret: SecretKey::random(&mut OsRng),
            auth,
        }
    }
}

/// A browser's side of one push subscription.
pub struct Browser {
    pub name: String,
    pub endpoint: String,
    secret: SecretKey,
    auth: [u8; 16],
}

impl Browser {
    /// What `PushSubscription.toJSON()` gives the page.
    pub fn subscription(&self) -> Value {
        json!({
            "endpoint": self.endpoint,
            "expirationTime": null,
            "keys": {
                "p256dh": URL_SAFE_NO_PAD.encode(self.secret.public_key().to_encoded_point(false).as_bytes()),
                "auth": URL_SAFE_NO_PAD.encode(self.auth),
            }
        })
    }

    /// Its deliveries among `all`.
    pub fn mine(&self, all: &[Pushed]) -> Vec<Pushed> {
        all.iter()
            .filter(|p| p.browser == self.name)
            .cloned()
            .collect()
    }

    /// The payload of `pushed`, decrypted as the browser would (fails the
    /// test when it does not decrypt).
    pub fn read(&self, pushed: &Pushed) -> Value {
        assert_eq!(
            pushed.headers.get("content-encoding").map(String::as_str),
            Some("aes128gcm")
        );
        let plain = web_push_native::decrypt(
            pushed.body.clone(),
            &self.secret,
            web_push_native::Auth::from_slice(&self.auth),
        )
        .expect("the payload decrypts with the browser's keys");
        serde_json::from_slice(&plain).expect("the payload is JSON")
    }
}

/// Checks the VAPID `Authorization: vapid t=<JWT>, k=<key>` header of
/// `pushed`: `k` is `server_key`, the JWT is signed by it (ES256) for
/// `audience` from `contact`, and expires within 24 hours. Returns the
/// claims.
pub fn check_vapid(pushed: &Pushed, server_key: &str, audience: &str, contact: &str) -> Value {
    let header = pushed
        .headers
        .get("authorization")
        .expect("an Authorization header");
    let rest = header.strip_prefix("vapid ").expect("the vapid scheme");
    let mut token = None;
    let mut key = None;
    for part in rest.split(',') {
        match part.trim().split_once('=') {
            Some(("t", v)) => token = Some(v.to_string()),
            Some(("k", v)) => key = Some(v.to_string()),
            _ => {}
        }
    }
    let (token, key) = (token.expect("t="), key.expect("k="));
    assert_eq!(key, server_key, "k= is the published VAPID key");
    let public = ES256PublicKey::from_bytes(&URL_SAFE_NO_PAD.decode(&key).expect("b64"))
        .expect("a P-256 key");
    let options = VerificationOptions {
        allowed_audiences: Some(HashSet::from([audience.to_string()])),
        required_subject: Some(contact.to_string()),
        ..VerificationOptions::default()
    };
    public
        .verify_token::<NoCustomClaims>(&token, Some(options))
        .expect("the JWT verifies with the VAPID key, audience and subject");
    let claims_b64 = token.split('.').nth(1).expect("claims");
    let claims: Value =
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(claims_b64).expect("b64")).expect("json");
    let exp = claims["exp"].as_i64().expect("exp");
    let now = chrono::Utc::now().timestamp();
    assert!(
        exp > now && exp <= now + 24 * 3600,
        "exp within a day: {claims}"
    );
    claims
}
