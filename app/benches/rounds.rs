//! What a board's history costs the rounds to come: durable submissions per
//! second into the open round of a board that has 19 frozen rounds of 10,000
//! respondents behind it, against a board with only its open round, each
//! open round holding 10,000 answers already; and how long reading a frozen
//! round's figures takes, with the query plan that shows it reads only that
//! round's rows.
//!
//! `cargo bench -p app --features ssr --bench rounds`
//! (`TALLY_BENCH_SECONDS`, default 5, per measurement; `TALLY_BENCH_ROUNDS`,
//! default 20; `TALLY_BENCH_RESPONDENTS`, default 10,000 per round).
//!
//! Same-run baseline: the one-round board, measured before and after the
//! many-round board in each store (A, B, B, A), so a steady drift cancels.

#[path = "../tests/it/support/mod.rs"]
mod support;

use app::answers::RawLevel;
use app::backend::catalog::{self, Catalog};
use app::backend::engine::Engine;
use app::backend::limits::{LimitSettings, Limits};
use app::backend::respondent::Respondents;
use app::backend::signer::Signer;
use app::backend::store::{self, DatabaseOptions, DatabaseUrl};
use app::backend::use_cases::boards::{MatrixChoice, NewBoard};
use app::backend::use_cases::{Caller, Tally};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};
use support::{Backend, TestDatabase};

const SUBMITTERS: usize = 1024;

fn setting(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|s| s.parse().ok()).unwrap_or(default)
}

#[tokio::main]
async fn main() {
    let (seconds, rounds, per_round) = (
        setting("TALLY_BENCH_SECONDS", 5),
        setting("TALLY_BENCH_ROUNDS", 20),
        setting("TALLY_BENCH_RESPONDENTS", 10_000),
    );
    let catalog = catalog::load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../matrices")).unwrap();
    println!("| store | board | durable submissions/s | vs one-round board |");
    println!("|---|---|---:|---:|");
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let db = TestDatabase::create(backend).await;
        let store = store::open(&DatabaseUrl::parse(&db.url).unwrap(), &DatabaseOptions::default()).await.unwrap();
        let tally = tally(Engine::start(store, catalog.clone(), "programmer", Default::default()).await.unwrap());
        board(&tally, "one-round").await;
        fill(&tally, "one-round", per_round).await;
        let key_many = board(&tally, "many-rounds").await;
        for round in 1..=rounds {
            fill(&tally, "many-rounds", per_round).await;
            if round < rounds {
                let admin = Caller { admin_key: Some(key_many.clone()), ..Caller::default() };
                tally.start_round(&admin, "many-rounds", None).await.unwrap();
            }
        }
        let mut runs = Vec::new();
        // A, B, B, A: every run adds answers and the rate drifts down as the
        // database grows, so each board gets one early and one late slot.
        for board in ["one-round", "many-rounds", "many-rounds", "one-round"] {
            runs.push(throughput(&tally, board, &catalog, seconds).await);
        }
        let (one, many) = ((runs[0] + runs[3]) / 2.0, (runs[1] + runs[2]) / 2.0);
        println!("| {backend:?} | 1 round (runs 1 and 4: {:.0}, {:.0}) | {one:.0} | 1.00× |", runs[0], runs[3]);
        println!(
            "| {backend:?} | {rounds} rounds (runs 2 and 3: {:.0}, {:.0}) | {many:.0} | {:.2}× |",
            runs[1],
            runs[2],
            many / one
        );

        let started = Instant::now();
        let reads = 200;
        for i in 0..reads {
            tally.stats(&Caller::default(), "many-rounds", Some(1 + i % (rounds as u32 - 1).max(1))).await.unwrap();
        }
        println!(
            "\n{backend:?}: a frozen round's figures read in {:.2} ms on average ({reads} reads)\n",
            started.elapsed().as_secs_f64() * 1e3 / reads as f64
        );
        if backend == Backend::Sqlite {
            let path = db.url.trim_start_matches("sqlite://").to_string();
            drop(tally);
            let conn = rusqlite::Connection::open(path).unwrap();
            let mut plan = conn
                .prepare("EXPLAIN QUERY PLAN SELECT row_id, level, n FROM counts WHERE board_id = ?1 AND round = ?2 AND n > 0")
                .unwrap();
            let steps: Vec<String> =
                plan.query_map(("many-rounds", 3), |r| r.get::<_, String>(3)).unwrap().map(Result::unwrap).collect();
            println!("SQLite plan for a frozen round's counts: {}\n", steps.join("; "));
        }
    }
}

fn tally(engine: Engine) -> Tally {
    let respondents = Respondents::new(Signer::new(rand::random()), false);
    Tally::new(engine, Arc::new(Limits::new(LimitSettings::default())), respondents)
}

/// A public board on the programmer template; returns its admin key.
async fn board(tally: &Tally, slug: &str) -> String {
    let new = NewBoard { matrix: MatrixChoice::Template("programmer".into()), slug: Some(slug.into()), title: None };
    tally.create_board(&Caller::default(), new).await.unwrap().admin_key
}

/// `count` new respondents answer the board's open round.
async fn fill(tally: &Tally, board: &str, count: u64) {
    let rows: Vec<String> =
        tally.matrix(&Caller::default(), board).await.unwrap().matrix.rows().map(|r| r.id.clone()).collect();
    let tasks: Vec<_> = (0..SUBMITTERS as u64)
        .map(|w| {
            let (tally, rows, board) = (tally.clone(), rows.clone(), board.to_string());
            tokio::spawn(async move {
                for k in (w..count).step_by(SUBMITTERS) {
                    let raw = rows.iter().enumerate().map(|(i, r)| (r.clone(), RawLevel::Index((i as u64 + k) % 4)));
                    tally.submit(&Caller::default(), &board, raw, Default::default()).await.unwrap();
                }
            })
        })
        .collect();
    for task in tasks {
        task.await.unwrap();
    }
}

/// Durable submissions per second into the board's open round, new
/// respondents and replacements mixed as in the submissions benchmark.
async fn throughput(tally: &Tally, board: &str, catalog: &Catalog, seconds: u64) -> f64 {
    let rows: Arc<Vec<String>> = Arc::new(catalog["programmer"].rows().map(|r| r.id.clone()).collect());
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let tasks: Vec<_> = (0..SUBMITTERS)
        .map(|_| {
            let (tally, rows, board) = (tally.clone(), rows.clone(), board.to_string());
            tokio::spawn(async move {
                let (mut k, mut done, mut previous) = (0u64, 0u64, None);
                while Instant::now() < deadline {
                    let respondent = if k % 3 == 2 { previous.take() } else { None };
                    let raw = rows.iter().enumerate().map(|(i, r)| (r.clone(), RawLevel::Index((i as u64 + k) % 4)));
                    let caller = Caller { respondent, ..Caller::default() };
                    let submitted = tally.submit(&caller, &board, raw, Default::default()).await.unwrap();
                    previous = submitted.token.map(|token| token.as_str().to_string());
                    (k, done) = (k + 1, done + 1);
                }
                done
            })
        })
        .collect();
    let mut done = 0;
    for task in tasks {
        done += task.await.unwrap();
    }
    done as f64 / started.elapsed().as_secs_f64()
}
