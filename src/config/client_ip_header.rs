//! [`ClientIpHeader`], the value of `--client-ip-header`; read by
//! `crate::geo::client_ip`.

/// The one forwarding header the trusted proxies set.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ClientIpHeader {
    /// `X-Forwarded-For`: what nginx, HAProxy and cloud load balancers
    /// append to.
    #[default]
    #[value(name = "x-forwarded-for")]
    XForwardedFor,
    /// `Forwarded` (RFC 7239), for proxies that append to it instead.
    #[value(name = "forwarded")]
    Forwarded,
}
