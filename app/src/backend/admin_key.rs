//! Admin keys. Whoever creates a board gets a key that can close, reopen and
//! export it. Only its SHA-256 is stored, so a copy of the database cannot
//! administer boards, and keys are compared in constant time, so response
//! timing does not reveal how much of a guess was right.

use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// 256 random bits, as 64 hex digits.
pub fn new_key() -> String {
    format!("{:032x}{:032x}", rand::random::<u128>(), rand::random::<u128>())
}

pub fn hash(key: &str) -> String {
    Sha256::digest(key.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether `key` hashes to `stored`, in time that does not depend on where
/// they differ (`subtle`).
pub fn matches(key: &str, stored: &str) -> bool {
    hash(key).as_bytes().ct_eq(stored.as_bytes()).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_matches_its_own_hash_only() {
        let key = new_key();
        assert_eq!(key.len(), 64);
        assert_ne!(key, new_key());
        let stored = hash(&key);
        assert!(matches(&key, &stored));
        assert!(!matches(&new_key(), &stored));
        assert!(!matches("", &stored));
        assert!(!matches(&key, ""));
    }
}
