//! How a board ends in the engine: deleted by its admin or by retention,
//! and its old rounds forgotten. Open pages are told through the board's
//! watch channel, like any other change.

use super::{now, Engine, ServedBoard};
use crate::backend::store::{AuditTrail, ForgottenRound};
use crate::error::TallyError;
use crate::DEFAULT_BOARD;

impl Engine {
    /// Deletes the board and everything of it; whoever follows it (here,
    /// and on other instances when they hear of it) is told it is gone.
    pub async fn delete_board(&self, board: &ServedBoard) -> Result<(), TallyError> {
        self.delete_by_id(&board.info.id).await
    }

    /// [`Self::delete_board`] by id, for retention, which holds no board.
    pub async fn delete_by_id(&self, id: &str) -> Result<(), TallyError> {
        let version = self.state.store.delete_board(id, now()).await?;
        let version = version.ok_or_else(|| TallyError::UnknownBoard(id.to_string()))?;
        self.state.retire(id, version);
        Ok(())
    }

    /// Up to `limit` boards nobody answered and no admin changed since
    /// `before` (never the default board).
    pub async fn idle_boards(&self, before: i64, limit: usize) -> Result<Vec<String>, TallyError> {
        self.state.store.idle_boards(before, DEFAULT_BOARD, limit).await
    }

    /// Forgets up to `limit` frozen rounds that ended before `before`.
    pub async fn forget_rounds(&self, before: i64, limit: usize) -> Result<Vec<ForgottenRound>, TallyError> {
        let forgotten = self.state.store.forget_rounds(before, limit).await?;
        // Once per board, however many of its rounds went.
        let boards: std::collections::BTreeSet<&str> = forgotten.iter().map(|f| f.board.as_str()).collect();
        for board in boards {
            self.state.reload(board).await;
        }
        Ok(forgotten)
    }

    /// What admins did to each board, as the store keeps it.
    pub fn audit_trail(&self) -> &dyn AuditTrail {
        &*self.state.store
    }
}
