//! One limit: a rate with a burst, kept per key. The keys live in
//! `governor`'s keyed limiter (GCRA, which behaves as a token bucket) on a
//! sharded map, so a flood of new keys never queues behind one lock, and a
//! background sweep drops the keys whose bucket has refilled (a full bucket
//! carries nothing worth keeping).
//!
//! A limit is written `<count>/<s|m|h>[:<burst>]` (for example `10/s:100`:
//! ten a second, up to a hundred at once after a quiet spell), or `off`.

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::hash::{BuildHasher, Hash, RandomState};
use std::marker::PhantomData;
use std::num::NonZeroU32;
use std::str::FromStr;
use std::time::Duration;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rate {
    /// Tokens added per second.
    pub per_second: f64,
    /// The bucket's size: how many at once after a quiet spell.
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

/// One limit, applied per key; `None` inside when the limit is off.
///
/// Keys are kept as 64-bit hashes, not as themselves: an entry is then a
/// few words inline, with no string to allocate or to follow on every probe,
/// which keeps a map grown to hundreds of thousands of keys nearly as fast
/// as an empty one. The hash is seeded per limiter, so nobody can choose
/// keys that collide; a chance collision would only make two keys share a
/// bucket.
pub struct Limiter<K: Hash> {
    keyed: Option<DefaultKeyedRateLimiter<u64>>,
    hasher: RandomState,
    clock: DefaultClock,
    _keys: PhantomData<fn(&K)>,
}

impl<K: Hash> Limiter<K> {
    pub fn new(rate: Option<Rate>) -> Limiter<K> {
        let keyed = rate.map(|rate| {
            let period = Duration::from_secs_f64(1.0 / rate.per_second).max(Duration::from_nanos(1));
            let burst = NonZeroU32::new(rate.burst.min(u32::MAX as f64) as u32).unwrap_or(NonZeroU32::MIN);
            let quota = Quota::with_period(period).expect("a period of at least 1 ns").allow_burst(burst);
            RateLimiter::keyed(quota)
        });
        Limiter { keyed, hasher: RandomState::new(), clock: DefaultClock::default(), _keys: PhantomData }
    }

    /// Takes a token for `key`, or says how long until there is one.
    pub fn take(&self, key: &K) -> Result<(), Duration> {
        let Some(keyed) = &self.keyed else { return Ok(()) };
        keyed.check_key(&self.hasher.hash_one(key)).map_err(|not_until| not_until.wait_time_from(self.clock.now()))
    }

    /// Drops the keys whose bucket is full again.
    pub fn sweep(&self) {
        if let Some(keyed) = &self.keyed {
            keyed.retain_recent();
            keyed.shrink_to_fit();
        }
    }

    /// How many keys are kept now.
    pub fn keys(&self) -> usize {
        self.keyed.as_ref().map_or(0, |keyed| keyed.len())
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
            assert_eq!(limiter.take(&"a"), Ok(()));
        }
        let wait = limiter.take(&"a").unwrap_err();
        assert!(wait <= Duration::from_millis(50), "{wait:?}");
        assert_eq!(limiter.take(&"b"), Ok(()), "keys are apart");
        std::thread::sleep(Duration::from_millis(60));
        assert_eq!(limiter.take(&"a"), Ok(()));
    }

    #[test]
    fn the_sweep_drops_refilled_keys_only() {
        let limiter = Limiter::new(Some(Rate { per_second: 1000.0, burst: 1.0 }));
        let slow = Limiter::new(Some(Rate { per_second: 1.0 / 3600.0, burst: 2.0 }));
        for key in 0..100 {
            limiter.take(&key).unwrap();
            slow.take(&key).unwrap();
        }
        std::thread::sleep(Duration::from_millis(20));
        limiter.sweep();
        slow.sweep();
        assert_eq!((limiter.keys(), slow.keys()), (0, 100));
    }
}
