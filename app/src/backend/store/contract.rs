//! What persistence must do: the one page that defines it.
//!
//! [`Store`] is everything the engine asks of a database, grouped by
//! concern into the traits below (and in [`super::lifecycle`], deleting
//! boards and the audit trail); SQLite and PostgreSQL each implement every
//! one, in a file of the same name (`sqlite/boards.rs` implements
//! [`Boards`], and so on). The engine holds a `Box<dyn Store>`, so nothing
//! above this folder knows which database it talks to.
//!
//! Promises every implementation keeps:
//! - **Acknowledged means on disk.** [`Commits::apply`] returns `Ok` only
//!   after the batch's transaction has committed durably; on `Err` nothing
//!   of the batch is stored.
//! - **One version sequence per board.** Every change a board's watchers
//!   could see (a batch touching it, an edit, closing, a setting, a round,
//!   a withdrawal) raises its version by at least one, in the same
//!   transaction as the change, and is announced to other instances like a
//!   commit.
//! - **Counts change only by plan.** A batch's count and respondent moves
//!   are the ones [`super::plan`] worked out; a withdrawal takes out exactly
//!   what the respondent had put in.
//! - **One round per answer.** Starting a round and a batch serialise on the
//!   board, so each answer lands wholly in one round.
//! - **Every error says what was being done**, in words, and a busy database
//!   is [`TallyError::Unavailable`] (worth a retry), not an internal error.

use super::lifecycle::{AuditTrail, Lifecycle};
use super::{
    AnsweredRound, Attempt, BoardInfo, Change, Committed, DueDelivery, InvitationChange, ListedBoard, NewDelivery,
    NewInvitation, ParticipationReached, PendingSignIn, Session, StoredBoard, StoredInvitation, StoredWebhook,
    Submission,
};
use crate::access::AccessMode;
use crate::answers::PreviousAnswers;
use crate::error::TallyError;
use crate::groups::GroupSettings;
use crate::reveal::RevealSettings;
use crate::rounds::RoundInfo;
use async_trait::async_trait;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::mpsc;

/// A group and a role given (`None`: none), and how many gave them.
pub type SliceSize = (Option<String>, Option<String>, u64);

/// A whole database, as the engine holds it.
pub trait Store:
    Boards
    + Commits
    + Rounds
    + BoardSettings
    + Groups
    + Respondents
    + Invitations
    + SignIns
    + Owners
    + Webhooks
    + Lifecycle
    + AuditTrail
    + Upkeep
{
}

impl<T> Store for T where
    T: Boards
        + Commits
        + Rounds
        + BoardSettings
        + Groups
        + Respondents
        + Invitations
        + SignIns
        + Owners
        + Webhooks
        + Lifecycle
        + AuditTrail
        + Upkeep
{
}

/// Sign-in with OpenID Connect: sign-ins under way and signed-in sessions,
/// kept in the database so every instance shares them. Both are keyed by a
/// keyed hash of what the browser holds, never by the value itself.
#[async_trait]
pub trait SignIns: Send + Sync {
    /// Keeps a sign-in under way, and forgets those expired before `now`.
    async fn begin_sign_in(&self, pending: PendingSignIn, now: i64) -> Result<(), TallyError>;

    /// Takes the sign-in whose state hashes to `state_hash`, if it has not
    /// expired by `now`: once only (it is deleted as it is read).
    async fn take_sign_in(&self, state_hash: &str, now: i64) -> Result<Option<PendingSignIn>, TallyError>;

    /// Keeps a new session, and forgets those expired before its start.
    async fn add_session(&self, session: Session, now: i64) -> Result<(), TallyError>;

    /// The session whose token hashes to `id_hash`, unless it expired by `now`.
    async fn session(&self, id_hash: &str, now: i64) -> Result<Option<Session>, TallyError>;

    /// Ends the session (signing out); nothing when there is none.
    async fn end_session(&self, id_hash: &str) -> Result<(), TallyError>;
}

/// Signed-in people's boards: the ones they own (besides whoever holds
/// the admin link) and the ones they answered (that they did, not what).
/// An owner is an account, or an email until someone signs in with it.
#[async_trait]
pub trait Owners: Send + Sync {
    /// Adds an owner: by `account` (and their verified `email`, maybe
    /// empty), or by `email` alone (`account` empty). Adding one twice is
    /// one.
    async fn add_owner(&self, board: &str, email: &str, account: &str) -> Result<(), TallyError>;

    /// (email, account) of each owner of the board, by email.
    async fn owners(&self, board: &str) -> Result<Vec<(String, String)>, TallyError>;

    /// Removes the owners added as `email`; `false` when there were none.
    async fn remove_owner(&self, board: &str, email: &str) -> Result<bool, TallyError>;

    /// Binds to `account` every ownership given to its verified `email`
    /// (when not empty), then lists the boards `account` owns.
    async fn owned_boards(&self, account: &str, email: &str) -> Result<Vec<ListedBoard>, TallyError>;

    async fn is_owner(&self, board: &str, account: &str) -> Result<bool, TallyError>;

    /// Remembers that `account` answered `board`.
    async fn note_answered(&self, account: &str, board: &str) -> Result<(), TallyError>;

    async fn answered_boards(&self, account: &str) -> Result<Vec<ListedBoard>, TallyError>;
}

/// Boards themselves: what they are, their matrix, open or closed.
#[async_trait]
pub trait Boards: Send + Sync {
    /// One board with its open round's non-zero counts, and its matrix
    /// (JSON) when `with_matrix`; `None` when there is no such board. Read by
    /// primary key in one snapshot, so the cost does not grow with the
    /// number of boards.
    async fn board(&self, id: &str, with_matrix: bool) -> Result<Option<StoredBoard>, TallyError>;

    /// The current version of each of `ids` that exists (of every board
    /// when `None`): to find the boards this instance is behind on.
    async fn versions(&self, ids: Option<Vec<String>>) -> Result<Vec<(String, u64)>, TallyError>;

    /// At most two boards whose id starts with `prefix` (a private board's
    /// join code): two mean the code is ambiguous. A scan of the boards'
    /// keys, kept rare by the wrong-code limit.
    async fn boards_starting_with(&self, prefix: &str) -> Result<Vec<String>, TallyError>;

    /// A new board with its first round. `Conflict` when the id is taken.
    /// `admin_hash` is the SHA-256 of the board's admin key, hex: the key
    /// itself is never stored.
    async fn insert_board(&self, info: BoardInfo, admin_hash: Option<String>, matrix: String)
        -> Result<(), TallyError>;

    /// Stores `matrix` (JSON) as the board's own, unless it has one.
    async fn fill_matrix(&self, board: &str, matrix: String) -> Result<(), TallyError>;

    async fn admin_hash(&self, board: &str) -> Result<Option<String>, TallyError>;

    /// Replaces the board's matrix if it is still at revision `base`; the
    /// new version. A `structural` change meeting a board with answers is
    /// refused with `Conflict` ([`structural_change_refused`]), checked in
    /// the statement that writes it.
    async fn replace_matrix(&self, board: &str, matrix: String, structural: bool, base: u64)
        -> Result<u64, TallyError>;

    /// Closes or reopens a board; the new version.
    async fn set_closed(&self, board: &str, closed: bool) -> Result<u64, TallyError>;

    /// Stores `candidate` (64 hex digits) as the server's secret unless one
    /// is stored already; returns the stored one, the same for every
    /// instance on the database. [`server_secret`] reads it as bytes.
    async fn secret(&self, candidate: String) -> Result<String, TallyError>;
}

/// The group commit: many submissions, one transaction.
#[async_trait]
pub trait Commits: Send + Sync {
    /// Applies every submission, in order, in one transaction, and says how
    /// each touched board's figures moved; returns only after the commit is
    /// on disk. Interrupted (and so rolled back) past [`Self::commit_timeout`]
    /// unless it committed first: what it reports is what happened.
    async fn apply(&self, batch: Arc<Vec<Submission>>) -> Result<Committed, TallyError>;

    /// How long a batch's commit may take before it is interrupted.
    fn commit_timeout(&self) -> Duration;

    /// News of other instances' commits; `None` for a database nobody shares.
    fn changes(&self) -> Option<mpsc::Receiver<Change>>;
}

/// Rounds: the open one, the frozen ones and their figures.
#[async_trait]
pub trait Rounds: Send + Sync {
    /// Freezes the open round (keeping its respondent count) and opens the
    /// next, empty, labelled `label` or "Round N"; the new round and version.
    async fn start_round(&self, board: &str, label: Option<String>, now: i64) -> Result<(RoundInfo, u64), TallyError>;

    /// The board's rounds, oldest first; the open one's respondents as of now.
    async fn rounds(&self, board: &str) -> Result<Vec<RoundInfo>, TallyError>;

    /// One round's (row id, level, count), zero counts omitted, read by the
    /// (board, round) key prefix alone.
    async fn round_counts(&self, board: &str, round: u32) -> Result<Vec<(String, u8, u64)>, TallyError>;
}

/// A board's settings that are not its matrix: groups and who sees figures.
#[async_trait]
pub trait BoardSettings: Send + Sync {
    /// The groups respondents choose from and the anonymity threshold; the new version.
    async fn set_groups(&self, board: &str, groups: &GroupSettings) -> Result<u64, TallyError>;

    /// Who sees the figures, and whether they are revealed; the new version.
    async fn set_reveal(&self, board: &str, settings: RevealSettings) -> Result<u64, TallyError>;

    /// Who may answer the board; the new version.
    async fn set_access(&self, board: &str, access: AccessMode, domains: &[String]) -> Result<u64, TallyError>;
}

/// The people invited to a board, and which of them the owners were last
/// told have answered. Nothing here relates a person to answers: a
/// respondent id is derived from an invitation's id above the store.
#[async_trait]
pub trait Invitations: Send + Sync {
    /// Adds every one of `new`, in one transaction, unless the board would
    /// then hold more than `max` (`Conflict`, nothing added); the board's
    /// new version, as for every change to its invitations.
    async fn add_invitations(&self, board: &str, new: Vec<NewInvitation>, max: usize) -> Result<u64, TallyError>;

    /// The board's invitations, oldest first.
    async fn invitations(&self, board: &str) -> Result<Vec<StoredInvitation>, TallyError>;

    /// The invitation whose link's keyed hash is `token_hash`, of any board.
    async fn invitation_by_token(&self, token_hash: &str) -> Result<Option<StoredInvitation>, TallyError>;

    /// Changes one invitation; the board's new version, or `None` when
    /// there is no such invitation.
    async fn change_invitation(
        &self,
        board: &str,
        id: &str,
        change: InvitationChange,
    ) -> Result<Option<u64>, TallyError>;

    /// The respondent ids that answered `round`, by the (board, round) key prefix.
    async fn round_respondents(&self, board: &str, round: u32) -> Result<Vec<String>, TallyError>;

    /// The invitations the owners were last told answered `round`.
    async fn participation_shown(&self, board: &str, round: u32) -> Result<Vec<String>, TallyError>;

    /// Replaces what the owners are told answered `round` with `ids`.
    async fn show_participation(&self, board: &str, round: u32, ids: Vec<String>) -> Result<(), TallyError>;
}

/// What the figures of groups and roles are read from. Read only
/// through the engine, which decides which slices may be shown (see
/// `backend::suppression`).
#[async_trait]
pub trait Groups: Send + Sync {
    /// How many answered in one round per (group, role) given (`None`: none).
    async fn slice_sizes(&self, board: &str, round: u32) -> Result<Vec<SliceSize>, TallyError>;

    /// How many people in `group` and `role` (`None`: any) gave each (row,
    /// level) in one round, non-zero counts only.
    async fn slice_counts(
        &self,
        board: &str,
        round: u32,
        group: Option<&str>,
        role: Option<&str>,
    ) -> Result<Vec<(String, u8, u64)>, TallyError>;
}

/// One respondent's own answers: to show them, and to take them back.
#[async_trait]
pub trait Respondents: Send + Sync {
    /// Their answers in the open round, or else in the latest round they
    /// answered, marked with that round's label.
    async fn previous(&self, board: &str, respondent: &str) -> Result<Option<PreviousAnswers>, TallyError>;

    /// Their answers in every round they answered, oldest first.
    async fn history(&self, board: &str, respondent: &str) -> Result<Vec<AnsweredRound>, TallyError>;

    /// Takes their answers out of the board: the open round's, or every
    /// round's (`every_round`), counts and respondent counts included, in one
    /// transaction; nothing of them stays stored. A new version if anything
    /// was withdrawn. Returns how many rounds lost an answer.
    async fn withdraw(&self, board: &str, respondent: &str, every_round: bool) -> Result<usize, TallyError>;
}

/// Webhook endpoints and the queue of deliveries to them, shared by every
/// instance: a delivery is taken by one instance at a time (its lease), so
/// an instance group sends each once unless one dies mid-send.
#[async_trait]
pub trait Webhooks: Send + Sync {
    /// Adds an endpoint unless the board holds `max` already (`Conflict`).
    async fn add_webhook(&self, hook: StoredWebhook, max: usize) -> Result<(), TallyError>;

    /// The board's endpoints, oldest first.
    async fn webhooks(&self, board: &str) -> Result<Vec<StoredWebhook>, TallyError>;

    /// Removes an endpoint; its pending deliveries fail. `false` when there was none.
    async fn remove_webhook(&self, board: &str, id: &str) -> Result<bool, TallyError>;

    /// Queues each delivery, due at `now`, and forgets all but the newest
    /// [`KEPT_DELIVERIES`] finished ones of their boards.
    async fn queue_deliveries(&self, deliveries: Vec<NewDelivery>, now: i64) -> Result<(), TallyError>;

    /// The board's newest `limit` deliveries, newest first.
    async fn deliveries(&self, board: &str, limit: usize) -> Result<Vec<crate::webhooks::Delivery>, TallyError>;

    /// Takes up to `limit` pending deliveries due by `now` that nobody
    /// holds, each until `lease_until`; none another instance holds.
    async fn take_due(&self, now: i64, lease_until: i64, limit: usize) -> Result<Vec<DueDelivery>, TallyError>;

    /// Records an attempt at a delivery and releases it.
    async fn record_attempt(&self, id: i64, attempt: Attempt) -> Result<(), TallyError>;

    /// Makes a delivery of the board pending again, due at `now`, if its
    /// endpoint is still there; `None` when there is no such delivery.
    async fn resend(&self, board: &str, id: i64, now: i64) -> Result<Option<crate::webhooks::Delivery>, TallyError>;

    /// The endpoints whose participation number their board's open round
    /// reached and that have not yet been sent it for that round.
    async fn participation_reached(&self) -> Result<Vec<ParticipationReached>, TallyError>;

    /// Marks the endpoint sent its participation event for `round` and
    /// queues `delivery`, in one transaction; `false` (nothing queued) when
    /// another instance did first.
    async fn queue_participation(&self, round: u32, delivery: NewDelivery, now: i64) -> Result<bool, TallyError>;
}

/// Finished deliveries kept per board, for its log.
pub const KEPT_DELIVERIES: i64 = 200;

/// Is the database well: reachable, writable, and its aggregates true.
#[async_trait]
pub trait Upkeep: Send + Sync {
    /// Whether the database answers a trivial query.
    async fn ping(&self) -> Result<(), TallyError>;

    /// Whether it takes a write now, asked without writing and never on the
    /// connection a batch may be using.
    async fn write_probe(&self) -> Result<(), TallyError>;

    /// Recounts one board's stored answers, round by round, and lists each
    /// place its stored aggregates disagree, in words (empty: consistent).
    /// Run on every load.
    async fn verify_board(&self, id: &str) -> Result<Vec<String>, TallyError>;
}

/// [`Upkeep::verify_board`] for every board, telling `progress` (boards
/// done, boards in all) after each.
pub async fn verify_all(store: &dyn Store, mut progress: impl FnMut(usize, usize)) -> Result<Vec<String>, TallyError> {
    let boards = store.versions(None).await?;
    let mut mismatches = Vec::new();
    for (done, (id, _)) in boards.iter().enumerate() {
        mismatches.extend(store.verify_board(id).await?);
        progress(done + 1, boards.len());
    }
    Ok(mismatches)
}

/// The server's 256-bit secret, made and stored on first use.
pub async fn server_secret(store: &dyn Store) -> Result<[u8; 32], TallyError> {
    let candidate: String = (0..2).map(|_| format!("{:032x}", rand::random::<u128>())).collect();
    let stored = store.secret(candidate).await?;
    let bytes: Option<Vec<u8>> = (0..stored.len())
        .step_by(2)
        .map(|i| stored.get(i..i + 2).and_then(|h| u8::from_str_radix(h, 16).ok()))
        .collect();
    bytes
        .and_then(|b| b.try_into().ok())
        .ok_or_else(|| TallyError::Internal("the stored server secret is not 64 hex digits".into()))
}

/// What [`Boards::replace_matrix`] says when a structural edit meets answers.
pub fn structural_change_refused() -> TallyError {
    TallyError::Conflict(
        "rows, levels and their order can only change while the board has no answers; text can change at any time"
            .into(),
    )
}

/// What [`Invitations::add_invitations`] says when a board would hold too many.
pub fn too_many_invitations(held: usize, adding: usize, max: usize) -> TallyError {
    TallyError::Conflict(format!(
        "a board holds at most {max} invitations: it has {held}, and {adding} more would exceed that"
    ))
}

/// What [`Webhooks::add_webhook`] says when a board has `max` endpoints.
pub fn too_many_webhooks(max: usize) -> TallyError {
    TallyError::Conflict(format!("a board sends to at most {max} webhook endpoints; remove one first"))
}
