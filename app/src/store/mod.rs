//! Durable storage of boards, submissions and their running aggregates.
//!
//! [`Store`] is the one interface the engine talks to. Each backend applies a
//! whole batch of submissions in one transaction (group commit) and reports,
//! for every submission, the answers it replaced, so the engine can move the
//! in-memory figures without reading them back.

mod sqlite;

pub use sqlite::SqliteStore;

use crate::answers::{Answers, PreviousAnswers};
use crate::error::TallyError;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use std::sync::Arc;

/// What a board is, as stored and as shown by the API.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardInfo {
    pub id: String,
    pub matrix_id: String,
    pub title: String,
    /// Private boards have an unguessable id and are not listed anywhere.
    pub private: bool,
    pub created_at: i64,
}

/// One accepted, validated submission on its way to disk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Submission {
    pub board: String,
    pub respondent: String,
    pub answers: Answers,
    /// Unix seconds.
    pub submitted_at: i64,
}

/// The result of applying one submission.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Applied {
    /// The respondent's answers this submission replaced, if any.
    pub previous: Option<Answers>,
    /// The board's version once this submission is in.
    pub version: u64,
}

/// A board with its aggregates as they are on disk, for start-up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredBoard {
    pub info: BoardInfo,
    pub version: u64,
    pub respondents: u64,
    /// (row id, level index, count), zero counts omitted.
    pub counts: Vec<(String, u8, u64)>,
}

/// Where the data lives, parsed from `DATABASE_URL`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DatabaseUrl {
    Sqlite(PathBuf),
}

impl DatabaseUrl {
    pub fn parse(url: &str) -> Result<Self, String> {
        match url.split_once("://") {
            Some(("sqlite", path)) if !path.is_empty() => Ok(DatabaseUrl::Sqlite(PathBuf::from(path))),
            _ => Err(format!("DATABASE_URL '{url}' is not supported; use sqlite://<path>")),
        }
    }
}

/// The backends, behind one set of methods.
pub enum Store {
    Sqlite(SqliteStore),
}

impl Store {
    pub async fn open(url: &DatabaseUrl) -> Result<Store, TallyError> {
        match url {
            DatabaseUrl::Sqlite(path) => Ok(Store::Sqlite(SqliteStore::open(path.clone()).await?)),
        }
    }

    pub async fn boards(&self) -> Result<Vec<StoredBoard>, TallyError> {
        match self {
            Store::Sqlite(s) => s.boards().await,
        }
    }

    /// Fails with `Conflict` when the id is taken.
    pub async fn insert_board(&self, info: BoardInfo) -> Result<(), TallyError> {
        match self {
            Store::Sqlite(s) => s.insert_board(info).await,
        }
    }

    /// Applies every submission, in order, in one transaction; returns only
    /// after the commit is on disk.
    pub async fn apply(&self, batch: Arc<Vec<Submission>>) -> Result<Vec<Applied>, TallyError> {
        match self {
            Store::Sqlite(s) => s.apply(batch).await,
        }
    }

    pub async fn previous(&self, board: &str, respondent: &str) -> Result<Option<PreviousAnswers>, TallyError> {
        match self {
            Store::Sqlite(s) => s.previous(board, respondent).await,
        }
    }

    /// Recounts every board from its stored submissions and lists each place
    /// where the stored aggregates disagree; empty means consistent.
    pub async fn verify(&self) -> Result<Vec<String>, TallyError> {
        match self {
            Store::Sqlite(s) => s.verify().await,
        }
    }
}

fn internal(context: &str) -> impl Fn(rusqlite::Error) -> TallyError + '_ {
    move |e| TallyError::Internal(format!("{context}: {e}"))
}
