//! Rounds in the engine: starting the next, listing a board's rounds, and
//! reading the figures of any of them.

use super::figures::{figures, Header};
use super::{now, Engine, ServedBoard};
use crate::error::TallyError;
use crate::rounds::RoundInfo;
use crate::stats::Stats;
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
        let header = Header { round: info.round, respondents: info.respondents, ..Header::of(&current) };
        let counts = self.state.store.round_counts(&board.info.id, info.round).await?;
        let cells = counts.iter().map(|(row, level, n)| (row.as_str(), *level, *n));
        Ok(Arc::new(figures(&board.info.id, &board.matrix(), header, cells)))
    }
}
