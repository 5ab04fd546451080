//! Settings of people following services (push and email notices; see
//! docs/following.md): the public address links point to, SMTP, the
//! VAPID contact, how long a subscription lives, and the abuse limits.

use super::Secret;
use clap::Args;
use std::time::Duration;

/// Default of `--follow-lifetime-days`.
pub const DEFAULT_FOLLOW_LIFETIME_DAYS: u64 = 90;
/// Default of `--follows-per-client`.
pub const DEFAULT_FOLLOWS_PER_CLIENT: usize = 20;
/// Default of `--follows-per-service`.
pub const DEFAULT_FOLLOWS_PER_SERVICE: usize = 100_000;
/// Default of `--follows-total`.
pub const DEFAULT_FOLLOWS_TOTAL: usize = 1_000_000;
/// Default of `--follow-requests-per-minute-per-ip`.
pub const DEFAULT_FOLLOW_REQUESTS_PER_MINUTE: u32 = 10;
/// Default of `--mails-per-address-per-hour`.
pub const DEFAULT_MAILS_PER_ADDRESS_PER_HOUR: usize = 5;
/// Default of `--mails-per-hour`.
pub const DEFAULT_MAILS_PER_HOUR: usize = 1000;

#[derive(Debug, Clone, Args)]
pub struct FollowSettings {
    /// The site's public address (https://downwatch.example), which links
    /// in mails point to. Required with --smtp-url.
    #[arg(long, env = "DOWNWATCH_PUBLIC_URL")]
    pub public_url: Option<String>,

    /// SMTP server for email notices (smtps://user:pass@host:465, or
    /// smtp://host:587?tls=required). Absent: no email option.
    #[arg(long, env = "DOWNWATCH_SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<Secret>,

    /// The From address of notice mails ("Downwatch <alerts@example.com>").
    /// Required with --smtp-url.
    #[arg(long, env = "DOWNWATCH_SMTP_FROM")]
    pub smtp_from: Option<String>,

    /// The contact push services see in the VAPID token (`mailto:` or
    /// `https:`). Absent: the --smtp-from address, else --public-url.
    #[arg(long, env = "DOWNWATCH_PUSH_CONTACT")]
    pub push_contact: Option<String>,

    /// Days a subscription lives; then it is deleted (the person can
    /// follow again).
    #[arg(long, env = "DOWNWATCH_FOLLOW_LIFETIME_DAYS", default_value_t = DEFAULT_FOLLOW_LIFETIME_DAYS)]
    pub follow_lifetime_days: u64,

    /// Subscriptions one client address may make a day.
    #[arg(long, env = "DOWNWATCH_FOLLOWS_PER_CLIENT", default_value_t = DEFAULT_FOLLOWS_PER_CLIENT)]
    pub follows_per_client: usize,

    /// Subscriptions one service may have.
    #[arg(long, env = "DOWNWATCH_FOLLOWS_PER_SERVICE", default_value_t = DEFAULT_FOLLOWS_PER_SERVICE)]
    pub follows_per_service: usize,

    /// Subscriptions all services together may have.
    #[arg(long, env = "DOWNWATCH_FOLLOWS_TOTAL", default_value_t = DEFAULT_FOLLOWS_TOTAL)]
    pub follows_total: usize,

    /// Requests a minute one client address may make to the follow
    /// endpoints (subscribe, unsubscribe, links; 0: unlimited).
    #[arg(
        long,
        env = "DOWNWATCH_FOLLOW_REQUESTS_PER_MINUTE_PER_IP",
        default_value_t = DEFAULT_FOLLOW_REQUESTS_PER_MINUTE
    )]
    pub follow_requests_per_minute_per_ip: u32,

    /// Mails one address may get an hour (confirmations and notices);
    /// past it, mails to it are dropped.
    #[arg(
        long,
        env = "DOWNWATCH_MAILS_PER_ADDRESS_PER_HOUR",
        default_value_t = DEFAULT_MAILS_PER_ADDRESS_PER_HOUR
    )]
    pub mails_per_address_per_hour: usize,

    /// Mails all addresses together may get an hour; past it, mails wait
    /// (with the delivery retries) and are dropped when those run out.
    #[arg(long, env = "DOWNWATCH_MAILS_PER_HOUR", default_value_t = DEFAULT_MAILS_PER_HOUR)]
    pub mails_per_hour: usize,
}

impl Default for FollowSettings {
    fn default() -> Self {
        Self {
            public_url: None,
            smtp_url: None,
            smtp_from: None,
            push_contact: None,
            follow_lifetime_days: DEFAULT_FOLLOW_LIFETIME_DAYS,
            follows_per_client: DEFAULT_FOLLOWS_PER_CLIENT,
            follows_per_service: DEFAULT_FOLLOWS_PER_SERVICE,
            follows_total: DEFAULT_FOLLOWS_TOTAL,
            follow_requests_per_minute_per_ip: DEFAULT_FOLLOW_REQUESTS_PER_MINUTE,
            mails_per_address_per_hour: DEFAULT_MAILS_PER_ADDRESS_PER_HOUR,
            mails_per_hour: DEFAULT_MAILS_PER_HOUR,
        }
    }
}

/// A setting that does not make sense, named.
#[derive(Debug, thiserror::Error)]
#[error("{flag}: {message}")]
pub struct FollowSettingsError {
    pub flag: &'static str,
    pub message: String,
}

fn bad(flag: &'static str, message: impl Into<String>) -> FollowSettingsError {
    FollowSettingsError {
        flag,
        message: message.into(),
    }
}

impl FollowSettings {
    /// How long a subscription lives.
    pub fn lifetime(&self) -> Duration {
        Duration::from_secs(self.follow_lifetime_days.max(1).saturating_mul(86_400))
    }

    /// The public address without a trailing slash, checked.
    pub fn public_url(&self) -> Result<Option<String>, FollowSettingsError> {
        let Some(url) = &self.public_url else {
            return Ok(None);
        };
        let parsed = reqwest::Url::parse(url)
            .map_err(|e| bad("--public-url", format!("not an absolute URL: {e}")))?;
        if !matches!(parsed.scheme(), "http" | "https") || parsed.host_str().is_none() {
            return Err(bad(
                "--public-url",
                "must be http:// or https:// with a host",
            ));
        }
        Ok(Some(url.trim_end_matches('/').to_string()))
    }

    /// The VAPID `sub` claim.
    pub fn push_contact(&self) -> Result<String, FollowSettingsError> {
        if let Some(contact) = &self.push_contact {
            if !(contact.starts_with("mailto:") || contact.starts_with("https:")) {
                return Err(bad("--push-contact", "must start with mailto: or https:"));
            }
            return Ok(contact.clone());
        }
        if let Some(from) = &self.smtp_from {
            let address = from
                .rsplit_once('<')
                .map_or(from.as_str(), |(_, a)| a.trim_end_matches('>'));
            return Ok(format!("mailto:{}", address.trim()));
        }
        Ok(self
            .public_url()?
            .unwrap_or_else(|| "mailto:postmaster@localhost".to_string()))
    }

    /// Checks the settings that depend on each other.
    pub fn validate(&self) -> Result<(), FollowSettingsError> {
        self.public_url()?;
        self.push_contact()?;
        if self.smtp_url.is_some() {
            if self.public_url.is_none() {
                return Err(bad(
                    "--smtp-url",
                    "needs --public-url: mails link back to the site",
                ));
            }
            let Some(from) = &self.smtp_from else {
                return Err(bad("--smtp-url", "needs --smtp-from"));
            };
            from.parse::<lettre::message::Mailbox>()
                .map_err(|e| bad("--smtp-from", format!("not a mail address: {e}")))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smtp_needs_a_public_url_and_a_sender() {
        let mut s = FollowSettings {
            smtp_url: Some(Secret::new("smtp://127.0.0.1:25")),
            ..FollowSettings::default()
        };
        assert_eq!(s.validate().map_err(|e| e.flag).err(), Some("--smtp-url"));
        s.public_url = Some("https://dw.example/".into());
        assert_eq!(s.validate().map_err(|e| e.flag).err(), Some("--smtp-url"));
        s.smtp_from = Some("Downwatch <alerts@dw.example>".into());
        assert!(s.validate().is_ok());
        assert_eq!(
            s.public_url().ok().flatten().as_deref(),
            Some("https://dw.example")
        );
        assert_eq!(
            s.push_contact().ok().as_deref(),
            Some("mailto:alerts@dw.example")
        );
        s.smtp_from = Some("not an address".into());
        assert_eq!(s.validate().map_err(|e| e.flag).err(), Some("--smtp-from"));
    }
}
