//! Durable submissions per second through the engine, in process, on the
//! SQLite file and on PostgreSQL, with 1, 64 and 1,024 concurrent
//! submitters, and the latency from submit to acknowledgement (which is after
//! the group commit is durable).
//!
//! `cargo bench -p app --features ssr --bench submissions`
//! (`TALLY_BENCH_SECONDS`, default 5, sets how long each level runs;
//! PostgreSQL from `TALLY_TEST_POSTGRES` as in the tests).
//!
//! The 1-submitter run of each store is its same-run baseline: nothing waits
//! to share its commit, so it shows what one commit per submission would give.

#[path = "../tests/it/support/mod.rs"]
mod support;

use app::answers::RawLevel;
use app::backend::catalog;
use app::backend::engine::Engine;
use app::backend::limits::{LimitSettings, Limits};
use app::backend::respondent::Respondents;
use app::backend::signer::Signer;
use app::backend::store::{self, DatabaseOptions, DatabaseUrl};
use app::backend::use_cases::{Caller, Tally};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};
use support::{Backend, TestDatabase};

#[tokio::main]
async fn main() {
    let seconds: u64 = std::env::var("TALLY_BENCH_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(5);
    let matrices = Path::new(env!("CARGO_MANIFEST_DIR")).join("../matrices");
    let catalog = catalog::load_dir(&matrices).expect("the shipped matrices load");
    let rows: Arc<Vec<String>> = Arc::new(catalog["programmer"].rows().map(|r| r.id.clone()).collect());

    println!("| store | submitters | durable submissions/s | p50 ack latency | p99 ack latency | vs 1 submitter |");
    println!("|---|---:|---:|---:|---:|---:|");
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let mut baseline = None;
        for submitters in [1usize, 64, 1024] {
            let db = TestDatabase::create(backend).await;
            let store = store::open(&DatabaseUrl::parse(&db.url).unwrap(), &DatabaseOptions::default()).await.unwrap();
            let engine = Engine::start(store, catalog.clone(), "programmer", Default::default()).await.unwrap();
            let respondents = Respondents::new(Signer::new(rand::random()), false);
            let tally = Tally::new(engine, Arc::new(Limits::new(LimitSettings::default())), respondents);
            let deadline = Instant::now() + Duration::from_secs(seconds);
            let tasks: Vec<_> = (0..submitters)
                .map(|_| {
                    let (tally, rows) = (tally.clone(), rows.clone());
                    tokio::spawn(async move {
                        let mut latencies = Vec::new();
                        let (mut k, mut previous) = (0u64, None);
                        while Instant::now() < deadline {
                            // Every third submission replaces the submitter's previous one; the
                            // others come from new respondents, whose tokens the server issues.
                            let respondent = if k % 3 == 2 { previous.take() } else { None };
                            let raw =
                                rows.iter().enumerate().map(|(i, r)| (r.clone(), RawLevel::Index((i as u64 + k) % 4)));
                            let caller = Caller { respondent, ..Caller::default() };
                            let started = Instant::now();
                            let submitted = tally
                                .submit(&caller, "default", raw, Default::default())
                                .await
                                .expect("a valid submission is accepted");
                            latencies.push(started.elapsed());
                            previous = submitted.token.map(|token| token.as_str().to_string());
                            k += 1;
                        }
                        latencies
                    })
                })
                .collect();
            let started = Instant::now();
            let mut latencies = Vec::new();
            for task in tasks {
                latencies.extend(task.await.unwrap());
            }
            let elapsed = started.elapsed().as_secs_f64();
            latencies.sort_unstable();
            let rate = latencies.len() as f64 / elapsed;
            let percentile = |p: f64| latencies[((latencies.len() - 1) as f64 * p) as usize];
            let baseline = *baseline.get_or_insert(rate);
            println!(
                "| {backend:?} | {submitters} | {rate:.0} | {:.2} ms | {:.2} ms | {:.1}× |",
                percentile(0.50).as_secs_f64() * 1e3,
                percentile(0.99).as_secs_f64() * 1e3,
                rate / baseline
            );
        }
    }
}
