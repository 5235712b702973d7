//! The aggregate figures of one board at one version: how many respondents
//! chose each level of each row. The engine publishes these as immutable
//! snapshots; the page, the API and live push only ever read them.
//!
//! A board that hides its figures ([`crate::reveal`]) hands whoever may not
//! see them a [`Stats::withheld`] copy: the same version and respondent
//! count, no counts at all.

use crate::access::AccessMode;
use crate::matrix::Matrix;
use crate::reveal::RevealSettings;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "StatsWire")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Stats {
    pub board: String,
    /// Grows by one with every applied submission, and when the board is
    /// closed or reopened.
    pub version: u64,
    /// The round these figures are of (the open one, unless asked for another).
    #[serde(default = "first_round")]
    pub round: u32,
    /// Distinct respondents who have submitted in the round (a resubmission
    /// is not new).
    pub respondents: u64,
    /// Closed by its admin: submissions are refused, the figures stay visible.
    #[serde(default)]
    pub closed: bool,
    /// The version at which the board's matrix last changed: a page showing
    /// an older matrix fetches it again (an admin edited its text or rows).
    #[serde(default)]
    pub matrix_rev: u64,
    /// When the figures are shown, and to whom.
    #[serde(default, flatten)]
    pub reveal: RevealSettings,
    /// Who may answer (and see) the board; left out for `anyone`.
    #[serde(default, skip_serializing_if = "is_default")]
    pub access: AccessMode,
    /// The board was deleted: these are its last figures, empty, telling
    /// open pages it is gone.
    #[serde(default, skip_serializing_if = "is_false")]
    pub deleted: bool,
    /// These are a withheld copy: `counts` is empty because the reader
    /// may not see the figures yet (see [`RevealSettings::hidden_note`]).
    #[serde(default, skip_serializing_if = "is_false")]
    pub withheld: bool,
    /// Row id -> count per level, in level order; left out when withheld.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub counts: BTreeMap<String, Vec<u64>>,
}

/// [`Stats`] as written, flat: read through this rather than with `flatten`
/// (whose buffering costs the browser's bundle kilobytes). A live frame is
/// the same object with `watching` beside it.
#[derive(Deserialize)]
pub(crate) struct StatsWire {
    board: String,
    version: u64,
    #[serde(default = "first_round")]
    round: u32,
    respondents: u64,
    #[serde(default)]
    closed: bool,
    #[serde(default)]
    matrix_rev: u64,
    #[serde(default)]
    reveal: crate::reveal::RevealMode,
    #[serde(default)]
    revealed: bool,
    #[serde(default)]
    access: AccessMode,
    #[serde(default)]
    deleted: bool,
    #[serde(default)]
    withheld: bool,
    #[serde(default)]
    counts: BTreeMap<String, Vec<u64>>,
    /// Only in a live frame: how many watch the board.
    #[serde(default)]
    pub watching: u64,
}

impl From<StatsWire> for Stats {
    fn from(w: StatsWire) -> Stats {
        let reveal = RevealSettings { reveal: w.reveal, revealed: w.revealed };
        let StatsWire {
            board, version, round, respondents, closed, matrix_rev, access, deleted, withheld, counts, ..
        } = w;
        Stats { board, version, round, respondents, closed, matrix_rev, reveal, access, deleted, withheld, counts }
    }
}

fn is_false(value: &bool) -> bool {
    !value
}

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

fn first_round() -> u32 {
    1
}

impl Stats {
    pub fn empty(board: &str, matrix: &Matrix) -> Self {
        Stats {
            board: board.to_string(),
            version: 0,
            round: 1,
            respondents: 0,
            closed: false,
            matrix_rev: 0,
            reveal: RevealSettings::default(),
            access: AccessMode::default(),
            deleted: false,
            withheld: false,
            counts: matrix.rows().map(|r| (r.id.clone(), vec![0; matrix.levels.len()])).collect(),
        }
    }

    /// Whether these figures should replace `current`: only newer ones do,
    /// or the full figures of a version shown withheld so far (the reader
    /// has just been allowed to see them).
    /// Submission replies, live messages and reloads may arrive in any
    /// order, and whoever shows or publishes figures asks this first.
    pub fn supersedes(&self, current: &Stats) -> bool {
        self.version > current.version || (self.version == current.version && current.withheld && !self.withheld)
    }

    /// What open pages are told once the board is deleted, at `version`:
    /// closed, deleted, and no figure left.
    pub fn gone(&self, version: u64) -> Stats {
        Stats { version, closed: true, deleted: true, respondents: 0, counts: BTreeMap::new(), ..self.clone() }
    }

    /// The same figures without any count: for a reader who may not see
    /// them yet. The respondent count stays.
    pub fn withheld(&self) -> Stats {
        Stats { withheld: true, counts: BTreeMap::new(), ..self.clone() }
    }

    /// What whoever a board's access rule keeps out may know of it: that
    /// it exists, and nothing it holds.
    pub fn barred(&self) -> Stats {
        Stats { respondents: 0, ..self.withheld() }
    }

    pub fn count(&self, row: &str, level: usize) -> u64 {
        self.counts.get(row).and_then(|c| c.get(level)).copied().unwrap_or(0)
    }

    /// How many people answered this row (differs from `respondents` only
    /// on matrices that allow skipped rows).
    pub fn answered(&self, row: &str) -> u64 {
        self.counts.get(row).map(|c| c.iter().sum()).unwrap_or(0)
    }

    /// The share of the row's respondents at this level as a whole
    /// percentage, rounded half up ("33" for 1 of 3); 0 when nobody answered.
    pub fn percent(&self, row: &str, level: usize) -> u64 {
        self.rounded_share(row, level, 100)
    }

    /// The share as a CSS number with three decimals ("0.333"), the cells'
    /// `--share`. Integer arithmetic, like [`Stats::percent`]: formatting a
    /// float would bring Rust's float printing into the browser's bundle.
    pub fn share_css(&self, row: &str, level: usize) -> String {
        let per_mille = self.rounded_share(row, level, 1000);
        format!("{}.{:03}", per_mille / 1000, per_mille % 1000)
    }

    /// count × scale / answered, rounded half up; 0 when nobody answered.
    fn rounded_share(&self, row: &str, level: usize, scale: u64) -> u64 {
        match self.answered(row) {
            0 => 0,
            n => (self.count(row, level) * scale * 2 + n) / (2 * n),
        }
    }

    /// The lower median level of the row, if anyone answered it.
    pub fn median_level(&self, row: &str) -> Option<usize> {
        let n = self.answered(row);
        if n == 0 {
            return None;
        }
        let middle = n.div_ceil(2);
        let mut seen = 0;
        self.counts[row].iter().position(|c| {
            seen += c;
            seen >= middle
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matrix::tests::sample;

    #[test]
    fn shares_and_medians() {
        let mut stats = Stats::empty("b", &sample());
        assert_eq!((stats.percent("r1", 0), stats.share_css("r1", 0)), (0, "0.000".to_string()));
        assert_eq!(stats.median_level("r1"), None);
        stats.counts.insert("r1".into(), vec![1, 1, 2]);
        assert_eq!(stats.answered("r1"), 4);
        assert_eq!((stats.percent("r1", 2), stats.share_css("r1", 2)), (50, "0.500".to_string()));
        stats.counts.insert("r1".into(), vec![1, 2, 0]);
        assert_eq!((stats.percent("r1", 0), stats.share_css("r1", 0)), (33, "0.333".to_string()));
        assert_eq!((stats.percent("r1", 1), stats.share_css("r1", 1)), (67, "0.667".to_string()));
        assert_eq!((stats.percent("r1", 2), stats.share_css("r1", 2)), (0, "0.000".to_string()));
        stats.counts.insert("r1".into(), vec![0, 0, 3]);
        assert_eq!((stats.percent("r1", 2), stats.share_css("r1", 2)), (100, "1.000".to_string()));
        stats.counts.insert("r1".into(), vec![1, 1, 2]);
        assert_eq!(stats.median_level("r1"), Some(1));
        stats.counts.insert("r1".into(), vec![0, 0, 3]);
        assert_eq!(stats.median_level("r1"), Some(2));
    }

    #[test]
    fn a_withheld_copy_has_no_counts_and_gives_way_to_the_full_figures() {
        let mut full = Stats::empty("b", &sample());
        (full.version, full.respondents) = (4, 3);
        full.counts.insert("r1".into(), vec![1, 0, 2]);
        let withheld = full.withheld();
        let json = serde_json::to_value(&withheld).unwrap();
        assert_eq!(json.get("counts"), None);
        assert_eq!((json["withheld"].clone(), json["respondents"].clone()), (true.into(), 3.into()));
        assert_eq!(serde_json::to_value(&full).unwrap().get("withheld"), None);
        assert!(full.supersedes(&withheld) && !withheld.supersedes(&full) && !full.supersedes(&full));
        assert_eq!(serde_json::from_value::<Stats>(json).unwrap(), withheld);
    }

    #[test]
    fn figures_read_back_flat_as_the_server_writes_them() {
        use crate::reveal::RevealMode;
        let mut stats = Stats::empty("b", &sample());
        (stats.version, stats.round, stats.respondents, stats.closed, stats.matrix_rev) = (9, 2, 3, true, 4);
        stats.reveal = RevealSettings { reveal: RevealMode::Facilitator, revealed: true };
        stats.access = AccessMode::Invited;
        stats.counts.insert("r1".into(), vec![1, 0, 2]);
        let written = serde_json::to_value(&stats).unwrap();
        assert_eq!(
            (&written["reveal"], &written["revealed"]),
            (&serde_json::json!("facilitator"), &serde_json::json!(true))
        );
        assert_eq!(serde_json::from_value::<Stats>(written).unwrap(), stats);
        let withheld = stats.withheld();
        assert_eq!(serde_json::from_str::<Stats>(&serde_json::to_string(&withheld).unwrap()).unwrap(), withheld);
    }
}
