//! Group figures in the engine: one group's, or every group's of a round,
//! each read from its members' counts and shown only where the
//! suppression rule allows (see [`suppression`]).
//!
//! [`suppression`]: crate::backend::suppression

use super::figures::{figures, Header};
use super::{Engine, ServedBoard};
use crate::backend::suppression::{shown_slices, Shown, SliceSizes};
use crate::error::TallyError;
use crate::stats::Stats;

impl Engine {
    /// One group's figures in one round, from its members' counts,
    /// or `None` when they are withheld: while fewer people than the
    /// threshold are in it, or while showing it would let the withheld ones
    /// be worked out by subtraction (see [`suppression`]). Then not even
    /// how many people are in it is told.
    pub async fn group_stats(&self, board: &ServedBoard, round: u32, group: &str) -> Result<Option<Stats>, TallyError> {
        self.check_group(board, group)?;
        let (sizes, shown) = self.slice_sizes(board, round).await?;
        if !shown.shows(Some(group), None) {
            return Ok(None);
        }
        Ok(Some(self.count_group(board, round, group, sizes.of(Some(group), None)).await?))
    }

    /// Every group's figures in one round, in the board's order, each as
    /// [`Engine::group_stats`] gives it, with the round's slice sizes read
    /// once for all of them (an export asks for every group of every round).
    pub async fn round_group_stats(
        &self,
        board: &ServedBoard,
        round: u32,
    ) -> Result<Vec<(String, Option<Stats>)>, TallyError> {
        let (sizes, shown) = self.slice_sizes(board, round).await?;
        let mut all = Vec::new();
        for group in board.groups().groups {
            let stats = match shown.shows(Some(&group), None) {
                true => Some(self.count_group(board, round, &group, sizes.of(Some(&group), None)).await?),
                false => None,
            };
            all.push((group, stats));
        }
        Ok(all)
    }

    /// A group asked for by name must be one of the board's.
    pub(super) fn check_group(&self, board: &ServedBoard, group: &str) -> Result<(), TallyError> {
        match board.groups().groups.iter().any(|g| g == group) {
            true => Ok(()),
            false => {
                Err(TallyError::UnknownGroup { board: board.info.id.clone(), group: group.chars().take(80).collect() })
            }
        }
    }

    /// Rounds are numbered from 1 to the open one.
    pub(super) fn check_round(&self, board: &ServedBoard, round: u32) -> Result<(), TallyError> {
        match (1..=board.stats().round).contains(&round) {
            true => Ok(()),
            false => Err(TallyError::UnknownRound { board: board.info.id.clone(), round }),
        }
    }

    /// A group's figures in a round, from its members' counts; only for a
    /// group the round's [`Shown`] shows, `size` people in it.
    async fn count_group(&self, board: &ServedBoard, round: u32, group: &str, size: u64) -> Result<Stats, TallyError> {
        let counts = self.state.store.slice_counts(&board.info.id, round, Some(group), None).await?;
        let header = Header { round, respondents: size, ..Header::of(&board.stats()) };
        let cells = counts.iter().map(|(row, level, n)| (row.as_str(), *level, *n));
        Ok(figures(&board.info.id, &board.matrix(), header, cells))
    }

    /// How many people answered `round` in each group and role, and so
    /// (see [`crate::backend::suppression`]) what of it may be shown: the
    /// one decision behind group figures and role gaps alike.
    pub(super) async fn slice_sizes(&self, board: &ServedBoard, round: u32) -> Result<(SliceSizes, Shown), TallyError> {
        self.check_round(board, round)?;
        let settings = board.groups();
        let mut sizes = SliceSizes {
            groups: settings.groups,
            roles: board.matrix().roles.iter().map(|r| r.id.clone()).collect(),
            ..SliceSizes::default()
        };
        for (group, role, n) in self.state.store.slice_sizes(&board.info.id, round).await? {
            sizes.add(group, role, n);
        }
        let shown = shown_slices(&sizes, settings.min_group_size);
        Ok((sizes, shown))
    }
}
