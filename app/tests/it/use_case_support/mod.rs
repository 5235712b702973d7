//! The engine's suites' shared parts: `on_both_backends!`, which turns one
//! test written as a function of the [`Backend`] into `sqlite::<name>` and
//! `postgres::<name>`, and helpers that call the use cases both doors call.

#![allow(dead_code)] // each suite uses a different part of this

use crate::support::TestDatabase;
use app::answers::{Answers, RawLevel};
use app::backend::catalog::{self, Catalog};
use app::backend::engine::{Engine, Receipt};
use app::backend::limits::{LimitSettings, Limits};
use app::backend::respondent::Respondents;
use app::backend::signer::Signer;
use app::backend::store::{self, BoardInfo, DatabaseOptions, DatabaseUrl};
use app::backend::use_cases::boards::{MatrixChoice, NewBoard};
use app::backend::use_cases::{Caller, Tally};
use app::error::TallyError;
use app::stats::Stats;
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, LazyLock, Mutex};

macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $name() { super::$name(super::Backend::Sqlite).await })*
        }
        mod postgres {
            $(#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn $name() { super::$name(super::Backend::Postgres).await })*
        }
    };
}

pub(crate) use on_both_backends;

pub fn catalog() -> Catalog {
    catalog::load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../matrices")).unwrap()
}

pub fn rows() -> Vec<String> {
    catalog()["programmer"].rows().map(|r| r.id.clone()).collect()
}

pub async fn start(db: &TestDatabase) -> Engine {
    let store = store::open(&DatabaseUrl::parse(&db.url).unwrap(), &DatabaseOptions::default()).await.unwrap();
    Engine::start(store, catalog(), "programmer", Default::default()).await.unwrap()
}

/// Every test's server signs with this secret, so a token is good on all.
pub const SECRET: [u8; 32] = [42; 32];

/// The use cases over `engine`, with no limits.
pub fn tally(engine: &Engine) -> Tally {
    Tally::new(
        engine.clone(),
        Arc::new(Limits::new(LimitSettings::default())),
        Respondents::new(Signer::new(SECRET), false),
    )
}

/// The token of the respondent a test calls `name`, issued on first use.
pub fn token(name: &str) -> String {
    static TOKENS: LazyLock<Mutex<HashMap<String, String>>> = LazyLock::new(Default::default);
    let mut tokens = TOKENS.lock().unwrap();
    let issued = || Respondents::new(Signer::new(SECRET), false).issue().as_str().to_string();
    tokens.entry(name.to_string()).or_insert_with(issued).clone()
}

/// A new board and its admin key, through the use case both doors call.
pub async fn create_board(
    engine: &Engine,
    matrix: &str,
    slug: Option<&str>,
    title: Option<&str>,
) -> Result<(BoardInfo, String), TallyError> {
    let new = NewBoard {
        matrix: MatrixChoice::Template(matrix.into()),
        slug: slug.map(Into::into),
        title: title.map(Into::into),
    };
    let created = tally(engine).create_board(&Caller::default(), new).await?;
    Ok((created.info, created.admin_key))
}

/// Submits as the respondent a test calls `respondent`, through the use
/// case both doors call.
pub async fn submit(
    engine: &Engine,
    board: &str,
    respondent: &str,
    raw: Vec<(String, RawLevel)>,
) -> Result<Receipt, TallyError> {
    let caller = Caller { respondent: Some(token(respondent)), ..Caller::default() };
    Ok(tally(engine).submit(&caller, board, raw, Default::default()).await?.receipt)
}

/// Closes or reopens a board as the holder of `key`.
pub async fn set_closed(engine: &Engine, board: &str, key: &str, closed: bool) -> Result<Arc<Stats>, TallyError> {
    let admin = Caller { admin_key: Some(key.into()), ..Caller::default() };
    tally(engine).set_closed(&admin, board, closed).await
}

pub fn raw(answers: &Answers) -> Vec<(String, RawLevel)> {
    answers.iter().map(|(row, level)| (row.clone(), RawLevel::Index(*level as u64))).collect()
}

pub fn uniform(rows: &[String], pick: impl Fn(usize) -> u8) -> Answers {
    rows.iter().enumerate().map(|(i, r)| (r.clone(), pick(i))).collect()
}

/// The figures a board must show for these final answers, worked out here
/// independently of the engine.
pub fn recount(rows: &[String], finals: impl IntoIterator<Item = Answers>) -> (u64, HashMap<String, Vec<u64>>) {
    let mut counts: HashMap<String, Vec<u64>> = rows.iter().map(|r| (r.clone(), vec![0; 4])).collect();
    let mut respondents = 0;
    for answers in finals {
        respondents += 1;
        for (row, level) in answers {
            counts.get_mut(&row).unwrap()[level as usize] += 1;
        }
    }
    (respondents, counts)
}
