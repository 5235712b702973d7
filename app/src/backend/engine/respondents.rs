//! One respondent's own answers in the engine: their history, and taking
//! them back.

use super::{Engine, ServedBoard};
use crate::backend::store::AnsweredRound;
use crate::error::TallyError;

impl Engine {
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
    pub async fn history(&self, board: &ServedBoard, respondent: &str) -> Result<Vec<AnsweredRound>, TallyError> {
        self.state.store.history(&board.info.id, respondent).await
    }
}
