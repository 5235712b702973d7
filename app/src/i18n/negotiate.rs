//! Which language a request gets: the one it asks for (`?lang=`, which the
//! switcher's links carry and which is then remembered in a cookie), else
//! the remembered one, else the best match of the browser's
//! `Accept-Language` among the offered languages (by `fluent-langneg`),
//! else English. The pseudo-locales are only ever asked for by name.

use super::Locale;
use crate::backend::site_cookie::SiteCookie;
use axum::http::{header, HeaderMap};
use fluent_langneg::{accepted_languages, negotiate_languages, LanguageIdentifier, NegotiationStrategy};

/// The cookie that remembers a chosen language, for a year.
pub const COOKIE: &str = "tally_lang";
pub const REMEMBERED_FOR: u64 = 365 * 24 * 3600;

/// The language for a request, and whether its address asked for it (then
/// the answer should remember it).
pub fn choose(query: Option<&str>, headers: &HeaderMap, cookie: &SiteCookie) -> (Locale, bool) {
    if let Some(asked) = query.and_then(asked_in) {
        return (asked, true);
    }
    let remembered = cookie.read(headers).and_then(|tag| Locale::from_tag(&tag));
    let accepted = || headers.get(header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).map(best_accepted);
    (remembered.or_else(|| accepted().flatten()).unwrap_or_default(), false)
}

/// The language `?lang=` names in a query string, if Tally has it.
pub fn asked_in(query: &str) -> Option<Locale> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(query).ok()?;
    pairs.iter().rev().find(|(key, _)| key == "lang").and_then(|(_, tag)| Locale::from_tag(tag))
}

/// The offered language an `Accept-Language` header prefers, if any.
fn best_accepted(header: &str) -> Option<Locale> {
    let requested = accepted_languages::parse(header);
    let offered: Vec<LanguageIdentifier> = Locale::OFFERED.iter().filter_map(|l| l.tag().parse().ok()).collect();
    let best = negotiate_languages(&requested, &offered, None, NegotiationStrategy::Filtering);
    best.first().and_then(|tag| Locale::from_tag(&tag.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(accept: &str, cookie: Option<&str>) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(header::ACCEPT_LANGUAGE, HeaderValue::from_str(accept).unwrap());
        if let Some(value) = cookie {
            headers.insert(header::COOKIE, HeaderValue::from_str(&format!("{COOKIE}={value}")).unwrap());
        }
        headers
    }

    #[test]
    fn the_address_beats_the_cookie_which_beats_the_browser() {
        let cookie = SiteCookie::new(COOKIE, false);
        let both = headers("fr-CH, fr;q=0.9, en;q=0.8", Some("es"));
        assert_eq!(choose(Some("lang=de&x=1"), &both, &cookie), (Locale::De, true));
        assert_eq!(choose(None, &both, &cookie), (Locale::Es, false));
        assert_eq!(choose(None, &headers("fr-CH, fr;q=0.9, en;q=0.8", None), &cookie), (Locale::Fr, false));
        assert_eq!(choose(None, &headers("de-AT", None), &cookie), (Locale::De, false), "a region still matches");
    }

    #[test]
    fn unknown_names_fall_through_and_nothing_known_gives_english() {
        let cookie = SiteCookie::new(COOKIE, false);
        assert_eq!(choose(Some("lang=pt"), &headers("pt-BR, ja", Some("xx")), &cookie), (Locale::En, false));
        assert_eq!(choose(Some("lang=en-XA"), &headers("de", None), &cookie), (Locale::Accented, true));
        assert_eq!(choose(None, &headers("en-XA, ar-XB", None), &cookie), (Locale::En, false), "pseudo only by name");
    }
}
