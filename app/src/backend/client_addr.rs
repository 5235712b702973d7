//! Who a request comes from, for the per-address limits. Normally the TCP
//! peer. Behind a load balancer every peer is the balancer, so operators can
//! name their proxies (`TALLY_TRUSTED_PROXIES`, CIDRs): when the peer is one
//! of them, the client is the right-most `X-Forwarded-For` hop that is not,
//! since each proxy appends the address it was reached from and only the
//! hops our own proxies added can be believed; anything left of them is the
//! client's own say.

use axum::http::HeaderMap;
use ipnet::IpNet;
use std::net::IpAddr;
use std::sync::Arc;

/// The client's address as the limits see it; set on every request by the
/// accept loop.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ClientAddr(pub IpAddr);

/// The proxies whose `X-Forwarded-For` is believed; none by default.
#[derive(Clone, Debug, Default)]
pub struct TrustedProxies(Arc<Vec<IpNet>>);

impl TrustedProxies {
    /// From a comma-separated list of CIDRs or single addresses.
    pub fn parse(list: &str) -> Result<TrustedProxies, String> {
        let parse_one = |text: &str| {
            text.parse::<IpNet>()
                .or_else(|_| text.parse::<IpAddr>().map(IpNet::from))
                .map_err(|_| format!("'{text}' is not an address or CIDR (e.g. 10.0.0.0/8)"))
        };
        let nets = list.split(',').map(str::trim).filter(|t| !t.is_empty()).map(parse_one).collect::<Result<_, _>>()?;
        Ok(TrustedProxies(Arc::new(nets)))
    }

    fn trusts(&self, ip: IpAddr) -> bool {
        self.0.iter().any(|net| net.contains(&ip))
    }

    /// The client behind `peer`, given the request's headers.
    pub fn client(&self, peer: IpAddr, headers: &HeaderMap) -> ClientAddr {
        if !self.trusts(peer) {
            return ClientAddr(peer);
        }
        let hops: Vec<IpAddr> = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .filter_map(|hop| hop.trim().parse().ok())
            .collect();
        let client = hops.iter().rev().find(|hop| !self.trusts(**hop)).or(hops.first());
        ClientAddr(client.copied().unwrap_or(peer))
    }
}

/// As the setting is written, for the start-up log.
impl std::fmt::Display for TrustedProxies {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let nets: Vec<String> = self.0.iter().map(IpNet::to_string).collect();
        f.write_str(&nets.join(","))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn forwarded(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert("x-forwarded-for", HeaderValue::from_str(value).unwrap());
        headers
    }

    #[test]
    fn the_right_most_untrusted_hop_is_the_client() {
        let proxies = TrustedProxies::parse("10.0.0.0/8, 192.0.2.7").unwrap();
        let (balancer, stranger) = ("10.1.2.3".parse().unwrap(), "198.51.100.1".parse().unwrap());
        let client = |peer, header| proxies.client(peer, &forwarded(header)).0.to_string();
        assert_eq!(client(balancer, "203.0.113.9"), "203.0.113.9");
        assert_eq!(
            client(balancer, "1.1.1.1, 203.0.113.9, 192.0.2.7"),
            "203.0.113.9",
            "a spoofed left part is ignored"
        );
        assert_eq!(client(balancer, "10.9.9.9"), "10.9.9.9", "all hops trusted: the left-most");
        assert_eq!(client(balancer, "not an address"), "10.1.2.3");
        assert_eq!(client(stranger, "203.0.113.9"), "198.51.100.1", "an untrusted peer's header is not believed");
        assert!(TrustedProxies::parse("10.0.0.0/33").unwrap_err().contains("10.0.0.0/33"));
    }
}
