//! Abuse limits, as token buckets per key: submissions per client IP and per
//! respondent, live-socket connects per IP, and a cap on the live sockets one
//! IP holds open. A refused request gets 429 with `Retry-After`.
//!
//! A limit is written `<count>/<s|m|h>[:<burst>]` (for example `10/s:100`:
//! ten a second, up to a hundred at once after a quiet spell), or `off`.

use crate::error::TallyError;
use std::collections::HashMap;
use std::net::IpAddr;
use std::str::FromStr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Buckets kept before idle ones are dropped; bounds memory under a flood of
/// new keys (a full bucket carries no information worth keeping).
const MAX_KEYS: usize = 100_000;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rate {
    pub per_second: f64,
    pub burst: f64,
}

impl FromStr for Rate {
    type Err = String;

    fn from_str(text: &str) -> Result<Rate, String> {
        let wrong = || format!("'{text}' is not a limit; write <count>/<s|m|h>[:<burst>], e.g. 10/s:100, or off");
        let (rate, burst) = text.split_once(':').map_or((text, None), |(r, b)| (r, Some(b)));
        let (count, unit) = rate.split_once('/').ok_or_else(wrong)?;
        let count: f64 = count.trim().parse().map_err(|_| wrong())?;
        let seconds = match unit.trim() {
            "s" => 1.0,
            "m" => 60.0,
            "h" => 3600.0,
            _ => return Err(wrong()),
        };
        let burst: f64 = match burst {
            Some(b) => b.trim().parse().map_err(|_| wrong())?,
            None => count.max(1.0),
        };
        let per_second = count / seconds;
        // From one a day to a billion a second: outside that a refill time
        // would be absurd or not representable.
        let sane = |n: f64| n.is_finite() && n <= 1e9;
        if !(sane(count) && sane(burst) && burst >= 1.0 && per_second * 86_400.0 >= 1.0) {
            return Err(format!("{}; from one a day to a billion a second, burst at least 1", wrong()));
        }
        Ok(Rate { per_second, burst })
    }
}

/// Parses a limit setting; `off` gives `None`.
pub fn parse_limit(text: &str) -> Result<Option<Rate>, String> {
    match text.trim() {
        "off" => Ok(None),
        other => other.parse().map(Some),
    }
}

struct Bucket {
    tokens: f64,
    at: Instant,
}

/// One limit, applied per key.
pub struct Limiter {
    rate: Option<Rate>,
    buckets: Mutex<HashMap<String, Bucket>>,
}

impl Limiter {
    pub fn new(rate: Option<Rate>) -> Limiter {
        Limiter { rate, buckets: Mutex::default() }
    }

    /// Takes a token for `key`, or says how long until there is one.
    pub fn take(&self, key: &str) -> Result<(), Duration> {
        let Some(rate) = self.rate else { return Ok(()) };
        let now = Instant::now();
        let mut buckets = self.buckets.lock().unwrap_or_else(|e| e.into_inner());
        if buckets.len() >= MAX_KEYS && !buckets.contains_key(key) {
            let refill = Duration::from_secs_f64(rate.burst / rate.per_second);
            buckets.retain(|_, b| now.duration_since(b.at) < refill);
        }
        let bucket = buckets.entry(key.to_string()).or_insert(Bucket { tokens: rate.burst, at: now });
        bucket.tokens = (bucket.tokens + now.duration_since(bucket.at).as_secs_f64() * rate.per_second).min(rate.burst);
        bucket.at = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Ok(())
        } else {
            Err(Duration::from_secs_f64((1.0 - bucket.tokens) / rate.per_second))
        }
    }
}

/// The limits as configured; `None` turns one off. The default is all off.
#[derive(Clone, Copy, Debug, Default)]
pub struct LimitSettings {
    pub submissions_per_ip: Option<Rate>,
    pub submissions_per_respondent: Option<Rate>,
    pub connects_per_ip: Option<Rate>,
    /// Open live sockets one IP may hold.
    pub sockets_per_ip: Option<usize>,
    pub boards_per_ip: Option<Rate>,
    /// Boards created per hour by everyone together: a ceiling on what a
    /// flood from many addresses can cost.
    pub boards_per_hour: Option<usize>,
}

/// Every limit the server applies, shared by the API, the server functions
/// and the live socket.
pub struct Limits {
    submissions_per_ip: Limiter,
    submissions_per_respondent: Limiter,
    connects_per_ip: Limiter,
    /// `None`: no cap.
    sockets_per_ip: Option<usize>,
    boards_per_ip: Limiter,
    /// One bucket for everyone, keyed by [`EVERYONE`].
    boards_overall: Limiter,
    /// Open live sockets per IP.
    open_sockets: Arc<Mutex<HashMap<IpAddr, usize>>>,
}

/// The key of limits that count everyone together.
const EVERYONE: &str = "*";

impl Limits {
    pub fn new(settings: LimitSettings) -> Limits {
        let hourly = |n: usize| Rate { per_second: n as f64 / 3600.0, burst: n as f64 };
        Limits {
            submissions_per_ip: Limiter::new(settings.submissions_per_ip),
            submissions_per_respondent: Limiter::new(settings.submissions_per_respondent),
            connects_per_ip: Limiter::new(settings.connects_per_ip),
            sockets_per_ip: settings.sockets_per_ip,
            boards_per_ip: Limiter::new(settings.boards_per_ip),
            boards_overall: Limiter::new(settings.boards_per_hour.map(hourly)),
            open_sockets: Arc::default(),
        }
    }

    /// One new board from `ip` (when known), within the per-IP rate and the
    /// ceiling for everyone.
    pub fn new_board(&self, ip: Option<IpAddr>) -> Result<(), TallyError> {
        let by_ip = ip.map_or(Ok(()), |ip| self.boards_per_ip.take(&ip.to_string()));
        by_ip.map_err(|wait| refused("new boards from this address", wait)).and_then(|()| {
            self.boards_overall.take(EVERYONE).map_err(|wait| refused("new boards on this server this hour", wait))
        })
    }

    /// One submission from `ip` (when known) by `respondent`.
    pub fn submission(&self, ip: Option<IpAddr>, respondent: &str) -> Result<(), TallyError> {
        let by_ip = ip.map_or(Ok(()), |ip| self.submissions_per_ip.take(&ip.to_string()));
        by_ip.map_err(|wait| refused("submissions from this address", wait)).and_then(|()| {
            self.submissions_per_respondent
                .take(respondent)
                .map_err(|wait| refused("submissions from this respondent", wait))
        })
    }

    /// One live socket from `ip`; it counts as open until the guard is dropped.
    pub fn socket(&self, ip: IpAddr) -> Result<SocketGuard, TallyError> {
        self.connects_per_ip
            .take(&ip.to_string())
            .map_err(|wait| refused("live connections from this address", wait))?;
        let mut open = self.open_sockets.lock().unwrap_or_else(|e| e.into_inner());
        let count = open.entry(ip).or_default();
        if self.sockets_per_ip.is_some_and(|cap| *count >= cap) {
            return Err(refused("open live connections from this address", Duration::from_secs(5)));
        }
        *count += 1;
        Ok(SocketGuard { ip, open: self.open_sockets.clone() })
    }
}

fn refused(what: &str, wait: Duration) -> TallyError {
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
    fn limits_parse_or_say_what_is_wrong() {
        assert_eq!("10/s:100".parse::<Rate>(), Ok(Rate { per_second: 10.0, burst: 100.0 }));
        assert_eq!("30/m".parse::<Rate>(), Ok(Rate { per_second: 0.5, burst: 30.0 }));
        assert_eq!(parse_limit("off"), Ok(None));
        for bad in ["10", "10/d", "x/s", "0/s", "5/s:0", "-1/s", "1e-300/s", "0.01/h", "1e10/s", "5/s:1e300", "NaN/s"] {
            assert!(bad.parse::<Rate>().unwrap_err().contains(bad), "{bad}");
        }
    }

    #[test]
    fn a_bucket_allows_its_burst_then_refills() {
        let limiter = Limiter::new(Some(Rate { per_second: 20.0, burst: 3.0 }));
        for _ in 0..3 {
            assert_eq!(limiter.take("a"), Ok(()));
        }
        let wait = limiter.take("a").unwrap_err();
        assert!(wait <= Duration::from_millis(50), "{wait:?}");
        assert_eq!(limiter.take("b"), Ok(()), "keys are apart");
        std::thread::sleep(Duration::from_millis(60));
        assert_eq!(limiter.take("a"), Ok(()));
    }

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
        assert!(refused.to_string().starts_with("too many new boards from this address"), "{refused}");
        assert!(limits.new_board(Some(b)).is_ok(), "the third board overall");
        let ceiling = limits.new_board(Some(b)).unwrap_err();
        assert!(ceiling.to_string().starts_with("too many new boards on this server this hour"), "{ceiling}");
        assert!(matches!(ceiling, TallyError::RateLimited { retry_after, .. } if retry_after > 60));
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
