//! What one committed batch did, as the writer reports it: where each
//! submission went in, and how each touched board's figures moved, for the
//! engine to move its in-memory figures by the same deltas the store wrote.

use crate::stats::Stats;

/// Why the commit refused a submission; a refused one changes nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Its board was closed before the batch.
    Closed,
    /// Its board's rows or levels changed after the answers were checked.
    MatrixChanged,
    /// Who may answer its board changed after its respondent was let in.
    AdmissionChanged,
    /// Its board was deleted before the batch.
    Deleted,
}

/// What one committed batch did, for the engine to move its figures by.
#[derive(Debug, PartialEq, Eq)]
pub struct Committed {
    /// Per submission, in batch order: where it went in, or why it was
    /// refused.
    pub versions: Vec<Result<Placed, Refusal>>,
    /// Per touched board, how its figures moved.
    pub boards: Vec<FiguresDelta>,
}

/// Where an accepted submission went in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Placed {
    /// Its board's version with it in.
    pub version: u64,
    /// The round it counts in: the one open when its batch committed.
    pub round: u32,
}

/// How one board's figures moved in one commit: the same net changes the
/// store wrote, so the in-memory figures move exactly as the stored ones.
#[derive(Debug, PartialEq, Eq)]
pub struct FiguresDelta {
    pub board: String,
    /// The board's version after the commit.
    pub version: u64,
    /// Versions the commit spans: one per submission to the board.
    pub steps: u64,
    /// Respondents answering the board for the first time.
    pub joined: u64,
    /// Net change per (row, level), over every group and role, zero
    /// changes left out.
    pub cells: Vec<(String, u8, i64)>,
}

impl FiguresDelta {
    /// Moves `stats` by this change, if they are exactly the version before
    /// it. Otherwise (another instance committed in between) they are left
    /// as they are and `false` says to reload them from the store. Counts
    /// saturate rather than wrap, so a corrupt store cannot panic the
    /// server; the recount at start-up is what detects such corruption.
    pub fn apply_to(&self, stats: &mut Stats) -> bool {
        if stats.version + self.steps != self.version {
            return false;
        }
        for (row, level, delta) in &self.cells {
            if let Some(count) = stats.counts.get_mut(row).and_then(|c| c.get_mut(*level as usize)) {
                *count = count.saturating_add_signed(*delta);
            }
        }
        stats.respondents += self.joined;
        stats.version = self.version;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_move_by_a_delta_only_from_the_version_before_it() {
        let mut stats = Stats::empty("b", &crate::matrix::tests::sample());
        stats.counts.insert("r1".into(), vec![1, 0, 0]);
        stats.version = 4;
        let delta = FiguresDelta {
            board: "b".into(),
            version: 6,
            steps: 2,
            joined: 1,
            cells: vec![("r1".into(), 0, -1), ("r1".into(), 2, 1), ("gone".into(), 0, 1)],
        };
        assert!(delta.apply_to(&mut stats));
        assert_eq!((stats.version, stats.respondents), (6, 1));
        assert_eq!(stats.counts["r1"], vec![0, 0, 1]);
        // Applied again, it no longer starts where the figures are.
        assert!(!delta.apply_to(&mut stats));
        assert_eq!((stats.version, stats.respondents), (6, 1));
    }
}
