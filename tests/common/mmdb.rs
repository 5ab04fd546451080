//! A minimal MaxMind DB (`.mmdb`) writer for tests and for the bundled ASN
//! database (`examples/asn_mmdb.rs`).
//!
//! Integration tests need small GeoIP databases whose answers are known in
//! advance, and they build them at run time rather than shipping binary
//! fixtures. This module writes files per the MaxMind DB File Format
//! Specification 2.0: an IPv6 binary search tree with 32-bit records (24 or
//! 28 with [`MmdbWriter::with_record_size`]), a data section, and the
//! metadata section after `"\xAB\xCD\xEFMaxMind.com"`. No crate on
//! crates.io writes the format from Rust with the upkeep we want (the
//! maintained writers are MaxMind's Go and Perl libraries), hence this one.
//!
//! IPv4 networks live at `::a.b.c.d` (the `::/96` subtree), as in MaxMind's
//! own databases, and `::ffff:0:0/96` is aliased to that subtree so
//! IPv4-mapped addresses find the same records.
//!
//! Records are JSON values: strings become `utf8_string`, non-negative
//! integers `uint32` (`uint64` when larger), negative integers `int32`, other
//! numbers `double`, booleans `boolean`, arrays `array` and objects `map`.
//! The `maxminddb` reader decodes a `u16`/`u32`/`u64`/`i32`/`f64` field only
//! from exactly that stored type, so integers under the GeoIP2 `uint16` keys
//! (`accuracy_radius`, `metro_code`, `confidence`, and any added with
//! [`MmdbWriter::with_uint16_key`]) are stored as `uint16`. Write floats as
//! `37.0`, not `37`, where the reader expects `f64`.
//!
//! Overlapping networks are allowed: the most specific network wins whatever
//! the insertion order, and of two identical networks the later one wins.
//!
//! The writer panics on programmer error: a record that is not a JSON object,
//! a `/0` IPv6 network, a JSON `null`, an integer below `i32::MIN`, a `uint16`
//! key above `u16::MAX`, or a value too large for the format.
#![allow(dead_code)]

use ipnet::IpNet;
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::time::{SystemTime, UNIX_EPOCH};

const METADATA_MARKER: &[u8] = b"\xAB\xCD\xEFMaxMind.com";

// Data section type numbers from the specification.
const T_STRING: u8 = 2;
const T_DOUBLE: u8 = 3;
const T_UINT16: u8 = 5;
const T_UINT32: u8 = 6;
const T_MAP: u8 = 7;
const T_INT32: u8 = 8;
const T_UINT64: u8 = 9;
const T_ARRAY: u8 = 11;
const T_BOOL: u8 = 14;

/// One record of a search-tree node while the tree is built in memory.
#[derive(Clone, Copy, PartialEq)]
enum Slot {
    Empty,
    Node(usize),
    Data(usize),
}

/// Builds a MaxMind DB from networks and JSON records.
pub struct MmdbWriter {
    database_type: String,
    description: String,
    record_size: u16,
    build_epoch: Option<u64>,
    entries: Vec<(IpNet, Value)>,
    uint16_keys: HashSet<String>,
}

impl MmdbWriter {
    pub fn new(database_type: &str) -> Self {
        Self {
            database_type: database_type.to_owned(),
            description: "downwatch test database".to_owned(),
            record_size: 32,
            build_epoch: None,
            entries: Vec::new(),
            uint16_keys: ["accuracy_radius", "metro_code", "confidence"]
                .map(String::from)
                .into(),
        }
    }

    /// Also stores integers found under map key `key` as `uint16`.
    pub fn with_uint16_key(mut self, key: &str) -> Self {
        self.uint16_keys.insert(key.to_owned());
        self
    }

    /// Search-tree records of 24, 28 or 32 bits (24 holds up to 16.7 M
    /// nodes and data bytes, and makes the smallest file).
    pub fn with_record_size(mut self, bits: u16) -> Self {
        assert!(matches!(bits, 24 | 28 | 32), "record size is 24, 28 or 32");
        self.record_size = bits;
        self
    }

    /// The metadata's English description.
    pub fn with_description(mut self, text: &str) -> Self {
        self.description = text.to_owned();
        self
    }

    /// A fixed `build_epoch` (seconds), so the same input writes the same
    /// bytes; by default the time of writing.
    pub fn with_build_epoch(mut self, epoch: u64) -> Self {
        self.build_epoch = Some(epoch);
        self
    }

    /// Maps every address of `net` to `record`, a JSON object.
    pub fn insert(&mut self, net: IpNet, record: Value) {
        assert!(record.is_object(), "an mmdb record must be a JSON object");
        self.entries.push((net.trunc(), record));
    }

    /// Serialises the whole database.
    pub fn to_bytes(&self) -> Vec<u8> {
        // Data section: each distinct record is encoded once.
        let mut data = Vec::new();
        let mut offsets: HashMap<Vec<u8>, usize> = HashMap::new();
        let mut record_offsets = Vec::with_capacity(self.entries.len());
        for (_, record) in &self.entries {
            let mut encoded = Vec::new();
            encode_json(&mut encoded, record, false, &self.uint16_keys);
            let offset = *offsets.entry(encoded).or_insert_with_key(|bytes| {
                data.extend_from_slice(bytes);
                data.len() - bytes.len()
            });
            record_offsets.push(offset);
        }

        // Search tree: broader networks first, so narrower ones refine them.
        let mut order: Vec<usize> = (0..self.entries.len()).collect();
        order.sort_by_key(|&i| to_v6_bits(&self.entries[i].0).1);
        let mut nodes: Vec<[Slot; 2]> = vec![[Slot::Empty; 2]];
        for i in order {
            let (bits, len) = to_v6_bits(&self.entries[i].0);
            insert_path(&mut nodes, bits, len, Slot::Data(record_offsets[i]));
        }
        alias_ipv4_mapped(&mut nodes);

        let node_count = nodes.len();
        let node_bytes = usize::from(self.record_size) / 4;
        let mut out = Vec::with_capacity(node_count * node_bytes + 16 + data.len() + 256);
        for node in &nodes {
            let [left, right] = node.map(|slot| {
                let value = match slot {
                    Slot::Empty => node_count,
                    Slot::Node(n) => n,
                    Slot::Data(offset) => node_count + 16 + offset,
                };
                let value = u32::try_from(value).expect("search tree too large for 32-bit records");
                assert!(
                    self.record_size == 32 || value < 1 << self.record_size,
                    "search tree too large for {}-bit records",
                    self.record_size
                );
                value
            });
            match self.record_size {
                24 => {
                    out.extend_from_slice(&left.to_be_bytes()[1..]);
                    out.extend_from_slice(&right.to_be_bytes()[1..]);
                }
                // The middle byte holds the high nibbles of both records.
                28 => {
                    let (l, r) = (left.to_be_bytes(), right.to_be_bytes());
                    out.extend_from_slice(&l[1..]);
                    out.push((l[0] << 4) | r[0]);
                    out.extend_from_slice(&r[1..]);
                }
                _ => {
                    out.extend_from_slice(&left.to_be_bytes());
                    out.extend_from_slice(&right.to_be_bytes());
                }
            }
        }
        out.extend_from_slice(&[0u8; 16]);
        out.extend_from_slice(&data);
        out.extend_from_slice(METADATA_MARKER);
        self.encode_metadata(&mut out, node_count);
        out
    }

    /// Writes the database to `path`.
    pub fn write_to(&self, path: &std::path::Path) -> std::io::Result<()> {
        std::fs::write(path, self.to_bytes())
    }

    fn encode_metadata(&self, out: &mut Vec<u8>, node_count: usize) {
        let build_epoch = self.build_epoch.unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map(|d| d.as_secs())
                .unwrap_or(0)
        });
        let node_count = u64::try_from(node_count).expect("node count fits in u64");
        write_control(out, T_MAP, 9);
        write_string(out, "binary_format_major_version");
        write_uint(out, T_UINT16, 2);
        write_string(out, "binary_format_minor_version");
        write_uint(out, T_UINT16, 0);
        write_string(out, "build_epoch");
        write_uint(out, T_UINT64, build_epoch);
        write_string(out, "database_type");
        write_string(out, &self.database_type);
        write_string(out, "description");
        write_control(out, T_MAP, 1);
        write_string(out, "en");
        write_string(out, &self.description);
        write_string(out, "ip_version");
        write_uint(out, T_UINT16, 6);
        write_string(out, "languages");
        write_control(out, T_ARRAY, 1);
        write_string(out, "en");
        write_string(out, "node_count");
        write_uint(out, T_UINT32, node_count);
        write_string(out, "record_size");
        write_uint(out, T_UINT16, u64::from(self.record_size));
    }
}

/// The network as a 128-bit address in the IPv6 tree and its prefix length.
fn to_v6_bits(net: &IpNet) -> (u128, u8) {
    match net {
        IpNet::V4(n) => (u128::from(u32::from(n.network())), n.prefix_len() + 96),
        IpNet::V6(n) => (u128::from(n.network()), n.prefix_len()),
    }
}

fn bit(bits: u128, depth: u8) -> usize {
    ((bits >> (127 - depth)) & 1) as usize
}

/// Sets the `len`-bit prefix of `bits` to `target`, replacing whatever was
/// below it. Records passed on the way down are copied into new nodes so the
/// rest of a broader network keeps its data.
fn insert_path(nodes: &mut Vec<[Slot; 2]>, bits: u128, len: u8, target: Slot) {
    assert!(len > 0, "a /0 IPv6 network cannot be stored in the tree");
    let mut node = 0;
    for depth in 0..len - 1 {
        let b = bit(bits, depth);
        node = match nodes[node][b] {
            Slot::Node(next) => next,
            inherited => {
                nodes.push([inherited; 2]);
                let next = nodes.len() - 1;
                nodes[node][b] = Slot::Node(next);
                next
            }
        };
    }
    nodes[node][bit(bits, len - 1)] = target;
}

/// Points `::ffff:0:0/96` at the IPv4 subtree, if there is one. Runs last,
/// so it replaces any IPv6 network inserted inside `::ffff:0:0/96`.
fn alias_ipv4_mapped(nodes: &mut Vec<[Slot; 2]>) {
    let mut slot = Slot::Node(0);
    for _ in 0..96 {
        match slot {
            Slot::Node(n) => slot = nodes[n][0],
            _ => return,
        }
    }
    if slot != Slot::Empty {
        insert_path(nodes, 0xffff_u128 << 32, 96, slot);
    }
}

fn write_control(out: &mut Vec<u8>, type_num: u8, size: usize) {
    let (size_bits, extra): (u8, Vec<u8>) = match size {
        0..=28 => (size as u8, Vec::new()),
        29..=284 => (29, vec![(size - 29) as u8]),
        285..=65_820 => (30, ((size - 285) as u16).to_be_bytes().to_vec()),
        65_821..=16_843_036 => (31, ((size - 65_821) as u32).to_be_bytes()[1..].to_vec()),
        _ => panic!("value of size {size} is too large for the mmdb format"),
    };
    if type_num <= 7 {
        out.push((type_num << 5) | size_bits);
    } else {
        out.push(size_bits);
        out.push(type_num - 7);
    }
    out.extend_from_slice(&extra);
}

fn write_string(out: &mut Vec<u8>, s: &str) {
    write_control(out, T_STRING, s.len());
    out.extend_from_slice(s.as_bytes());
}

/// Writes an unsigned integer with as few bytes as it needs.
fn write_uint(out: &mut Vec<u8>, type_num: u8, value: u64) {
    let bytes = value.to_be_bytes();
    let skip = bytes.iter().take_while(|&&b| b == 0).count();
    write_control(out, type_num, 8 - skip);
    out.extend_from_slice(&bytes[skip..]);
}

/// Encodes `value`; `as_uint16` asks for integers to be stored as `uint16`.
fn encode_json(out: &mut Vec<u8>, value: &Value, as_uint16: bool, uint16_keys: &HashSet<String>) {
    match value {
        Value::Null => panic!("JSON null has no mmdb encoding"),
        Value::Bool(b) => write_control(out, T_BOOL, usize::from(*b)),
        Value::String(s) => write_string(out, s),
        Value::Number(n) => {
            if let (true, Some(u)) = (as_uint16, n.as_u64()) {
                let u = u16::try_from(u).expect("uint16 key holds a value above u16::MAX");
                write_uint(out, T_UINT16, u64::from(u));
            } else if let Some(u) = n.as_u64() {
                let type_num = if u <= u64::from(u32::MAX) {
                    T_UINT32
                } else {
                    T_UINT64
                };
                write_uint(out, type_num, u);
            } else if let Some(i) = n.as_i64() {
                let i = i32::try_from(i).expect("negative integer below i32::MIN");
                // Shorter encodings are read as positive, so negatives take 4 bytes.
                write_control(out, T_INT32, 4);
                out.extend_from_slice(&i.to_be_bytes());
            } else {
                let f = n.as_f64().expect("a JSON number is u64, i64 or f64");
                write_control(out, T_DOUBLE, 8);
                out.extend_from_slice(&f.to_be_bytes());
            }
        }
        Value::Array(items) => {
            write_control(out, T_ARRAY, items.len());
            for item in items {
                encode_json(out, item, false, uint16_keys);
            }
        }
        Value::Object(map) => {
            write_control(out, T_MAP, map.len());
            for (key, item) in map {
                write_string(out, key);
                encode_json(out, item, uint16_keys.contains(key), uint16_keys);
            }
        }
    }
}
