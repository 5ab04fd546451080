//! A private redis-server for one test: started on a free loopback port in
//! its own temporary directory, killed when dropped. Tests never touch the
//! machine's shared Redis on 6379.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct RedisServer {
    child: Option<Child>,
    port: u16,
    dir: tempfile::TempDir,
}

/// A port nobody listens on right now.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("no free port")
}

impl RedisServer {
    /// Starts a server with persistence off.
    pub fn start() -> Self {
        Self::start_with(&[])
    }

    /// Starts a server with extra `redis-server` arguments.
    pub fn start_with(extra: &[&str]) -> Self {
        for _ in 0..5 {
            let mut server = Self {
                child: None,
                port: free_port(),
                dir: tempfile::tempdir().expect("tempdir"),
            };
            if server.spawn(extra) {
                return server;
            }
        }
        panic!("could not start redis-server (is it installed and on PATH?)");
    }

    /// Starts a server on a chosen port (e.g. one an app already points at).
    pub fn start_on_port(port: u16) -> Self {
        let mut server = Self {
            child: None,
            port,
            dir: tempfile::tempdir().expect("tempdir"),
        };
        assert!(
            server.spawn(&[]),
            "redis-server did not start on port {port}"
        );
        server
    }

    /// The same server again on the same port and directory after [`stop`].
    pub fn restart(&mut self, extra: &[&str]) {
        assert!(self.spawn(extra), "redis-server did not come back");
    }

    /// Kills the server (as a crash would).
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn url(&self) -> String {
        format!("redis://127.0.0.1:{}/", self.port)
    }

    /// A plain client connection for assertions on what is stored.
    pub fn client(&self) -> redis::Connection {
        redis::Client::open(self.url())
            .and_then(|c| c.get_connection())
            .expect("connect to test redis")
    }

    /// Reports counted for `service`: the `t` field summed over every hour
    /// bucket (see docs/storage.md).
    pub fn reports_stored(&self, service: &str) -> u64 {
        use redis::Commands;
        let mut conn = self.client();
        let keys: Vec<String> = conn.keys(format!("dw:{{{service}}}:h:*")).expect("keys");
        keys.iter()
            .map(|k| {
                conn.hget::<_, _, Option<u64>>(k, "t")
                    .expect("hget")
                    .unwrap_or(0)
            })
            .sum()
    }

    fn spawn(&mut self, extra: &[&str]) -> bool {
        let dir: PathBuf = self.dir.path().to_path_buf();
        let port = self.port.to_string();
        let mut args = vec![
            "--port",
            &port,
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ];
        args.extend_from_slice(extra);
        let child = Command::new("redis-server")
            .args(&args)
            .current_dir(&dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        let Ok(mut child) = child else { return false };
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = child.try_wait() {
                return false;
            }
            let ready = redis::Client::open(self.url())
                .and_then(|c| c.get_connection())
                .and_then(|mut c| redis::cmd("PING").query::<String>(&mut c))
                .is_ok();
            if ready {
                self.child = Some(child);
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = child.kill();
        false
    }
}

impl Drop for RedisServer {
    fn drop(&mut self) {
        self.stop();
    }
}
