//! The wrk side of the benchmark: a Lua script that posts realistic
//! reports, and a parser for what wrk prints.

use downwatch::catalog::Catalog;
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
    let mut lua = String::from("local services = {\n");
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

local counter = 0
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

function request()
  local seq = n * threads + id
  n = n + 1
  local ip = (offset + seq * 40503) % 4294967296
  local a = math.floor(ip / 16777216) % 256
  local b = math.floor(ip / 65536) % 256
  local c = math.floor(ip / 256) % 256
  local d = ip % 256
  local s = pick()
  local symptoms = s[2]
  local body = '{{"service":"' .. s[1] .. '","symptom":"' .. symptoms[math.random(#symptoms)] .. '"}}'
  return wrk.format("POST", "/api/v1/reports", {{
    ["Content-Type"] = "application/json",
    ["X-Forwarded-For"] = a .. "." .. b .. "." .. c .. "." .. d,
  }}, body)
end
"#
    );
    if delay_ms > 0 {
        let _ = write!(lua, "\nfunction delay()\n  return {delay_ms}\nend\n");
    }
    lua
}

/// What one wrk run measured.
#[derive(Debug, Default, Clone)]
pub struct WrkRun {
    pub requests: u64,
    pub per_second: f64,
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub errors: u64,
    /// CPU seconds wrk itself used (set by the caller).
    pub client_cpu_secs: f64,
}

impl WrkRun {
    /// wrk's own CPU time per request, in microseconds.
    pub fn client_cpu_us(&self) -> f64 {
        self.client_cpu_secs * 1e6 / self.requests.max(1) as f64
    }
}

/// Runs wrk against `url` with the script at `script` for `secs`.
pub fn run(
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
    }
}
