//! A board at the round limit: how long its trends, its comparison and its
//! exports take, and how large they are, as the board's rounds grow to
//! `TALLY_MAX_ROUNDS` (100 by default) with the most groups a board may
//! have (50). Read at 25, 50 and 100 rounds, so the growth shows: each
//! should be linear in the rounds (trends once read the round list once per
//! round, which made them quadratic).
//!
//! `cargo bench -p app --features ssr --bench round_limit`
//! (`TALLY_BENCH_ROUNDS`, default 100; `TALLY_BENCH_RESPONDENTS`, default
//! 250 per round, spread over the groups; SQLite).
//!
//! Same-run baseline: the same readings at 25 rounds, in the same process.

#[path = "../tests/it/support/mod.rs"]
mod support;

use app::answers::RawLevel;
use app::backend::catalog;
use app::backend::engine::Engine;
use app::backend::limits::{LimitSettings, Limits};
use app::backend::respondent::Respondents;
use app::backend::signer::Signer;
use app::backend::store::{self, DatabaseOptions, DatabaseUrl};
use app::backend::use_cases::boards::{MatrixChoice, NewBoard};
use app::backend::use_cases::{Caller, Tally};
use app::groups::{GroupSettings, MAX_GROUPS};
use futures_util::StreamExt;
use std::path::Path;
use std::sync::Arc;
use std::time::Instant;
use support::{Backend, TestDatabase};

fn setting(name: &str, default: u64) -> u64 {
    std::env::var(name).ok().and_then(|s| s.parse().ok()).unwrap_or(default)
}

#[tokio::main]
async fn main() {
    let (rounds, per_round) = (setting("TALLY_BENCH_ROUNDS", 100) as u32, setting("TALLY_BENCH_RESPONDENTS", 250));
    let catalog = catalog::load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../matrices")).unwrap();
    let db = TestDatabase::create(Backend::Sqlite).await;
    let store = store::open(&DatabaseUrl::parse(&db.url).unwrap(), &DatabaseOptions::default()).await.unwrap();
    let engine = Engine::start(store, catalog, "programmer", Default::default()).await.unwrap();
    let respondents = Respondents::new(Signer::new(rand::random()), false);
    let tally = Tally::new(engine, Arc::new(Limits::new(LimitSettings::default())), respondents);
    let new = NewBoard { matrix: MatrixChoice::Template("programmer".into()), slug: Some("limit".into()), title: None };
    let key = tally.create_board(&Caller::default(), new).await.unwrap().admin_key;
    let admin = Caller { admin_key: Some(key), ..Caller::default() };
    let groups: Vec<String> = (0..MAX_GROUPS).map(|g| format!("Team {g}")).collect();
    let settings = GroupSettings { groups: groups.clone(), min_group_size: 3 };
    tally.set_groups(&admin, "limit", settings).await.unwrap();
    let rows: Vec<String> =
        tally.matrix(&Caller::default(), "limit").await.unwrap().matrix.rows().map(|r| r.id.clone()).collect();

    println!("| rounds | trends (board) | trends (one group) | comparison | its choices | CSV export | JSON export |");
    println!("|---:|---:|---:|---:|---:|---:|---:|");
    for round in 1..=rounds {
        for k in 0..per_round {
            let raw = rows.iter().enumerate().map(|(i, r)| (r.clone(), RawLevel::Index((i as u64 + k) % 4)));
            let group = groups[(k as usize) % groups.len()].clone();
            tally
                .submit(&Caller::default(), "limit", raw, app::answers::Belonging { group: Some(group), role: None })
                .await
                .unwrap();
        }
        if [25, 50, rounds].contains(&round) {
            println!("{}", readings(&tally, &admin, round).await);
        }
        if round < rounds {
            tally.start_round(&admin, "limit", None).await.unwrap();
        }
    }
}

/// One table line: each reading's time, with the size of what it returns.
async fn readings(tally: &Tally, admin: &Caller, rounds: u32) -> String {
    let timed = Instant::now();
    let trends = tally.trends(&Caller::default(), "limit", None).await.unwrap();
    let (board_trends, board_size) = (timed.elapsed(), serde_json::to_vec(&trends).unwrap().len());
    let timed = Instant::now();
    let trends = tally.trends(&Caller::default(), "limit", Some("Team 7")).await.unwrap();
    let (group_trends, group_size) = (timed.elapsed(), serde_json::to_vec(&trends).unwrap().len());
    let timed = Instant::now();
    let compared = tally.compare(&Caller::default(), "limit", "g:1:Team 3", "").await.unwrap();
    let (compare, choices) = (timed.elapsed(), compared.choices.len());
    let compare_size = serde_json::to_vec(&compared).unwrap().len();
    let mut exports = Vec::new();
    for format in ["csv", "json"] {
        let timed = Instant::now();
        let download = tally.export(admin, "limit", format, None).await.unwrap();
        let bytes: usize = download.body.map(|chunk| chunk.unwrap().len()).collect::<Vec<_>>().await.iter().sum();
        exports.push(format!("{:.0} ms, {:.1} MB", timed.elapsed().as_secs_f64() * 1e3, bytes as f64 / 1e6));
    }
    let ms = |d: std::time::Duration| d.as_secs_f64() * 1e3;
    format!(
        "| {rounds} | {:.0} ms, {:.0} KB | {:.0} ms, {:.0} KB | {:.0} ms, {:.0} KB | {choices} | {} | {} |",
        ms(board_trends),
        board_size as f64 / 1e3,
        ms(group_trends),
        group_size as f64 / 1e3,
        ms(compare),
        compare_size as f64 / 1e3,
        exports[0],
        exports[1]
    )
}
