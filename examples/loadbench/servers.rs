//! The processes a benchmark measures: downwatch and the trivial endpoint
//! as children of this binary (in a server mode), and a private
//! redis-server; with what /proc and Redis say about their cost.

use actix_web::{App, HttpResponse, HttpServer, web};
use clap::Parser;
use downwatch::config::Cli;
use downwatch::startup::Application;
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::time::Duration;

/// A server child process: this binary in a server mode.
pub struct Server {
    pub child: Child,
    /// Held open: the server exits when it closes.
    _stdin: ChildStdin,
    pub port: u16,
}

impl Server {
    pub fn start(args: &[&str]) -> Self {
        Self::start_with_env(args, &[])
    }

    /// A server with `env` set too (`DOWNWATCH_*` settings).
    pub fn start_with_env(args: &[&str], env: &[(&str, &str)]) -> Self {
        let mut child = Command::new(std::env::current_exe().expect("own path"))
            .args(args)
            .env("RUST_LOG", "warn")
            .envs(env.iter().copied())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("start server process");
        let stdin = child.stdin.take().expect("stdin");
        let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
        let mut line = String::new();
        stdout.read_line(&mut line).expect("port line");
        let port = line
            .trim()
            .strip_prefix("port ")
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("server said {line:?}"));
        Self {
            child,
            _stdin: stdin,
            port,
        }
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// The server's own metrics: (acknowledged, counted) reports so far,
    /// and the mean detector tick in seconds.
    pub fn report_metrics(&self) -> (u64, u64, f64) {
        let out = Command::new("curl")
            .args(["-sf", &format!("{}/metrics", self.url())])
            .output()
            .expect("curl");
        let text = String::from_utf8_lossy(&out.stdout);
        let value = |name: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(name)?.strip_prefix(' '))
                .and_then(|v| v.trim().parse::<f64>().ok())
                .unwrap_or(0.0)
        };
        let counted = value("downwatch_reports_counted_total") as u64;
        let repeated = value("downwatch_reports_repeated_total") as u64;
        let ticks = value("downwatch_detector_tick_duration_seconds_count");
        let tick_secs = value("downwatch_detector_tick_duration_seconds_sum") / ticks.max(1.0);
        (counted + repeated, counted, tick_secs)
    }

    /// Resident and peak resident memory, in MiB.
    pub fn rss_mib(&self) -> (f64, f64) {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .unwrap_or_default();
        let field = |name: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(name))
                .and_then(|v| v.split_whitespace().next())
                .and_then(|kb| kb.parse::<f64>().ok())
                .map_or(f64::NAN, |kb| kb / 1024.0)
        };
        (field("VmRSS:"), field("VmHWM:"))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The ceiling: actix-web reading the request body and answering 202 with
/// a small JSON body, nothing else, with the same worker count as
/// downwatch; and for reads, `GET /` answering a few bytes of HTML.
pub fn serve_ceiling() {
    actix_web::rt::System::new().block_on(async {
        let server = HttpServer::new(|| {
            App::new()
                .route(
                    "/api/v1/reports",
                    web::post().to(|_body: web::Bytes| async {
                        HttpResponse::Accepted()
                            .content_type("application/json")
                            .body(r#"{"counted":true}"#)
                    }),
                )
                .route(
                    "/",
                    web::get().to(|| async {
                        HttpResponse::Ok()
                            .content_type("text/html; charset=utf-8")
                            .body("<!doctype html><title>ok</title><p>ok</p>")
                    }),
                )
        })
        .bind("127.0.0.1:0")
        .expect("bind");
        let port = server.addrs()[0].port();
        announce(port);
        server.run().await.expect("ceiling server");
    });
}

/// The naive ingest, as `../shared/bench/ceiling` has it (the yardstick
/// the issue divides ingest by): parse the JSON report, one pipelined
/// `HINCRBY` + `EXPIRE` on Redis through a connection manager shared by
/// every worker, answer 202. One round trip and two commands a report.
pub fn serve_naive(redis_url: &str) {
    #[derive(serde::Deserialize)]
    struct Report {
        service: String,
        symptom: String,
    }
    async fn report(
        r: web::Json<Report>,
        c: web::Data<redis::aio::ConnectionManager>,
    ) -> HttpResponse {
        let mut c = c.get_ref().clone();
        let minute = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() / 60);
        let key = format!("r:{{{}}}:{minute}", r.service);
        let stored: redis::RedisResult<()> = redis::pipe()
            .hincr(&key, &r.symptom, 1)
            .ignore()
            .expire(&key, 7200)
            .ignore()
            .query_async(&mut c)
            .await;
        match stored {
            Ok(()) => HttpResponse::Accepted().finish(),
            Err(_) => HttpResponse::ServiceUnavailable().finish(),
        }
    }
    let url = redis_url.to_string();
    actix_web::rt::System::new().block_on(async move {
        let client = redis::Client::open(url).expect("redis url");
        let cm = redis::aio::ConnectionManager::new(client)
            .await
            .expect("connect to redis");
        let server = HttpServer::new(move || {
            App::new()
                .app_data(web::Data::new(cm.clone()))
                .route("/api/v1/reports", web::post().to(report))
        })
        .bind("127.0.0.1:0")
        .expect("bind");
        let port = server.addrs()[0].port();
        announce(port);
        server.run().await.expect("naive server");
    });
}

/// downwatch as `downwatch serve` runs it: its settings from the command
/// line and `DOWNWATCH_*` variables (so a run can be tuned from the
/// environment), with loopback trusted as a proxy, on the Redis store at
/// `redis_url` or the memory store.
pub fn serve_downwatch(redis_url: Option<String>) {
    actix_web::rt::System::new().block_on(async {
        let mut args = vec!["downwatch", "--listen", "127.0.0.1:0"];
        args.extend(["--trusted-proxy", "127.0.0.1"]);
        if let Some(url) = &redis_url {
            args.extend(["--redis-url", url]);
        }
        let settings = Cli::parse_from(args).serve;
        let app = Application::build(settings).await.expect("app");
        announce(app.port());
        app.run_until_stopped().await.expect("server");
    });
}

/// Tells the benchmark the port, and exits when the benchmark goes away
/// (its end of stdin closes).
fn announce(port: u16) {
    println!("port {port}");
    let _ = std::io::stdout().flush();
    std::thread::spawn(|| {
        for line in std::io::stdin().lock().lines() {
            if line.is_err() {
                break;
            }
        }
        std::process::exit(0);
    });
}

/// CPU seconds (user + system) a process has used so far.
pub fn cpu_secs(pid: u32) -> f64 {
    stat_secs(&format!("/proc/{pid}/stat"), 14)
}

/// CPU seconds used by this process's children that have ended and been
/// waited for: the wrk runs, read before and after each.
pub fn ended_children_cpu_secs() -> f64 {
    stat_secs("/proc/self/stat", 16)
}

/// The sum of the two clock-tick fields at `field` and `field + 1`
/// (numbered as in proc(5)) of a `stat` file, in seconds.
fn stat_secs(path: &str, field: usize) -> f64 {
    static TICKS: std::sync::OnceLock<f64> = std::sync::OnceLock::new();
    let ticks = *TICKS.get_or_init(|| {
        Command::new("getconf")
            .arg("CLK_TCK")
            .output()
            .ok()
            .and_then(|o| String::from_utf8_lossy(&o.stdout).trim().parse().ok())
            .unwrap_or(100.0)
    });
    let stat = std::fs::read_to_string(path).unwrap_or_default();
    // Fields after the command name (which may hold spaces), from field 3.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<f64> = rest
        .split_whitespace()
        .map(|f| f.parse().unwrap_or(0.0))
        .collect();
    let at = |n: usize| fields.get(n - 3).copied().unwrap_or(0.0);
    (at(field) + at(field + 1)) / ticks
}

/// A private redis-server on a free port, persistence off.
pub struct PrivateRedis {
    pub child: Child,
    port: u16,
    _dir: tempfile::TempDir,
}

impl PrivateRedis {
    pub fn start() -> Self {
        Self::start_with(&[])
    }

    /// With more `redis-server` arguments.
    pub fn start_with(extra: &[&str]) -> Self {
        // A cluster node needs its port + 10000 free too (its bus).
        let port = loop {
            let port = std::net::TcpListener::bind("127.0.0.1:0")
                .and_then(|l| l.local_addr())
                .expect("free port")
                .port();
            if port < 55_000 && std::net::TcpListener::bind(("127.0.0.1", port + 10_000)).is_ok() {
                break port;
            }
        };
        let dir = tempfile::tempdir().expect("tempdir");
        let child = Command::new("redis-server")
            .args(["--port", &port.to_string(), "--bind", "127.0.0.1"])
            .args(["--save", "", "--appendonly", "no"])
            .args(extra)
            .current_dir(dir.path())
            .stdout(Stdio::null())
            .spawn()
            .expect("start redis-server (apt-get install redis-server)");
        let redis = Self {
            child,
            port,
            _dir: dir,
        };
        for _ in 0..200 {
            if redis.query(&["PING"]).is_some() {
                return redis;
            }
            std::thread::sleep(Duration::from_millis(25));
        }
        panic!("redis-server did not start");
    }

    pub fn url(&self) -> String {
        format!("redis://127.0.0.1:{}/", self.port)
    }

    pub fn query(&self, args: &[&str]) -> Option<String> {
        let out = Command::new("redis-cli")
            .args(["-p", &self.port.to_string()])
            .args(args)
            .output()
            .ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    }

    /// Calls of every command since the last CONFIG RESETSTAT: (all,
    /// EVALSHA, microseconds Redis spent in the EVALSHAs, and per command
    /// its name, calls and microseconds, the costliest first).
    pub fn command_calls(&self) -> CommandStats {
        let info = self.query(&["INFO", "commandstats"]).unwrap_or_default();
        let mut stats = CommandStats::default();
        for line in info.lines() {
            let Some((name, rest)) = line.trim().split_once(":calls=") else {
                continue;
            };
            let name = name.trim_start_matches("cmdstat_");
            if name == "info" || name == "config" {
                continue;
            }
            let number = |key: &str| {
                rest.split(',')
                    .find_map(|kv| kv.strip_prefix(key))
                    .and_then(|v| v.parse::<u64>().ok())
                    .unwrap_or(0)
            };
            let calls = rest
                .split(',')
                .next()
                .and_then(|c| c.parse().ok())
                .unwrap_or(0);
            let usec = number("usec=");
            stats.all += calls;
            if name == "evalsha" {
                stats.evalsha += calls;
                // A script's time includes the commands it runs.
                stats.script_usec += usec;
            }
            stats.each.push((name.to_string(), calls, usec));
        }
        stats
            .each
            .sort_by_key(|(_, _, usec)| std::cmp::Reverse(*usec));
        stats
    }

    pub fn used_memory_mib(&self) -> f64 {
        let info = self.query(&["INFO", "memory"]).unwrap_or_default();
        info.lines()
            .find_map(|l| l.trim().strip_prefix("used_memory:"))
            .and_then(|v| v.parse::<f64>().ok())
            .map_or(f64::NAN, |b| b / 1_048_576.0)
    }
}

impl Drop for PrivateRedis {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[derive(Default)]
pub struct CommandStats {
    pub all: u64,
    pub evalsha: u64,
    pub script_usec: u64,
    pub each: Vec<(String, u64, u64)>,
}

/// A private three-master Redis Cluster (no replicas), persistence off:
/// three redis-servers joined with `redis-cli --cluster create`.
pub struct PrivateCluster {
    pub nodes: Vec<PrivateRedis>,
}

impl PrivateCluster {
    pub fn start() -> Self {
        let nodes: Vec<PrivateRedis> = (0..3)
            .map(|_| PrivateRedis::start_with(&["--cluster-enabled", "yes"]))
            .collect();
        let addresses: Vec<String> = nodes
            .iter()
            .map(|n| format!("127.0.0.1:{}", n.port))
            .collect();
        let status = Command::new("redis-cli")
            .args(["--cluster", "create"])
            .args(&addresses)
            .args(["--cluster-replicas", "0", "--cluster-yes"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("redis-cli --cluster create");
        assert!(status.success(), "redis-cli --cluster create failed");
        for _ in 0..400 {
            let ok = nodes.iter().all(|n| {
                n.query(&["CLUSTER", "INFO"])
                    .is_some_and(|i| i.contains("cluster_state:ok"))
            });
            if ok {
                return Self { nodes };
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("the cluster did not get ready");
    }

    /// The `--redis-url` of the cluster.
    pub fn url(&self) -> String {
        let hosts: Vec<String> = self
            .nodes
            .iter()
            .map(|n| format!("127.0.0.1:{}", n.port))
            .collect();
        format!("redis+cluster://{}", hosts.join(","))
    }
}
