//! The load generator both server benches share: WebSocket clients that
//! record every message, and a steady stream of HTTP submissions that records
//! when each version was acknowledged; together they give the delay from a
//! submission's acknowledgement to its arrival at each client.

#![allow(dead_code)] // each bench uses a different part of this

use crate::common::{row_ids, TestServer};
use futures_util::StreamExt;
use serde_json::{json, Value};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use tokio::task::JoinHandle;
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;
use tokio_tungstenite::tungstenite::Message;

/// What the clients of one run saw.
pub struct Delivery {
    pub latencies_ms: Vec<f64>,
    /// Messages per client per second.
    pub rate: f64,
    pub converged: usize,
    pub clients: usize,
}

impl Delivery {
    pub fn percentile(&self, p: f64) -> f64 {
        if self.latencies_ms.is_empty() {
            return f64::NAN;
        }
        self.latencies_ms[((self.latencies_ms.len() - 1) as f64 * p) as usize]
    }

    pub fn max(&self) -> f64 {
        self.latencies_ms.last().copied().unwrap_or(f64::NAN)
    }
}

pub fn unix_nanos() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_nanos() as u64
}

/// `"key":123` from the head of a JSON text, without parsing all of it
/// (every system measured puts the figures read here in the first bytes).
pub fn number_after(text: &str, key: &str) -> Option<u64> {
    let head = &text[..text.len().min(160)];
    let start = head.find(key)? + key.len();
    let digits: String = text[start..].chars().take_while(|c| c.is_ascii_digit()).collect();
    digits.parse().ok()
}

/// (version, "sent" stamp if any, arrival) of every message one client got.
pub type Seen = Vec<(u64, u64, u64)>;

pub type Followers = Vec<JoinHandle<Seen>>;

/// Opens `clients` connections (200 handshakes at a time) that record every
/// message until their connection ends: the bench ends them by stopping the
/// server, so a client spends nothing per message on watching for a stop
/// signal (a timer or a wake-up per message would compete with the server
/// for the same two cores). Returns once every client is connected.
pub async fn follow(url: &str, clients: usize) -> Followers {
    let gate = Arc::new(tokio::sync::Semaphore::new(200));
    let connected = Arc::new(tokio::sync::Barrier::new(clients + 1));
    let tasks = (0..clients)
        .map(|_| {
            let (url, gate, connected) = (url.to_string(), gate.clone(), connected.clone());
            tokio::spawn(async move {
                let permit = gate.acquire_owned().await.unwrap();
                // Clients read small frames: a 4 KiB read buffer keeps 10,000 of them in memory.
                let config = WebSocketConfig::default().read_buffer_size(4096).write_buffer_size(0);
                let (mut socket, _) = tokio_tungstenite::connect_async_with_config(url, Some(config), false)
                    .await
                    .expect("client connects");
                drop(permit);
                connected.wait().await;
                let mut seen = Vec::new();
                while let Some(Ok(message)) = socket.next().await {
                    if let Message::Text(text) = message {
                        let arrival = unix_nanos();
                        let version = number_after(&text, "\"version\":").unwrap_or(0);
                        let stamp = number_after(&text, "\"sent\":").unwrap_or(0);
                        seen.push((version, stamp, arrival));
                    }
                }
                seen
            })
        })
        .collect();
    connected.wait().await;
    tasks
}

/// What the clients saw, once the server they followed has been stopped.
pub async fn collect(followers: Followers) -> Vec<Seen> {
    let mut all_seen = Vec::with_capacity(followers.len());
    for follower in followers {
        all_seen.push(follower.await.unwrap());
    }
    all_seen
}

/// A steady stream of submissions and when each version was acknowledged.
pub struct Drive {
    /// Index: version; value: acknowledgement time (0 if not ours).
    pub ack_at: Vec<u64>,
    pub final_version: u64,
    /// When the first submission was due and when sending stopped (Unix ns):
    /// the window that message rates are counted over.
    pub window_start: u64,
    pub window_end: u64,
}

/// Submits `per_second` complete answer sets to `server` for `seconds`, from
/// a pool of 5,000 respondents (so most submissions replace earlier answers).
pub async fn drive(server: &TestServer, per_second: u64, seconds: u64) -> Drive {
    let acks: Arc<Mutex<Vec<(u64, u64)>>> = Arc::default();
    let rows = row_ids(&server.matrix().await);
    let people = server.respondents(5000).await;
    let http = reqwest::Client::new();
    let (started, window_start) = (Instant::now(), unix_nanos());
    let mut ticker = tokio::time::interval(Duration::from_millis(10));
    let mut sent = 0u64;
    let mut inflight = Vec::new();
    while started.elapsed() < Duration::from_secs(seconds) {
        ticker.tick().await;
        let due = (started.elapsed().as_secs_f64() * per_second as f64) as u64;
        while sent < due {
            let answers: Value =
                rows.iter().enumerate().map(|(i, r)| (r.clone(), json!((i as u64 + sent) % 4))).collect();
            let body = json!({ "answers": answers, "respondent": people[(sent % 5000) as usize] }).to_string();
            let (http, url, acks) = (http.clone(), server.url("/api/boards/default/submissions"), acks.clone());
            inflight.push(tokio::spawn(async move {
                let response: Value = http.post(url).body(body).send().await.unwrap().json().await.unwrap();
                acks.lock().unwrap().push((response["version"].as_u64().unwrap(), unix_nanos()));
            }));
            sent += 1;
        }
    }
    let window_end = unix_nanos();
    for task in inflight {
        task.await.unwrap();
    }
    let acks = acks.lock().unwrap();
    let final_version = acks.iter().map(|(version, _)| *version).max().unwrap_or(0);
    let mut ack_at = vec![0u64; final_version as usize + 1];
    for (version, at) in acks.iter() {
        ack_at[*version as usize] = *at;
    }
    Drive { ack_at, final_version, window_start, window_end }
}

/// Messages per client per second among those that arrived within
/// `[start, end)` (Unix ns). Counting only the window keeps a quiet tail (the
/// wait for the last frames to land) from diluting the rate.
pub fn rate_within(seen: &[Seen], start: u64, end: u64) -> f64 {
    let within = seen.iter().flatten().filter(|(_, _, arrival)| (start..end).contains(arrival)).count();
    within as f64 / seen.len().max(1) as f64 / ((end - start) as f64 / 1e9)
}

/// Measures each delivered version from its acknowledgement, given what the
/// clients saw (see [`collect`]).
pub fn deliveries(all_seen: Vec<Seen>, drive: &Drive) -> Delivery {
    let clients = all_seen.len();
    let mut latencies = Vec::new();
    let mut converged = 0usize;
    let mut in_window = Vec::with_capacity(clients);
    for mut seen in all_seen {
        seen.retain(|(_, _, arrival)| *arrival >= drive.window_start);
        converged += usize::from(seen.last().is_some_and(|(v, _, _)| *v == drive.final_version));
        // Only a version's first arrival is its delivery; a later message at
        // the same version reports a change in `watching` (clients leaving at
        // the end of the run), not new figures.
        let mut newest = 0;
        for &(version, _, arrival) in &seen {
            if version <= newest {
                continue;
            }
            newest = version;
            if let Some(&ack) = drive.ack_at.get(version as usize).filter(|a| **a > 0) {
                latencies.push(arrival.saturating_sub(ack) as f64 / 1e6);
            }
        }
        in_window.push(seen);
    }
    latencies.sort_by(|a, b| a.total_cmp(b));
    let rate = rate_within(&in_window, drive.window_start, drive.window_end);
    Delivery { latencies_ms: latencies, rate, converged, clients }
}

/// How many cores a process keeps busy over a span: `start` it, then read
/// `busy_cores` at the span's end.
pub struct CpuMeter {
    pid: u32,
    cpu_before: f64,
    started: Instant,
}

impl CpuMeter {
    pub fn start(pid: u32) -> CpuMeter {
        CpuMeter { pid, cpu_before: cpu_seconds(pid), started: Instant::now() }
    }

    pub fn busy_cores(&self) -> f64 {
        (cpu_seconds(self.pid) - self.cpu_before) / self.started.elapsed().as_secs_f64()
    }
}

/// CPU time (user and system) a process has used so far, in seconds.
fn cpu_seconds(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    // Fields after the command name, which ends with the last ')': utime and
    // stime are the 12th and 13th, in clock ticks (100 per second on Linux).
    let fields: Vec<&str> = stat[stat.rfind(')').unwrap() + 1..].split_whitespace().collect();
    let ticks: u64 = fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap();
    ticks as f64 / 100.0
}

pub fn rss_kib(pid: u32) -> f64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    let line = status.lines().find(|l| l.starts_with("VmRSS:")).unwrap_or_default();
    line.split_whitespace().nth(1).and_then(|kib| kib.parse().ok()).unwrap_or(0.0)
}
