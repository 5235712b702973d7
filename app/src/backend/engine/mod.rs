//! The aggregation engine: the only place that changes a board's figures.
//!
//! Submissions are validated against the board's matrix, then queued to one
//! writer task. The writer takes everything waiting (group commit), applies
//! it to the store in one durable transaction, moves the in-memory figures,
//! publishes a new immutable [`Stats`] snapshot per touched board and only
//! then acknowledges each submitter. Readers (page, API, live push) take the
//! latest snapshot from a `watch` channel and never touch the database.
//!
//! Boards are read on first use and evicted when idle ([`board_cache`]).
//! With a shared store (PostgreSQL) the [`follower`] also reloads the boards
//! this instance holds when other instances move them.
//!
//! * [`state`] — what the engine's tasks share (store, matrices, boards);
//! * [`board_cache`] — boards loaded on demand, verified, evicted when idle;
//! * [`served_board`] — one board and its published snapshot;
//! * [`writer`] — the group-commit loop;
//! * [`follower`] — other instances' commits;
//! * [`rounds`] — starting a round, a round's or a group's figures.

mod board_cache;
mod board_settings;
mod figures;
mod follower;
mod gaps;
mod groups;
mod invitations;
mod lifecycle;
mod respondents;
mod rounds;
mod served_board;
mod state;
mod writer;

use board_cache::BoardCache;
pub use board_cache::CachePolicy;
pub use served_board::{BoardMatrix, ServedBoard};

use crate::answers::{self, Answers, Belonging, PreviousAnswers, RawLevel};
use crate::backend::catalog::Catalog;
use crate::backend::store::{BoardInfo, Placed, Store, StoredBoard, Submission};
use crate::error::TallyError;
use crate::groups::GroupSettings;
use crate::matrix::{is_identifier, Matrix};
use crate::stats::Stats;
use crate::DEFAULT_BOARD;
use state::EngineState;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{mpsc, oneshot};

/// Why an instance cannot serve now.
#[derive(Debug, thiserror::Error)]
pub enum NotReady {
    #[error("the database does not answer: {0}")]
    Unreachable(TallyError),
    #[error("writes to the database fail: {0}")]
    WritesFail(TallyError),
    #[error("a commit has been running for {0:?}, past its timeout")]
    WriterStuck(Duration),
}

/// Why a submitter gets no acknowledgement in time, and what to do.
const NOT_CONFIRMED: &str =
    "the database did not confirm these answers in time (sending them again replaces them, never counts them twice)";

/// Submissions waiting for the writer; a full queue makes submitters wait.
const QUEUE_DEPTH: usize = 8192;

/// What a submitter gets back once their answers are on disk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Receipt {
    /// The board's version with these answers in it.
    pub version: u64,
    /// The round they count in: the one open when they were committed.
    pub round: u32,
    /// Whose answers they are: the respondent's id on this board.
    pub respondent: String,
    /// Unix seconds, shown back on the page.
    pub submitted_at: i64,
}

/// Answers checked against one revision of a board's matrix, ready to commit.
pub struct Validated {
    answers: Answers,
    /// One of the board's groups and one of its matrix's roles, each if
    /// the respondent named one.
    belonging: Belonging,
    /// The shape they were checked against; the commit refuses them if the
    /// board's rows or levels have changed since.
    shape: u64,
}

/// What a submitter is told when a structural edit overtook their answers.
const MATRIX_CHANGED: &str =
    "this board's rows or levels changed after these answers were checked; load the board again and answer anew";

/// A validated submission waiting for the writer, and where to send its
/// version (or the commit's failure).
struct Pending {
    submission: Submission,
    ack: oneshot::Sender<Result<Placed, TallyError>>,
}

#[derive(Clone)]
pub struct Engine {
    /// What the writer and follower tasks share with every handle.
    state: Arc<EngineState>,
    /// The writer task's queue.
    queue: mpsc::Sender<Pending>,
}

impl Engine {
    /// Makes sure the default board exists and starts the writer task (and
    /// the follower, with a shared store). No board is read yet: each is
    /// loaded, and checked against a recount, on first use.
    pub async fn start(
        store: Box<dyn Store>,
        catalog: Catalog,
        default_matrix: &str,
        policy: CachePolicy,
    ) -> Result<Engine, TallyError> {
        let changes = store.changes();
        let state = Arc::new(EngineState {
            store,
            catalog,
            cache: BoardCache::new(policy),
            writes_failing: AtomicBool::new(false),
            writing_since: Default::default(),
        });
        tokio::spawn(state::evict_idle_boards(Arc::downgrade(&state), state.cache.policy.sweep_every()));
        let (queue, rx) = mpsc::channel(QUEUE_DEPTH);
        tokio::spawn(writer::write_loop(state.clone(), rx));
        if let Some(changes) = changes {
            tokio::spawn(follower::follow_other_instances(state.clone(), changes));
        }
        let engine = Engine { state, queue };
        if let Err(TallyError::UnknownBoard(_)) = engine.board(DEFAULT_BOARD).await {
            let matrix = engine.matrix_by_id(default_matrix)?;
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
                    matrix,
                )
                .await
                .map(drop)
                .or_else(|e| match e {
                    // Another instance, starting at the same time, made it first.
                    TallyError::Conflict(_) => Ok(()),
                    e => Err(e),
                })?;
        }
        Ok(engine)
    }

    /// A board, read from the store if it is not held in memory.
    pub async fn board(&self, id: &str) -> Result<Arc<ServedBoard>, TallyError> {
        if let Some(board) = self.state.cache.cached(id) {
            board.touch();
            return Ok(board);
        }
        if !is_identifier(id) {
            return Err(TallyError::UnknownBoard(id.chars().take(64).collect()));
        }
        self.state.load(id).await
    }

    /// At most two boards whose id starts with `prefix` (a join code).
    pub async fn boards_starting_with(&self, prefix: &str) -> Result<Vec<String>, TallyError> {
        self.state.store.boards_starting_with(prefix).await
    }

    /// Evicts idle boards now, and more while over `most`; returns how many
    /// went. The engine also does this by itself, now and then.
    pub fn evict(&self, most: usize) -> usize {
        self.state.cache.keep_within(most)
    }

    /// Ready to serve: the database answers, and takes writes if the last
    /// commit failed. Returns how many matrices are loaded.
    pub async fn ready(&self) -> Result<usize, NotReady> {
        let writing_for = self.state.writing_since.lock().unwrap_or_else(|e| e.into_inner()).map(|t| t.elapsed());
        if let Some(elapsed) = writing_for.filter(|e| *e > self.state.store.commit_timeout()) {
            return Err(NotReady::WriterStuck(elapsed));
        }
        self.state.store.ping().await.map_err(NotReady::Unreachable)?;
        if self.state.writes_failing.load(Ordering::Relaxed) {
            self.state.store.write_probe().await.map_err(NotReady::WritesFail)?;
            self.state.writes_failing.store(false, Ordering::Relaxed);
        }
        Ok(self.state.catalog.len())
    }

    /// Who owns which boards, and who answered which, as the store keeps them.
    pub fn owners(&self) -> &dyn crate::backend::store::Owners {
        &*self.state.store
    }

    /// Webhook endpoints and the queue of deliveries, as the store keeps them.
    pub fn webhooks(&self) -> &dyn crate::backend::store::Webhooks {
        &*self.state.store
    }

    /// Sign-ins under way and sessions, as the store keeps them.
    pub fn sign_ins(&self) -> &dyn crate::backend::store::SignIns {
        &*self.state.store
    }

    /// The templates, in id order.
    pub fn templates(&self) -> Vec<Arc<Matrix>> {
        self.state.catalog.values().cloned().collect()
    }

    pub fn matrix_by_id(&self, id: &str) -> Result<Arc<Matrix>, TallyError> {
        self.state.catalog.get(id).cloned().ok_or_else(|| {
            let known: Vec<_> = self.state.catalog.keys().map(String::as_str).collect();
            TallyError::BadRequest(format!("unknown matrix '{id}' (known: {})", known.join(", ")))
        })
    }

    /// Checks `raw` against the board's matrix (all problems at once), the
    /// group against its groups and the role against its matrix's roles
    /// (blank is none), and refuses a closed board.
    pub fn validate(
        &self,
        board: &ServedBoard,
        raw: impl IntoIterator<Item = (String, RawLevel)>,
        belonging: Belonging,
    ) -> Result<Validated, TallyError> {
        if board.stats().closed {
            return Err(TallyError::BoardClosed(board.info.id.clone()));
        }
        let BoardMatrix { matrix, shape, .. } = board.current();
        let roles: Vec<String> = matrix.roles.iter().map(|r| r.id.clone()).collect();
        let belonging = Belonging {
            group: one_of(belonging.group, &board.groups().groups, "group")?,
            role: one_of(belonging.role, &roles, "role")?,
        };
        Ok(Validated { answers: answers::validate(&matrix, raw)?, belonging, shape })
    }

    /// Durably applies validated answers as `respondent`'s to `board`,
    /// replacing any they gave before, unless who may answer changed after
    /// `admitted_at` (see [`ServedBoard::admission_rev`]). Returns once they
    /// are committed.
    pub async fn commit(
        &self,
        board: &ServedBoard,
        respondent: String,
        validated: Validated,
        admitted_at: u64,
    ) -> Result<Receipt, TallyError> {
        let (ack, done) = oneshot::channel();
        let submitted_at = now();
        let Validated { answers, belonging: Belonging { group, role }, shape } = validated;
        let (board, respondent_id) = (board.info.id.clone(), respondent.clone());
        let submission =
            Submission { board, respondent: respondent_id, answers, submitted_at, shape, group, role, admitted_at };
        let closed = || TallyError::Internal("the engine is shutting down".into());
        // Waiting for the batch ahead and then its own, each bounded by the
        // commit timeout; past both the answer is "not confirmed", which is
        // safe to retry: sending the same answers again replaces them.
        let deadline = self.state.store.commit_timeout() * 2;
        let late = || TallyError::Unavailable { what: NOT_CONFIRMED.into(), retry_after: deadline.as_secs().max(1) };
        let waited = tokio::time::timeout(deadline, async {
            self.queue.send(Pending { submission, ack }).await.map_err(|_| closed())?;
            done.await.map_err(|_| closed())?
        });
        let Placed { version, round } = waited.await.map_err(|_| late())??;
        Ok(Receipt { version, round, respondent, submitted_at })
    }

    pub async fn previous(&self, board: &str, respondent: &str) -> Result<Option<PreviousAnswers>, TallyError> {
        self.state.store.previous(board, respondent).await
    }

    /// The board, if `key` is its admin key.
    pub async fn authorize(&self, board: &str, key: &str) -> Result<Arc<ServedBoard>, TallyError> {
        let board = self.board(board).await?;
        match self.state.store.admin_hash(&board.info.id).await? {
            Some(stored) if crate::backend::admin_key::matches(key, &stored) => Ok(board),
            Some(_) => Err(TallyError::Forbidden("the admin key does not match this board".into())),
            None => Err(TallyError::Forbidden(format!("board '{}' has no admin key", board.info.id))),
        }
    }

    /// Closes (or reopens) a board. Closing is a new version, so every open
    /// page and every instance hears of it like a commit.
    pub async fn set_closed(&self, board: &ServedBoard, closed: bool) -> Result<Arc<Stats>, TallyError> {
        self.state.store.set_closed(&board.info.id, closed).await?;
        self.state.reload(&board.info.id).await;
        Ok(board.stats())
    }

    /// Replaces the board's matrix with `matrix` (already checked), as an
    /// edit of the revision `base` the editor started from. Text edits are
    /// taken at any time; a structural one (see [`Matrix::same_shape`]) only
    /// while nobody has answered. Like closing, an edit is a new version, so
    /// every open page and every instance hears of it.
    pub async fn replace_matrix(
        &self,
        board: &ServedBoard,
        matrix: Matrix,
        base: u64,
    ) -> Result<Arc<Stats>, TallyError> {
        let current = board.current();
        if current.rev != base {
            return Err(edited_meanwhile());
        }
        let structural = !current.matrix.same_shape(&matrix);
        let stored = self.state.store.replace_matrix(&board.info.id, to_json(&matrix), structural, base).await;
        if stored.is_err() {
            // Another instance's edit may be why: the next attempt should start from it.
            self.state.reload(&board.info.id).await;
            if board.current().rev != base {
                return Err(edited_meanwhile());
            }
        }
        stored?;
        self.state.reload(&board.info.id).await;
        Ok(board.stats())
    }

    /// Stores a new board on `matrix`, which it keeps as its own, and serves
    /// it. `admin_hash` is the hash of its admin key
    /// ([`crate::backend::admin_key`]); the key itself is never stored.
    pub async fn add_board(
        &self,
        info: BoardInfo,
        admin_hash: Option<String>,
        matrix: Arc<Matrix>,
    ) -> Result<Arc<ServedBoard>, TallyError> {
        let json = to_json(&matrix);
        self.state.store.insert_board(info.clone(), admin_hash, json.clone()).await?;
        let empty = StoredBoard {
            info,
            version: 0,
            respondents: 0,
            closed: false,
            matrix_rev: 0,
            shape: 0,
            round: 1,
            groups: GroupSettings::default(),
            reveal: Default::default(),
            access: Default::default(),
            admission_rev: 0,
            member_domains: Vec::new(),
            counts: Vec::new(),
            matrix: Some(json),
        };
        self.state.adopt(empty)
    }
}

fn edited_meanwhile() -> TallyError {
    TallyError::Conflict("the matrix was edited by someone else meanwhile; load it again and redo the change".into())
}

fn to_json(matrix: &Matrix) -> String {
    serde_json::to_string(matrix).expect("a matrix is plain data")
}

/// Unix seconds now.
pub fn now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0)
}

/// `picked` trimmed (blank is none), if it is one of `known`, the board's
/// groups or roles (`what`).
fn one_of(picked: Option<String>, known: &[String], what: &str) -> Result<Option<String>, TallyError> {
    let picked = picked.map(|p| p.trim().to_string()).filter(|p| !p.is_empty());
    match picked.as_ref().filter(|p| !known.contains(p)) {
        None => Ok(picked),
        Some(unknown) => {
            let shown: String = unknown.chars().take(80).collect();
            let message = match known.is_empty() {
                true => format!("this board has no {what}s, so '{shown}' cannot be chosen"),
                false => format!("unknown {what} '{shown}' (this board's {what}s: {})", known.join(", ")),
            };
            Err(TallyError::InvalidSubmission(vec![crate::error::Problem { row: None, message }]))
        }
    }
}
