//! Scale-out on PostgreSQL, over HTTP against real server processes:
//!
//! 1. durable submissions per second (acknowledged, so committed) with 1,024
//!    concurrent submitters, for one instance on the SQLite file (the
//!    same-run baseline), one instance on PostgreSQL and two instances
//!    sharing one PostgreSQL database, the submitters split between them;
//! 2. at 1,000 submissions/s sent to instance A, the delay from each
//!    acknowledgement to the arrival of that version at WebSocket clients
//!    on instance B, with clients on A itself measured alongside.
//!
//! `cargo bench -p server --bench scale_out` (`TALLY_BENCH_SECONDS`, default
//! 5; PostgreSQL from `TALLY_TEST_POSTGRES` as in the tests).

#[path = "../tests/it/common/mod.rs"]
mod common;
mod load;

use common::{row_ids, Backend, TestDatabase, TestServer};
use load::{collect, deliveries, drive, follow, Delivery};
use std::sync::Arc;
use std::time::{Duration, Instant};

const SUBMITTERS: usize = 1024;
const CLIENTS: usize = 500;

fn main() {
    tokio::runtime::Runtime::new().unwrap().block_on(run());
}

async fn run() {
    let seconds: u64 = std::env::var("TALLY_BENCH_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(5);

    println!("| store | instances | submitters | durable submissions/s | p50 ack | p99 ack | vs SQLite |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    let mut baseline = None;
    for (label, backend, instances) in
        [("SQLite", Backend::Sqlite, 1), ("PostgreSQL", Backend::Postgres, 1), ("PostgreSQL", Backend::Postgres, 2)]
    {
        let db = TestDatabase::create(backend).await;
        let servers: Vec<TestServer> = (0..instances).map(|_| instance(&db)).collect();
        let (rate, mut latencies) = saturate(&servers, seconds).await;
        latencies.sort_by(|a, b| a.total_cmp(b));
        let percentile = |p: f64| latencies[((latencies.len() - 1) as f64 * p) as usize];
        let baseline = *baseline.get_or_insert(rate);
        println!(
            "| {label} | {instances} | {SUBMITTERS} | {rate:.0} | {:.1} ms | {:.1} ms | {:.2}× |",
            percentile(0.5),
            percentile(0.99),
            rate / baseline
        );
    }

    println!();
    println!("| clients on | clients | submissions/s to A | p50 | p99 | max | converged |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    let db = TestDatabase::create(Backend::Postgres).await;
    let (a, b) = (instance(&db), instance(&db));
    let on_b = follow(&b.ws_url("/api/boards/default/live"), CLIENTS).await;
    let on_a = follow(&a.ws_url("/api/boards/default/live"), CLIENTS).await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    let load = drive(&a, &["default".to_string()], 1_000, seconds).await;
    // A second for the last frames to land, then the clients end with the servers.
    tokio::time::sleep(Duration::from_secs(1)).await;
    drop((a, b));
    let (remote, local) = (deliveries(collect(on_b).await, &load, 0), deliveries(collect(on_a).await, &load, 0));
    print_delivery("B (other instance)", &remote);
    print_delivery("A (same instance)", &local);
}

fn instance(db: &TestDatabase) -> TestServer {
    TestServer::start_with(&[("DATABASE_URL", db.url.as_str()), ("RUST_LOG", "error")])
}

fn print_delivery(label: &str, d: &Delivery) {
    println!(
        "| {label} | {} | 1000 | {:.1} ms | {:.1} ms | {:.1} ms | {}/{} |",
        d.clients,
        d.percentile(0.5),
        d.percentile(0.99),
        d.max(),
        d.converged,
        d.clients
    );
}

/// Every submitter sends complete answer sets back to back for `seconds`,
/// to the instances in turn; every third submission replaces the
/// submitter's previous one. Returns acknowledged submissions per second
/// and each one's latency in ms.
async fn saturate(servers: &[TestServer], seconds: u64) -> (f64, Vec<f64>) {
    let rows = row_ids(&servers[0].matrix().await);
    // A few prepared answer sets, so the load generator spends its time on requests.
    let answer_sets: Arc<Vec<String>> = Arc::new(
        (0..16u64)
            .map(|k| {
                let picks: Vec<String> =
                    rows.iter().enumerate().map(|(i, r)| format!("\"{r}\":{}", (i as u64 * 5 + k) % 4)).collect();
                format!("{{{}}}", picks.join(","))
            })
            .collect(),
    );
    let urls: Arc<Vec<String>> = Arc::new(servers.iter().map(|s| s.url("/api/boards/default/submissions")).collect());
    let http = reqwest::Client::new();
    let started = Instant::now();
    let deadline = started + Duration::from_secs(seconds);
    let submitters: Vec<_> = (0..SUBMITTERS)
        .map(|s| {
            let (http, urls, answer_sets) = (http.clone(), urls.clone(), answer_sets.clone());
            tokio::spawn(async move {
                let mut latencies = Vec::new();
                let (mut k, mut previous) = (0u64, None::<String>);
                while Instant::now() < deadline {
                    // Every third submission replaces the one before; the others
                    // come from new respondents, whose tokens the server issues.
                    let answers = &answer_sets[(k % 16) as usize];
                    let body = match previous.take().filter(|_| k % 3 == 2) {
                        Some(token) => format!("{{\"respondent\":\"{token}\",\"answers\":{answers}}}"),
                        None => format!("{{\"answers\":{answers}}}"),
                    };
                    let sent = Instant::now();
                    let response = http.post(&urls[(s + k as usize) % urls.len()]).body(body).send().await.unwrap();
                    assert_eq!(response.status(), 200, "{}", response.text().await.unwrap_or_default());
                    let reply: serde_json::Value = response.json().await.unwrap();
                    previous = reply["respondent"].as_str().map(str::to_string);
                    latencies.push(sent.elapsed().as_secs_f64() * 1e3);
                    k += 1;
                }
                latencies
            })
        })
        .collect();
    let mut latencies = Vec::new();
    for submitter in submitters {
        latencies.extend(submitter.await.unwrap());
    }
    (latencies.len() as f64 / started.elapsed().as_secs_f64(), latencies)
}
