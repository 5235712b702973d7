//! Anonymous respondents: a random 128-bit id kept in an HttpOnly cookie.
//! The id is the only thing that ties a resubmission to the answers it
//! replaces; nothing else about a person is stored.

use axum::http::{header, HeaderMap, HeaderValue};

pub const COOKIE_NAME: &str = "tally_respondent";

/// 128 random bits as 32 lowercase hex characters.
pub fn new_id() -> String {
    format!("{:032x}", rand::random::<u128>())
}

/// Ids come from clients (cookie or API body), so accept only a plain shape.
pub fn is_valid_id(id: &str) -> bool {
    (16..=64).contains(&id.len()) && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The respondent id from the request's cookie, if it carries a valid one.
pub fn from_cookie(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE_NAME)
        .map(|(_, value)| value.to_string())
        .filter(|id| is_valid_id(id))
}

/// A year-long cookie that scripts cannot read and other sites cannot send.
pub fn set_cookie(id: &str) -> HeaderValue {
    HeaderValue::from_str(&format!("{COOKIE_NAME}={id}; Path=/; Max-Age=31536000; HttpOnly; SameSite=Lax"))
        .expect("a validated id is a valid header value")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_random_and_valid() {
        let (a, b) = (new_id(), new_id());
        assert_ne!(a, b);
        assert!(is_valid_id(&a) && a.len() == 32);
    }

    #[test]
    fn cookie_round_trip_and_rejection_of_odd_values() {
        let id = new_id();
        let mut headers = HeaderMap::new();
        headers.insert(header::COOKIE, HeaderValue::from_str(&format!("other=1; {COOKIE_NAME}={id}")).unwrap());
        assert_eq!(from_cookie(&headers), Some(id));
        headers.insert(header::COOKIE, HeaderValue::from_static("tally_respondent=<script>"));
        assert_eq!(from_cookie(&headers), None);
        assert!(set_cookie("abcdefabcdefabcdef").to_str().unwrap().contains("HttpOnly; SameSite=Lax"));
    }
}
