//! Who may answer a board, in the engine: the access setting (a new
//! version, like any setting) and the board's invitations, which live in
//! the store alone (asked on use, so every instance agrees at once).

use super::{Engine, ServedBoard};
use crate::access::AccessMode;
use crate::backend::store::Invitations;
use crate::error::TallyError;
use crate::stats::Stats;
use std::sync::Arc;

impl Engine {
    /// Sets who may answer the board; a new version, heard by every page
    /// and instance.
    pub async fn set_access(&self, board: &ServedBoard, access: AccessMode) -> Result<Arc<Stats>, TallyError> {
        self.state.store.set_access(&board.info.id, access).await?;
        self.state.reload(&board.info.id).await;
        Ok(board.stats())
    }

    /// The store's invitations.
    pub fn invitations(&self) -> &dyn Invitations {
        &*self.state.store
    }
}
