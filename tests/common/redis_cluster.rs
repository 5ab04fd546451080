//! A private three-master Redis Cluster for one test: three redis-server
//! processes with `--cluster-enabled yes` on free ports (each also needs
//! its port + 10000 free for the cluster bus), joined with
//! `redis-cli --cluster create`, killed when dropped.

use super::redis_server::free_port;
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct RedisCluster {
    nodes: Vec<Child>,
    ports: Vec<u16>,
    _dir: tempfile::TempDir,
}

/// A free port whose cluster bus port (port + 10000) is free too.
fn free_cluster_port(taken: &[u16]) -> u16 {
    loop {
        let port = free_port();
        if port < 55_000
            && !taken.contains(&port)
            && TcpListener::bind(("127.0.0.1", port + 10_000)).is_ok()
        {
            return port;
        }
    }
}

/// Starts one cluster node in `dir` on a free port (not in `taken`) and
/// waits until it answers. A port can be taken between the check and the
/// server's bind (by another test, or as the source port of a connection),
/// and then the server exits at once: try again on another port.
fn spawn_node(dir: &std::path::Path, taken: &[u16]) -> (Child, u16) {
    for _ in 0..5 {
        let port = free_cluster_port(taken);
        let mut child = Command::new("redis-server")
            .args([
                "--port",
                &port.to_string(),
                "--bind",
                "127.0.0.1",
                "--cluster-enabled",
                "yes",
                "--cluster-config-file",
                "nodes.conf",
                "--cluster-node-timeout",
                "2000",
                "--save",
                "",
                "--appendonly",
                "no",
            ])
            .current_dir(dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("redis-server (is it installed and on PATH?)");
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = child.try_wait() {
                break;
            }
            let up = redis::Client::open(format!("redis://127.0.0.1:{port}/"))
                .and_then(|c| c.get_connection())
                .and_then(|mut c| redis::cmd("PING").query::<String>(&mut c))
                .is_ok();
            if up {
                return (child, port);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = child.kill();
        let _ = child.wait();
        // The next node starts afresh, not as the one that failed.
        let _ = std::fs::remove_file(dir.join("nodes.conf"));
    }
    panic!("could not start a redis cluster node");
}

impl RedisCluster {
    pub fn start() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut ports = Vec::new();
        let mut nodes = Vec::new();
        for i in 0..3 {
            let node_dir = dir.path().join(format!("node{i}"));
            std::fs::create_dir_all(&node_dir).expect("node dir");
            let (child, port) = spawn_node(&node_dir, &ports);
            nodes.push(child);
            ports.push(port);
        }
        let cluster = Self {
            nodes,
            ports,
            _dir: dir,
        };
        let addresses: Vec<String> = cluster
            .ports
            .iter()
            .map(|p| format!("127.0.0.1:{p}"))
            .collect();
        let status = Command::new("redis-cli")
            .args(["--cluster", "create"])
            .args(&addresses)
            .args(["--cluster-replicas", "0", "--cluster-yes"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .expect("redis-cli (is it installed and on PATH?)");
        assert!(status.success(), "redis-cli --cluster create failed");
        for port in &cluster.ports {
            cluster.wait_for(*port, |c| {
                redis::cmd("CLUSTER")
                    .arg("INFO")
                    .query::<String>(c)
                    .is_ok_and(|info| info.contains("cluster_state:ok"))
            });
        }
        cluster
    }

    fn wait_for(&self, port: u16, ready: impl Fn(&mut redis::Connection) -> bool) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            let ok = redis::Client::open(format!("redis://127.0.0.1:{port}/"))
                .and_then(|c| c.get_connection())
                .is_ok_and(|mut c| ready(&mut c));
            if ok {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("redis cluster node on port {port} did not get ready");
    }

    /// The `--redis-url` for this cluster: `redis+cluster://` with every node.
    pub fn url(&self) -> String {
        let hosts: Vec<String> = self
            .ports
            .iter()
            .map(|p| format!("127.0.0.1:{p}"))
            .collect();
        format!("redis+cluster://{}", hosts.join(","))
    }

    /// A cluster client for assertions on what is stored.
    pub fn client(&self) -> redis::cluster::ClusterConnection {
        let nodes: Vec<String> = self
            .ports
            .iter()
            .map(|p| format!("redis://127.0.0.1:{p}/"))
            .collect();
        redis::cluster::ClusterClient::new(nodes)
            .and_then(|c| c.get_connection())
            .expect("connect to test cluster")
    }

    /// How many keys each master holds.
    pub fn keys_per_node(&self) -> Vec<u64> {
        self.ports
            .iter()
            .map(|p| {
                redis::Client::open(format!("redis://127.0.0.1:{p}/"))
                    .and_then(|c| c.get_connection())
                    .and_then(|mut c| redis::cmd("DBSIZE").query::<u64>(&mut c))
                    .expect("DBSIZE")
            })
            .collect()
    }
}

impl Drop for RedisCluster {
    fn drop(&mut self) {
        for child in &mut self.nodes {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}
