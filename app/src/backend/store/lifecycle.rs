//! The rest of the contract (see [`super::contract`]): how a board's data
//! ends, and what its admins did meanwhile.
//!
//! Promises, besides the contract's:
//! - **Deleting leaves nothing but the id.** [`Lifecycle::delete_board`]
//!   removes every row that names the board, in every table
//!   ([`BOARD_TABLES`]), in one transaction; only the id stays, in
//!   `deleted_boards`, so the address answers "gone" and is never reused.
//! - **The audit trail holds no respondent data and no credential**: an
//!   action, its time, the kind of credential, and a few words of detail.

use crate::audit::AuditEntry;
use crate::error::TallyError;
use async_trait::async_trait;

/// Every table with a `board_id`, children before their parents: the order
/// a board's rows are deleted in.
pub const BOARD_TABLES: [&str; 12] = [
    "submissions",
    "counts",
    "slice_respondents",
    "participation_shown",
    "invitations",
    "board_owners",
    "answered_boards",
    "webhook_deliveries",
    "webhooks",
    "audit_log",
    "rounds",
    "boards",
];

/// Tables whose rows belong to one round of a board: what forgetting an
/// old round deletes.
pub const ROUND_TABLES: [&str; 5] = ["submissions", "counts", "slice_respondents", "participation_shown", "rounds"];

/// A round forgotten by retention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ForgottenRound {
    pub board: String,
    pub round: u32,
    /// The board's version after it went.
    pub version: u64,
}

/// Deleting boards and old rounds.
#[async_trait]
pub trait Lifecycle: Send + Sync {
    /// Deletes the board and every row of it, keeping its id as deleted at
    /// `now`. The board is closed first, in a transaction of its own, so
    /// no batch can add answers the deletion would miss. The version it
    /// ends at (announced like a commit), or `None` when there was no such
    /// board.
    async fn delete_board(&self, board: &str, now: i64) -> Result<Option<u64>, TallyError>;

    /// When the board was deleted, if it was.
    async fn deleted_at(&self, board: &str) -> Result<Option<i64>, TallyError>;

    /// Up to `limit` boards but `keep` that nobody answered and no admin
    /// changed since `before`, least recently active first.
    async fn idle_boards(&self, before: i64, keep: &str, limit: usize) -> Result<Vec<String>, TallyError>;

    /// Deletes up to `limit` frozen rounds that ended before `before`, with
    /// their answers and figures; each board that lost one moves to a new
    /// version (announced). The open round is never touched.
    async fn forget_rounds(&self, before: i64, limit: usize) -> Result<Vec<ForgottenRound>, TallyError>;
}

/// What admins did to each board.
#[async_trait]
pub trait AuditTrail: Send + Sync {
    /// Records an entry, and counts it as activity on the board (see
    /// [`Lifecycle::idle_boards`]).
    async fn record(&self, board: &str, entry: AuditEntry) -> Result<(), TallyError>;

    /// The board's newest `limit` entries, newest first.
    async fn audit_trail(&self, board: &str, limit: usize) -> Result<Vec<AuditEntry>, TallyError>;
}

/// What [`super::Boards::insert_board`] says when the id is taken, or was a
/// deleted board's (which is never given again).
pub fn taken(board: &str) -> TallyError {
    TallyError::Conflict(format!("board '{board}' already exists, or existed and was deleted"))
}
