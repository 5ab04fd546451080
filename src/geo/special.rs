//! Address ranges that never locate a person and that no webhook or push
//! delivery may reach: every entry of the IANA IPv4 and IPv6
//! Special-Purpose Address Registries, plus the ranges of the address
//! space registries that are multicast, reserved or deprecated forms that
//! carry another address (IPv4-compatible, IPv4-translated, site-local).
//!
//! Sources, as the tables below follow them row by row:
//! - <https://www.iana.org/assignments/iana-ipv4-special-registry/>
//! - <https://www.iana.org/assignments/iana-ipv6-special-registry/>
//! - <https://www.iana.org/assignments/ipv4-address-space/> (multicast,
//!   future use) and <https://www.iana.org/assignments/ipv6-address-space/>
//!   (multicast, site-local).

use ipnet::IpNet;
use std::net::IpAddr;
use std::sync::LazyLock;

/// One range, its registry name and the document that defines it (the
/// name and source document the table for its readers and the tests).
#[allow(dead_code)]
struct Range {
    net: &'static str,
    name: &'static str,
    source: &'static str,
}

const fn range(net: &'static str, name: &'static str, source: &'static str) -> Range {
    Range { net, name, source }
}

/// The IANA IPv4 Special-Purpose Address Registry, every row, then the
/// address space registry's multicast block.
const IPV4: &[Range] = &[
    range("0.0.0.0/8", "\"This network\"", "RFC 791"),
    range("0.0.0.0/32", "\"This host on this network\"", "RFC 1122"),
    range("10.0.0.0/8", "Private-Use", "RFC 1918"),
    range("100.64.0.0/10", "Shared Address Space", "RFC 6598"),
    range("127.0.0.0/8", "Loopback", "RFC 1122"),
    range("169.254.0.0/16", "Link Local", "RFC 3927"),
    range("172.16.0.0/12", "Private-Use", "RFC 1918"),
    range("192.0.0.0/24", "IETF Protocol Assignments", "RFC 6890"),
    range("192.0.0.0/29", "IPv4 Service Continuity Prefix", "RFC 7335"),
    range("192.0.0.8/32", "IPv4 dummy address", "RFC 7600"),
    range("192.0.0.9/32", "Port Control Protocol Anycast", "RFC 7723"),
    range(
        "192.0.0.10/32",
        "Traversal Using Relays around NAT Anycast",
        "RFC 8155",
    ),
    range("192.0.0.170/32", "NAT64/DNS64 Discovery", "RFC 8880"),
    range("192.0.0.171/32", "NAT64/DNS64 Discovery", "RFC 8880"),
    range("192.0.2.0/24", "Documentation (TEST-NET-1)", "RFC 5737"),
    range("192.31.196.0/24", "AS112-v4", "RFC 7535"),
    range("192.52.193.0/24", "AMT", "RFC 7450"),
    range(
        "192.88.99.0/24",
        "Deprecated (6to4 Relay Anycast)",
        "RFC 7526",
    ),
    range("192.168.0.0/16", "Private-Use", "RFC 1918"),
    range(
        "192.175.48.0/24",
        "Direct Delegation AS112 Service",
        "RFC 7534",
    ),
    range("198.18.0.0/15", "Benchmarking", "RFC 2544"),
    range("198.51.100.0/24", "Documentation (TEST-NET-2)", "RFC 5737"),
    range("203.0.113.0/24", "Documentation (TEST-NET-3)", "RFC 5737"),
    range("240.0.0.0/4", "Reserved", "RFC 1112"),
    range("255.255.255.255/32", "Limited Broadcast", "RFC 8190"),
    // IPv4 Address Space registry.
    range("224.0.0.0/4", "Multicast", "RFC 5771"),
];

/// The IANA IPv6 Special-Purpose Address Registry, every row, then the
/// address space registry's multicast and site-local blocks and the
/// deprecated forms that embed an IPv4 address.
const IPV6: &[Range] = &[
    range("::1/128", "Loopback Address", "RFC 4291"),
    range("::/128", "Unspecified Address", "RFC 4291"),
    range("::ffff:0:0/96", "IPv4-mapped Address", "RFC 4291"),
    // 64:ff9b::/96 (IPv4-IPv6 Translat., RFC 6052) is judged by the IPv4
    // address it carries: see [`is_special`].
    range("64:ff9b:1::/48", "IPv4-IPv6 Translat.", "RFC 8215"),
    range("100::/64", "Discard-Only Address Block", "RFC 6666"),
    range("100:0:0:1::/64", "Dummy IPv6 Prefix", "RFC 9780"),
    range("2001::/23", "IETF Protocol Assignments", "RFC 2928"),
    range("2001::/32", "TEREDO", "RFC 4380"),
    range("2001:1::1/128", "Port Control Protocol Anycast", "RFC 7723"),
    range(
        "2001:1::2/128",
        "Traversal Using Relays around NAT Anycast",
        "RFC 8155",
    ),
    range(
        "2001:1::3/128",
        "DNS-SD Service Registration Protocol Anycast",
        "RFC 9665",
    ),
    range("2001:2::/48", "Benchmarking", "RFC 5180"),
    range("2001:3::/32", "AMT", "RFC 7450"),
    range("2001:4:112::/48", "AS112-v6", "RFC 7535"),
    range("2001:10::/28", "Deprecated (previously ORCHID)", "RFC 4843"),
    range("2001:20::/28", "ORCHIDv2", "RFC 7343"),
    range(
        "2001:30::/28",
        "Drone Remote ID Protocol Entity Tags (DETs) Prefix",
        "RFC 9374",
    ),
    range("2001:db8::/32", "Documentation", "RFC 3849"),
    range("2002::/16", "6to4", "RFC 3056"),
    range(
        "2620:4f:8000::/48",
        "Direct Delegation AS112 Service",
        "RFC 7534",
    ),
    range("3fff::/20", "Documentation", "RFC 9637"),
    range("5f00::/16", "Segment Routing (SRv6) SIDs", "RFC 9602"),
    range("fc00::/7", "Unique-Local", "RFC 4193"),
    range("fe80::/10", "Link-Local Unicast", "RFC 4291"),
    // IPv6 Address Space registry.
    range("fec0::/10", "Site-local (deprecated)", "RFC 3879"),
    range("ff00::/8", "Multicast", "RFC 4291"),
    // Deprecated forms carrying an IPv4 address.
    range("::/96", "IPv4-compatible (deprecated)", "RFC 4291 2.5.5.1"),
    range("::ffff:0:0:0/96", "IPv4-translated", "RFC 2765"),
];

/// NAT64's well-known prefix (RFC 6052): public IPv4 hosts as an
/// IPv6-only network reaches them, so judged by the address it carries.
const NAT64: &str = "64:ff9b::/96";

static NETS: LazyLock<Vec<IpNet>> = LazyLock::new(|| {
    IPV4.iter()
        .chain(IPV6)
        .filter_map(|r| r.net.parse().ok())
        .collect()
});

static NAT64_NET: LazyLock<Option<IpNet>> = LazyLock::new(|| NAT64.parse().ok());

/// True for addresses that cannot be placed on a map and that no delivery
/// may reach. IPv4-mapped and NAT64 addresses are judged as the IPv4
/// address they carry.
pub fn is_special(ip: IpAddr) -> bool {
    let ip = ip.to_canonical();
    if let IpAddr::V6(v6) = ip
        && NAT64_NET.is_some_and(|n| n.contains(&ip))
    {
        let carried = std::net::Ipv4Addr::from(u128::from(v6) as u32);
        return is_special(IpAddr::V4(carried));
    }
    NETS.iter().any(|n| n.contains(&ip))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_range_parses_and_names_its_source() {
        assert_eq!(NETS.len(), IPV4.len() + IPV6.len());
        assert!(NAT64_NET.is_some());
        for r in IPV4.iter().chain(IPV6) {
            assert!(r.source.starts_with("RFC "), "{}", r.net);
            assert!(!r.name.is_empty(), "{}", r.net);
        }
    }

    #[test]
    fn special_and_public_addresses() {
        for ip in [
            "10.1.2.3",
            "127.0.0.1",
            "192.168.1.1",
            "203.0.113.9",
            "192.31.196.1",
            "192.52.193.1",
            "192.175.48.1",
            "255.255.255.255",
            "::1",
            "2001:db8::1",
            "fd00::1",
            "::ffff:10.0.0.1",
            "100.64.1.1",
            // IPv4-compatible, IPv4-translated, site-local.
            "::127.0.0.1",
            "::7f00:1",
            "::8.8.8.8",
            "::ffff:0:127.0.0.1",
            "::ffff:0:8.8.8.8",
            "fec0::1",
            "64:ff9b::7f00:1",
            "64:ff9b:1::1",
            "2001:4:112::1",
            "2620:4f:8000::1",
            "5f00::1",
            "100:0:0:1::1",
        ] {
            assert!(is_special(ip.parse().expect("ip")), "{ip}");
        }
        for ip in [
            "8.8.8.8",
            "81.2.69.142",
            "2a00:1450::1",
            "::ffff:8.8.8.8",
            "64:ff9b::808:808",
        ] {
            assert!(!is_special(ip.parse().expect("ip")), "{ip}");
        }
    }
}
