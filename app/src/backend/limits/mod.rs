//! Abuse limits: submissions per client address and per respondent, new
//! respondents per address on a board, live-socket connects per address,
//! a cap on the live sockets one address holds open, wrong admin keys and
//! wrong join codes per address ([`Guesses`]), and new boards per network
//! and per hour overall. A refused request gets 429 with
//! `Retry-After`. Each rate is a [`Limiter`] ([`rate`]).
//!
//! An IPv6 client is keyed by its /64: one host is usually handed a whole
//! /64, so keying whole addresses would give it billions of buckets. New
//! boards are keyed by network (an IPv4 /24, an IPv6 /48): the hourly
//! ceiling is shared by everyone, and one machine with a range of
//! addresses could otherwise fill it alone.

mod guesses;
mod rate;

pub use guesses::Guesses;
pub use rate::{parse_limit, Limiter, Rate};

use crate::error::TallyError;
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The limits as configured; `None` turns one off. The default is all off.
#[derive(Clone, Copy, Debug, Default)]
pub struct LimitSettings {
    pub submissions_per_ip: Option<Rate>,
    /// Respondents the server makes up (first answers without a cookie) per
    /// address and board: without it, leaving out the cookie would make a
    /// new respondent every time.
    pub new_respondents_per_ip: Option<Rate>,
    pub submissions_per_respondent: Option<Rate>,
    pub connects_per_ip: Option<Rate>,
    /// Open live sockets one IP may hold.
    pub sockets_per_ip: Option<usize>,
    /// New boards per network (see the module's doc).
    pub boards_per_ip: Option<Rate>,
    /// Wrong admin keys per address; past it, every admin request from the
    /// address is refused until the bucket refills, right key or not, so a
    /// guess cannot be told right by its answer.
    pub admin_guesses_per_ip: Option<Rate>,
    /// Wrong join codes per address, held back the same way.
    pub join_guesses_per_ip: Option<Rate>,
    /// Boards created per hour by everyone together: a ceiling on what a
    /// flood from many addresses can cost.
    pub boards_per_hour: Option<usize>,
    /// Invitation lists added, or links issued again, per board.
    pub invites_per_board: Option<Rate>,
    /// Sign-ins started or finished per address.
    pub sign_ins_per_ip: Option<Rate>,
}

/// Every limit the server applies, shared by the API, the server functions
/// and the live socket.
pub struct Limits {
    submissions_per_ip: Limiter<IpAddr>,
    /// Keyed by (address, board).
    new_respondents_per_ip: Limiter<(IpAddr, String)>,
    submissions_per_respondent: Limiter<String>,
    connects_per_ip: Limiter<IpAddr>,
    /// `None`: no cap.
    sockets_per_ip: Option<usize>,
    boards_per_ip: Limiter<IpAddr>,
    /// Admin keys tried.
    pub admin_keys: Guesses,
    /// Join codes tried.
    pub join_codes: Guesses,
    /// One bucket for everyone.
    boards_overall: Limiter<()>,
    /// Invitation changes that issue links, per board.
    invites_per_board: Limiter<String>,
    sign_ins_per_ip: Limiter<IpAddr>,
    /// Open live sockets per address.
    open_sockets: Arc<Mutex<HashMap<IpAddr, usize>>>,
}

/// The key new boards are limited by: the address's /24, or its /48 for IPv6.
pub fn network_key(ip: IpAddr) -> IpAddr {
    match address_key(ip) {
        IpAddr::V4(v4) => IpAddr::V4((u32::from(v4) & !0xff).into()),
        IpAddr::V6(v6) => IpAddr::V6((u128::from(v6) & !((1u128 << 80) - 1)).into()),
    }
}

/// The key an address is limited by: itself, or its /64 for IPv6.
pub fn address_key(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) if v6.to_ipv4_mapped().is_none() => IpAddr::V6((u128::from(v6) & !((1u128 << 64) - 1)).into()),
        IpAddr::V6(v6) => IpAddr::V4(v6.to_ipv4_mapped().expect("checked above")),
        v4 => v4,
    }
}

impl Limits {
    pub fn new(settings: LimitSettings) -> Limits {
        let hourly = |n: usize| Rate { per_second: n as f64 / 3600.0, burst: n as f64 };
        Limits {
            submissions_per_ip: Limiter::new(settings.submissions_per_ip),
            new_respondents_per_ip: Limiter::new(settings.new_respondents_per_ip),
            submissions_per_respondent: Limiter::new(settings.submissions_per_respondent),
            connects_per_ip: Limiter::new(settings.connects_per_ip),
            sockets_per_ip: settings.sockets_per_ip,
            boards_per_ip: Limiter::new(settings.boards_per_ip),
            admin_keys: Guesses::new("wrong admin keys from this address", settings.admin_guesses_per_ip),
            join_codes: Guesses::new("wrong join codes from this address", settings.join_guesses_per_ip),
            boards_overall: Limiter::new(settings.boards_per_hour.map(hourly)),
            invites_per_board: Limiter::new(settings.invites_per_board),
            sign_ins_per_ip: Limiter::new(settings.sign_ins_per_ip),
            open_sockets: Arc::default(),
        }
    }

    /// One invitation list added to `board`, or one link issued again.
    pub fn invitations(&self, board: &str) -> Result<(), TallyError> {
        self.invites_per_board.take(&board.to_string()).map_err(|wait| refused("invitation lists for this board", wait))
    }

    /// One step of signing in (a start or a return from the provider) from
    /// `ip`, when known.
    pub fn sign_in(&self, ip: Option<IpAddr>) -> Result<(), TallyError> {
        let Some(ip) = ip.map(address_key) else { return Ok(()) };
        self.sign_ins_per_ip.take(&ip).map_err(|wait| refused("sign-ins from this address", wait))
    }

    /// One new board from `ip` (when known), within the per-network rate
    /// and the ceiling for everyone.
    pub fn new_board(&self, ip: Option<IpAddr>) -> Result<(), TallyError> {
        if let Some(ip) = ip {
            self.boards_per_ip.take(&network_key(ip)).map_err(|wait| refused("new boards from this network", wait))?;
        }
        self.boards_overall.take(&()).map_err(|wait| refused("new boards on this server this hour", wait))
    }

    /// One submission to `board` from `ip` (when known) by `respondent`;
    /// `new` when the server has just made the respondent up.
    pub fn submission(&self, ip: Option<IpAddr>, board: &str, respondent: &str, new: bool) -> Result<(), TallyError> {
        if let Some(ip) = ip.map(address_key) {
            self.submissions_per_ip.take(&ip).map_err(|wait| refused("submissions from this address", wait))?;
        }
        if new {
            self.new_respondent(ip, board)?;
        }
        self.submissions_per_respondent
            .take(&respondent.to_string())
            .map_err(|wait| refused("submissions from this respondent", wait))
    }

    /// One respondent issued to `ip` (when known) for `board`; the empty
    /// board for tokens asked for ahead of any submission.
    pub fn new_respondent(&self, ip: Option<IpAddr>, board: &str) -> Result<(), TallyError> {
        let Some(ip) = ip.map(address_key) else { return Ok(()) };
        let what = if board.is_empty() {
            "new respondents from this address"
        } else {
            "new respondents from this address on this board"
        };
        self.new_respondents_per_ip.take(&(ip, board.to_string())).map_err(|wait| refused(what, wait))
    }

    /// Drops the keys of every limit whose bucket is full again, every ten
    /// seconds, for as long as the server runs.
    pub async fn sweep_forever(self: Arc<Self>) {
        loop {
            tokio::time::sleep(Duration::from_secs(10)).await;
            self.submissions_per_ip.sweep();
            self.new_respondents_per_ip.sweep();
            self.submissions_per_respondent.sweep();
            self.connects_per_ip.sweep();
            self.boards_per_ip.sweep();
            self.admin_keys.sweep();
            self.join_codes.sweep();
            self.invites_per_board.sweep();
            self.sign_ins_per_ip.sweep();
        }
    }

    /// One live socket from `ip`; it counts as open until the guard is dropped.
    pub fn socket(&self, ip: IpAddr) -> Result<SocketGuard, TallyError> {
        let ip = address_key(ip);
        self.connects_per_ip.take(&ip).map_err(|wait| refused("live connections from this address", wait))?;
        let mut open = self.open_sockets.lock().unwrap_or_else(|e| e.into_inner());
        let count = open.entry(ip).or_default();
        if self.sockets_per_ip.is_some_and(|cap| *count >= cap) {
            return Err(refused("open live connections from this address", Duration::from_secs(5)));
        }
        *count += 1;
        Ok(SocketGuard { ip, open: self.open_sockets.clone() })
    }
}

pub(crate) fn refused(what: &str, wait: Duration) -> TallyError {
    TallyError::RateLimited { what: format!("too many {what}"), retry_after: wait.as_secs().max(1) }
}

#[derive(Debug)]
pub struct SocketGuard {
    ip: IpAddr,
    open: Arc<Mutex<HashMap<IpAddr, usize>>>,
}

impl Drop for SocketGuard {
    fn drop(&mut self) {
        let mut open = self.open.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(count) = open.get_mut(&self.ip) {
            *count -= 1;
            if *count == 0 {
                open.remove(&self.ip);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_boards_are_limited_per_address_and_overall() {
        let per_ip = Rate { per_second: 1.0 / 3600.0, burst: 2.0 };
        let limits = Limits::new(LimitSettings {
            boards_per_ip: Some(per_ip),
            boards_per_hour: Some(3),
            ..LimitSettings::default()
        });
        let (a, b): (IpAddr, IpAddr) = ("10.0.0.1".parse().unwrap(), "10.0.0.2".parse().unwrap());
        assert!(limits.new_board(Some(a)).is_ok() && limits.new_board(Some(a)).is_ok());
        let refused = limits.new_board(Some(a)).unwrap_err();
        assert!(refused.to_string().starts_with("too many new boards from this network"), "{refused}");
        assert!(limits.new_board(Some(b)).is_err(), "b is on a's /24");
        let c: IpAddr = "10.0.1.2".parse().unwrap();
        assert!(limits.new_board(Some(c)).is_ok(), "the third board overall");
        let ceiling = limits.new_board(Some("10.0.2.1".parse().unwrap())).unwrap_err();
        assert!(ceiling.to_string().starts_with("too many new boards on this server this hour"), "{ceiling}");
        assert!(matches!(ceiling, TallyError::RateLimited { retry_after, .. } if retry_after > 60));
    }

    #[test]
    fn new_boards_are_keyed_by_network() {
        let key = |text: &str| network_key(text.parse().unwrap());
        assert_eq!(key("127.0.0.1"), key("127.0.0.100"), "one machine's loopback range is one network");
        assert_ne!(key("10.0.0.1"), key("10.0.1.1"));
        assert_eq!(key("2001:db8:1:2::1"), key("2001:db8:1:ffff::1"));
        assert_ne!(key("2001:db8:1::1"), key("2001:db8:2::1"));
        assert_eq!(key("::ffff:10.0.0.1"), key("10.0.0.9"));
    }

    #[test]
    fn wrong_admin_keys_run_out_and_then_even_a_right_one_waits() {
        let three = Rate { per_second: 1.0 / 3600.0, burst: 3.0 };
        let limits = Limits::new(LimitSettings { admin_guesses_per_ip: Some(three), ..LimitSettings::default() });
        let (ip, other) = (Some("10.0.0.1".parse().unwrap()), Some("10.0.0.2".parse().unwrap()));
        for _ in 0..3 {
            assert!(limits.admin_keys.attempt(ip).is_ok() && limits.admin_keys.wrong(ip).is_ok());
        }
        assert_eq!(limits.admin_keys.wrong(ip).unwrap_err().status(), 429);
        assert_eq!(limits.admin_keys.attempt(ip).unwrap_err().status(), 429, "refused before any key is checked");
        assert!(limits.admin_keys.attempt(other).is_ok(), "other addresses are not held back");
        assert!(limits.join_codes.attempt(ip).is_ok(), "join codes are counted apart");
    }

    #[test]
    fn ipv6_clients_are_keyed_by_their_64() {
        let key = |text: &str| address_key(text.parse().unwrap());
        assert_eq!(key("2001:db8:1:2:aaaa::1"), key("2001:db8:1:2:bbbb::9"));
        assert_ne!(key("2001:db8:1:2::1"), key("2001:db8:1:3::1"));
        assert_eq!(key("::ffff:10.0.0.1"), key("10.0.0.1"), "a mapped IPv4 address is its IPv4 address");
        assert_ne!(key("10.0.0.1"), key("10.0.0.2"));
    }

    #[test]
    fn only_respondents_the_server_makes_up_count_as_new() {
        let one_each = Rate { per_second: 1.0 / 3600.0, burst: 1.0 };
        let limits = Limits::new(LimitSettings { new_respondents_per_ip: Some(one_each), ..LimitSettings::default() });
        let ip = Some("10.0.0.1".parse().unwrap());
        assert!(limits.submission(ip, "b", "first-made-up-respondent", true).is_ok());
        let refused = limits.submission(ip, "b", "second-made-up-respondent", true).unwrap_err();
        assert!(refused.to_string().starts_with("too many new respondents from this address on this board"));
        assert!(limits.submission(ip, "b", "a-returning-respondent", false).is_ok(), "returning ones are not new");
        assert!(limits.submission(ip, "other", "third-made-up-respondent", true).is_ok(), "boards are apart");
    }

    #[test]
    fn sockets_per_ip_are_capped_and_released() {
        let limits = Limits::new(LimitSettings { sockets_per_ip: Some(2), ..LimitSettings::default() });
        let ip: IpAddr = "10.0.0.1".parse().unwrap();
        let first = limits.socket(ip).unwrap();
        let _second = limits.socket(ip).unwrap();
        assert_eq!(limits.socket(ip).unwrap_err().status(), 429);
        drop(first);
        assert!(limits.socket(ip).is_ok());
    }
}
