//! What the store keeps of rounds, groups and each respondent's answers
//! over the rounds: the dispatch to either backend, and the statements both
//! backends run as they are. In those, `$1` must appear before `$2`: SQLite
//! numbers `$N` parameters in the order they first appear.

use super::{decode_answers, Store};
use crate::answers::{Answers, PreviousAnswers};
use crate::error::TallyError;
use crate::groups::GroupSettings;
use crate::reveal::RevealSettings;
use crate::rounds::RoundInfo;

/// A board's rounds, oldest first, the open one's respondents as of now;
/// the same statement on both databases (`$1`: the board).
pub(super) const ROUNDS: &str = "SELECT r.round, r.label, r.started_at, r.ended_at,
        CASE WHEN r.round = b.round THEN b.respondents ELSE r.respondents END
     FROM rounds r JOIN boards b ON b.id = r.board_id WHERE r.board_id = $1 ORDER BY r.round";

/// A respondent's answers in the latest round they answered, whether that
/// is the open round, its label, and the group they gave (`$1`: the board,
/// `$2`: the respondent). Driven from the board's rounds, so each round costs
/// one probe of the `(board, round, respondent)` key and no index by
/// respondent is needed (on SQLite, keeping one cost a tenth of the
/// submission rate on a board with many rounds).
pub(super) const PREVIOUS: &str =
    "SELECT CAST(s.answers AS TEXT), s.submitted_at, s.round = b.round, r.label, s.group_name
     FROM rounds r JOIN boards b ON b.id = r.board_id
     JOIN submissions s ON s.board_id = r.board_id AND s.round = r.round
     WHERE r.board_id = $1 AND s.respondent = $2 ORDER BY r.round DESC LIMIT 1";

/// A respondent's answers in every round they answered, oldest first, with
/// each round's label (`$1`: the board, `$2`: the respondent); found as
/// [`PREVIOUS`] is.
pub(super) const HISTORY: &str = "SELECT r.round, r.label, CAST(s.answers AS TEXT)
     FROM rounds r JOIN submissions s ON s.board_id = r.board_id AND s.round = r.round
     WHERE r.board_id = $1 AND s.respondent = $2 ORDER BY r.round";

/// How many people answered in each group in one round, `NULL` for those
/// who gave none (`$1`: the board, `$2`: the round).
pub(super) const GROUP_SIZES: &str = "SELECT group_name, COUNT(*) FROM submissions
     WHERE board_id = $1 AND round = $2 GROUP BY group_name";

impl Store {
    /// Sets who sees the board's figures; a new version, announced.
    pub async fn set_reveal(&self, board: &str, settings: RevealSettings) -> Result<u64, TallyError> {
        match self {
            Store::Sqlite(s) => s.set_reveal(board, settings).await,
            Store::Postgres(s) => s.set_reveal(board, settings).await,
        }
    }

    /// Sets the board's groups and threshold; a new version, announced.
    pub async fn set_groups(&self, board: &str, groups: &GroupSettings) -> Result<u64, TallyError> {
        let names = serde_json::to_string(&groups.groups).expect("a list of names serialises");
        match self {
            Store::Sqlite(s) => s.set_groups(board, names, groups.min_group_size).await,
            Store::Postgres(s) => s.set_groups(board, names, groups.min_group_size).await,
        }
    }

    /// The answers given in one round by the people in one group, read by
    /// the round's key prefix: a group's figures are counted from these.
    pub async fn group_answers(&self, board: &str, round: u32, group: &str) -> Result<Vec<Answers>, TallyError> {
        let stored = match self {
            Store::Sqlite(s) => s.group_answers(board, round, group).await?,
            Store::Postgres(s) => s.group_answers(board, round, group).await?,
        };
        stored.iter().map(|text| decode_answers(text)).collect()
    }

    /// How many answered in one round per group given (`None`: no group).
    pub async fn group_sizes(&self, board: &str, round: u32) -> Result<Vec<(Option<String>, u64)>, TallyError> {
        match self {
            Store::Sqlite(s) => s.group_sizes(board, round).await,
            Store::Postgres(s) => s.group_sizes(board, round).await,
        }
    }

    /// The respondent's answers in every round they answered, oldest first:
    /// (round, its label, the answers).
    pub async fn history(&self, board: &str, respondent: &str) -> Result<Vec<(u32, String, Answers)>, TallyError> {
        let stored = match self {
            Store::Sqlite(s) => s.history(board, respondent).await?,
            Store::Postgres(s) => s.history(board, respondent).await?,
        };
        stored.into_iter().map(|(round, label, text)| Ok((round, label, decode_answers(&text)?))).collect()
    }

    /// Takes the respondent's answers out of the board: the open round's, or
    /// every round's (`every_round`), counts and respondent counts included;
    /// nothing of them stays stored; a new version if anything was
    /// withdrawn. Returns how many rounds lost an answer.
    pub async fn withdraw(&self, board: &str, respondent: &str, every_round: bool) -> Result<usize, TallyError> {
        match self {
            Store::Sqlite(s) => s.withdraw(board, respondent, every_round).await,
            Store::Postgres(s) => s.withdraw(board, respondent, every_round).await,
        }
    }

    /// Freezes the board's open round and opens the next (labelled `label`,
    /// or "Round N"); that is a new version, announced like a commit.
    /// Returns the new round and the board's version.
    pub async fn start_round(
        &self,
        board: &str,
        label: Option<String>,
        now: i64,
    ) -> Result<(RoundInfo, u64), TallyError> {
        match self {
            Store::Sqlite(s) => s.start_round(board, label, now).await,
            Store::Postgres(s) => s.start_round(board, label, now).await,
        }
    }

    /// The board's rounds, oldest first.
    pub async fn rounds(&self, board: &str) -> Result<Vec<RoundInfo>, TallyError> {
        match self {
            Store::Sqlite(s) => s.rounds(board).await,
            Store::Postgres(s) => s.rounds(board).await,
        }
    }

    /// One round's (row id, level, count), zero counts omitted.
    pub async fn round_counts(&self, board: &str, round: u32) -> Result<Vec<(String, u8, u64)>, TallyError> {
        match self {
            Store::Sqlite(s) => s.round_counts(board, round).await,
            Store::Postgres(s) => s.round_counts(board, round).await,
        }
    }

    pub async fn previous(&self, board: &str, respondent: &str) -> Result<Option<PreviousAnswers>, TallyError> {
        match self {
            Store::Sqlite(s) => s.previous(board, respondent).await,
            Store::Postgres(s) => s.previous(board, respondent).await,
        }
    }
}
