//! Group figures in the engine: one group's, or every group's of a round,
//! each counted from its members' answers and shown only where the
//! suppression rule allows (see [`suppression`]).

use super::figures::{figures, Header};
use super::{Engine, ServedBoard};
use crate::backend::suppression;
use crate::error::TallyError;
use crate::stats::Stats;
use std::collections::BTreeSet;

impl Engine {
    /// One group's figures in one round, counted from its members' answers,
    /// or `None` when they are withheld: while fewer people than the
    /// threshold are in it, or while showing it would let the withheld ones
    /// be worked out by subtraction (see [`suppression`]). Then not even
    /// how many people are in it is told.
    pub async fn group_stats(&self, board: &ServedBoard, round: u32, group: &str) -> Result<Option<Stats>, TallyError> {
        self.check_group(board, group)?;
        self.check_round(board, round)?;
        if !self.shown_groups(board, round).await?.contains(group) {
            return Ok(None);
        }
        Ok(Some(self.count_group(board, round, group).await?))
    }

    /// Every group's figures in one round, in the board's order, each as
    /// [`Engine::group_stats`] gives it, with the round's counts read once
    /// for all of them (an export asks for every group of every round).
    pub async fn round_group_stats(
        &self,
        board: &ServedBoard,
        round: u32,
    ) -> Result<Vec<(String, Option<Stats>)>, TallyError> {
        self.check_round(board, round)?;
        let shown = self.shown_groups(board, round).await?;
        let mut all = Vec::new();
        for group in board.groups().groups {
            let stats = match shown.contains(&group) {
                true => Some(self.count_group(board, round, &group).await?),
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

    /// A group's figures in a round, counted from its members' answers;
    /// only for a group [`Engine::shown_groups`] shows.
    async fn count_group(&self, board: &ServedBoard, round: u32, group: &str) -> Result<Stats, TallyError> {
        let members = self.state.store.group_answers(&board.info.id, round, group).await?;
        let header = Header { round, respondents: members.len() as u64, ..Header::of(&board.stats()) };
        let cells = members.iter().flat_map(|answers| answers.iter().map(|(row, level)| (row.as_str(), *level, 1)));
        Ok(figures(&board.info.id, &board.matrix(), header, cells))
    }

    /// The board's groups whose figures may be shown in `round`, decided
    /// from how many people answered in each (see [`suppression`]).
    async fn shown_groups(&self, board: &ServedBoard, round: u32) -> Result<BTreeSet<String>, TallyError> {
        let settings = board.groups();
        let mut offered: Vec<(String, u64)> = settings.groups.iter().map(|g| (g.clone(), 0)).collect();
        let mut remainder = 0;
        for (group, n) in self.state.store.group_sizes(&board.info.id, round).await? {
            match offered.iter_mut().find(|(g, _)| Some(g) == group.as_ref()) {
                Some((_, size)) => *size = n,
                None => remainder += n,
            }
        }
        Ok(suppression::shown_groups(&offered, remainder, settings.min_group_size))
    }
}
