//! The `Tally-Signature` header: `t=<unix seconds>,v1=<hex HMAC-SHA256>`,
//! the HMAC taken with the endpoint's secret over `<t>.<body>`. A receiver
//! recomputes it to know the body came from this board unchanged, and
//! refuses an old `t` (and a `Tally-Delivery` id seen before) to refuse a
//! replay. The layout follows what receivers of other services' webhooks
//! already know how to check.

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;

/// The header's value for `body` sent at `timestamp`.
pub fn header(secret: &str, timestamp: i64, body: &str) -> String {
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(secret.as_bytes()).expect("HMAC takes any key length");
    mac.update(timestamp.to_string().as_bytes());
    mac.update(b".");
    mac.update(body.as_bytes());
    let hex: String = mac.finalize().into_bytes().iter().map(|b| format!("{b:02x}")).collect();
    format!("t={timestamp},v1={hex}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signature_covers_secret_time_and_body() {
        let signed = header("s3cret-s3cret-s3cret", 1_700_000_000, "{\"a\":1}");
        assert!(signed.starts_with("t=1700000000,v1="));
        assert_eq!(signed.len(), "t=1700000000,v1=".len() + 64);
        assert_eq!(signed, header("s3cret-s3cret-s3cret", 1_700_000_000, "{\"a\":1}"));
        assert_ne!(signed, header("another-secret-here", 1_700_000_000, "{\"a\":1}"));
        assert_ne!(signed, header("s3cret-s3cret-s3cret", 1_700_000_001, "{\"a\":1}"));
        assert_ne!(signed, header("s3cret-s3cret-s3cret", 1_700_000_000, "{\"a\":2}"));
    }
}
