//! Checks the test-only MaxMind DB writer against the real `maxminddb` reader.

#[path = "common/mmdb.rs"]
mod mmdb;

use ipnet::IpNet;
use maxminddb::{Reader, geoip2};
use mmdb::MmdbWriter;
use serde::Deserialize;
use serde_json::{Value, json};
use std::net::IpAddr;

fn net(s: &str) -> IpNet {
    s.parse().expect("valid network")
}

fn ip(s: &str) -> IpAddr {
    s.parse().expect("valid address")
}

fn open(writer: &MmdbWriter) -> Reader<Vec<u8>> {
    let reader = Reader::from_source(writer.to_bytes()).expect("database opens");
    reader.verify().expect("database verifies");
    reader
}

fn lookup_json(reader: &Reader<Vec<u8>>, addr: &str) -> Option<Value> {
    reader
        .lookup(ip(addr))
        .expect("lookup succeeds")
        .decode::<Value>()
        .expect("record decodes")
}

fn sf_record() -> Value {
    json!({
        "country": {"iso_code": "US", "names": {"en": "United States"}},
        "subdivisions": [{"iso_code": "CA", "names": {"en": "California"}}],
        "city": {"names": {"en": "San Francisco"}},
        "location": {"latitude": 37.77, "longitude": -122.42, "accuracy_radius": 50}
    })
}

fn gb_record() -> Value {
    json!({
        "country": {"iso_code": "GB", "names": {"en": "United Kingdom"}},
        "location": {"latitude": 51.5, "longitude": -0.13, "accuracy_radius": 500}
    })
}

fn de_record() -> Value {
    json!({"country": {"iso_code": "DE", "names": {"en": "Germany"}}})
}

fn city_writer(specific_first: bool) -> MmdbWriter {
    let mut w = MmdbWriter::new("GeoIP2-City");
    if specific_first {
        w.insert(net("81.2.69.0/24"), sf_record());
        w.insert(net("81.0.0.0/8"), gb_record());
    } else {
        w.insert(net("81.0.0.0/8"), gb_record());
        w.insert(net("81.2.69.0/24"), sf_record());
    }
    w.insert(net("2001:db8::/32"), de_record());
    w.insert(net("2001:db8:1::/48"), sf_record());
    w
}

#[test]
fn city_layout_ipv4_nested_networks() {
    for specific_first in [false, true] {
        let reader = open(&city_writer(specific_first));
        assert_eq!(lookup_json(&reader, "81.2.69.142"), Some(sf_record()));
        assert_eq!(lookup_json(&reader, "81.2.69.0"), Some(sf_record()));
        assert_eq!(lookup_json(&reader, "81.2.69.255"), Some(sf_record()));
        assert_eq!(lookup_json(&reader, "81.2.70.1"), Some(gb_record()));
        assert_eq!(lookup_json(&reader, "81.0.0.0"), Some(gb_record()));
        assert_eq!(lookup_json(&reader, "81.255.255.255"), Some(gb_record()));
        assert_eq!(lookup_json(&reader, "80.255.255.255"), None);
        assert_eq!(lookup_json(&reader, "82.0.0.0"), None);
        assert_eq!(lookup_json(&reader, "1.1.1.1"), None);
        assert_eq!(lookup_json(&reader, "0.0.0.0"), None);
        assert_eq!(lookup_json(&reader, "255.255.255.255"), None);

        let hit = reader.lookup(ip("81.2.69.142")).expect("lookup");
        assert!(hit.has_data());
        assert_eq!(hit.network().expect("network").to_string(), "81.2.69.0/24");
        let rest = reader.lookup(ip("81.128.0.1")).expect("lookup");
        assert_eq!(rest.network().expect("network").to_string(), "81.128.0.0/9");
        assert!(!reader.lookup(ip("9.9.9.9")).expect("lookup").has_data());
    }
}

#[test]
fn city_layout_ipv6_and_ipv4_aliases() {
    let reader = open(&city_writer(false));
    assert_eq!(lookup_json(&reader, "2001:db8::1"), Some(de_record()));
    assert_eq!(lookup_json(&reader, "2001:db8:ffff::1"), Some(de_record()));
    assert_eq!(lookup_json(&reader, "2001:db8:1::42"), Some(sf_record()));
    assert_eq!(lookup_json(&reader, "2001:db9::1"), None);
    assert_eq!(lookup_json(&reader, "2001:db7:ffff::1"), None);
    assert_eq!(lookup_json(&reader, "::1"), None);
    // IPv4 lives at ::a.b.c.d and is aliased at ::ffff:a.b.c.d.
    assert_eq!(lookup_json(&reader, "::81.2.69.142"), Some(sf_record()));
    assert_eq!(
        lookup_json(&reader, "::ffff:81.2.69.142"),
        Some(sf_record())
    );
    assert_eq!(lookup_json(&reader, "::ffff:81.3.0.1"), Some(gb_record()));
    assert_eq!(lookup_json(&reader, "::ffff:82.0.0.1"), None);
}

#[test]
fn city_layout_decodes_into_geoip2_city() {
    let reader = open(&city_writer(false));
    let result = reader.lookup(ip("81.2.69.142")).expect("lookup");
    let city: geoip2::City = result.decode().expect("decode").expect("record");
    assert_eq!(city.country.iso_code, Some("US"));
    assert_eq!(city.country.names.english, Some("United States"));
    assert_eq!(city.subdivisions.len(), 1);
    assert_eq!(city.subdivisions[0].iso_code, Some("CA"));
    assert_eq!(city.subdivisions[0].names.english, Some("California"));
    assert_eq!(city.city.names.english, Some("San Francisco"));
    assert_eq!(city.location.latitude, Some(37.77));
    assert_eq!(city.location.longitude, Some(-122.42));
    assert_eq!(city.location.accuracy_radius, Some(50));

    let iso: Option<String> = result
        .decode_path(&maxminddb::path!["country", "iso_code"])
        .expect("decode_path");
    assert_eq!(iso.as_deref(), Some("US"));

    let none = reader.lookup(ip("8.8.8.8")).expect("lookup");
    assert!(none.decode::<geoip2::City>().expect("decode").is_none());
}

#[derive(Debug, Deserialize, PartialEq)]
struct Flat {
    country_code: String,
}

#[test]
fn flat_layout_with_serde_struct() {
    let mut w = MmdbWriter::new("downwatch-flat");
    w.insert(net("81.0.0.0/8"), json!({"country_code": "GB"}));
    w.insert(net("81.2.69.0/24"), json!({"country_code": "US"}));
    w.insert(net("2a00:1450::/32"), json!({"country_code": "IE"}));
    w.insert(net("10.0.0.1/32"), json!({"country_code": "ZZ"}));
    let reader = open(&w);

    let flat = |addr: &str| -> Option<Flat> {
        reader
            .lookup(ip(addr))
            .expect("lookup")
            .decode()
            .expect("decode")
    };
    let code = |s: &str| {
        Some(Flat {
            country_code: s.to_owned(),
        })
    };
    assert_eq!(flat("81.1.2.3"), code("GB"));
    assert_eq!(flat("81.2.69.7"), code("US"));
    assert_eq!(flat("2a00:1450:4009::200e"), code("IE"));
    assert_eq!(flat("10.0.0.1"), code("ZZ"));
    assert_eq!(flat("10.0.0.0"), None);
    assert_eq!(flat("10.0.0.2"), None);
    assert_eq!(flat("2a00:1451::1"), None);
    assert_eq!(flat("127.0.0.1"), None);

    let meta = reader.metadata();
    assert_eq!(meta.database_type, "downwatch-flat");
    assert_eq!(meta.binary_format_major_version, 2);
    assert_eq!(meta.binary_format_minor_version, 0);
    assert_eq!(meta.ip_version, 6);
    assert_eq!(meta.record_size, 32);
    assert_eq!(meta.languages, vec!["en".to_owned()]);
    assert!(meta.description.contains_key("en"));
    assert!(meta.build_epoch > 0);
}

#[test]
fn all_value_types_round_trip() {
    let long = "x".repeat(70_000);
    let record = json!({
        "t": true,
        "f": false,
        "zero": 0,
        "small": 7,
        "u16": 65_535,
        "u32": 4_000_000_000u64,
        "u64": 18_000_000_000_000_000_000u64,
        "neg": -5,
        "min": i32::MIN,
        "pi": 3.25,
        "negf": -0.5,
        "s29": "a".repeat(29),
        "s300": "b".repeat(300),
        "long": long,
        "empty_s": "",
        "empty_a": [],
        "empty_m": {},
        "utf8": "Zürich 東京",
        "list": [1, "two", 3.5, [false], {"k": "v"}],
        "many": (0..40).collect::<Vec<u32>>(),
    });
    let mut w = MmdbWriter::new("types");
    w.insert(net("192.0.2.0/24"), record.clone());
    let reader = open(&w);
    assert_eq!(lookup_json(&reader, "192.0.2.1"), Some(record));
}

#[test]
fn identical_records_share_data_and_later_insert_wins() {
    let mut w = MmdbWriter::new("dedup");
    w.insert(net("198.51.100.0/24"), json!({"country_code": "AA"}));
    w.insert(net("203.0.113.0/24"), json!({"country_code": "AA"}));
    w.insert(net("203.0.113.0/24"), json!({"country_code": "BB"}));
    let reader = open(&w);
    let a = reader.lookup(ip("198.51.100.1")).expect("lookup");
    let b = reader.lookup(ip("203.0.113.1")).expect("lookup");
    assert_eq!(
        b.decode::<Value>().expect("decode"),
        Some(json!({"country_code": "BB"}))
    );
    assert!(a.offset().is_some());
    assert_ne!(a.offset(), b.offset());
    let mut w = MmdbWriter::new("dedup");
    w.insert(net("198.51.100.0/24"), json!({"country_code": "AA"}));
    w.insert(net("203.0.113.0/24"), json!({"country_code": "AA"}));
    let reader = open(&w);
    let a = reader.lookup(ip("198.51.100.1")).expect("lookup").offset();
    let b = reader.lookup(ip("203.0.113.1")).expect("lookup").offset();
    assert_eq!(a, b);
}

#[test]
fn whole_ipv4_space_and_write_to_file() {
    let mut w = MmdbWriter::new("everything");
    w.insert(net("0.0.0.0/0"), json!({"country_code": "XX"}));
    w.insert(net("2001:db8::/32"), json!({"country_code": "V6"}));
    let dir = std::env::temp_dir().join(format!("mmdb-writer-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("all.mmdb");
    w.write_to(&path).expect("write");
    let reader = Reader::open_readfile(&path).expect("open file");
    reader.verify().expect("verify");
    assert_eq!(
        lookup_json(&reader, "0.0.0.0"),
        Some(json!({"country_code": "XX"}))
    );
    assert_eq!(
        lookup_json(&reader, "255.255.255.255"),
        Some(json!({"country_code": "XX"}))
    );
    assert_eq!(
        lookup_json(&reader, "::ffff:1.2.3.4"),
        Some(json!({"country_code": "XX"}))
    );
    assert_eq!(
        lookup_json(&reader, "2001:db8::5"),
        Some(json!({"country_code": "V6"}))
    );
    assert_eq!(lookup_json(&reader, "2001:db9::5"), None);
    std::fs::remove_dir_all(&dir).expect("cleanup");
}

#[test]
fn empty_database_finds_nothing() {
    let reader = open(&MmdbWriter::new("empty"));
    assert_eq!(lookup_json(&reader, "1.2.3.4"), None);
    assert_eq!(lookup_json(&reader, "2001:db8::1"), None);
}

#[derive(Debug, Deserialize, PartialEq)]
struct Typed {
    accuracy_radius: u16,
    asn: u32,
    ports: u16,
    big: u64,
    offset: i32,
    latitude: f64,
    anycast: bool,
    tags: Vec<String>,
}

#[test]
fn typed_struct_needs_exact_stored_types() {
    let mut w = MmdbWriter::new("typed").with_uint16_key("ports");
    let record = json!({
        "accuracy_radius": 20,
        "asn": 64_512,
        "ports": 443,
        "big": 5_000_000_000u64,
        "offset": -3600,
        "latitude": 52.0,
        "anycast": true,
        "tags": ["a", "b"],
    });
    w.insert(net("203.0.113.0/24"), record);
    let reader = open(&w);
    let result = reader.lookup(ip("203.0.113.9")).expect("lookup");
    let typed: Option<Typed> = result.decode().expect("decode");
    assert_eq!(
        typed,
        Some(Typed {
            accuracy_radius: 20,
            asn: 64_512,
            ports: 443,
            big: 5_000_000_000,
            offset: -3600,
            latitude: 52.0,
            anycast: true,
            tags: vec!["a".into(), "b".into()],
        })
    );

    // The reader does not widen integers: a uint16 is not a u32.
    #[derive(Debug, Deserialize)]
    struct Wide {
        #[allow(dead_code)]
        accuracy_radius: u32,
    }
    assert!(result.decode::<Wide>().is_err());
}
