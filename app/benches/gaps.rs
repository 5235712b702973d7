//! What reading a role's gaps costs, against reading the board's figures:
//! a board with 20 rounds of 10,000 answers each (every respondent in a
//! role), its gaps of the open round (and the round before, which the
//! gaps view shows beside it) read again and again, against its stats.
//!
//! `cargo bench -p app --features ssr --bench gaps`
//! (`TALLY_BENCH_ROUNDS`, default 20; `TALLY_BENCH_RESPONDENTS`, default
//! 10,000 per round; `TALLY_BENCH_READS`, default 50).
//!
//! Same-run baseline: the stats read before and after the gaps (A, B, B, A).
//! The goal is gaps under 20 ms.

#[path = "../tests/it/support/mod.rs"]
mod support;

use app::answers::{Belonging, RawLevel};
use app::backend::catalog;
use app::backend::engine::Engine;
use app::backend::limits::{LimitSettings, Limits};
use app::backend::respondent::Respondents;
use app::backend::signer::Signer;
use app::backend::store::{self, DatabaseOptions, DatabaseUrl};
use app::backend::use_cases::boards::{MatrixChoice, NewBoard};
use app::backend::use_cases::gaps::GapsQuery;
use app::backend::use_cases::{Caller, Tally};
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;
use support::{Backend, TestDatabase};

const SUBMITTERS: u64 = 512;
const ROLES: [&str; 3] = ["junior-engineer", "engineer", "senior-engineer"];

fn setting(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|s| s.parse().ok()).unwrap_or(default)
}

#[tokio::main]
async fn main() {
    let (rounds, per_round, reads) = (
        setting("TALLY_BENCH_ROUNDS", 20),
        setting("TALLY_BENCH_RESPONDENTS", 10_000),
        setting("TALLY_BENCH_READS", 50),
    );
    let catalog = catalog::load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../matrices")).unwrap();
    println!("| store | read | ms per read (runs) | vs stats |");
    println!("|---|---|---:|---:|");
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let db = TestDatabase::create(backend).await;
        let store = store::open(&DatabaseUrl::parse(&db.url).unwrap(), &DatabaseOptions::default()).await.unwrap();
        let respondents = Respondents::new(Signer::new(rand::random()), false);
        let engine = Engine::start(store, catalog.clone(), "programmer", Default::default()).await.unwrap();
        let tally = Tally::new(engine, Arc::new(Limits::new(LimitSettings::default())), respondents);
        let new =
            NewBoard { matrix: MatrixChoice::Template("programmer".into()), slug: Some("history".into()), title: None };
        let key = tally.create_board(&Caller::default(), new).await.unwrap().admin_key;
        for round in 1..=rounds {
            fill(&tally, "history", per_round).await;
            if round < rounds {
                let admin = Caller { admin_key: Some(key.clone()), ..Caller::default() };
                tally.start_round(&admin, "history", None).await.unwrap();
            }
        }
        let mut runs = Vec::new();
        for read in ["stats", "gaps", "gaps", "stats"] {
            runs.push(time(&tally, read, reads).await);
        }
        let (stats, gaps) = ((runs[0] + runs[3]) / 2.0, (runs[1] + runs[2]) / 2.0);
        println!("| {backend:?} | stats | {stats:.3} ({:.3}, {:.3}) | 1× |", runs[0], runs[3]);
        println!(
            "| {backend:?} | gaps of a role | {gaps:.3} ({:.3}, {:.3}) | {:.0}× |",
            runs[1],
            runs[2],
            gaps / stats
        );
    }
}

/// Milliseconds per read of the open round's stats or an engineer's gaps.
async fn time(tally: &Tally, read: &str, reads: u64) -> f64 {
    let started = Instant::now();
    for _ in 0..reads {
        match read {
            "stats" => drop(tally.stats(&Caller::default(), "history", None).await.unwrap()),
            _ => {
                let query = GapsQuery { role: "engineer".into(), ..GapsQuery::default() };
                let gaps = tally.gaps(&Caller::default(), "history", query).await.unwrap();
                assert!(gaps.figures.is_some() && gaps.before.is_some(), "both rounds are shown");
            }
        }
    }
    started.elapsed().as_secs_f64() * 1e3 / reads as f64
}

/// `count` new respondents answer the board's open round, each in one of the roles.
async fn fill(tally: &Tally, board: &str, count: u64) {
    let rows: Vec<String> =
        tally.matrix(&Caller::default(), board).await.unwrap().matrix.rows().map(|r| r.id.clone()).collect();
    let tasks: Vec<_> = (0..SUBMITTERS)
        .map(|w| {
            let (tally, rows, board) = (tally.clone(), rows.clone(), board.to_string());
            tokio::spawn(async move {
                for k in (w..count).step_by(SUBMITTERS as usize) {
                    let raw = rows.iter().enumerate().map(|(i, r)| (r.clone(), RawLevel::Index((i as u64 + k) % 4)));
                    let belonging = Belonging { group: None, role: Some(ROLES[k as usize % 3].into()) };
                    tally.submit(&Caller::default(), &board, raw, belonging).await.unwrap();
                }
            })
        })
        .collect();
    for task in tasks {
        task.await.unwrap();
    }
}
