//! What checking invitations costs: durable submissions per second on a
//! board anyone may answer and on one open to invited people only (each
//! submitter holding a personal link, so every submission looks its
//! invitation up in the store), in one database, runs alternating A, B, B,
//! A so drift falls on both. The `anyone` board is the same-run baseline.
//!
//! `cargo bench -p app --features ssr --bench invited`
//! (`TALLY_BENCH_SECONDS`, default 5, per run; PostgreSQL from
//! `TALLY_TEST_POSTGRES` as in the tests).

#[path = "../tests/it/support/mod.rs"]
mod support;

use app::access::AccessMode;
use app::answers::RawLevel;
use app::backend::catalog;
use app::backend::engine::Engine;
use app::backend::limits::{LimitSettings, Limits};
use app::backend::respondent::Respondents;
use app::backend::signer::Signer;
use app::backend::store::{self, DatabaseOptions, DatabaseUrl};
use app::backend::use_cases::boards::{MatrixChoice, NewBoard};
use app::backend::use_cases::{Caller, Tally};
use axum::http::{header, HeaderMap, HeaderValue};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};
use support::{Backend, TestDatabase};

const SUBMITTERS: usize = 512;

#[tokio::main]
async fn main() {
    let seconds: u64 = std::env::var("TALLY_BENCH_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(5);
    let matrices = Path::new(env!("CARGO_MANIFEST_DIR")).join("../matrices");
    let catalog = catalog::load_dir(&matrices).expect("the shipped matrices load");
    let rows: Arc<Vec<String>> = Arc::new(catalog["programmer"].rows().map(|r| r.id.clone()).collect());
    println!("| store | board | durable submissions/s | vs `anyone` |");
    println!("|---|---|---:|---:|");
    for backend in [Backend::Sqlite, Backend::Postgres] {
        let db = TestDatabase::create(backend).await;
        let store = store::open(&DatabaseUrl::parse(&db.url).unwrap(), &DatabaseOptions::default()).await.unwrap();
        let engine = Engine::start(store, catalog.clone(), "programmer", Default::default()).await.unwrap();
        let respondents = Respondents::new(Signer::new(rand::random()), false);
        let tally = Tally::new(engine, Arc::new(Limits::new(LimitSettings::default())), respondents);
        let anyone: Vec<Caller> = (0..SUBMITTERS).map(|_| Caller::default()).collect();
        let invited = boards_and_invited_callers(&tally).await;
        let mut rates = [Vec::new(), Vec::new()];
        for which in [0, 1, 1, 0] {
            let (board, callers) = if which == 0 { ("open", &anyone) } else { ("circle", &invited) };
            rates[which].push(run(&tally, board, callers, &rows, seconds).await);
        }
        let mean = |r: &Vec<f64>| r.iter().sum::<f64>() / r.len() as f64;
        let (open, circle) = (mean(&rates[0]), mean(&rates[1]));
        println!("| {backend:?} | anyone | {open:.0} | 1.00× |");
        println!("| {backend:?} | invited | {circle:.0} | {:.2}× |", circle / open);
    }
}

/// The `open` board and the `circle` board, open to invited people only;
/// one caller per invitation, each as the device that opened its link.
async fn boards_and_invited_callers(tally: &Tally) -> Vec<Caller> {
    let mut callers = Vec::new();
    for (slug, access) in [("open", AccessMode::Anyone), ("circle", AccessMode::Invited)] {
        let new =
            NewBoard { matrix: MatrixChoice::Template("programmer".into()), slug: Some(slug.into()), title: None };
        let created = tally.create_board(&Caller::default(), new).await.unwrap();
        let admin = Caller { admin_key: Some(created.admin_key.clone()), ..Caller::default() };
        tally.set_access(&admin, slug, access, Vec::new()).await.unwrap();
        if access == AccessMode::Anyone {
            continue;
        }
        let mut headers = HeaderMap::new();
        headers.insert(header::HOST, HeaderValue::from_static("127.0.0.1"));
        let people: String = (0..SUBMITTERS).map(|i| format!("Person {i}\n")).collect();
        for link in tally.invite(&admin, slug, &people, &headers).await.unwrap() {
            let token = link.link.rsplit('/').next().unwrap().to_string();
            let (_, cookie) = tally.open_invitation(&token, &HeaderMap::new()).await.unwrap();
            let value = cookie.to_str().unwrap().split(';').next().unwrap().split_once('=').unwrap().1.to_string();
            callers.push(Caller { invited: Some(value), ..Caller::default() });
        }
    }
    callers
}

/// Submissions per second on `board`, one task per caller, for `seconds`.
async fn run(tally: &Tally, board: &'static str, callers: &[Caller], rows: &Arc<Vec<String>>, seconds: u64) -> f64 {
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let tasks: Vec<_> = callers
        .iter()
        .cloned()
        .map(|caller| {
            let (tally, rows) = (tally.clone(), rows.clone());
            tokio::spawn(async move {
                let (mut caller, mut count) = (caller, 0u64);
                while Instant::now() < deadline {
                    let raw =
                        rows.iter().enumerate().map(|(i, r)| (r.clone(), RawLevel::Index((i as u64 + count) % 4)));
                    let submitted = tally
                        .submit(&caller, board, raw, Default::default())
                        .await
                        .expect("a valid submission is accepted");
                    // After the first, each submitter replaces their answers, on both boards.
                    if let Some(token) = submitted.token {
                        caller.respondent = Some(token.as_str().to_string());
                    }
                    count += 1;
                }
                count
            })
        })
        .collect();
    let started = Instant::now();
    let mut total = 0;
    for task in tasks {
        total += task.await.unwrap();
    }
    total as f64 / started.elapsed().as_secs_f64()
}
