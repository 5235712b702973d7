//! The aggregate figures of one board at one version: how many respondents
//! chose each level of each row. The engine publishes these as immutable
//! snapshots; the page, the API and live push only ever read them.

use crate::answers::Answers;
use crate::matrix::Matrix;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stats {
    pub board: String,
    /// Grows by one with every applied submission, and when the board is
    /// closed or reopened.
    pub version: u64,
    /// Distinct respondents who have submitted (a resubmission is not new).
    pub respondents: u64,
    /// Closed by its admin: submissions are refused, the figures stay visible.
    #[serde(default)]
    pub closed: bool,
    /// Row id -> count per level, in level order.
    pub counts: BTreeMap<String, Vec<u64>>,
}

impl Stats {
    pub fn empty(board: &str, matrix: &Matrix) -> Self {
        Stats {
            board: board.to_string(),
            version: 0,
            respondents: 0,
            closed: false,
            counts: matrix.rows().map(|r| (r.id.clone(), vec![0; matrix.levels.len()])).collect(),
        }
    }

    pub fn count(&self, row: &str, level: usize) -> u64 {
        self.counts.get(row).and_then(|c| c.get(level)).copied().unwrap_or(0)
    }

    /// How many people answered this row (differs from `respondents` only
    /// on matrices that allow skipped rows).
    pub fn answered(&self, row: &str) -> u64 {
        self.counts.get(row).map(|c| c.iter().sum()).unwrap_or(0)
    }

    /// Fraction of the row's respondents at this level, 0.0 when nobody answered.
    pub fn share(&self, row: &str, level: usize) -> f64 {
        match self.answered(row) {
            0 => 0.0,
            n => self.count(row, level) as f64 / n as f64,
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

    /// Moves the figures from a respondent's previous answers (if any) to new
    /// ones. Counts saturate rather than wrap so a corrupt store cannot panic
    /// the server; the recount check is what detects such corruption.
    pub fn replace(&mut self, previous: Option<&Answers>, new: &Answers) {
        if let Some(previous) = previous {
            for (row, &level) in previous {
                if let Some(c) = self.counts.get_mut(row).and_then(|c| c.get_mut(level as usize)) {
                    *c = c.saturating_sub(1);
                }
            }
        } else {
            self.respondents += 1;
        }
        for (row, &level) in new {
            if let Some(c) = self.counts.get_mut(row).and_then(|c| c.get_mut(level as usize)) {
                *c += 1;
            }
        }
        self.version += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matrix::tests::sample;

    fn answers(pairs: &[(&str, u8)]) -> Answers {
        pairs.iter().map(|(r, l)| (r.to_string(), *l)).collect()
    }

    #[test]
    fn replacing_moves_counts_without_double_counting() {
        let mut stats = Stats::empty("b", &sample());
        let first = answers(&[("r1", 0), ("r2", 1), ("r3", 2)]);
        stats.replace(None, &first);
        let second = answers(&[("r1", 2), ("r2", 1), ("r3", 0)]);
        stats.replace(Some(&first), &second);
        assert_eq!(stats.respondents, 1);
        assert_eq!(stats.version, 2);
        assert_eq!(stats.counts["r1"], vec![0, 0, 1]);
        assert_eq!(stats.counts["r2"], vec![0, 1, 0]);
        assert_eq!(stats.counts["r3"], vec![1, 0, 0]);
    }

    #[test]
    fn shares_and_medians() {
        let mut stats = Stats::empty("b", &sample());
        assert_eq!(stats.share("r1", 0), 0.0);
        assert_eq!(stats.median_level("r1"), None);
        stats.counts.insert("r1".into(), vec![1, 1, 2]);
        assert_eq!(stats.answered("r1"), 4);
        assert_eq!(stats.share("r1", 2), 0.5);
        assert_eq!(stats.median_level("r1"), Some(1));
        stats.counts.insert("r1".into(), vec![0, 0, 3]);
        assert_eq!(stats.median_level("r1"), Some(2));
    }
}
