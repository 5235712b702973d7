//! Guesses at a secret (an admin key, a join code), limited per address in
//! a way that cannot be used to tell a right guess: once an address's
//! wrong guesses run out, every attempt from it is refused until the bucket
//! refills, the right one included.

use super::rate::{Limiter, Rate};
use super::{address_key, refused};
use crate::error::TallyError;
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::Instant;

pub struct Guesses {
    /// What is guessed, as a refusal names it ("wrong admin keys").
    what: &'static str,
    wrong: Limiter<IpAddr>,
    /// Addresses whose wrong guesses ran out, and until when.
    blocked: Mutex<HashMap<IpAddr, Instant>>,
}

impl Guesses {
    pub fn new(what: &'static str, rate: Option<Rate>) -> Guesses {
        Guesses { what, wrong: Limiter::new(rate), blocked: Mutex::default() }
    }

    /// Refuses an attempt from `ip` whose wrong guesses ran out, before the
    /// guess is looked at.
    pub fn attempt(&self, ip: Option<IpAddr>) -> Result<(), TallyError> {
        let Some(ip) = ip.map(address_key) else { return Ok(()) };
        let blocked = self.blocked.lock().unwrap_or_else(|e| e.into_inner());
        match blocked.get(&ip).map(|until| until.saturating_duration_since(Instant::now())) {
            Some(wait) if !wait.is_zero() => Err(refused(self.what, wait)),
            _ => Ok(()),
        }
    }

    /// Counts a wrong guess from `ip`; refused once they run out.
    pub fn wrong(&self, ip: Option<IpAddr>) -> Result<(), TallyError> {
        let Some(ip) = ip.map(address_key) else { return Ok(()) };
        self.wrong.take(&ip).map_err(|wait| {
            self.blocked.lock().unwrap_or_else(|e| e.into_inner()).insert(ip, Instant::now() + wait);
            refused(self.what, wait)
        })
    }

    /// Forgets addresses whose buckets are full and whose block has ended.
    pub fn sweep(&self) {
        self.wrong.sweep();
        let now = Instant::now();
        self.blocked.lock().unwrap_or_else(|e| e.into_inner()).retain(|_, until| *until > now);
    }
}
