//! The aggregation engine: the only place that changes a board's figures.
//!
//! Submissions are validated against the board's matrix, then queued to one
//! writer task. The writer takes everything waiting (group commit), applies
//! it to the store in one durable transaction, moves the in-memory figures,
//! publishes a new immutable [`Stats`] snapshot per touched board and only
//! then acknowledges each submitter. Readers (page, API, live push) take the
//! latest snapshot from a `watch` channel and never touch the database.

use crate::answers::{self, PreviousAnswers, RawLevel};
use crate::catalog::Catalog;
use crate::error::TallyError;
use crate::matrix::{is_identifier, Matrix};
use crate::stats::Stats;
use crate::DEFAULT_BOARD;
use crate::store::{Applied, BoardInfo, Store, Submission};
use serde::Serialize;
use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use tokio::sync::{mpsc, oneshot, watch};

/// The largest group commit; bounds one transaction's time and memory.
const MAX_BATCH: usize = 2048;
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

/// One live board: what it is, its matrix, and its latest snapshot.
pub struct Board {
    pub info: BoardInfo,
    pub matrix: Arc<Matrix>,
    stats: watch::Sender<Arc<Stats>>,
}

impl Board {
    pub fn stats(&self) -> Arc<Stats> {
        self.stats.borrow().clone()
    }

    /// A receiver that wakes on every new snapshot (for live push).
    pub fn subscribe(&self) -> watch::Receiver<Arc<Stats>> {
        self.stats.subscribe()
    }
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
        let mut boards = HashMap::new();
        for stored in store.boards().await.map_err(|e| e.to_string())? {
            let Some(matrix) = catalog.get(&stored.info.matrix_id).cloned() else {
                tracing::warn!(board = %stored.info.id, matrix = %stored.info.matrix_id, "board's matrix is not loaded; board not served");
                continue;
            };
            let mut stats = Stats::empty(&stored.info.id, &matrix);
            stats.version = stored.version;
            stats.respondents = stored.respondents;
            for (row, level, n) in stored.counts {
                if let Some(c) = stats.counts.get_mut(&row).and_then(|c| c.get_mut(level as usize)) {
                    *c = n;
                }
            }
            let board = Board { info: stored.info, matrix, stats: watch::channel(Arc::new(stats)).0 };
            boards.insert(board.info.id.clone(), Arc::new(board));
        }
        let (queue, rx) = mpsc::channel(QUEUE_DEPTH);
        let shared = Arc::new(Shared { store, catalog, boards: RwLock::new(boards) });
        tokio::spawn(write_loop(shared.clone(), rx));
        let engine = Engine { shared, queue };
        if engine.board(DEFAULT_BOARD).is_err() {
            let matrix = engine.matrix_by_id(default_matrix).map_err(|e| e.to_string())?;
            engine
                .add_board(BoardInfo {
                    id: DEFAULT_BOARD.into(),
                    matrix_id: matrix.id.clone(),
                    title: matrix.title.clone(),
                    private: false,
                    created_at: now(),
                })
                .await
                .map_err(|e| e.to_string())?;
        }
        Ok(engine)
    }

    pub fn board(&self, id: &str) -> Result<Arc<Board>, TallyError> {
        let boards = self.shared.boards.read().unwrap_or_else(|e| e.into_inner());
        boards.get(id).cloned().ok_or_else(|| TallyError::UnknownBoard(id.chars().take(64).collect()))
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
        let board = self.board(board)?;
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
    /// address, without one it gets an unguessable 128-bit id.
    pub async fn create_board(
        &self,
        matrix_id: &str,
        slug: Option<String>,
        title: Option<String>,
    ) -> Result<BoardInfo, TallyError> {
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
        let title = title.map(|t| t.trim().to_string()).filter(|t| !t.is_empty()).unwrap_or_else(|| matrix.title.clone());
        if title.chars().count() > 120 {
            return Err(TallyError::BadRequest("title must be at most 120 characters".into()));
        }
        let info = BoardInfo { id, matrix_id: matrix.id.clone(), title, private, created_at: now() };
        self.add_board(info.clone()).await?;
        Ok(info)
    }

    async fn add_board(&self, info: BoardInfo) -> Result<(), TallyError> {
        let matrix = self.matrix_by_id(&info.matrix_id)?;
        self.shared.store.insert_board(info.clone()).await?;
        let stats = Arc::new(Stats::empty(&info.id, &matrix));
        let board = Board { info, matrix, stats: watch::channel(stats).0 };
        let mut boards = self.shared.boards.write().unwrap_or_else(|e| e.into_inner());
        boards.insert(board.info.id.clone(), Arc::new(board));
        Ok(())
    }
}

/// The single writer: group commit, then publish, then acknowledge.
async fn write_loop(shared: Arc<Shared>, mut rx: mpsc::Receiver<Pending>) {
    let mut pending = Vec::with_capacity(MAX_BATCH);
    while rx.recv_many(&mut pending, MAX_BATCH).await > 0 {
        let (batch, acks): (Vec<Submission>, Vec<_>) = pending.drain(..).map(|p| (p.submission, p.ack)).unzip();
        let batch = Arc::new(batch);
        match shared.store.apply(batch.clone()).await {
            Ok(applied) => {
                publish(&shared, &batch, &applied);
                for (ack, applied) in acks.into_iter().zip(&applied) {
                    let _ = ack.send(Ok(applied.version));
                }
            }
            Err(error) => {
                tracing::error!(%error, size = batch.len(), "group commit failed; batch rolled back");
                for ack in acks {
                    let _ = ack.send(Err(error.clone()));
                }
            }
        }
    }
}

/// One new snapshot per touched board, however many submissions it got.
fn publish(shared: &Shared, batch: &[Submission], applied: &[Applied]) {
    let boards = shared.boards.read().unwrap_or_else(|e| e.into_inner());
    let mut next: HashMap<&str, Stats> = HashMap::new();
    for (submission, applied) in batch.iter().zip(applied) {
        let Some(board) = boards.get(&submission.board) else { continue };
        let stats = next.entry(&submission.board).or_insert_with(|| (*board.stats()).clone());
        stats.replace(applied.previous.as_ref(), &submission.answers);
        stats.version = applied.version;
    }
    for (id, stats) in next {
        boards[id].stats.send_replace(Arc::new(stats));
    }
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}
