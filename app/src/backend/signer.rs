//! Signatures only this server can make: HMAC-SHA-256 under the server's
//! secret ([`Store::secret`]), which every instance on one database shares.
//! Respondent tokens and the page's form errors are signed with it.
//!
//! [`Store::secret`]: crate::backend::store::Store::secret

use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use subtle::ConstantTimeEq;

/// Hex digits in a tag: 128 bits, plenty against forgery.
pub const TAG_LEN: usize = 32;

#[derive(Clone)]
pub struct Signer {
    /// The server's secret.
    secret: [u8; 32],
}

impl Signer {
    pub fn new(secret: [u8; 32]) -> Signer {
        Signer { secret }
    }

    /// A tag over `parts`, each length-prefixed so no two different lists
    /// sign the same bytes. The first part names what is signed, so a tag
    /// made for one purpose is never valid for another.
    pub fn tag(&self, parts: &[&str]) -> String {
        let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(&self.secret).expect("HMAC takes any key length");
        for part in parts {
            mac.update(&(part.len() as u64).to_be_bytes());
            mac.update(part.as_bytes());
        }
        mac.finalize().into_bytes()[..TAG_LEN / 2].iter().map(|b| format!("{b:02x}")).collect()
    }

    /// Whether `tag` is the tag over `parts`, compared in constant time.
    pub fn verify(&self, parts: &[&str], tag: &str) -> bool {
        self.tag(parts).as_bytes().ct_eq(tag.as_bytes()).into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_depend_on_secret_purpose_and_boundaries() {
        let signer = Signer::new([1; 32]);
        let tag = signer.tag(&["token", "abc"]);
        assert_eq!(tag.len(), TAG_LEN);
        assert!(signer.verify(&["token", "abc"], &tag));
        assert!(!signer.verify(&["board", "abc"], &tag), "another purpose");
        assert!(!signer.verify(&["tokena", "bc"], &tag), "another split of the same bytes");
        assert!(!Signer::new([2; 32]).verify(&["token", "abc"], &tag), "another secret");
    }
}
