//! The site on the network: who may call it and from where, how long a
//! request may take, how many connections it holds, its public address and
//! who may read its metrics.

use super::limits::{parse_cap, CapSetting};
use crate::allowed_hosts::AllowedHosts;
use crate::connection_cap::ConnectionCaps;
use crate::origin::Origins;
use app::backend::client_addr::TrustedProxies;

#[derive(clap::Args, Debug)]
pub struct NetworkArgs {
    /// Origins besides the site's own whose pages may open live sockets and send changes, comma-separated
    #[arg(long, env = "TALLY_ALLOWED_ORIGINS", default_value = "")]
    allowed_origins: String,
    /// Host names (host or host:port) this site answers to, comma-separated; unset: any
    #[arg(long, env = "TALLY_ALLOWED_HOSTS", default_value = "")]
    allowed_hosts: String,
    /// Proxies (CIDRs or addresses, comma-separated) whose X-Forwarded-For names the client; unset: none
    #[arg(long, env = "TALLY_TRUSTED_PROXIES", default_value = "", value_parser = TrustedProxies::parse)]
    pub trusted_proxies: TrustedProxies,
    /// A request's headers must arrive within this many ms
    #[arg(long, env = "TALLY_HEADER_TIMEOUT_MS", default_value_t = 10_000, value_parser = clap::value_parser!(u64).range(1..=600_000))]
    pub header_timeout_ms: u64,
    /// A request's body must arrive within this many ms
    #[arg(long, env = "TALLY_BODY_TIMEOUT_MS", default_value_t = 10_000, value_parser = clap::value_parser!(u64).range(1..=600_000))]
    pub body_timeout_ms: u64,
    /// Open TCP connections (live sockets included), all clients together, or off
    #[arg(long, env = "TALLY_MAX_CONNECTIONS", default_value = "20000", value_parser = parse_cap)]
    max_connections: CapSetting,
    /// Open TCP connections from one client IP, or off
    #[arg(long, env = "TALLY_MAX_CONNECTIONS_PER_IP", default_value = "1000", value_parser = parse_cap)]
    max_connections_per_ip: CapSetting,
    /// The site's public address (https://tally.example.com): links handed out are absolute, and with
    /// https the respondent cookie is Secure and __Host- prefixed and pages send HSTS
    #[arg(long, env = "TALLY_PUBLIC_URL", value_parser = parse_public_url)]
    pub public_url: Option<String>,
    /// When set, `/metrics` answers only requests with `Authorization: Bearer <this token>`
    #[arg(long, env = "TALLY_METRICS_TOKEN", hide_env_values = true)]
    metrics_token: Option<String>,
    /// When set, `/metrics` is served on this address only (e.g. 127.0.0.1:9100), not on the site's
    #[arg(long, env = "TALLY_METRICS_ADDR")]
    metrics_addr: Option<std::net::SocketAddr>,
}

/// Who may read `/metrics`: anyone who can reach it (the default), or only
/// holders of a bearer token, and on the site's address or one of its own.
#[derive(Clone, Debug)]
pub struct MetricsAccess {
    /// Required as `Authorization: Bearer <token>` when set.
    pub token: Option<String>,
    /// Served there instead of on the site's address, when set.
    pub address: Option<std::net::SocketAddr>,
}

impl NetworkArgs {
    pub fn origins(&self) -> Origins {
        let listed = self.allowed_origins.split(',').map(|o| o.trim().trim_end_matches('/').to_string());
        Origins::new(listed.filter(|o| !o.is_empty()).collect())
    }

    pub fn hosts(&self) -> AllowedHosts {
        AllowedHosts::parse(&self.allowed_hosts)
    }

    pub fn connections(&self) -> ConnectionCaps {
        ConnectionCaps { total: self.max_connections, per_ip: self.max_connections_per_ip }
    }

    pub fn metrics(&self) -> MetricsAccess {
        MetricsAccess { token: self.metrics_token.clone().filter(|t| !t.is_empty()), address: self.metrics_addr }
    }
}

/// `http(s)://host[:port][/path]`, kept without its trailing slash.
fn parse_public_url(text: &str) -> Result<String, String> {
    let url = text.trim().trim_end_matches('/');
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
    let fine = |rest: &str| {
        let host = rest.split('/').next().unwrap_or_default();
        !host.is_empty() && !rest.contains(['?', '#', '@']) && rest.bytes().all(|b| b.is_ascii_graphic())
    };
    match rest {
        Some(rest) if fine(rest) => Ok(url.to_string()),
        _ => Err(format!("'{text}' is not an http:// or https:// address without query, fragment or user")),
    }
}
