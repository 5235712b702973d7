//! The load generator both server benches share: WebSocket clients that
//! record every message, and a steady stream of HTTP submissions that records
//! when each version was acknowledged; together they give the delay from a
//! submission's acknowledgement to its arrival at each client.

#![allow(dead_code)] // each bench uses a different part of this

use crate::common::{row_ids, TestServer};
use futures_util::StreamExt;
use serde_json::{json, Value};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};
use tokio::task::JoinHandle;
use tokio_tungstenite::tungstenite::protocol::WebSocketConfig;
use tokio_tungstenite::tungstenite::Message;

/// What the clients of one run saw.
pub struct Delivery {
    /// From the acknowledgement of the newest submission a message carries
    /// (for a baseline: from the frame's sending) to its arrival, sorted.
    pub latencies_ms: Vec<f64>,
    /// From the sending of that submission to the arrival, sorted; empty
    /// for a baseline, whose frames are not submissions.
    pub from_send_ms: Vec<f64>,
    /// Messages per client per second.
    pub rate: f64,
    pub converged: usize,
    pub clients: usize,
}

impl Delivery {
    pub fn percentile(&self, p: f64) -> f64 {
        percentile(&self.latencies_ms, p)
    }

    pub fn sent_percentile(&self, p: f64) -> f64 {
        percentile(&self.from_send_ms, p)
    }

    /// The deliveries of several boards' clients as one.
    pub fn merge(parts: Vec<Delivery>) -> Delivery {
        let clients: usize = parts.iter().map(|d| d.clients).sum();
        let rate = parts.iter().map(|d| d.rate * d.clients as f64).sum::<f64>() / clients.max(1) as f64;
        let converged = parts.iter().map(|d| d.converged).sum();
        let (mut latencies_ms, mut from_send_ms) = (Vec::new(), Vec::new());
        for part in parts {
            latencies_ms.extend(part.latencies_ms);
            from_send_ms.extend(part.from_send_ms);
        }
        latencies_ms.sort_by(f64::total_cmp);
        from_send_ms.sort_by(f64::total_cmp);
        Delivery { latencies_ms, from_send_ms, rate, converged, clients }
    }

    pub fn max(&self) -> f64 {
        self.latencies_ms.last().copied().unwrap_or(f64::NAN)
    }
}

/// The `p` quantile of sorted `values`; NaN when there are none.
pub fn percentile(values: &[f64], p: f64) -> f64 {
    match values.len() {
        0 => f64::NAN,
        n => values[((n - 1) as f64 * p) as usize],
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

/// HTTP clients that share the offered submissions, each on its own
/// keep-alive connection, one request at a time.
pub const SUBMITTERS: u64 = 16;

/// One acknowledged submission: (board index, version, sent, acknowledged),
/// times in Unix ns.
type Submitted = (usize, u64, u64, u64);

/// A steady stream of submissions: when each was sent and acknowledged.
pub struct Drive {
    /// Per board driven, in the order given: index version, value (sent,
    /// acknowledged) in Unix ns, (0, 0) for a version that is not ours.
    pub timings: Vec<Vec<(u64, u64)>>,
    /// When the first submission was due and when sending stopped (Unix ns):
    /// the window that rates are counted over.
    pub window_start: u64,
    pub window_end: u64,
    /// Sending to acknowledgement, in ms, sorted.
    pub ack_ms: Vec<f64>,
}

impl Drive {
    /// Submissions acknowledged within the window, per second.
    pub fn acknowledged_per_second(&self) -> f64 {
        let within =
            self.timings.iter().flatten().filter(|(_, ack)| (self.window_start..self.window_end).contains(ack));
        within.count() as f64 / ((self.window_end - self.window_start) as f64 / 1e9)
    }

    pub fn ack_percentile(&self, p: f64) -> f64 {
        percentile(&self.ack_ms, p)
    }
}

/// Offers `per_second` complete answer sets for `seconds`, spread evenly
/// over `boards`, through [`SUBMITTERS`] keep-alive clients: submission k is
/// due at k / `per_second` s and goes to board k mod n. A client that falls
/// behind sends its next one as soon as the last is acknowledged, so what is
/// acknowledged says what the server took. Respondents come from a pool of
/// 5,000 (so most submissions replace earlier answers).
pub async fn drive(server: &TestServer, boards: &[String], per_second: u64, seconds: u64) -> Drive {
    let rows = Arc::new(row_ids(&server.matrix().await));
    let people = Arc::new(server.respondents(5000).await);
    let boards: Arc<Vec<String>> = Arc::new(boards.to_vec());
    let (started, window_start) = (tokio::time::Instant::now(), unix_nanos());
    let total = per_second * seconds;
    let submitters: Vec<JoinHandle<Vec<Submitted>>> = (0..SUBMITTERS)
        .map(|first| {
            let (rows, people, boards, base) = (rows.clone(), people.clone(), boards.clone(), server.base.clone());
            tokio::spawn(async move {
                let http = reqwest::Client::builder().pool_max_idle_per_host(1).build().unwrap();
                let mut done = Vec::new();
                for k in (first..total).step_by(SUBMITTERS as usize) {
                    tokio::time::sleep_until(started + Duration::from_secs_f64(k as f64 / per_second as f64)).await;
                    let answers: Value =
                        rows.iter().enumerate().map(|(i, r)| (r.clone(), json!((i as u64 + k) % 4))).collect();
                    let body = json!({ "answers": answers, "respondent": people[(k % 5000) as usize] }).to_string();
                    let board = (k % boards.len() as u64) as usize;
                    let url = format!("{base}/api/boards/{}/submissions", boards[board]);
                    let sent = unix_nanos();
                    let response: Value = http.post(url).body(body).send().await.unwrap().json().await.unwrap();
                    done.push((board, response["version"].as_u64().unwrap(), sent, unix_nanos()));
                }
                done
            })
        })
        .collect();
    let mut timings: Vec<Vec<(u64, u64)>> = vec![Vec::new(); boards.len()];
    let mut ack_ms = Vec::new();
    for submitter in submitters {
        for (board, version, sent, acked) in submitter.await.unwrap() {
            let slots = &mut timings[board];
            if slots.len() <= version as usize {
                slots.resize(version as usize + 1, (0, 0));
            }
            slots[version as usize] = (sent, acked);
            ack_ms.push((acked - sent) as f64 / 1e6);
        }
    }
    ack_ms.sort_by(f64::total_cmp);
    let window_end = window_start + seconds * 1_000_000_000;
    Drive { timings, window_start, window_end, ack_ms }
}

/// Messages per client per second among those that arrived within
/// `[start, end)` (Unix ns). Counting only the window keeps a quiet tail (the
/// wait for the last frames to land) from diluting the rate.
pub fn rate_within(seen: &[Seen], start: u64, end: u64) -> f64 {
    let within = seen.iter().flatten().filter(|(_, _, arrival)| (start..end).contains(arrival)).count();
    within as f64 / seen.len().max(1) as f64 / ((end - start) as f64 / 1e9)
}

/// Measures each version delivered to the clients of board `board` (its
/// index in the driven boards) from its acknowledgement and from its
/// sending, given what the clients saw (see [`collect`]).
pub fn deliveries(all_seen: Vec<Seen>, drive: &Drive, board: usize) -> Delivery {
    let timings = &drive.timings[board];
    let final_version = timings.iter().rposition(|(_, ack)| *ack > 0).unwrap_or(0) as u64;
    let clients = all_seen.len();
    let (mut latencies, mut from_send) = (Vec::new(), Vec::new());
    let mut converged = 0usize;
    let mut in_window = Vec::with_capacity(clients);
    for mut seen in all_seen {
        seen.retain(|(_, _, arrival)| *arrival >= drive.window_start);
        converged += usize::from(seen.last().is_some_and(|(v, _, _)| *v == final_version));
        // Only a version's first arrival is its delivery; a later message at
        // the same version reports a change in `watching` (clients leaving at
        // the end of the run), not new figures.
        let mut newest = 0;
        for &(version, _, arrival) in &seen {
            if version <= newest {
                continue;
            }
            newest = version;
            if let Some(&(sent, ack)) = timings.get(version as usize).filter(|(_, ack)| *ack > 0) {
                latencies.push(arrival.saturating_sub(ack) as f64 / 1e6);
                from_send.push(arrival.saturating_sub(sent) as f64 / 1e6);
            }
        }
        in_window.push(seen);
    }
    latencies.sort_by(f64::total_cmp);
    from_send.sort_by(f64::total_cmp);
    let rate = rate_within(&in_window, drive.window_start, drive.window_end);
    Delivery { latencies_ms: latencies, from_send_ms: from_send, rate, converged, clients }
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
