//! Making a follower's delivery: a push message or a mail. The delivery
//! worker ([`crate::events::delivery`]) claims it from the shared queue
//! and retries what failed; this module says what happened:
//!
//! - push: 2xx is delivered; 404 or 410 means the browser dropped the
//!   subscription, so the follower is deleted; other answers are retried.
//! - mail: nothing but the confirmation goes to an unconfirmed address;
//!   past the per-address limit a mail is dropped, past the global one it
//!   waits for a retry; a permanent SMTP refusal drops it.

use super::fanout::{CONFIRM_EVENT, NOTICE_EVENT};
use super::links::{LinkAction, link_path};
use super::mail::{Mail, MailFailure, Mailer, confirmation_text, notice_text};
use super::push::PushKeys;
use super::text::{Notice, render};
use super::{FollowKeys, FollowKind, FollowTarget, Follower, follower, remove};
use crate::catalog::Catalog;
use crate::clock::Clock;
use crate::events::delivery::{Delivery, Outcome};
use crate::events::targets::TargetPolicy;
use crate::events::webhooks::random_hex;
use crate::store::{Store, json_text};
use crate::t;
use serde::Serialize;
use std::sync::Arc;

/// The mail limits' window.
const MAIL_WINDOW_MS: i64 = 3600 * 1000;

/// What the sender needs besides the queue.
pub struct FollowSender {
    pub store: Arc<dyn Store>,
    pub catalog: Arc<Catalog>,
    pub clock: Arc<dyn Clock>,
    pub keys: Arc<FollowKeys>,
    pub mailer: Option<Mailer>,
    /// `--public-url`, no trailing slash (links in mails).
    pub public_url: Option<String>,
    /// The VAPID `sub` claim.
    pub contact: String,
    pub targets: TargetPolicy,
    pub mails_per_address_per_hour: usize,
    pub mails_per_hour: usize,
    /// The server runs the demo (`--demo`): push titles and mail subjects
    /// start with [`DEMO_PREFIX`], push payloads carry `"demo": true`.
    pub demo: bool,
}

/// What starts every push title and mail subject of a demo.
pub const DEMO_PREFIX: &str = "[Demo] ";
/// The first line of every mail of a demo.
const DEMO_LINE: &str = "This is a demo of downwatch: the outage below is simulated.\n\n";

/// The push message's JSON, read by the service worker (assets/web/sw.js).
#[derive(Serialize)]
struct PushPayload<'a> {
    title: &'a str,
    body: &'a str,
    url: &'a str,
    tag: String,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    demo: bool,
}

impl FollowSender {
    /// Makes one follower delivery with `client`.
    pub async fn send(&self, client: &reqwest::Client, delivery: &Delivery) -> Outcome {
        let f = match &delivery.follower {
            Some(f) => Some(f.clone()),
            None => {
                match follower(self.store.as_ref(), &delivery.service, &delivery.recipient).await {
                    Ok(f) => f,
                    Err(e) => return Outcome::Failed(format!("store: {e}")),
                }
            }
        };
        let Some(f) = f else {
            return Outcome::Dropped("follower gone (unsubscribed or expired)".into());
        };
        match delivery.event.as_str() {
            CONFIRM_EVENT => self.confirm(&f).await,
            NOTICE_EVENT => {
                let Some(notice) = json_text::from_text::<Notice>(&delivery.body) else {
                    return Outcome::Dropped("unreadable notice".into());
                };
                match &f.target {
                    FollowTarget::Push { .. } => self.push(client, &f, &notice).await,
                    FollowTarget::Email { .. } => self.mail_notice(&f, &notice).await,
                }
            }
            other => Outcome::Dropped(format!("unknown follow event {other}")),
        }
    }

    async fn push(&self, client: &reqwest::Client, f: &Follower, notice: &Notice) -> Outcome {
        let FollowTarget::Push {
            endpoint,
            p256dh,
            auth,
        } = &f.target
        else {
            return Outcome::Dropped("not a push follower".into());
        };
        if let Err(refused) = reqwest::Url::parse(endpoint)
            .map_err(|e| e.to_string())
            .and_then(|u| self.targets.check(&u).map_err(|e| e.to_string()))
        {
            return Outcome::Dropped(format!("push endpoint refused: {refused}"));
        }
        let keys = match PushKeys::parse(endpoint, p256dh, auth) {
            Ok(k) => k,
            Err(e) => return Outcome::Dropped(e.to_string()),
        };
        let vapid = match self.keys.vapid().await {
            Ok(v) => v,
            Err(e) => return Outcome::Failed(format!("VAPID key: {e}")),
        };
        let text = render(notice, &self.catalog, f.lang);
        let title = self.demo_marked(&text.title);
        let payload = PushPayload {
            title: &title,
            body: &text.body,
            url: &text.path,
            tag: format!("{}:{}", notice.incident, f.kind.as_str()),
            demo: self.demo,
        };
        let Ok(json) = serde_json::to_vec(&payload) else {
            return Outcome::Dropped("payload".into());
        };
        let request = match vapid.request(&keys, &self.contact, &json) {
            Ok(r) => r,
            Err(e) => return Outcome::Dropped(format!("push request: {e}")),
        };
        let sent = client
            .post(&request.url)
            .headers(request.headers)
            .body(request.body)
            .send()
            .await;
        match sent {
            Ok(r) if r.status().is_success() => Outcome::Delivered,
            Ok(r) if matches!(r.status().as_u16(), 404 | 410) => {
                if let Err(e) = remove(self.store.as_ref(), &f.service, &f.id).await {
                    return Outcome::Failed(format!("store: {e}"));
                }
                tracing::info!(follower = %f.id, service = %f.service, "push subscription gone; follower deleted");
                Outcome::Dropped(format!("push service answered {}", r.status()))
            }
            Ok(r) => Outcome::Failed(format!("push service answered {}", r.status())),
            Err(e) => Outcome::Failed(e.to_string()),
        }
    }

    fn link(&self, path: &str) -> Option<String> {
        self.public_url.as_ref().map(|base| format!("{base}{path}"))
    }

    /// Takes one mail from the limits: None to send, Some to stop.
    async fn mail_allowed(&self, address: &str) -> Option<Outcome> {
        let now = self.clock.now().timestamp_millis();
        let keys = match self.keys.links().await {
            Ok(k) => k,
            Err(e) => return Some(Outcome::Failed(format!("store: {e}"))),
        };
        let Ok(member) = random_hex(8) else {
            return Some(Outcome::Failed("no randomness".into()));
        };
        let until = now.saturating_add(MAIL_WINDOW_MS);
        let per_address = format!("mail:{}", keys.address_key(address));
        match self
            .store
            .take_slot(
                &per_address,
                &member,
                until,
                now,
                self.mails_per_address_per_hour,
            )
            .await
        {
            Ok(true) => {}
            Ok(false) => {
                return Some(Outcome::Dropped(
                    "an address's mail limit is reached".into(),
                ));
            }
            Err(e) => return Some(Outcome::Failed(format!("store: {e}"))),
        }
        match self
            .store
            .take_slot("mail", &member, until, now, self.mails_per_hour)
            .await
        {
            Ok(true) => None,
            Ok(false) => {
                // Not sent: give the address its slot back.
                let _ = self.store.release_slot(&per_address, &member).await;
                Some(Outcome::Failed("the global mail limit is reached".into()))
            }
            Err(e) => Some(Outcome::Failed(format!("store: {e}"))),
        }
    }

    async fn deliver_mail(&self, mail: Mail<'_>) -> Outcome {
        let Some(mailer) = &self.mailer else {
            return Outcome::Dropped("no SMTP configured in this process".into());
        };
        if let Some(stop) = self.mail_allowed(mail.to).await {
            return stop;
        }
        let (subject, text) = (self.demo_marked(mail.subject), self.demo_text(mail.text));
        let mail = Mail {
            subject: &subject,
            text: &text,
            ..mail
        };
        match mailer.send(mail).await {
            Ok(()) => Outcome::Delivered,
            Err(MailFailure::Transient(e)) => Outcome::Failed(e),
            Err(MailFailure::Permanent(e)) => Outcome::Dropped(e),
        }
    }

    async fn confirm(&self, f: &Follower) -> Outcome {
        let FollowTarget::Email { address, confirmed } = &f.target else {
            return Outcome::Dropped("not an email follower".into());
        };
        if *confirmed {
            return Outcome::Dropped("already confirmed".into());
        }
        let keys = match self.keys.links().await {
            Ok(k) => k,
            Err(e) => return Outcome::Failed(format!("store: {e}")),
        };
        let Some(url) = self.link(&link_path(&keys, LinkAction::Confirm, &f.service, &f.id)) else {
            return Outcome::Dropped("no --public-url for links".into());
        };
        let name = self.service_name(&f.service);
        let intro = match f.kind {
            FollowKind::Problems => t!(f.lang, "mail-confirm-problems", name = name.as_str()),
            FollowKind::Back => t!(f.lang, "mail-confirm-back", name = name.as_str()),
        };
        let subject = t!(f.lang, "mail-confirm-subject", name = name.as_str());
        let text = confirmation_text(f.lang, &intro, &url);
        self.deliver_mail(Mail {
            to: address,
            subject: &subject,
            text: &text,
            unsubscribe: None,
        })
        .await
    }

    async fn mail_notice(&self, f: &Follower, notice: &Notice) -> Outcome {
        let FollowTarget::Email { address, confirmed } = &f.target else {
            return Outcome::Dropped("not an email follower".into());
        };
        if !*confirmed {
            return Outcome::Dropped("not confirmed".into());
        }
        let keys = match self.keys.links().await {
            Ok(k) => k,
            Err(e) => return Outcome::Failed(format!("store: {e}")),
        };
        let text = render(notice, &self.catalog, f.lang);
        let (Some(unsubscribe), Some(page)) = (
            self.link(&link_path(
                &keys,
                LinkAction::Unsubscribe,
                &f.service,
                &f.id,
            )),
            self.link(&text.path),
        ) else {
            return Outcome::Dropped("no --public-url for links".into());
        };
        let body = notice_text(f.lang, &text.body, &page, &unsubscribe);
        self.deliver_mail(Mail {
            to: address,
            subject: &text.title,
            text: &body,
            unsubscribe: Some(&unsubscribe),
        })
        .await
    }

    /// `title`, with [`DEMO_PREFIX`] in a demo.
    fn demo_marked(&self, title: &str) -> String {
        if self.demo {
            format!("{DEMO_PREFIX}{title}")
        } else {
            title.to_string()
        }
    }

    /// A mail's text, opened by a line saying it is a demo in a demo.
    fn demo_text(&self, text: &str) -> String {
        if self.demo {
            format!("{DEMO_LINE}{text}")
        } else {
            text.to_string()
        }
    }

    fn service_name(&self, slug: &str) -> String {
        self.catalog
            .service(slug)
            .map_or_else(|| slug.to_string(), |s| s.name.clone())
    }

    /// Deletes followers whose time is up.
    pub async fn sweep(&self) {
        let now = self.clock.now().timestamp_millis();
        if let Err(e) = super::sweep_expired(self.store.as_ref(), now).await {
            tracing::debug!(error = %e, "could not sweep expired followers");
        }
    }
}
