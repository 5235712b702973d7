//! Rounds: a board is answered again and again (every quarter, say), each
//! time in a new round. The open round takes answers; a frozen one keeps
//! its figures for ever. Shared with the browser, which lists them.

use serde::{Deserialize, Serialize};

/// The longest round label, in characters.
pub const MAX_LABEL: usize = 80;

/// One round of a board.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RoundInfo {
    /// 1 for the board's first round, then 2, 3, …
    pub round: u32,
    /// What the admin called it ("2026 Q4"), or "Round N".
    pub label: String,
    /// Unix seconds.
    pub started_at: i64,
    /// Unix seconds; `None` while the round is open.
    pub ended_at: Option<i64>,
    /// People who answered in this round.
    pub respondents: u64,
}

/// What a round nobody named is called where it is stored and in the API:
/// "Round N", in English. Pages show it through [`shown_label`].
pub fn default_label(round: u32) -> String {
    format!("Round {round}")
}

/// What a page calls a round: the name its admin gave it, as written, or,
/// for a round nobody named, "Round N" in the reader's language. (A name
/// typed as exactly "Round N" reads the same, so it is translated too.)
pub fn shown_label(round: u32, label: &str) -> String {
    if label == default_label(round) {
        crate::i18n::say_with(crate::i18n::Say::RoundNumber, &[("n", round.into())])
    } else {
        label.to_owned()
    }
}

impl RoundInfo {
    /// See [`shown_label`].
    pub fn shown_label(&self) -> String {
        shown_label(self.round, &self.label)
    }
}

/// One respondent's answers in one round, for their own progress view.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyRound {
    pub round: u32,
    pub label: String,
    pub answers: crate::answers::Answers,
}

/// A board's figures in every round, for the trends page: the whole
/// board's, or one group's.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Trends {
    /// The board's title.
    pub title: String,
    pub matrix: crate::matrix::Matrix,
    /// The group these figures are of; `None`: the whole board.
    pub group: Option<String>,
    /// The groups the board offers, to choose from.
    pub groups: Vec<String>,
    /// The anonymity threshold, to say why a round is withheld.
    pub min_group_size: u32,
    /// Every round, oldest first, with its figures; `None` where the group
    /// had fewer than `min_group_size` people in that round.
    pub rounds: Vec<(RoundInfo, Option<crate::stats::Stats>)>,
}
