//! A real SMTP server for one test: Python's `aiosmtpd` (installed by
//! `.ci/run`) on a free loopback port, killed when dropped. Every mail it
//! accepts is parsed by Python's `email` package and written as one JSON
//! file (envelope, headers, the decoded text body), which the test reads.

use super::redis_server::free_port;
use serde_json::Value;
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const SERVER_PY: &str = r#"
import json, os, sys, time
from email import message_from_bytes, policy
from aiosmtpd.controller import Controller

out, port = sys.argv[1], int(sys.argv[2])

class Keep:
    count = 0
    async def handle_DATA(self, server, session, envelope):
        msg = message_from_bytes(envelope.content, policy=policy.default)
        part = msg.get_body(preferencelist=("plain",))
        Keep.count += 1
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "headers": {k.lower(): str(v) for k, v in msg.items()},
            "body": part.get_content() if part is not None else "",
        }
        tmp = os.path.join(out, ".%d.json" % Keep.count)
        with open(tmp, "w") as f:
            json.dump(record, f)
        os.rename(tmp, os.path.join(out, "%06d.json" % Keep.count))
        return "250 OK"

controller = Controller(Keep(), hostname="127.0.0.1", port=port)
controller.start()
print("ready", flush=True)
while True:
    time.sleep(3600)
"#;

pub struct SmtpServer {
    child: Child,
    pub port: u16,
    dir: tempfile::TempDir,
}

impl SmtpServer {
    pub fn start() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let script = dir.path().join("smtp_server.py");
        std::fs::write(&script, SERVER_PY).expect("script");
        let mails = dir.path().join("mails");
        std::fs::create_dir(&mails).expect("mail dir");
        let port = free_port();
        let child = Command::new("python3")
            .arg(&script)
            .arg(&mails)
            .arg(port.to_string())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("python3 runs (with aiosmtpd installed: pip install aiosmtpd)");
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "aiosmtpd did not start on port {port} (pip install aiosmtpd)"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        Self { child, port, dir }
    }

    /// The `--smtp-url` of this server (plain SMTP on loopback).
    pub fn url(&self) -> String {
        format!("smtp://127.0.0.1:{}", self.port)
    }

    /// Every mail received so far, oldest first.
    pub fn mails(&self) -> Vec<Value> {
        let mut names: Vec<_> = std::fs::read_dir(self.dir.path().join("mails"))
            .expect("mail dir")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .filter(|p| {
                !p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            })
            .collect();
        names.sort();
        names
            .iter()
            .map(|p| {
                serde_json::from_str(&std::fs::read_to_string(p).expect("read")).expect("json")
            })
            .collect()
    }

    /// Waits until the mails satisfy `done`.
    pub async fn wait_for(&self, done: impl Fn(&[Value]) -> bool) -> Vec<Value> {
        for _ in 0..400 {
            let mails = self.mails();
            if done(&mails) {
                return mails;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!(
            "the SMTP server did not get what was expected: {:?}",
            self.mails()
        );
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The first `http…` link in a mail's body that contains `part`.
pub fn link_in(mail: &Value, part: &str) -> String {
    mail["body"]
        .as_str()
        .unwrap_or("")
        .split_whitespace()
        .find(|w| w.starts_with("http") && w.contains(part))
        .unwrap_or_else(|| panic!("no link with {part} in {mail}"))
        .to_string()
}
