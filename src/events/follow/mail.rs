//! Email over SMTP (`lettre`): the confirmation mail and notices. Every
//! notice carries a one-click unsubscribe (RFC 8058: `List-Unsubscribe`
//! with an https link and `List-Unsubscribe-Post: List-Unsubscribe=One-Click`);
//! the confirmation mail carries nothing else but its link.
//!
//! Addresses are never logged: errors are logged without them.

use crate::i18n::Lang;
use crate::t;
use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Mailbox, Message};
use lettre::transport::smtp::Error as SmtpError;
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};

/// What the SMTP server made of a mail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MailFailure {
    /// Worth trying again later (4xx, connection trouble).
    Transient(String),
    /// Never going to work (5xx, a bad address).
    Permanent(String),
}

pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

/// One mail to send.
pub struct Mail<'a> {
    pub to: &'a str,
    pub subject: &'a str,
    pub text: &'a str,
    /// The one-click unsubscribe link (notices; not the confirmation).
    pub unsubscribe: Option<&'a str>,
}

impl Mailer {
    /// A mailer on `url` (`smtp://`, `smtps://`; see lettre's
    /// `AsyncSmtpTransport::from_url`) sending as `from`.
    pub fn new(url: &str, from: &str) -> Result<Self, String> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
            .map_err(|e| format!("--smtp-url: {e}"))?
            .timeout(Some(std::time::Duration::from_secs(20)))
            .build();
        let from = from
            .parse()
            .map_err(|e| format!("--smtp-from: not a mail address: {e}"))?;
        Ok(Self { transport, from })
    }

    pub async fn send(&self, mail: Mail<'_>) -> Result<(), MailFailure> {
        let to: Mailbox = mail
            .to
            .parse()
            .map_err(|_| MailFailure::Permanent("not a mail address".to_string()))?;
        let mut builder = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(mail.subject)
            .header(ContentType::TEXT_PLAIN);
        if let Some(link) = mail.unsubscribe {
            builder = builder
                .raw_header(HeaderValue::new(
                    HeaderName::new_from_ascii_str("List-Unsubscribe"),
                    format!("<{link}>"),
                ))
                .raw_header(HeaderValue::new(
                    HeaderName::new_from_ascii_str("List-Unsubscribe-Post"),
                    "List-Unsubscribe=One-Click".to_string(),
                ));
        }
        let message = builder
            .body(mail.text.to_string())
            .map_err(|_| MailFailure::Permanent("the mail could not be built".to_string()))?;
        self.transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|e| classify(&e))
    }
}

/// The failure, said without the server's words: an SMTP reply may quote
/// the address, and failures are logged.
fn classify(e: &SmtpError) -> MailFailure {
    let what = match e.status() {
        Some(code) => format!("the SMTP server answered {code}"),
        None if e.is_timeout() => "the SMTP server did not answer in time".to_string(),
        None if e.is_tls() => "TLS with the SMTP server failed".to_string(),
        None => "the SMTP connection failed".to_string(),
    };
    if e.is_permanent() {
        MailFailure::Permanent(what)
    } else {
        MailFailure::Transient(what)
    }
}

/// The confirmation mail's text, in the language the follow was made in;
/// `intro` is its first sentence (what was asked for).
pub fn confirmation_text(lang: Lang, intro: &str, confirm_url: &str) -> String {
    format!(
        "{intro}\n\n{}\n{confirm_url}\n\n{}\n",
        t!(lang, "mail-confirm-link"),
        t!(lang, "mail-confirm-ignore"),
    )
}

/// A notice mail's text, in the follower's language.
pub fn notice_text(lang: Lang, body: &str, page_url: &str, unsubscribe_url: &str) -> String {
    format!(
        "{body}\n\n{} {page_url}\n\n{} {} {unsubscribe_url}\n",
        t!(lang, "mail-live-reports"),
        t!(lang, "mail-why"),
        t!(lang, "mail-unsubscribe"),
    )
}
