//! Where a webhook may be sent. By default only to `https` addresses on the
//! public internet: never to this machine, its network or a cloud's
//! metadata service, whether the URL names the address or a DNS name
//! resolves to it. The name is checked after resolution, by the resolver
//! the sending client connects with, so what was checked is what is
//! reached. `TALLY_WEBHOOKS_ALLOW_PRIVATE` lifts both rules (a test's
//! receiver on 127.0.0.1, or an intranet).

use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use reqwest::Url;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

/// The longest endpoint URL, in bytes.
pub const MAX_URL: usize = 2000;

/// `text` as an endpoint URL, or what is wrong with it (reads after "the URL").
pub fn checked_url(text: &str, allow_private: bool) -> Result<Url, String> {
    if text.len() > MAX_URL {
        return Err(format!("is longer than {MAX_URL} characters"));
    }
    let url = Url::parse(text.trim()).map_err(|e| format!("is not an absolute URL ({e})"))?;
    match url.scheme() {
        "https" => {}
        "http" if allow_private => {}
        _ => return Err("must start with https://".into()),
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err("must not hold a user name or password (they would show in the delivery log)".into());
    }
    let literal = match url.host() {
        None => return Err("has no host".into()),
        Some(url::Host::Domain(_)) => None,
        Some(url::Host::Ipv4(ip)) => Some(IpAddr::V4(ip)),
        Some(url::Host::Ipv6(ip)) => Some(IpAddr::V6(ip)),
    };
    match literal.and_then(|ip| (!allow_private).then(|| refusal(ip)).flatten()) {
        Some(refused) => Err(refused),
        None => Ok(url),
    }
}

/// Why `ip` may not be reached by default, or `None` for a public address.
pub fn refusal(ip: IpAddr) -> Option<String> {
    let kind = match ip {
        IpAddr::V4(v4) => v4_kind(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4_kind(v4),
            None => v6_kind(v6),
        },
    }?;
    Some(format!(
        "points at {ip}, {kind} address, which webhooks may not reach unless the server allows private addresses"
    ))
}

fn v4_kind(ip: Ipv4Addr) -> Option<&'static str> {
    let [a, b, ..] = ip.octets();
    Some(match () {
        _ if ip.is_loopback() => "a loopback",
        _ if ip.is_private() => "a private",
        _ if ip.is_link_local() => "a link-local",
        _ if ip.is_unspecified() || a == 0 => "an unspecified",
        _ if a == 100 && (64..128).contains(&b) => "a shared (carrier-grade NAT)",
        _ if ip.is_broadcast() || ip.is_multicast() => "a broadcast or multicast",
        _ if ip.is_documentation() || a >= 240 || (a == 198 && (b == 18 || b == 19)) => "a reserved",
        _ => return None,
    })
}

fn v6_kind(ip: Ipv6Addr) -> Option<&'static str> {
    let first = ip.segments()[0];
    Some(match () {
        _ if ip.is_loopback() => "a loopback",
        _ if ip.is_unspecified() => "an unspecified",
        _ if first & 0xfe00 == 0xfc00 => "a unique local (private)",
        _ if first & 0xffc0 == 0xfe80 => "a link-local",
        _ if ip.is_multicast() => "a multicast",
        _ if first == 0x2001 && ip.segments()[1] == 0x0db8 => "a reserved",
        _ => return None,
    })
}

/// The sending client's resolver when private addresses are not allowed:
/// a name is refused if any address it resolves to is not public.
pub struct PublicOnly;

impl Resolve for PublicOnly {
    fn resolve(&self, name: Name) -> Resolving {
        Box::pin(async move {
            let host = name.as_str().to_string();
            let found: Vec<SocketAddr> = tokio::net::lookup_host((host.as_str(), 0)).await?.collect();
            if let Some(refused) = found.iter().find_map(|a| refusal(a.ip())) {
                let error = std::io::Error::other(format!("{host} resolves to an address that {refused}"));
                return Err(error.into());
            }
            let addrs: Addrs = Box::new(found.into_iter());
            Ok(addrs)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_public_addresses_pass_by_default() {
        let refused = [
            "127.0.0.1",
            "127.8.9.10",
            "10.1.2.3",
            "172.16.0.1",
            "172.31.255.255",
            "192.168.1.1",
            "169.254.169.254",
            "0.0.0.0",
            "100.64.0.1",
            "224.0.0.1",
            "255.255.255.255",
            "192.0.2.1",
            "::1",
            "::",
            "fd00::1",
            "fe80::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "2001:db8::1",
        ];
        for ip in refused {
            assert!(refusal(ip.parse().unwrap()).is_some(), "{ip} is not public");
        }
        for ip in ["93.184.215.14", "172.32.0.1", "100.128.0.1", "8.8.8.8", "2606:4700::1111"] {
            assert_eq!(refusal(ip.parse().unwrap()), None, "{ip} is public");
        }
    }

    #[test]
    fn urls_must_be_https_to_a_public_host_unless_private_is_allowed() {
        assert!(checked_url("https://hooks.example.com/x?y=1", false).is_ok());
        for (url, said) in [
            ("http://hooks.example.com/", "https://"),
            ("ftp://hooks.example.com/", "https://"),
            ("hooks.example.com", "absolute"),
            ("https://127.0.0.1:9000/", "loopback"),
            ("https://10.0.0.7/", "private"),
            ("https://169.254.169.254/latest", "link-local"),
            ("https://[::1]/", "loopback"),
            ("https://user:pw@hooks.example.com/", "password"),
        ] {
            let refused = checked_url(url, false).unwrap_err();
            assert!(refused.contains(said), "{url}: {refused}");
        }
        assert!(checked_url(&format!("https://e.com/{}", "a".repeat(MAX_URL)), false).is_err());
        // The setting lifts the address and scheme rules, and only those.
        assert!(checked_url("http://127.0.0.1:9000/", true).is_ok());
        assert!(checked_url("https://10.0.0.7/", true).is_ok());
        assert!(checked_url("ftp://127.0.0.1/", true).is_err());
    }

    #[tokio::test]
    async fn a_name_resolving_to_loopback_is_refused_after_resolution() {
        let name: Name = "localhost".parse().unwrap();
        let refused = PublicOnly.resolve(name).await.err().expect("localhost is refused");
        assert!(refused.to_string().contains("loopback"), "{refused}");
    }
}
