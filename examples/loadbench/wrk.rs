//! The wrk side of the benchmark: Lua scripts that post realistic reports
//! or read pages as browsers do, each request from a client address of its
//! own, and a parser for what wrk prints.

use crate::servers::ended_children_cpu_secs;
use downwatch::catalog::Catalog;
use std::cell::Cell;
use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

/// A Lua script for wrk: every request is a JSON report for a service of
/// the bundled catalog, chosen with Zipf-like popularity (a few services
/// get most reports, as in real traffic), one of that service's symptoms
/// at random, from a client address that no other request uses
/// (X-Forwarded-For through the trusted loopback proxy). Addresses step
/// through the IPv4 space by an odd stride, so they spread over countries
/// and /24 networks. With `delay_ms` > 0 each connection waits that long
/// between requests (a paced run).
pub fn script(catalog: &Catalog, delay_ms: u64) -> String {
    script_with(catalog, delay_ms, None)
}

/// Share of the outage-moment scenario's reports that go to the service
/// that is down; the rest are the mixed traffic of [`script`].
pub const OUTAGE_SHARE: f64 = 0.9;

/// The outage moment: as [`script`], but [`OUTAGE_SHARE`] of the reports
/// go to `service` (one of the catalog's), from as many networks and
/// countries as the others.
pub fn outage_script(catalog: &Catalog, service: &str) -> String {
    script_with(catalog, 0, Some(service))
}

fn script_with(catalog: &Catalog, delay_ms: u64, focus: Option<&str>) -> String {
    let focus = focus
        .and_then(|f| catalog.services().iter().position(|s| s.slug == f))
        .map_or("nil".to_string(), |i| (i + 1).to_string());
    let mut lua = format!("local focus = {focus}\nlocal services = {{\n");
    for s in catalog.services() {
        let symptoms: Vec<String> = s.symptoms.iter().map(|x| format!("{x:?}")).collect();
        let _ = writeln!(lua, "  {{{:?}, {{{}}}}},", s.slug, symptoms.join(", "));
    }
    lua.push_str("}\n");
    let _ = write!(
        lua,
        r#"
-- Zipf popularity: service i is chosen with weight 1 / i.
local weights, total = {{}}, 0
for i = 1, #services do
  total = total + 1 / i
  weights[i] = total
end
local function pick()
  local r = math.random() * total
  local lo, hi = 1, #services
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    if weights[mid] < r then lo = mid + 1 else hi = mid end
  end
  return services[lo]
end

{CLIENTS}
function request()
  local ip = next_address()
  local s
  if focus and math.random() < {OUTAGE_SHARE} then
    s = services[focus]
  else
    repeat s = pick() until not focus or s ~= services[focus]
  end
  local symptoms = s[2]
  local body = '{{"service":"' .. s[1] .. '","symptom":"' .. symptoms[math.random(#symptoms)] .. '"}}'
  return wrk.format("POST", "/api/v1/reports", {{
    ["Content-Type"] = "application/json",
    ["X-Forwarded-For"] = ip,
  }}, body)
end
"#,
        CLIENTS = clients_lua()
    );
    if delay_ms > 0 {
        let _ = write!(lua, "\nfunction delay()\n  return {delay_ms}\nend\n");
    }
    lua
}

/// The step between one client address and the next: odd, so addresses
/// go through the whole IPv4 space before one repeats, and above 256, so
/// consecutive ones are in different /24 networks (and, by the GeoIP
/// database, mostly in different countries' blocks).
pub const ADDRESS_STRIDE: u64 = 40503;

/// The `seq`-th client address of a run whose addresses start at
/// `offset`: what the scripts' `next_address()` sends, for clients outside
/// wrk.
pub fn address(offset: u64, seq: u64) -> std::net::Ipv4Addr {
    let ip = offset.wrapping_add(seq.wrapping_mul(ADDRESS_STRIDE)) % (1 << 32);
    std::net::Ipv4Addr::from(ip as u32)
}

/// The Lua every script shares: wrk's threads number themselves, and
/// `next_address()` gives each request of the run a client address of its
/// own (thread `id` of `threads` takes every `threads`-th one), starting at
/// the run's offset. The script's arguments: threads, offset.
fn clients_lua() -> String {
    format!(
        r#"local counter = 0
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end

function init(args)
  n = 0
  threads = tonumber(args[1])
  -- Each run of the benchmark starts its addresses elsewhere.
  offset = tonumber(args[2])
  math.randomseed(offset + id)
end

function next_address()
  local seq = n * threads + id
  n = n + 1
  local ip = (offset + seq * {ADDRESS_STRIDE}) % 4294967296
  local a = math.floor(ip / 16777216) % 256
  local b = math.floor(ip / 65536) % 256
  local c = math.floor(ip / 256) % 256
  local d = ip % 256
  return a .. "." .. b .. "." .. c .. "." .. d
end
"#
    )
}

/// The header a browser sends: both compressions it understands.
pub const BROWSER_ACCEPT_ENCODING: &str = "gzip, br";

/// A Lua script for wrk that GETs the URL's path as a browser would
/// (`Accept-Encoding: gzip, br`, no conditional headers, so every answer
/// is a full 200), each request from a client address of its own, as
/// many people reading one page are (and as per-address limits see them).
pub fn read_script() -> String {
    format!(
        r#"{CLIENTS}
function request()
  return wrk.format("GET", nil, {{
    ["Accept-Encoding"] = "{BROWSER_ACCEPT_ENCODING}",
    ["X-Forwarded-For"] = next_address(),
  }})
end
"#,
        CLIENTS = clients_lua()
    )
}

/// What one wrk run measured.
#[derive(Debug, Default, Clone)]
pub struct WrkRun {
    pub requests: u64,
    pub per_second: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub errors: u64,
    /// Bytes received (headers and bodies, as sent).
    pub bytes_read: f64,
    /// CPU seconds wrk itself used (set by the caller).
    pub client_cpu_secs: f64,
}

impl WrkRun {
    /// wrk's own CPU time per request, in microseconds.
    pub fn client_cpu_us(&self) -> f64 {
        self.client_cpu_secs * 1e6 / self.requests.max(1) as f64
    }

    /// Bytes on the wire per answer, headers included.
    pub fn bytes_per_request(&self) -> f64 {
        self.bytes_read / self.requests.max(1) as f64
    }
}

/// Runs wrk one run after another, each with client addresses of its own
/// (so none repeats, and no per-address limit or dedupe sees a repeat),
/// and counts wrk's own CPU time.
pub struct Runner {
    threads: usize,
    offset: Cell<u64>,
}

impl Runner {
    /// `threads` wrk threads a run; addresses start after `offset`.
    pub fn new(threads: usize, offset: u64) -> Self {
        Self {
            threads,
            offset: Cell::new(offset),
        }
    }

    /// Where the next run's addresses start: 2^24 + 7 past the last one's.
    pub fn next_offset(&self) -> u64 {
        self.offset.set(self.offset.get() + 0x0100_0000 + 7);
        self.offset.get()
    }

    /// wrk against `url` with the script at `script` for `secs`.
    pub fn run(&self, url: &str, script: &Path, connections: usize, secs: u64) -> WrkRun {
        let offset = self.next_offset();
        let before = ended_children_cpu_secs();
        let mut run = run(url, script, self.threads, connections, secs, offset);
        run.client_cpu_secs = ended_children_cpu_secs() - before;
        run
    }
}

/// Runs wrk against `url` with the script at `script` for `secs`.
fn run(
    url: &str,
    script: &Path,
    threads: usize,
    connections: usize,
    secs: u64,
    offset: u64,
) -> WrkRun {
    let out = Command::new("wrk")
        .args(["-t", &threads.to_string(), "-c", &connections.to_string()])
        .args(["-d", &format!("{secs}s"), "--latency", "--timeout", "10s"])
        .arg("-s")
        .arg(script)
        .arg(url)
        .args(["--", &threads.to_string(), &offset.to_string()])
        .output()
        .expect("run wrk (apt-get install wrk)");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "wrk failed: {text}");
    parse(&text)
}

fn parse(text: &str) -> WrkRun {
    let mut run = WrkRun::default();
    for line in text.lines() {
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            ["50%", v] => run.p50_ms = millis(v),
            ["99%", v] => run.p99_ms = millis(v),
            ["Requests/sec:", v] => run.per_second = v.parse().unwrap_or(0.0),
            [n, "requests", "in", _, read, "read"] => {
                run.requests = n.parse().unwrap_or(0);
                run.bytes_read = bytes(read);
            }
            [n, "requests", "in", ..] => run.requests = n.parse().unwrap_or(0),
            ["Non-2xx", "or", "3xx", "responses:", n] => run.errors += n.parse().unwrap_or(0),
            ["Socket", "errors:", rest @ ..] => {
                run.errors += rest
                    .chunks(2)
                    .filter_map(|c| c[1].trim_end_matches(',').parse::<u64>().ok())
                    .sum::<u64>();
            }
            _ => {}
        }
    }
    run
}

/// "512B", "20.00MB", "1.50GB" (wrk's units are powers of 1024) in bytes.
fn bytes(v: &str) -> f64 {
    let units = [("TB", 4), ("GB", 3), ("MB", 2), ("KB", 1), ("B", 0)];
    units
        .iter()
        .find_map(|(unit, power)| {
            let n = v.strip_suffix(unit)?.parse::<f64>().ok()?;
            Some(n * 1024f64.powi(*power))
        })
        .unwrap_or(f64::NAN)
}

/// "1.23ms", "456.00us", "1.02s" in milliseconds.
fn millis(v: &str) -> f64 {
    let (num, scale) = if let Some(n) = v.strip_suffix("us") {
        (n, 0.001)
    } else if let Some(n) = v.strip_suffix("ms") {
        (n, 1.0)
    } else if let Some(n) = v.strip_suffix('s') {
        (n, 1000.0)
    } else {
        (v, 1.0)
    };
    num.parse::<f64>().unwrap_or(f64::NAN) * scale
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_wrk_output() {
        let run = parse(
            "  Latency Distribution\n     50%  1.20ms\n     99%  850.00us\n  \
             120000 requests in 10.00s, 20.00MB read\n  \
             Socket errors: connect 0, read 2, write 0, timeout 1\n  \
             Non-2xx or 3xx responses: 3\nRequests/sec:  12000.50\n",
        );
        assert_eq!(run.requests, 120_000);
        assert_eq!(run.errors, 6);
        assert!((run.p50_ms - 1.2).abs() < 1e-9);
        assert!((run.p99_ms - 0.85).abs() < 1e-9);
        assert!((run.per_second - 12000.5).abs() < 1e-9);
        assert!((run.bytes_read - 20.0 * 1024.0 * 1024.0).abs() < 1e-6);
    }

    #[test]
    fn parses_sizes_in_wrk_units() {
        assert_eq!(bytes("512B"), 512.0);
        assert_eq!(bytes("1.50KB"), 1536.0);
        assert_eq!(bytes("2.00GB"), 2.0 * 1024.0 * 1024.0 * 1024.0);
        assert!(bytes("lots").is_nan());
    }

    #[test]
    fn addresses_match_the_scripts_and_change_network_every_time() {
        assert!(clients_lua().contains(&format!("seq * {ADDRESS_STRIDE})")));
        assert_eq!(address(0, 1), std::net::Ipv4Addr::new(0, 0, 158, 55));
        assert_eq!(address(0xffff_ffff, 1).to_bits(), 40502);
        let networks: std::collections::HashSet<u32> = (0..100_000)
            .map(|seq| address(0x0b00_0000, seq).to_bits() >> 8)
            .collect();
        assert_eq!(networks.len(), 100_000);
    }

    #[test]
    fn read_script_reads_like_a_browser() {
        let lua = read_script();
        assert!(lua.contains(r#"["Accept-Encoding"] = "gzip, br""#));
        assert!(lua.contains("next_address()"));
        assert!(!lua.contains("If-None-Match") && !lua.contains("If-Modified-Since"));
    }
}
