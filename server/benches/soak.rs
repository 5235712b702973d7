//! The soak: half an hour of mixed traffic on one server, sampled every
//! minute, to show that nothing grows that should not: page views,
//! submissions (new people and changed answers), live watchers joining and
//! leaving, a new round now and then, and exports. Each minute it samples
//! the server's resident memory, its open files, the p99 of submissions
//! and of page views in that minute, and the database's size; it prints
//! them as a table, says whether memory and open files stayed flat after
//! the warm-up (within 5 %), and draws them in an SVG (`plot/`).
//!
//! `make soak` (`TALLY_SOAK_MINUTES`, default 30; `TALLY_SOAK_SVG`, default
//! `docs/soak.svg`). A benchmark, not part of `make test`; limits are off,
//! as behind a balancer, and everything stays on 127.0.0.1.

#[path = "../tests/it/common/mod.rs"]
mod common;
mod load;
mod plot;

use common::{answers, row_ids, TestServer};
use futures_util::StreamExt;
use load::{percentile, rss_kib};
use plot::Sample;
use serde_json::json;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const BOARDS: usize = 20;
/// Submissions per second, all submitters together.
const SUBMISSIONS_PER_SECOND: u64 = 40;
const SUBMITTERS: u64 = 8;
/// Page views per second.
const PAGE_VIEWS_PER_SECOND: u64 = 4;
/// Live watchers open at any moment, each staying 5 to 60 s.
const WATCHERS: usize = 100;

/// What the traffic measured since the last sample.
#[derive(Default)]
struct Window {
    submit_ms: Vec<f64>,
    page_ms: Vec<f64>,
}

struct Traffic {
    base: String,
    boards: Vec<(String, String)>,
    rows: Vec<String>,
    until: Instant,
    window: Mutex<Window>,
    errors: AtomicUsize,
    watcher_sessions: AtomicUsize,
}

fn main() {
    tokio::runtime::Runtime::new().unwrap().block_on(run());
}

async fn run() {
    let minutes: u64 = std::env::var("TALLY_SOAK_MINUTES").ok().and_then(|m| m.parse().ok()).unwrap_or(30);
    // Benches run in `server/`: the default is the workspace's `docs/`.
    let svg = std::env::var("TALLY_SOAK_SVG")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/soak.svg").into());
    let server = TestServer::start_with(&[("TALLY_LIMIT_CREATE_IP", "off"), ("TALLY_MAX_BOARDS_PER_HOUR", "off")]);
    let mut boards = Vec::new();
    for b in 0..BOARDS {
        let created = server.create_board(json!({ "matrix": "programmer", "slug": format!("soak-{b}") })).await;
        boards.push((format!("soak-{b}"), created["admin_key"].as_str().unwrap().to_string()));
    }
    let rows = row_ids(&server.matrix().await);
    let started = Instant::now();
    let until = started + Duration::from_secs(minutes * 60);
    let traffic = Arc::new(Traffic {
        base: server.base.clone(),
        boards,
        rows,
        until,
        window: Mutex::default(),
        errors: AtomicUsize::new(0),
        watcher_sessions: AtomicUsize::new(0),
    });
    let mut tasks = Vec::new();
    for w in 0..SUBMITTERS {
        tasks.push(tokio::spawn(submit(traffic.clone(), w)));
    }
    tasks.push(tokio::spawn(view_pages(traffic.clone())));
    for w in 0..WATCHERS {
        tasks.push(tokio::spawn(watch(traffic.clone(), w)));
    }
    tasks.push(tokio::spawn(administer(traffic.clone())));

    let mut samples = Vec::new();
    for minute in 1..=minutes {
        tokio::time::sleep_until((started + Duration::from_secs(minute * 60)).into()).await;
        let window = std::mem::take(&mut *traffic.window.lock().unwrap());
        samples.push(sample(&server, minute, window));
        eprintln!("soak: minute {minute} of {minutes}: {:?}", samples.last().unwrap());
    }
    for task in tasks {
        let _ = task.await;
    }
    report(&samples, minutes, &traffic);
    if let Err(error) = std::fs::write(&svg, plot::svg(&samples, warm_up(minutes))) {
        panic!("writing the plot to {svg}: {error}");
    }
    println!("\nThe plot: {svg}");
}

/// Minutes left out of the flatness check: the caches and pools filling.
fn warm_up(minutes: u64) -> u64 {
    (minutes / 6).max(1)
}

fn sample(server: &TestServer, minute: u64, mut window: Window) -> Sample {
    let pid = server.pid();
    let open_files = std::fs::read_dir(format!("/proc/{pid}/fd")).map(|d| d.count()).unwrap_or(0);
    let file_size = |name: &str| std::fs::metadata(server.dir.join(name)).map(|m| m.len()).unwrap_or(0);
    let database = file_size("tally.db") + file_size("tally.db-wal");
    window.submit_ms.sort_by(f64::total_cmp);
    window.page_ms.sort_by(f64::total_cmp);
    Sample {
        minute,
        rss_mib: rss_kib(pid) / 1024.0,
        open_files,
        submit_p99_ms: percentile(&window.submit_ms, 0.99),
        page_p99_ms: percentile(&window.page_ms, 0.99),
        database_mib: database as f64 / (1024.0 * 1024.0),
        submissions: window.submit_ms.len(),
        page_views: window.page_ms.len(),
    }
}

/// One submitter: a new person half the time, else one of its own people
/// changing their answers; paced to its share of the rate.
async fn submit(traffic: Arc<Traffic>, w: u64) {
    let client = reqwest::Client::new();
    let every = Duration::from_millis(1000 * SUBMITTERS / SUBMISSIONS_PER_SECOND);
    let mut people: Vec<(usize, String)> = Vec::new();
    let mut n = w;
    while Instant::now() < traffic.until {
        let next = Instant::now() + every;
        n += 1;
        let again = n.is_multiple_of(2).then(|| people.get(n as usize % people.len().max(1)).cloned()).flatten();
        let board = again.as_ref().map(|(b, _)| *b).unwrap_or(n as usize % BOARDS);
        let mut body = json!({ "answers": answers(&traffic.rows, |i| (n + i as u64) % 4) });
        if let Some((_, token)) = &again {
            body["respondent"] = json!(token);
        }
        let url = format!("{}/api/boards/{}/submissions", traffic.base, traffic.boards[board].0);
        let sent = Instant::now();
        match client.post(&url).body(body.to_string()).send().await {
            Ok(response) if response.status() == 200 => {
                let elapsed = sent.elapsed().as_secs_f64() * 1000.0;
                traffic.window.lock().unwrap().submit_ms.push(elapsed);
                let reply: serde_json::Value = response.json().await.unwrap_or_default();
                if again.is_none() && people.len() < 200 {
                    people.push((board, reply["respondent"].as_str().unwrap_or_default().to_string()));
                }
            }
            _ => {
                traffic.errors.fetch_add(1, Ordering::Relaxed);
            }
        }
        tokio::time::sleep_until(next.into()).await;
    }
}

async fn view_pages(traffic: Arc<Traffic>) {
    let client = reqwest::Client::new();
    let every = Duration::from_millis(1000 / PAGE_VIEWS_PER_SECOND);
    let mut n = 0;
    while Instant::now() < traffic.until {
        let next = Instant::now() + every;
        n += 1;
        let url = format!("{}/b/{}", traffic.base, traffic.boards[n % BOARDS].0);
        let sent = Instant::now();
        let viewed = match client.get(&url).send().await {
            Ok(response) if response.status() == 200 => response.bytes().await.is_ok(),
            _ => false,
        };
        match viewed {
            true => traffic.window.lock().unwrap().page_ms.push(sent.elapsed().as_secs_f64() * 1000.0),
            false => drop(traffic.errors.fetch_add(1, Ordering::Relaxed)),
        }
        tokio::time::sleep_until(next.into()).await;
    }
}

/// A live watcher that joins a board, stays 5 to 60 s, leaves, and joins again.
async fn watch(traffic: Arc<Traffic>, w: usize) {
    let mut rng = common::Lcg(w as u64 + 11);
    while Instant::now() < traffic.until {
        let board = &traffic.boards[rng.next(BOARDS as u64) as usize].0;
        let url = format!("{}/api/boards/{board}/live", traffic.base.replacen("http://", "ws://", 1));
        let stay = Duration::from_secs(5 + rng.next(56)).min(traffic.until.saturating_duration_since(Instant::now()));
        let Ok((mut socket, _)) = tokio_tungstenite::connect_async(&url).await else {
            traffic.errors.fetch_add(1, Ordering::Relaxed);
            tokio::time::sleep(Duration::from_secs(1)).await;
            continue;
        };
        traffic.watcher_sessions.fetch_add(1, Ordering::Relaxed);
        let _ = tokio::time::timeout(stay, async { while let Some(Ok(_)) = socket.next().await {} }).await;
        let _ = socket.close(None).await;
    }
}

/// The admins: an export every 20 s, a new round on some board every 2 minutes.
async fn administer(traffic: Arc<Traffic>) {
    let client = reqwest::Client::new();
    let mut tick = 0u64;
    while Instant::now() < traffic.until {
        tokio::time::sleep(Duration::from_secs(20)).await;
        tick += 1;
        let (board, key) = &traffic.boards[tick as usize % BOARDS];
        let export = client.get(format!("{}/api/boards/{board}/export/csv", traffic.base)).bearer_auth(key).send();
        let exported = match export.await {
            Ok(response) if response.status() == 200 => response.bytes().await.is_ok(),
            _ => false,
        };
        let rounded = match tick.is_multiple_of(6) {
            true => {
                let url = format!("{}/api/boards/{board}/rounds", traffic.base);
                let started = client.post(url).bearer_auth(key).body("{}").send().await;
                started.map(|r| r.status() == 201).unwrap_or(false)
            }
            false => true,
        };
        if !exported || !rounded {
            traffic.errors.fetch_add(1, Ordering::Relaxed);
        }
    }
}

/// How far the mean of the last third of `values` is from the first
/// third's (growth shows here), and how far apart the extremes are, in %.
fn drift_and_spread(values: &[f64]) -> (f64, f64) {
    let third = (values.len() / 3).max(1).min(values.len());
    let mean = |part: &[f64]| part.iter().sum::<f64>() / part.len().max(1) as f64;
    let drift = (mean(&values[values.len() - third..]) / mean(&values[..third]) - 1.0) * 100.0;
    let (low, high) = values.iter().fold((f64::MAX, f64::MIN), |(l, h), v| (l.min(*v), h.max(*v)));
    (drift, (high / low - 1.0) * 100.0)
}

fn report(samples: &[Sample], minutes: u64, traffic: &Traffic) {
    println!("| minute | RSS (MiB) | open files | submission p99 (ms) | page p99 (ms) | database (MiB) | submissions | page views |");
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|");
    for s in samples {
        println!(
            "| {} | {:.1} | {} | {:.2} | {:.2} | {:.1} | {} | {} |",
            s.minute,
            s.rss_mib,
            s.open_files,
            s.submit_p99_ms,
            s.page_p99_ms,
            s.database_mib,
            s.submissions,
            s.page_views
        );
    }
    let after: Vec<&Sample> = samples.iter().filter(|s| s.minute > warm_up(minutes)).collect();
    for (name, values) in [
        ("RSS", after.iter().map(|s| s.rss_mib).collect::<Vec<_>>()),
        ("open files", after.iter().map(|s| s.open_files as f64).collect()),
        ("submission p99", after.iter().map(|s| s.submit_p99_ms).collect()),
        ("page p99", after.iter().map(|s| s.page_p99_ms).collect()),
    ] {
        let (drift, spread) = drift_and_spread(&values);
        println!("After the warm-up, {name}: the last third's mean is {drift:+.1} % from the first third's; min to max {spread:.1} %.");
    }
    println!(
        "Errors: {}; live sessions opened: {}.",
        traffic.errors.load(Ordering::Relaxed),
        traffic.watcher_sessions.load(Ordering::Relaxed)
    );
}
