//! A board's settings in the engine: its groups, and who sees its figures.
//! Each change is a new version every page and instance hears of.

use super::{Engine, ServedBoard};
use crate::error::TallyError;
use crate::groups::GroupSettings;
use crate::reveal::RevealSettings;
use crate::stats::Stats;
use std::sync::Arc;

impl Engine {
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
}
