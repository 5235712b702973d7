//! Rounds, groups and the board's other settings in the engine: starting
//! the next round, listing a board's rounds, reading the figures of a
//! frozen round or of one group (which the anonymity threshold may
//! withhold), who sees the figures, and a respondent withdrawing their
//! answers.

use super::{now, Engine, ServedBoard};
use crate::answers::Answers;
use crate::backend::suppression;
use crate::error::TallyError;
use crate::groups::GroupSettings;
use crate::reveal::RevealSettings;
use crate::rounds::RoundInfo;
use crate::stats::Stats;
use std::collections::BTreeSet;
use std::sync::Arc;

impl Engine {
    /// Freezes the board's open round and opens the next, empty. Like a
    /// close, that is a new version every page and instance hears of.
    pub async fn start_round(&self, board: &ServedBoard, label: Option<String>) -> Result<RoundInfo, TallyError> {
        let (round, _) = self.state.store.start_round(&board.info.id, label, now()).await?;
        self.state.reload(&board.info.id).await;
        Ok(round)
    }

    /// The board's rounds, oldest first.
    pub async fn rounds(&self, board: &ServedBoard) -> Result<Vec<RoundInfo>, TallyError> {
        self.state.store.rounds(&board.info.id).await
    }

    /// What `round` is called ("2026 Q4", or "Round N"), as the board page's
    /// header shows it: read from the store once per round, then remembered.
    /// Every round has its row (it is written with the round), so a round
    /// without one is unknown.
    pub async fn round_label(&self, board: &ServedBoard, round: u32) -> Result<String, TallyError> {
        if let Some(label) = board.remembered_label(round) {
            return Ok(label);
        }
        match self.rounds(board).await?.into_iter().find(|r| r.round == round) {
            Some(found) => {
                board.remember_label(round, found.label.clone());
                Ok(found.label)
            }
            None => Err(TallyError::UnknownRound { board: board.info.id.clone(), round }),
        }
    }

    /// The figures of one round: the open one's from memory, a frozen
    /// one's read from the store (that round's rows only).
    pub async fn round_stats(&self, board: &ServedBoard, round: u32) -> Result<Arc<Stats>, TallyError> {
        let current = board.stats();
        if round == current.round {
            return Ok(current);
        }
        let unknown = || TallyError::UnknownRound { board: board.info.id.clone(), round };
        let info = self.rounds(board).await?.into_iter().find(|r| r.round == round).ok_or_else(unknown)?;
        self.round_figures(board, &info).await
    }

    /// The figures of a round already listed (see [`Engine::rounds`]), so
    /// a page of every round reads the list once, not once per round.
    pub async fn round_figures(&self, board: &ServedBoard, info: &RoundInfo) -> Result<Arc<Stats>, TallyError> {
        let current = board.stats();
        if info.round == current.round {
            return Ok(current);
        }
        let mut stats = Stats::empty(&board.info.id, &board.matrix());
        (stats.version, stats.round, stats.respondents) = (current.version, info.round, info.respondents);
        (stats.closed, stats.matrix_rev, stats.reveal) = (current.closed, current.matrix_rev, current.reveal);
        for (row, level, n) in self.state.store.round_counts(&board.info.id, info.round).await? {
            if let Some(count) = stats.counts.get_mut(&row).and_then(|c| c.get_mut(level as usize)) {
                *count = n;
            }
        }
        Ok(Arc::new(stats))
    }

    /// Sets the board's groups and threshold (already checked); a new
    /// version, heard by every page and instance.
    pub async fn set_groups(&self, board: &ServedBoard, groups: GroupSettings) -> Result<GroupSettings, TallyError> {
        self.state.store.set_groups(&board.info.id, &groups).await?;
        self.state.reload(&board.info.id).await;
        Ok(board.groups())
    }

    /// Sets who sees the board's figures; a new version, heard by every
    /// page and instance.
    pub async fn set_reveal(&self, board: &ServedBoard, settings: RevealSettings) -> Result<Arc<Stats>, TallyError> {
        self.state.store.set_reveal(&board.info.id, settings).await?;
        self.state.reload(&board.info.id).await;
        Ok(board.stats())
    }

    /// One group's figures in one round, counted from its members' answers,
    /// or `None` when they are withheld: while fewer people than the
    /// threshold are in it, or while showing it would let the withheld ones
    /// be worked out by subtraction (see [`suppression`]). Then not even
    /// how many people are in it is told.
    pub async fn group_stats(&self, board: &ServedBoard, round: u32, group: &str) -> Result<Option<Stats>, TallyError> {
        let settings = board.groups();
        if !settings.groups.iter().any(|g| g == group) {
            return Err(TallyError::UnknownGroup {
                board: board.info.id.clone(),
                group: group.chars().take(80).collect(),
            });
        }
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

    /// Rounds are numbered from 1 to the open one.
    fn check_round(&self, board: &ServedBoard, round: u32) -> Result<(), TallyError> {
        match (1..=board.stats().round).contains(&round) {
            true => Ok(()),
            false => Err(TallyError::UnknownRound { board: board.info.id.clone(), round }),
        }
    }

    /// A group's figures in a round, counted from its members' answers;
    /// only for a group [`Engine::shown_groups`] shows.
    async fn count_group(&self, board: &ServedBoard, round: u32, group: &str) -> Result<Stats, TallyError> {
        let whole = board.stats();
        let members = self.state.store.group_answers(&board.info.id, round, group).await?;
        let mut stats = Stats::empty(&board.info.id, &board.matrix());
        (stats.version, stats.round, stats.closed, stats.matrix_rev, stats.reveal) =
            (whole.version, round, whole.closed, whole.matrix_rev, whole.reveal);
        stats.respondents = members.len() as u64;
        for answers in &members {
            for (row, level) in answers {
                if let Some(count) = stats.counts.get_mut(row).and_then(|c| c.get_mut(*level as usize)) {
                    *count += 1;
                }
            }
        }
        Ok(stats)
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

    /// Takes `respondent`'s answers out of the board (the open round's, or
    /// every round's); the figures of every round concerned move, live for
    /// the open one. Returns how many rounds lost an answer.
    pub async fn withdraw(
        &self,
        board: &ServedBoard,
        respondent: &str,
        every_round: bool,
    ) -> Result<usize, TallyError> {
        let rounds = self.state.store.withdraw(&board.info.id, respondent, every_round).await?;
        if rounds > 0 {
            self.state.reload(&board.info.id).await;
        }
        Ok(rounds)
    }

    /// `respondent`'s answers in every round, oldest first.
    pub async fn history(
        &self,
        board: &ServedBoard,
        respondent: &str,
    ) -> Result<Vec<(u32, String, Answers)>, TallyError> {
        self.state.store.history(&board.info.id, respondent).await
    }
}
