//! The aggregation engine: the only place that changes a board's figures.
//!
//! Submissions are validated against the board's matrix, then queued to one
//! writer task. The writer takes everything waiting (group commit), applies
//! it to the store in one durable transaction, moves the in-memory figures,
//! publishes a new immutable [`Stats`] snapshot per touched board and only
//! then acknowledges each submitter. Readers (page, API, live push) take the
//! latest snapshot from a `watch` channel and never touch the database.
//!
//! With a shared store (PostgreSQL) the [`follower`] also reloads boards that
//! other instances moved, and boards created elsewhere are read on first use.
//!
//! * [`board`] — one board and its published snapshot;
//! * [`writer`] — the group-commit loop;
//! * [`follower`] — other instances' commits.

mod board;
mod follower;
mod writer;

pub use board::Board;

use crate::admin_key;
use crate::answers::{self, PreviousAnswers, RawLevel};
use crate::catalog::Catalog;
use crate::error::TallyError;
use crate::matrix::{is_identifier, Matrix};
use crate::metrics::METRICS;
use crate::stats::Stats;
use crate::store::{BoardInfo, Store, StoredBoard, Submission};
use crate::DEFAULT_BOARD;
use serde::Serialize;
use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use tokio::sync::{mpsc, oneshot};

/// Submissions waiting for the writer; a full queue makes submitters wait.
const QUEUE_DEPTH: usize = 8192;

/// What a submitter gets back once their answers are on disk.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Receipt {
    pub version: u64,
    pub respondent: String,
    #[serde(skip)]
    pub submitted_at: i64,
}

struct Pending {
    submission: Submission,
    ack: oneshot::Sender<Result<u64, TallyError>>,
}

struct Shared {
    store: Store,
    catalog: Catalog,
    boards: RwLock<HashMap<String, Arc<Board>>>,
}

impl Shared {
    fn cached(&self, id: &str) -> Option<Arc<Board>> {
        self.boards.read().unwrap_or_else(|e| e.into_inner()).get(id).cloned()
    }

    /// Serves `stored` from now on, unless the board is already served.
    fn adopt(&self, stored: StoredBoard) -> Result<Arc<Board>, TallyError> {
        let matrix = self.catalog.get(&stored.info.matrix_id).cloned().ok_or_else(|| {
            TallyError::Internal(format!(
                "board '{}' uses matrix '{}', which is not loaded",
                stored.info.id, stored.info.matrix_id
            ))
        })?;
        let mut boards = self.boards.write().unwrap_or_else(|e| e.into_inner());
        let board = boards.entry(stored.info.id.clone()).or_insert_with(|| Arc::new(Board::restore(stored, matrix)));
        Ok(board.clone())
    }

    /// Publishes the board's figures as the store has them now.
    async fn reload(&self, id: &str) {
        let Some(board) = self.cached(id) else { return };
        match self.store.board(id).await {
            Ok(Some(stored)) => board.offer_stored(&stored),
            Ok(None) => tracing::error!(board = id, "a served board is missing from the store"),
            Err(error) => {
                METRICS.database_error();
                tracing::warn!(board = id, %error, "could not reload a board");
            }
        }
    }
}

#[derive(Clone)]
pub struct Engine {
    shared: Arc<Shared>,
    queue: mpsc::Sender<Pending>,
}

impl Engine {
    /// Restores every board from the store, checks the stored aggregates
    /// against a recount, makes sure the default board exists and starts the
    /// writer task.
    pub async fn start(store: Store, catalog: Catalog, default_matrix: &str) -> Result<Engine, String> {
        let mismatches = store.verify().await.map_err(|e| e.to_string())?;
        if !mismatches.is_empty() {
            return Err(format!("stored aggregates disagree with a recount: {}", mismatches.join("; ")));
        }
        let stored = store.boards().await.map_err(|e| e.to_string())?;
        let changes = store.changes();
        let shared = Arc::new(Shared { store, catalog, boards: RwLock::default() });
        for board in stored {
            if let Err(error) = shared.adopt(board) {
                tracing::warn!(%error, "board not served");
            }
        }
        let (queue, rx) = mpsc::channel(QUEUE_DEPTH);
        tokio::spawn(writer::write_loop(shared.clone(), rx));
        if let Some(changes) = changes {
            tokio::spawn(follower::follow(shared.clone(), changes));
        }
        let engine = Engine { shared, queue };
        if engine.board(DEFAULT_BOARD).await.is_err() {
            let matrix = engine.matrix_by_id(default_matrix).map_err(|e| e.to_string())?;
            engine
                .add_board(
                    BoardInfo {
                        id: DEFAULT_BOARD.into(),
                        matrix_id: matrix.id.clone(),
                        title: matrix.title.clone(),
                        private: false,
                        created_at: now(),
                    },
                    None,
                )
                .await
                .or_else(|e| match e {
                    // Another instance, starting at the same time, made it first.
                    TallyError::Conflict(_) => Ok(()),
                    e => Err(e),
                })
                .map_err(|e| e.to_string())?;
        }
        Ok(engine)
    }

    /// A served board. With a shared store, a board this instance has not
    /// seen (another instance created it) is read from the store.
    pub async fn board(&self, id: &str) -> Result<Arc<Board>, TallyError> {
        if let Some(board) = self.shared.cached(id) {
            return Ok(board);
        }
        let unknown = || TallyError::UnknownBoard(id.chars().take(64).collect());
        if !self.shared.store.is_shared() || !is_identifier(id) {
            return Err(unknown());
        }
        let stored = self.shared.store.board(id).await?.ok_or_else(unknown)?;
        self.shared.adopt(stored)
    }

    /// Ready to serve: the database answers. Returns how many matrices are loaded.
    pub async fn ready(&self) -> Result<usize, TallyError> {
        self.shared.store.ping().await?;
        Ok(self.shared.catalog.len())
    }

    /// (id, title) of every loaded matrix.
    pub fn matrices(&self) -> Vec<(String, String)> {
        self.shared.catalog.values().map(|m| (m.id.clone(), m.title.clone())).collect()
    }

    pub fn matrix_by_id(&self, id: &str) -> Result<Arc<Matrix>, TallyError> {
        self.shared.catalog.get(id).cloned().ok_or_else(|| {
            let known: Vec<_> = self.shared.catalog.keys().map(String::as_str).collect();
            TallyError::BadRequest(format!("unknown matrix '{id}' (known: {})", known.join(", ")))
        })
    }

    /// Validates and durably applies one respondent's answers, replacing any
    /// they gave before. Returns once the answers are committed to disk.
    pub async fn submit(
        &self,
        board: &str,
        respondent: &str,
        raw: impl IntoIterator<Item = (String, RawLevel)>,
    ) -> Result<Receipt, TallyError> {
        let result = self.validate_and_commit(board, respondent, raw).await;
        match &result {
            Ok(_) => METRICS.accepted(),
            Err(error) => METRICS.rejected(error.status()),
        }
        result
    }

    async fn validate_and_commit(
        &self,
        board: &str,
        respondent: &str,
        raw: impl IntoIterator<Item = (String, RawLevel)>,
    ) -> Result<Receipt, TallyError> {
        let board = self.board(board).await?;
        if board.stats().closed {
            return Err(TallyError::BoardClosed(board.info.id.clone()));
        }
        let answers = answers::validate(&board.matrix, raw)?;
        let (ack, done) = oneshot::channel();
        let submission = Submission {
            board: board.info.id.clone(),
            respondent: respondent.to_string(),
            answers,
            submitted_at: now(),
        };
        let submitted_at = submission.submitted_at;
        let closed = || TallyError::Internal("the engine is shutting down".into());
        self.queue.send(Pending { submission, ack }).await.map_err(|_| closed())?;
        let version = done.await.map_err(|_| closed())??;
        Ok(Receipt { version, respondent: respondent.to_string(), submitted_at })
    }

    pub async fn previous(&self, board: &str, respondent: &str) -> Result<Option<PreviousAnswers>, TallyError> {
        self.shared.store.previous(board, respondent).await
    }

    /// Creates a board on a loaded matrix: with a slug it is public at that
    /// address, without one it gets an unguessable 128-bit id. Returns the
    /// board and its admin key, which is shown this once and never stored.
    pub async fn create_board(
        &self,
        matrix_id: &str,
        slug: Option<String>,
        title: Option<String>,
    ) -> Result<(BoardInfo, String), TallyError> {
        let matrix = self.matrix_by_id(matrix_id)?;
        let (id, private) = match slug {
            Some(slug) if slug.len() < 3 || !is_identifier(&slug) => {
                return Err(TallyError::BadRequest(format!(
                    "slug '{}' must be 3-64 characters of a-z, 0-9, '-' or '_'",
                    slug.chars().take(64).collect::<String>()
                )))
            }
            Some(slug) => (slug, false),
            None => (format!("{:032x}", rand::random::<u128>()), true),
        };
        let title =
            title.map(|t| t.trim().to_string()).filter(|t| !t.is_empty()).unwrap_or_else(|| matrix.title.clone());
        if title.chars().count() > 120 {
            return Err(TallyError::BadRequest("title must be at most 120 characters".into()));
        }
        let info = BoardInfo { id, matrix_id: matrix.id.clone(), title, private, created_at: now() };
        let key = admin_key::new_key();
        self.add_board(info.clone(), Some(admin_key::hash(&key))).await?;
        Ok((info, key))
    }

    /// The board, if `key` is its admin key.
    pub async fn authorize(&self, board: &str, key: &str) -> Result<Arc<Board>, TallyError> {
        let board = self.board(board).await?;
        match self.shared.store.admin_hash(&board.info.id).await? {
            Some(stored) if admin_key::matches(key, &stored) => Ok(board),
            Some(_) => Err(TallyError::Forbidden("the admin key does not match this board".into())),
            None => Err(TallyError::Forbidden(format!("board '{}' has no admin key", board.info.id))),
        }
    }

    /// Closes (or reopens) a board for its admin. Closing is a new version,
    /// so every open page and every instance hears of it like a commit.
    pub async fn set_closed(&self, board: &str, key: &str, closed: bool) -> Result<Arc<Stats>, TallyError> {
        let board = self.authorize(board, key).await?;
        self.shared.store.set_closed(&board.info.id, closed).await?;
        self.shared.reload(&board.info.id).await;
        Ok(board.stats())
    }

    async fn add_board(&self, info: BoardInfo, admin_hash: Option<String>) -> Result<(), TallyError> {
        self.matrix_by_id(&info.matrix_id)?;
        self.shared.store.insert_board(info.clone(), admin_hash).await?;
        let empty = StoredBoard { info, version: 0, respondents: 0, closed: false, counts: Vec::new() };
        self.shared.adopt(empty)?;
        Ok(())
    }
}

fn now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)
}
