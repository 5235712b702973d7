//! Group figures in the engine: one group's, or every group's of a round,
//! each read from its members' counts and shown only where the
//! suppression rule allows (see [`suppression`]).

use super::figures::{figures, Header};
use super::{Engine, ServedBoard};
use crate::backend::suppression;
use crate::error::TallyError;
use crate::stats::Stats;
use std::collections::BTreeMap;

impl Engine {
    /// One group's figures in one round, from its members' counts,
    /// or `None` when they are withheld: while fewer people than the
    /// threshold are in it, or while showing it would let the withheld ones
    /// be worked out by subtraction (see [`suppression`]). Then not even
    /// how many people are in it is told.
    pub async fn group_stats(&self, board: &ServedBoard, round: u32, group: &str) -> Result<Option<Stats>, TallyError> {
        self.check_group(board, group)?;
        self.check_round(board, round)?;
        let sizes = self.group_sizes(board, round).await?;
        let Some(size) = sizes.shown(board).get(group).copied() else { return Ok(None) };
        Ok(Some(self.count_group(board, round, group, size).await?))
    }

    /// Every group's figures in one round, in the board's order, each as
    /// [`Engine::group_stats`] gives it, with the round's group sizes read
    /// once for all of them (an export asks for every group of every round).
    pub async fn round_group_stats(
        &self,
        board: &ServedBoard,
        round: u32,
    ) -> Result<Vec<(String, Option<Stats>)>, TallyError> {
        self.check_round(board, round)?;
        let shown = self.group_sizes(board, round).await?.shown(board);
        let mut all = Vec::new();
        for group in board.groups().groups {
            let stats = match shown.get(&group) {
                Some(size) => Some(self.count_group(board, round, &group, *size).await?),
                None => None,
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
    /// group [`GroupSizes::shown`] shows, `size` people in it.
    async fn count_group(&self, board: &ServedBoard, round: u32, group: &str, size: u64) -> Result<Stats, TallyError> {
        let counts = self.state.store.slice_counts(&board.info.id, round, Some(group), None).await?;
        let header = Header { round, respondents: size, ..Header::of(&board.stats()) };
        let cells = counts.iter().map(|(row, level, n)| (row.as_str(), *level, *n));
        Ok(figures(&board.info.id, &board.matrix(), header, cells))
    }

    /// How many people answered `round` in each of the board's groups, and
    /// in none of them.
    async fn group_sizes(&self, board: &ServedBoard, round: u32) -> Result<GroupSizes, TallyError> {
        let mut sizes =
            GroupSizes { offered: board.groups().groups.into_iter().map(|g| (g, 0)).collect(), remainder: 0 };
        for (group, n) in self.state.store.group_sizes(&board.info.id, round).await? {
            match sizes.offered.iter_mut().find(|(g, _)| Some(g) == group.as_ref()) {
                Some((_, size)) => *size = n,
                None => sizes.remainder += n,
            }
        }
        Ok(sizes)
    }
}

/// How many answered one round in each offered group, and in none.
struct GroupSizes {
    offered: Vec<(String, u64)>,
    remainder: u64,
}

impl GroupSizes {
    /// The groups whose figures may be shown (see [`suppression`]), with their sizes.
    fn shown(&self, board: &ServedBoard) -> BTreeMap<String, u64> {
        let shown = suppression::shown_groups(&self.offered, self.remainder, board.groups().min_group_size);
        self.offered.iter().filter(|(g, _)| shown.contains(g)).cloned().collect()
    }
}
