//! Where webhooks may post: the server-side request forgery policy.
//!
//! A webhook makes this server send requests to a URL someone else chose,
//! from inside our network. Unless the operator opts in
//! (`--delivery-allow-internal-targets`), no delivery (webhook or push)
//! goes to an address of the IANA special-purpose registries — loopback,
//! private, link-local (cloud metadata), shared, documentation, … — nor to
//! a multicast, site-local or deprecated IPv4-compatible/-translated one
//! ([`crate::geo::is_special`] holds the table; IPv4-mapped and NAT64
//! addresses are judged by the IPv4 address they carry):
//!
//! - a URL naming such an address, or a name reserved for such use
//!   (`localhost`, `*.localhost`, `*.internal`), is refused when the
//!   webhook is created and again before each delivery;
//! - a host name is checked when the delivery connects, against the
//!   addresses it resolves to then ([`PublicResolver`]), so a name that
//!   resolved to a public address at creation and to an internal one later
//!   (DNS rebinding) still cannot reach inside.
//!
//! Credentials in a URL (`user:password@`) are always refused: they would
//! be sent as Basic auth to whoever the URL names, and shown in listings.

use crate::geo::is_special;
use reqwest::Url;
use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use std::net::{IpAddr, SocketAddr};

/// What a webhook URL may name.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TargetPolicy {
    /// Internal addresses allowed too (`--delivery-allow-internal-targets`).
    pub allow_internal: bool,
}

/// Why a URL may not be a webhook target.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TargetError {
    #[error("url must not carry credentials (user:password@)")]
    Credentials,
    #[error(
        "url names an internal address (loopback, private, link-local or reserved); webhooks go to public addresses only"
    )]
    Internal,
}

impl TargetPolicy {
    /// Checks what can be told from the URL itself: credentials, and a host
    /// that is an internal address or a name reserved for internal use.
    pub fn check(&self, url: &Url) -> Result<(), TargetError> {
        if !url.username().is_empty() || url.password().is_some() {
            return Err(TargetError::Credentials);
        }
        if self.allow_internal {
            return Ok(());
        }
        // The URL parser writes every form of an address (`2130706433`,
        // `0x7f.1`) as a dotted quad, and IPv6 in brackets.
        let host = url.host_str().unwrap_or("");
        let literal = host
            .strip_prefix('[')
            .and_then(|h| h.strip_suffix(']'))
            .unwrap_or(host)
            .parse::<IpAddr>();
        let internal = match literal {
            Ok(ip) => is_internal(ip),
            Err(_) => is_internal_name(host),
        };
        if internal {
            Err(TargetError::Internal)
        } else {
            Ok(())
        }
    }
}

/// True for addresses no webhook may reach by default.
pub fn is_internal(ip: IpAddr) -> bool {
    is_special(ip)
}

/// Names that stand for this machine or a private network by definition.
fn is_internal_name(name: &str) -> bool {
    let name = name.trim_end_matches('.').to_ascii_lowercase();
    name == "localhost"
        || name.ends_with(".localhost")
        || name == "internal"
        || name.ends_with(".internal")
}

/// The delivery client's resolver: the system's, with internal addresses
/// left out of every answer. A name with no public address fails to
/// connect.
pub struct PublicResolver;

impl Resolve for PublicResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let host = name.as_str().to_string();
        Box::pin(async move {
            let resolved = tokio::net::lookup_host((host.as_str(), 0)).await?;
            let public: Vec<SocketAddr> = resolved.filter(|a| !is_internal(a.ip())).collect();
            if public.is_empty() {
                return Err(format!("{host} resolves to no public address").into());
            }
            Ok(Box::new(public.into_iter()) as Addrs)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(url: &str) -> Result<(), TargetError> {
        TargetPolicy::default().check(&Url::parse(url).expect("url"))
    }

    #[test]
    fn internal_targets_are_refused() {
        for url in [
            "http://127.0.0.1/",
            "http://[::1]/",
            "http://localhost:8080/",
            "http://LocalHost./",
            "http://0.0.0.0/",
            "http://2130706433/",
            "http://0x7f.1/",
            "http://169.254.169.254/latest/meta-data/",
            "http://[::ffff:169.254.169.254]/",
            "http://[64:ff9b::a9fe:a9fe]/",
            "http://10.1.2.3/",
            "http://192.168.0.1/",
            "http://[fd00::1]/",
            "http://[fe80::1]/",
            "http://metadata.google.internal/",
            // IPv4-compatible (the parser writes it `[::7f00:1]`),
            // IPv4-translated, site-local, and other registry rows.
            "http://[::127.0.0.1]/",
            "http://[::ffff:0:127.0.0.1]/",
            "http://[fec0::1]/",
            "http://192.0.0.170/",
            "http://255.255.255.255/",
            "http://[2001:2::1]/",
            "http://[100:0:0:1::1]/",
        ] {
            assert_eq!(check(url), Err(TargetError::Internal), "{url}");
        }
        for url in [
            "https://hooks.example.com/x",
            "http://8.8.8.8/",
            "http://[2a00:1450::1]/",
            "http://[::ffff:8.8.8.8]/",
            "http://[64:ff9b::808:808]/",
        ] {
            assert_eq!(check(url), Ok(()), "{url}");
        }
    }

    #[test]
    fn credentials_are_refused_even_when_internal_targets_are_allowed() {
        let allow = TargetPolicy {
            allow_internal: true,
        };
        assert_eq!(
            allow.check(&Url::parse("https://u:p@hooks.example.com/").expect("url")),
            Err(TargetError::Credentials)
        );
        assert_eq!(
            check("https://u@hooks.example.com/"),
            Err(TargetError::Credentials)
        );
        assert_eq!(
            allow.check(&Url::parse("http://127.0.0.1:9/").expect("url")),
            Ok(())
        );
    }

    #[tokio::test]
    async fn the_resolver_leaves_internal_addresses_out() {
        let name: Name = "localhost".parse().expect("name");
        assert!(PublicResolver.resolve(name).await.is_err());
    }
}
