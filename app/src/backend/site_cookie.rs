//! This site's cookies: HttpOnly, SameSite=Lax and for the whole site, and
//! over HTTPS `Secure` and `__Host-` prefixed (which browsers accept only
//! from this host, so no subdomain can plant one). Two cookies with fixed
//! attributes (the respondent's, and the boards it knows) do not need a cookie crate and the date library it brings.

use axum::http::{header, HeaderMap, HeaderValue};

#[derive(Clone, Debug)]
pub struct SiteCookie {
    /// As sent, prefix included.
    name: String,
    /// Whether browsers reach the site over HTTPS (`TALLY_PUBLIC_URL`).
    https: bool,
}

impl SiteCookie {
    pub fn new(base_name: &str, https: bool) -> SiteCookie {
        let name = if https { format!("__Host-{base_name}") } else { base_name.to_string() };
        SiteCookie { name, https }
    }

    /// Another cookie of this site, as secure as this one.
    pub fn sibling(&self, base_name: &str) -> SiteCookie {
        SiteCookie::new(base_name, self.https)
    }

    /// Its value in the request, if the request carries it exactly once.
    /// Two are one too many: over plain HTTP another host or path can plant
    /// a second one (which browsers may send first), and which of them this
    /// site set cannot be told, so neither is believed.
    pub fn read(&self, headers: &HeaderMap) -> Option<String> {
        let mut values = headers
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .filter_map(|pair| pair.trim().split_once('='))
            .filter(|(key, _)| *key == self.name)
            .map(|(_, value)| value.to_string());
        let first = values.next()?;
        values.next().is_none().then_some(first)
    }

    /// `Set-Cookie` for `value` (hex, dots, and board ids joined by `~`)
    /// kept `max_age` seconds; 0 removes it.
    pub fn set(&self, value: &str, max_age: u64) -> HeaderValue {
        let secure = if self.https { "; Secure" } else { "" };
        let text = format!("{}={value}; Path=/; Max-Age={max_age}; HttpOnly; SameSite=Lax{secure}", self.name);
        HeaderValue::from_str(&text).expect("cookie values here are visible ASCII without separators")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn over_https_the_cookie_is_host_only_and_secure() {
        let plain = SiteCookie::new("tally_x", false).set("ab.cd", 60);
        assert_eq!(plain, "tally_x=ab.cd; Path=/; Max-Age=60; HttpOnly; SameSite=Lax");
        let https = SiteCookie::new("tally_x", true);
        assert_eq!(https.set("ab", 0), "__Host-tally_x=ab; Path=/; Max-Age=0; HttpOnly; SameSite=Lax; Secure");
        let mut headers = HeaderMap::new();
        headers.insert(header::COOKIE, HeaderValue::from_static("other=1; __Host-tally_x=ab; tally_x=cd"));
        assert_eq!(https.read(&headers).as_deref(), Some("ab"));
        assert_eq!(SiteCookie::new("tally_x", false).read(&headers).as_deref(), Some("cd"));
        assert_eq!(SiteCookie::new("tally_y", false).read(&headers), None);
    }

    #[test]
    fn a_planted_second_cookie_makes_both_unbelieved() {
        let mut headers = HeaderMap::new();
        headers.insert(header::COOKIE, HeaderValue::from_static("tally_x=planted; other=1; tally_x=mine"));
        assert_eq!(SiteCookie::new("tally_x", false).read(&headers), None);
        headers.append(header::COOKIE, HeaderValue::from_static("tally_y=1"));
        assert_eq!(SiteCookie::new("tally_y", false).read(&headers).as_deref(), Some("1"));
    }
}
