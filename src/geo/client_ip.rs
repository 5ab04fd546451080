//! The client's IP address: the TCP peer, unless the peer is one of our own
//! trusted proxies, in which case the forwarding header that the operator
//! names (`--client-ip-header`) names the client.
//!
//! The chain in that one header (`X-Forwarded-For` by default, or
//! `Forwarded`, RFC 7239) is walked from the right, skipping trusted
//! proxies; the first other address is the client. The other header is
//! never read: a proxy that appends to one passes a client's own copy of the
//! other through untouched. Headers from an untrusted peer are ignored:
//! anyone can send them.

use actix_web::http::header::HeaderMap;
use ipnet::IpNet;
use std::net::{IpAddr, SocketAddr};

pub use crate::config::ClientIpHeader;

/// The networks whose forwarding header we believe, and which header.
#[derive(Debug, Clone, Default)]
pub struct TrustedProxies {
    nets: Vec<IpNet>,
    header: ClientIpHeader,
}

impl TrustedProxies {
    pub fn new(nets: Vec<IpNet>, header: ClientIpHeader) -> Self {
        Self { nets, header }
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = ip.to_canonical();
        self.nets.iter().any(|n| n.contains(&ip))
    }

    pub fn is_empty(&self) -> bool {
        self.nets.is_empty()
    }
}

/// Resolves the client address for a request from `peer` with `headers`.
pub fn client_ip(peer: IpAddr, headers: &HeaderMap, proxies: &TrustedProxies) -> IpAddr {
    let peer = peer.to_canonical();
    if !proxies.contains(peer) {
        return peer;
    }
    let chain = match proxies.header {
        ClientIpHeader::XForwardedFor => x_forwarded_for_chain(headers),
        ClientIpHeader::Forwarded => forwarded_chain(headers),
    };
    let mut nearest = peer;
    for hop in chain.iter().rev() {
        match hop {
            Some(ip) if proxies.contains(*ip) => nearest = *ip,
            Some(ip) => return *ip,
            // An unreadable or obfuscated hop: nothing to its left can be
            // trusted, so the request is attributed to the last proxy seen.
            None => return nearest,
        }
    }
    nearest
}

/// The addresses named by `Forwarded`, in header order, `None` for an
/// element without a `for=` address.
fn forwarded_chain(headers: &HeaderMap) -> Vec<Option<IpAddr>> {
    headers
        .get_all("forwarded")
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|element| {
            element.split(';').find_map(|pair| {
                let (k, v) = pair.split_once('=')?;
                k.trim()
                    .eq_ignore_ascii_case("for")
                    .then(|| parse_node(v.trim().trim_matches('"')))
            })?
        })
        .collect()
}

/// The addresses named by `X-Forwarded-For`, in header order, `None` for
/// an entry that is not an IP address.
fn x_forwarded_for_chain(headers: &HeaderMap) -> Vec<Option<IpAddr>> {
    headers
        .get_all("x-forwarded-for")
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(|entry| parse_node(entry.trim()))
        .collect()
}

/// Parses "1.2.3.4", "1.2.3.4:80", "2001:db8::1", "[2001:db8::1]" or
/// "[2001:db8::1]:80".
fn parse_node(s: &str) -> Option<IpAddr> {
    if let Ok(ip) = s.parse::<IpAddr>() {
        return Some(ip.to_canonical());
    }
    if let Ok(sa) = s.parse::<SocketAddr>() {
        return Some(sa.ip().to_canonical());
    }
    s.strip_prefix('[')
        .and_then(|r| r.strip_suffix(']'))
        .and_then(|inner| inner.parse::<IpAddr>().ok())
        .map(|ip| ip.to_canonical())
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::http::header::{HeaderName, HeaderValue};

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(HeaderName::from_static(k), HeaderValue::from_static(v));
        }
        h
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().expect("ip")
    }

    fn proxies() -> TrustedProxies {
        TrustedProxies::new(
            vec!["10.0.0.0/8".parse().expect("net")],
            ClientIpHeader::XForwardedFor,
        )
    }

    fn forwarded_proxies() -> TrustedProxies {
        TrustedProxies::new(
            vec!["10.0.0.0/8".parse().expect("net")],
            ClientIpHeader::Forwarded,
        )
    }

    #[test]
    fn untrusted_peer_headers_are_ignored() {
        let h = headers(&[("x-forwarded-for", "8.8.8.8")]);
        assert_eq!(client_ip(ip("1.1.1.1"), &h, &proxies()), ip("1.1.1.1"));
    }

    #[test]
    fn trusted_peer_chain_is_walked_from_the_right() {
        let h = headers(&[("x-forwarded-for", "6.6.6.6, 8.8.8.8, 10.1.1.1")]);
        assert_eq!(client_ip(ip("10.0.0.1"), &h, &proxies()), ip("8.8.8.8"));
    }

    #[test]
    fn forwarded_header_with_ports_and_brackets() {
        let h = headers(&[(
            "forwarded",
            "for=9.9.9.9, for=\"[2a00:1450::1]:4711\";proto=https, for=10.2.2.2",
        )]);
        assert_eq!(
            client_ip(ip("10.0.0.1"), &h, &forwarded_proxies()),
            ip("2a00:1450::1")
        );
    }

    #[test]
    fn only_the_configured_header_is_read() {
        // The proxy appends to X-Forwarded-For and passes the client's own
        // Forwarded through: it must not name the client.
        let h = headers(&[("forwarded", "for=6.6.6.6"), ("x-forwarded-for", "8.8.8.8")]);
        assert_eq!(client_ip(ip("10.0.0.1"), &h, &proxies()), ip("8.8.8.8"));
        assert_eq!(
            client_ip(ip("10.0.0.1"), &h, &forwarded_proxies()),
            ip("6.6.6.6")
        );
        let only_forwarded = headers(&[("forwarded", "for=6.6.6.6")]);
        assert_eq!(
            client_ip(ip("10.0.0.1"), &only_forwarded, &proxies()),
            ip("10.0.0.1")
        );
    }

    #[test]
    fn garbage_hop_stops_the_walk() {
        let h = headers(&[("x-forwarded-for", "8.8.8.8, unknown, 10.3.3.3")]);
        assert_eq!(client_ip(ip("10.0.0.1"), &h, &proxies()), ip("10.3.3.3"));
        let h = headers(&[]);
        assert_eq!(client_ip(ip("10.0.0.1"), &h, &proxies()), ip("10.0.0.1"));
    }

    #[test]
    fn mapped_peer_is_canonical() {
        let h = headers(&[("x-forwarded-for", "8.8.4.4")]);
        assert_eq!(
            client_ip(ip("::ffff:10.0.0.1"), &h, &proxies()),
            ip("8.8.4.4")
        );
    }
}
