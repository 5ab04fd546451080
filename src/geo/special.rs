//! Address ranges that never locate a person: private, loopback, link-local,
//! shared (CGNAT), documentation, benchmarking, multicast and reserved space.

use ipnet::IpNet;
use std::net::IpAddr;
use std::sync::LazyLock;

const RANGES: &[&str] = &[
    "0.0.0.0/8",
    "10.0.0.0/8",
    "100.64.0.0/10",
    "127.0.0.0/8",
    "169.254.0.0/16",
    "172.16.0.0/12",
    "192.0.0.0/24",
    "192.0.2.0/24",
    "192.88.99.0/24",
    "192.168.0.0/16",
    "198.18.0.0/15",
    "198.51.100.0/24",
    "203.0.113.0/24",
    "224.0.0.0/4",
    "240.0.0.0/4",
    "::/128",
    "::1/128",
    "64:ff9b:1::/48",
    "100::/64",
    "2001::/23",
    "2001:db8::/32",
    "2002::/16",
    "3fff::/20",
    "fc00::/7",
    "fe80::/10",
    "ff00::/8",
];

static NETS: LazyLock<Vec<IpNet>> =
    LazyLock::new(|| RANGES.iter().filter_map(|r| r.parse().ok()).collect());

/// True for addresses that cannot be placed on a map. IPv4-mapped IPv6
/// addresses are judged as the IPv4 address they carry.
pub fn is_special(ip: IpAddr) -> bool {
    let ip = ip.to_canonical();
    NETS.iter().any(|n| n.contains(&ip))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_range_parses() {
        assert_eq!(NETS.len(), RANGES.len());
    }

    #[test]
    fn special_and_public_addresses() {
        for ip in [
            "10.1.2.3",
            "127.0.0.1",
            "192.168.1.1",
            "203.0.113.9",
            "::1",
            "2001:db8::1",
            "fd00::1",
            "::ffff:10.0.0.1",
            "100.64.1.1",
        ] {
            assert!(is_special(ip.parse().expect("ip")), "{ip}");
        }
        for ip in ["8.8.8.8", "81.2.69.142", "2a00:1450::1", "::ffff:8.8.8.8"] {
            assert!(!is_special(ip.parse().expect("ip")), "{ip}");
        }
    }
}
