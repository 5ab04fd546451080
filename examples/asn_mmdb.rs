//! Builds the bundled ASN database, `geoip/asn.mmdb.gz`, from the CSV files
//! of the npm package `@ip-location-db/asn` (RouteViews, the RIRs and DB-IP,
//! CC BY 4.0; see geoip/README.md).
//!
//! ```sh
//! cd "$(mktemp -d)" && npm pack @ip-location-db/asn@2.3.2026061719 && tar xzf ip-location-db-asn-*.tgz
//! cargo run --release --example asn_mmdb -- "$PWD/package" /path/to/downwatch/geoip/asn.mmdb.gz
//! ```
//!
//! Each CSV row is an inclusive address range, an AS number and the
//! operator's name. Ranges are split into the fewest CIDR networks and
//! written with the GeoLite2-ASN fields (`autonomous_system_number`,
//! `autonomous_system_organization`) by the project's MaxMind DB writer,
//! with 24-bit records; every distinct record is stored once. Adjacent
//! ranges of one AS are merged first (the package has them merged already).
//! The build time in the metadata is the package version's, so the same
//! package always gives the same bytes. The result is gzip-compressed
//! (the server inflates it once at start).

#[path = "../tests/common/mmdb.rs"]
mod mmdb;

use anyhow::{Context, bail};
use ipnet::{IpNet, Ipv4Net, Ipv6Net};
use mmdb::MmdbWriter;
use serde_json::json;
use std::io::Write;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::path::{Path, PathBuf};

/// One row: first and last address (as 128-bit numbers in their family),
/// the AS number and its name.
struct Range {
    start: u128,
    end: u128,
    asn: u32,
    name: String,
}

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let (Some(package), Some(out)) = (args.next(), args.next()) else {
        bail!("usage: asn_mmdb <unpacked npm package dir> <output .mmdb.gz>");
    };
    let package = PathBuf::from(package);
    let manifest: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(package.join("package.json")).context("package.json")?,
    )?;
    let version = manifest["version"].as_str().unwrap_or("unknown");
    if manifest["name"] != "@ip-location-db/asn" {
        bail!(
            "{} is not the @ip-location-db/asn package",
            package.display()
        );
    }
    let mut writer = MmdbWriter::new("downwatch-ASN")
        .with_record_size(24)
        .with_description(&format!(
            "AS numbers and names from @ip-location-db/asn {version} (RouteViews, RIRs, DB-IP; CC BY 4.0)"
        ))
        .with_build_epoch(epoch_of_version(version));
    let mut networks = 0usize;
    for (file, v4) in [("asn-ipv4.csv", true), ("asn-ipv6.csv", false)] {
        let ranges = merge(read(&package.join(file), v4)?);
        let before = networks;
        for r in &ranges {
            let record = json!({
                "autonomous_system_number": r.asn,
                "autonomous_system_organization": r.name,
            });
            for net in cidrs(r.start, r.end, v4) {
                writer.insert(net, record.clone());
                networks += 1;
            }
        }
        eprintln!(
            "{file}: {} ranges, {} networks",
            ranges.len(),
            networks - before
        );
    }
    let bytes = writer.to_bytes();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(&bytes)?;
    let packed = gz.finish()?;
    std::fs::write(&out, &packed).with_context(|| out.clone())?;
    eprintln!(
        "{out}: {networks} networks, {} bytes ({} gzip-compressed)",
        bytes.len(),
        packed.len()
    );
    Ok(())
}

fn read(path: &Path, v4: bool) -> anyhow::Result<Vec<Range>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(path)
        .with_context(|| path.display().to_string())?;
    let mut out = Vec::new();
    for row in reader.records() {
        let row = row?;
        let field = |i: usize| row.get(i).unwrap_or("");
        let addr = |s: &str| -> anyhow::Result<u128> {
            Ok(match s.parse::<IpAddr>()? {
                IpAddr::V4(a) if v4 => u128::from(u32::from(a)),
                IpAddr::V6(a) if !v4 => u128::from(a),
                other => bail!("{other} in {}", path.display()),
            })
        };
        let (start, end) = (addr(field(0))?, addr(field(1))?);
        if end < start {
            bail!("range {}-{} runs backwards", field(0), field(1));
        }
        let asn: u32 = field(2)
            .parse()
            .with_context(|| format!("AS {}", field(2)))?;
        if asn == 0 {
            continue;
        }
        out.push(Range {
            start,
            end,
            asn,
            name: field(3).to_string(),
        });
    }
    out.sort_by_key(|r| r.start);
    Ok(out)
}

/// Joins ranges of one AS that follow each other without a gap.
fn merge(ranges: Vec<Range>) -> Vec<Range> {
    let mut out: Vec<Range> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if last.asn == r.asn && last.end.checked_add(1) == Some(r.start) => {
                last.end = r.end;
            }
            _ => out.push(r),
        }
    }
    out
}

/// The fewest CIDR networks covering `start..=end` exactly.
fn cidrs(mut start: u128, end: u128, v4: bool) -> Vec<IpNet> {
    let bits: u32 = if v4 { 32 } else { 128 };
    let last_of = |start: u128, size: u32| {
        if size >= 128 {
            Some(u128::MAX)
        } else {
            start.checked_add((1u128 << size) - 1)
        }
    };
    let mut out = Vec::new();
    loop {
        // The largest block aligned at `start` that ends within the range.
        let mut size = start.trailing_zeros().min(bits);
        while size > 0 && last_of(start, size).is_none_or(|l| l > end) {
            size -= 1;
        }
        let prefix = (bits - size) as u8;
        out.push(if v4 {
            IpNet::V4(Ipv4Net::new(Ipv4Addr::from(start as u32), prefix).unwrap_or_default())
        } else {
            IpNet::V6(Ipv6Net::new(Ipv6Addr::from(start), prefix).unwrap_or_default())
        });
        let last = last_of(start, size).unwrap_or(u128::MAX);
        if last >= end {
            return out;
        }
        start = last + 1;
    }
}

/// The package's version is `2.3.YYYYMMDDHH`: the hour its data was built.
fn epoch_of_version(version: &str) -> u64 {
    let stamp = version.rsplit('.').next().unwrap_or("");
    chrono::NaiveDateTime::parse_from_str(&format!("{stamp}0000"), "%Y%m%d%H%M%S")
        .map(|t| t.and_utc().timestamp().max(0) as u64)
        .unwrap_or(0)
}
