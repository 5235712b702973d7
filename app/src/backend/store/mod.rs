//! Durable storage of boards, submissions and their running aggregates.
//!
//! [`Store`] is the one interface the engine talks to. Each backend applies a
//! whole batch of submissions in one transaction (group commit) and reports
//! how each touched board's figures moved ([`FiguresDelta`], worked out once
//! in [`plan`]), so the engine moves its in-memory figures by the same
//! deltas without reading them back.
//!
//! SQLite serves one instance. PostgreSQL lets several instances share the
//! data; each then also hears, through [`Store::changes`], which boards the
//! others moved, so it can reload them.

mod plan;
mod postgres;
mod rounds;
mod settings;
mod sqlite;

pub use plan::{Committed, FiguresDelta, Placed, Refusal};
pub use postgres::PostgresStore;
pub use settings::{CaSource, DatabaseOptions, DatabaseUrl};
pub use sqlite::SqliteStore;

use crate::answers::Answers;
use crate::error::TallyError;
use crate::groups::GroupSettings;
use crate::reveal::{RevealMode, RevealSettings};
use serde::{Deserialize, Serialize};
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::mpsc;

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
    /// The board's matrix shape the answers were checked against: the
    /// commit refuses them if a structural edit has happened since.
    pub shape: u64,
    /// The group the respondent said they are in, if the board has groups.
    pub group: Option<String>,
}

/// A board with its aggregates as they are on disk, for start-up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredBoard {
    pub info: BoardInfo,
    pub version: u64,
    pub respondents: u64,
    pub closed: bool,
    /// The version at which the board's matrix last changed.
    pub matrix_rev: u64,
    /// How many structural changes the matrix has had (see [`Submission::shape`]).
    pub shape: u64,
    /// The open round; `respondents` and `counts` are its own.
    pub round: u32,
    /// The groups respondents choose from, and the anonymity threshold.
    pub groups: GroupSettings,
    /// Who sees the figures, and whether the admin has revealed them.
    pub reveal: RevealSettings,
    /// (row id, level index, count), zero counts omitted.
    pub counts: Vec<(String, u8, u64)>,
    /// The board's own matrix, JSON; `None` for a board from before boards
    /// kept their matrix (filled in at start-up).
    pub matrix: Option<String>,
}

/// One row of "a board joined with its non-zero counts", the shape both
/// backends read a board in; [`gather`] folds them into a [`StoredBoard`].
pub(crate) struct CountRow {
    /// The board's own columns, repeated on each of its rows.
    pub info: BoardInfo,
    pub version: u64,
    pub respondents: u64,
    pub closed: bool,
    pub matrix_rev: u64,
    pub shape: u64,
    pub round: u32,
    /// `groups` as stored (a JSON array) and `min_group_size`.
    pub groups: (String, u32),
    /// `reveal` as stored (`live`, `after_submit`, `facilitator`) and `revealed`.
    pub reveal: (String, bool),
    pub cell: Option<(String, u8, u64)>,
}

/// Folds one board's rows into its [`StoredBoard`], with `matrix` (JSON)
/// as its own; `None` when there are no rows (no such board).
pub(crate) fn gather(rows: impl IntoIterator<Item = CountRow>, matrix: Option<String>) -> Option<StoredBoard> {
    let mut rows = rows.into_iter();
    let first = rows.next()?;
    let names = serde_json::from_str(&first.groups.0).unwrap_or_else(|error| {
        tracing::error!(board = %first.info.id, %error, "stored groups are not a JSON list; none offered");
        Vec::new()
    });
    let mode = RevealMode::parse(&first.reveal.0).unwrap_or_else(|| {
        // Hiding is the safe side of a setting nobody can read.
        tracing::error!(board = %first.info.id, reveal = %first.reveal.0, "unknown reveal mode; figures hidden");
        RevealMode::Facilitator
    });
    let counts = first.cell.into_iter().chain(rows.filter_map(|row| row.cell)).collect();
    Some(StoredBoard {
        info: first.info,
        version: first.version,
        respondents: first.respondents,
        closed: first.closed,
        matrix_rev: first.matrix_rev,
        shape: first.shape,
        round: first.round,
        groups: GroupSettings { groups: names, min_group_size: first.groups.1 },
        reveal: RevealSettings { reveal: mode, revealed: first.reveal.1 },
        counts,
        matrix,
    })
}

/// What another instance did, as heard through a shared database.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// The board has reached this version.
    Board { id: String, version: u64 },
    /// Notices may have been missed (the listener reconnected, or the
    /// periodic check is due): compare every board's version.
    Resync,
}

/// Runs `work` to its end; if that takes longer than `deadline`, calls
/// `interrupt` once (which should make `work` fail soon) and still waits for
/// `work`'s own result, so the caller learns what actually happened.
pub(crate) async fn past_deadline<T>(
    deadline: Duration,
    work: impl Future<Output = Result<T, TallyError>>,
    interrupt: impl FnOnce(),
) -> Result<T, TallyError> {
    tokio::pin!(work);
    tokio::select! {
        result = &mut work => return result,
        _ = tokio::time::sleep(deadline) => {}
    }
    tracing::warn!(?deadline, "a commit ran past its deadline; interrupting it");
    interrupt();
    work.await
}

/// The backends, behind one set of methods. A process holds one, so the
/// variants' difference in size does not matter.
#[allow(clippy::large_enum_variant)]
pub enum Store {
    Sqlite(SqliteStore),
    Postgres(PostgresStore),
}

impl Store {
    pub async fn open(url: &DatabaseUrl, options: &DatabaseOptions) -> Result<Store, TallyError> {
        match url {
            DatabaseUrl::Sqlite(path) => Ok(Store::Sqlite(SqliteStore::open(path.clone(), options).await?)),
            DatabaseUrl::Postgres(config) => Ok(Store::Postgres(PostgresStore::open(config, options).await?)),
        }
    }

    /// For `server verify`: a SQLite file read-only, without its lock or
    /// migrations, so a server may run on it; PostgreSQL as usual.
    pub async fn open_read_only(url: &DatabaseUrl, options: &DatabaseOptions) -> Result<Store, TallyError> {
        match url {
            DatabaseUrl::Sqlite(path) => Ok(Store::Sqlite(SqliteStore::open_read_only(path.clone(), options).await?)),
            DatabaseUrl::Postgres(_) => Store::open(url, options).await,
        }
    }

    /// How long a batch's commit may take before it is interrupted.
    pub fn commit_timeout(&self) -> Duration {
        match self {
            Store::Sqlite(s) => s.commit_timeout,
            Store::Postgres(s) => s.commit_timeout,
        }
    }

    /// News of other instances' commits; `None` for a store nobody shares.
    pub fn changes(&self) -> Option<mpsc::Receiver<Change>> {
        match self {
            Store::Sqlite(_) => None,
            Store::Postgres(s) => Some(s.changes()),
        }
    }

    /// One board with its aggregates and its matrix, as committed now.
    pub async fn board(&self, id: &str) -> Result<Option<StoredBoard>, TallyError> {
        self.one_board(id, true).await
    }

    /// One board's aggregates as committed now, without its matrix (`None`):
    /// what a reload after another instance's commit needs, read without
    /// the matrix, which may be large.
    pub async fn figures(&self, id: &str) -> Result<Option<StoredBoard>, TallyError> {
        self.one_board(id, false).await
    }

    async fn one_board(&self, id: &str, with_matrix: bool) -> Result<Option<StoredBoard>, TallyError> {
        match self {
            Store::Sqlite(s) => s.board(id, with_matrix).await,
            Store::Postgres(s) => s.board(id, with_matrix).await,
        }
    }

    /// Whether the database answers a trivial query.
    pub async fn ping(&self) -> Result<(), TallyError> {
        match self {
            Store::Sqlite(s) => s.ping().await,
            Store::Postgres(s) => s.ping().await,
        }
    }

    /// Whether the database takes a write now (a transaction that writes
    /// nothing, on the writer's connection).
    pub async fn write_probe(&self) -> Result<(), TallyError> {
        match self {
            Store::Sqlite(s) => s.write_probe().await,
            Store::Postgres(s) => s.write_probe().await,
        }
    }

    /// The current version of each of `ids` that exists (of every board
    /// when `None`): to find the boards this instance is behind on, and the
    /// list of boards to verify.
    pub async fn versions(&self, ids: Option<Vec<String>>) -> Result<Vec<(String, u64)>, TallyError> {
        match self {
            Store::Sqlite(s) => s.versions(ids).await,
            Store::Postgres(s) => s.versions(ids).await,
        }
    }

    /// Fails with `Conflict` when the id is taken. `admin_hash` is the
    /// SHA-256 of the board's admin key, hex; the key itself is never stored.
    /// `matrix` is the board's own matrix, JSON.
    pub async fn insert_board(
        &self,
        info: BoardInfo,
        admin_hash: Option<String>,
        matrix: String,
    ) -> Result<(), TallyError> {
        match self {
            Store::Sqlite(s) => s.insert_board(info, admin_hash, matrix).await,
            Store::Postgres(s) => s.insert_board(info, admin_hash, matrix).await,
        }
    }

    /// Stores `matrix` (JSON) as the board's own, unless it has one.
    pub async fn fill_matrix(&self, board: &str, matrix: String) -> Result<(), TallyError> {
        match self {
            Store::Sqlite(s) => s.fill_matrix(board, matrix).await,
            Store::Postgres(s) => s.fill_matrix(board, matrix).await,
        }
    }

    /// The server's 256-bit secret, made and stored on first use; every
    /// instance sharing the database reads the same one.
    pub async fn secret(&self) -> Result<[u8; 32], TallyError> {
        let candidate: String = (0..2).map(|_| format!("{:032x}", rand::random::<u128>())).collect();
        let stored = match self {
            Store::Sqlite(s) => s.secret(candidate).await?,
            Store::Postgres(s) => s.secret(candidate).await?,
        };
        let bytes: Option<Vec<u8>> = (0..stored.len())
            .step_by(2)
            .map(|i| stored.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok()))
            .collect();
        bytes
            .and_then(|b| b.try_into().ok())
            .ok_or_else(|| TallyError::Internal("the stored server secret is not 64 hex digits".into()))
    }

    pub async fn admin_hash(&self, board: &str) -> Result<Option<String>, TallyError> {
        match self {
            Store::Sqlite(s) => s.admin_hash(board).await,
            Store::Postgres(s) => s.admin_hash(board).await,
        }
    }

    /// Replaces the board's matrix (JSON) if it is still at revision `base`;
    /// that is a new version, announced like a commit. A `structural` change
    /// is refused with `Conflict` once anyone has answered, checked in the
    /// same statement that writes it.
    pub async fn replace_matrix(
        &self,
        board: &str,
        matrix: String,
        structural: bool,
        base: u64,
    ) -> Result<u64, TallyError> {
        let version = match self {
            Store::Sqlite(s) => s.replace_matrix(board, matrix, structural, base).await?,
            Store::Postgres(s) => s.replace_matrix(board, matrix, structural, base).await?,
        };
        version.ok_or_else(|| {
            TallyError::Conflict(
                "rows, levels and their order can only change while the board has no answers; text can change at any time"
                    .into(),
            )
        })
    }

    /// Closes or reopens a board; that is a new version, announced like a commit.
    pub async fn set_closed(&self, board: &str, closed: bool) -> Result<u64, TallyError> {
        match self {
            Store::Sqlite(s) => s.set_closed(board, closed).await,
            Store::Postgres(s) => s.set_closed(board, closed).await,
        }
    }

    /// Applies every submission, in order, in one transaction; returns only
    /// after the commit is on disk.
    pub async fn apply(&self, batch: Arc<Vec<Submission>>) -> Result<Committed, TallyError> {
        match self {
            Store::Sqlite(s) => s.apply(batch).await,
            Store::Postgres(s) => s.apply(batch).await,
        }
    }

    /// Recounts one board's stored submissions, round by round, and lists each place its
    /// stored aggregates disagree (empty: consistent). Run on every load.
    pub async fn verify_board(&self, id: &str) -> Result<Vec<String>, TallyError> {
        match self {
            Store::Sqlite(s) => s.verify_board(id).await,
            Store::Postgres(s) => s.verify_board(id).await,
        }
    }

    /// [`Store::verify_board`] for every board, telling `progress` (boards
    /// done, boards in all) after each.
    pub async fn verify_all(&self, mut progress: impl FnMut(usize, usize)) -> Result<Vec<String>, TallyError> {
        let boards = self.versions(None).await?;
        let mut mismatches = Vec::new();
        for (done, (id, _)) in boards.iter().enumerate() {
            mismatches.extend(self.verify_board(id).await?);
            progress(done + 1, boards.len());
        }
        Ok(mismatches)
    }
}

fn internal(context: &str) -> impl Fn(rusqlite::Error) -> TallyError + '_ {
    move |e| TallyError::Internal(format!("{context}: {}", with_causes(&e)))
}

/// An error's message followed by each of its causes', so the log line says
/// what the database said (PostgreSQL's own message is a cause of the
/// driver's "db error"). `TallyError` travels to the browser as data, so it
/// keeps this text rather than the error value.
fn with_causes(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut cause = error.source();
    while let Some(inner) = cause {
        text.push_str(": ");
        text.push_str(&inner.to_string());
        cause = inner.source();
    }
    text
}

/// One place where a board's stored aggregates and its recount disagree, in words.
fn mismatch(board: &str, round: i64, row: &str, level: i64, stored: i64, recounted: i64) -> String {
    format!("board '{board}', round {round}, row '{row}', level {level}: stored {stored} but recount gives {recounted}")
}

fn decode_answers(text: &str) -> Result<Answers, TallyError> {
    serde_json::from_str(text).map_err(|e| TallyError::Internal(format!("stored answers are not valid JSON: {e}")))
}

fn encode_answers(answers: &Answers) -> String {
    serde_json::to_string(answers).expect("a map of strings to numbers always serialises")
}

#[cfg(test)]
mod tests {
    use super::DatabaseUrl;

    #[test]
    fn database_labels_leave_the_password_out() {
        let url = DatabaseUrl::parse("postgres://tally:hunter2@db.internal:5433/tally").unwrap();
        assert_eq!(url.label(), "postgres://tally@db.internal/tally");
        assert_eq!(DatabaseUrl::parse("sqlite://data/t.db").unwrap().label(), "sqlite://data/t.db");
        let refused = DatabaseUrl::parse("mysql://x").unwrap_err();
        assert!(refused.contains("not supported"), "{refused}");
    }
}
