//! `downwatch healthcheck`: a tiny HTTP client for the container's
//! HEALTHCHECK (the runtime image has no curl). It GETs `/healthz` on the
//! server's listen address and succeeds on a 200.

use std::io::{Read, Write};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, TcpStream, ToSocketAddrs};
use std::time::Duration;

/// Connect, send and read timeout each.
const TIMEOUT: Duration = Duration::from_secs(3);

#[derive(Debug, thiserror::Error)]
pub enum HealthError {
    #[error("--listen {0}: not an address")]
    Address(String),
    #[error("{addr}: {source}")]
    Io {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("{addr}: /healthz answered {status_line:?}")]
    Unhealthy {
        addr: SocketAddr,
        status_line: String,
    },
}

/// Checks the server listening on `listen` (as `--listen` spells it).
pub fn check(listen: &str) -> Result<(), HealthError> {
    let addr = target(listen)?;
    let io = |source| HealthError::Io { addr, source };
    let mut stream = TcpStream::connect_timeout(&addr, TIMEOUT).map_err(io)?;
    stream.set_read_timeout(Some(TIMEOUT)).map_err(io)?;
    stream.set_write_timeout(Some(TIMEOUT)).map_err(io)?;
    write!(
        stream,
        "GET /healthz HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .map_err(io)?;
    let mut head = [0u8; 64];
    let n = stream.read(&mut head).map_err(io)?;
    let status_line = String::from_utf8_lossy(&head[..n])
        .lines()
        .next()
        .unwrap_or_default()
        .to_string();
    let mut parts = status_line.split_whitespace();
    match (parts.next(), parts.next()) {
        (Some(version), Some("200")) if version.starts_with("HTTP/") => Ok(()),
        _ => Err(HealthError::Unhealthy { addr, status_line }),
    }
}

/// The address to connect to: an unspecified host means loopback.
fn target(listen: &str) -> Result<SocketAddr, HealthError> {
    let mut addr = listen
        .to_socket_addrs()
        .ok()
        .and_then(|mut a| a.next())
        .ok_or_else(|| HealthError::Address(listen.to_string()))?;
    if addr.ip().is_unspecified() {
        addr.set_ip(match addr.ip() {
            IpAddr::V4(_) => IpAddr::V4(Ipv4Addr::LOCALHOST),
            IpAddr::V6(_) => IpAddr::V6(Ipv6Addr::LOCALHOST),
        });
    }
    Ok(addr)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unspecified_listen_address_is_checked_on_loopback() {
        let a = target("0.0.0.0:8080").expect("addr");
        assert_eq!(a, "127.0.0.1:8080".parse().expect("addr"));
        let a = target("[::]:9000").expect("addr");
        assert_eq!(a, "[::1]:9000".parse().expect("addr"));
        assert!(target("nonsense").is_err());
    }
}
