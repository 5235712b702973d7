//! Caps on open TCP connections, in total and per client IP, checked the
//! moment a connection is accepted: past a cap the connection is closed at
//! once, before it costs a task or a buffer, so one address cannot use up
//! the process's file descriptors and lock everyone else out.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{SystemTime, UNIX_EPOCH};

/// The caps as configured; `None` turns one off.
#[derive(Clone, Copy, Debug)]
pub struct ConnectionCaps {
    /// Open connections, all clients together (`TALLY_MAX_CONNECTIONS`).
    pub total: Option<usize>,
    /// Open connections from one client IP (`TALLY_MAX_CONNECTIONS_PER_IP`).
    pub per_ip: Option<usize>,
}

/// Counts open connections against the caps.
#[derive(Clone)]
pub struct ConnectionGate {
    caps: ConnectionCaps,
    /// Open connections per client IP; their sum is the total.
    open: Arc<Mutex<Open>>,
    /// When a refusal was last logged (Unix seconds), so a flood logs one
    /// line every few seconds rather than one per connection.
    last_logged: Arc<AtomicU64>,
}

#[derive(Default)]
struct Open {
    total: usize,
    per_ip: HashMap<IpAddr, usize>,
}

/// An admitted connection; it counts as open until this is dropped.
pub struct Admitted {
    gate: ConnectionGate,
    ip: IpAddr,
}

impl ConnectionGate {
    pub fn new(caps: ConnectionCaps) -> ConnectionGate {
        ConnectionGate { caps, open: Arc::default(), last_logged: Arc::default() }
    }

    /// Admits a connection from `ip`, or refuses it (and says so in the log).
    pub fn admit(&self, ip: IpAddr) -> Option<Admitted> {
        let mut open = self.open.lock().unwrap_or_else(|e| e.into_inner());
        let from_ip = open.per_ip.get(&ip).copied().unwrap_or(0);
        let refused = if self.caps.total.is_some_and(|cap| open.total >= cap) {
            Some("TALLY_MAX_CONNECTIONS")
        } else if self.caps.per_ip.is_some_and(|cap| from_ip >= cap) {
            Some("TALLY_MAX_CONNECTIONS_PER_IP")
        } else {
            None
        };
        if let Some(setting) = refused {
            let (total, now) = (open.total, unix_seconds());
            drop(open);
            if self.last_logged.swap(now, Ordering::Relaxed) + 5 <= now {
                tracing::warn!(%ip, open = total, from_ip, "connection refused: {setting} reached");
            }
            return None;
        }
        open.total += 1;
        *open.per_ip.entry(ip).or_default() += 1;
        Some(Admitted { gate: self.clone(), ip })
    }
}

impl Drop for Admitted {
    fn drop(&mut self) {
        let mut open = self.gate.open.lock().unwrap_or_else(|e| e.into_inner());
        open.total -= 1;
        if let Some(count) = open.per_ip.get_mut(&self.ip) {
            *count -= 1;
            if *count == 0 {
                open.per_ip.remove(&self.ip);
            }
        }
    }
}

fn unix_seconds() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caps_count_open_connections_and_release_them() {
        let gate = ConnectionGate::new(ConnectionCaps { total: Some(3), per_ip: Some(2) });
        let (a, b): (IpAddr, IpAddr) = ("10.0.0.1".parse().unwrap(), "10.0.0.2".parse().unwrap());
        let first = gate.admit(a).unwrap();
        let _second = gate.admit(a).unwrap();
        assert!(gate.admit(a).is_none(), "per IP");
        let _third = gate.admit(b).unwrap();
        assert!(gate.admit(b).is_none(), "in total");
        drop(first);
        assert!(gate.admit(a).is_some(), "a closed connection frees its place");
    }
}
