//! What the engine's tasks share: the store, the loaded matrices and the
//! boards this instance holds in memory now ([`BoardCache`]). The writer,
//! the follower and the [`Engine`] handle all work on one [`EngineState`],
//! which loads boards into the cache and reloads them after a change.
//!
//! [`Engine`]: super::Engine

use super::board_cache::BoardCache;
use super::served_board::ServedBoard;
use crate::backend::catalog::Catalog;
use crate::backend::metrics;
use crate::backend::store::{Store, StoredBoard};
use crate::error::TallyError;
use crate::matrix::Matrix;
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex, Weak};
use std::time::{Duration, Instant};

pub(super) struct EngineState {
    /// Where the figures are durable.
    pub store: Box<dyn Store>,
    /// Matrices by id, loaded at start-up.
    pub catalog: Catalog,
    /// The boards held in memory.
    pub cache: BoardCache,
    /// The last group commit failed: readiness says so until a commit or a
    /// write probe succeeds, so a load balancer routes around an instance
    /// that can read but not write.
    pub writes_failing: AtomicBool,
    /// When the batch being committed now started, if one is: a writer
    /// stuck past its commit timeout (an interrupt that cannot reach the
    /// database) makes the instance unready.
    pub writing_since: Mutex<Option<Instant>>,
}

impl EngineState {
    /// Reads the board from the store, verifies it and serves it.
    pub async fn load(&self, id: &str) -> Result<Arc<ServedBoard>, TallyError> {
        let ticket = self.cache.before_load(id)?;
        let Some(mut stored) = self.store.board(id, true).await? else {
            return Err(match self.store.deleted_at(id).await? {
                Some(_) => TallyError::BoardDeleted(id.to_string()),
                None => TallyError::UnknownBoard(id.chars().take(64).collect()),
            });
        };
        if stored.matrix.is_none() {
            // From before boards kept their matrix: it keeps its template's, as of now.
            let template = self.template_of(&stored)?;
            let json = super::to_json(&template);
            self.store.fill_matrix(id, json.clone()).await?;
            stored.matrix = Some(json);
        }
        let mismatches = self.store.verify_board(id).await?;
        if !mismatches.is_empty() {
            return Err(self.cache.refuse(id, mismatches));
        }
        let board = self.adopt(stored)?;
        metrics::board_loaded();
        if self.cache.after_load(id, ticket) {
            self.reload(id).await;
        }
        Ok(board)
    }

    /// Serves `stored` from now on, unless the board is already served.
    pub fn adopt(&self, stored: StoredBoard) -> Result<Arc<ServedBoard>, TallyError> {
        let matrix = match own_matrix(&stored)? {
            Some(matrix) => matrix,
            None => self.template_of(&stored)?,
        };
        let id = stored.info.id.clone();
        Ok(self.cache.hold(&id, || ServedBoard::restore(stored, matrix)))
    }

    /// The template a board from before boards kept their matrix was
    /// created on.
    pub fn template_of(&self, stored: &StoredBoard) -> Result<Arc<Matrix>, TallyError> {
        self.catalog.get(&stored.info.matrix_id).cloned().ok_or_else(|| {
            TallyError::Internal(format!(
                "board '{}' has no matrix of its own and its template '{}' is not loaded",
                stored.info.id, stored.info.matrix_id
            ))
        })
    }

    /// Publishes the board's figures as the store has them now, and its
    /// matrix first if that was edited; called after each write that is not
    /// a commit of answers. A board not held is read fresh on its next use.
    pub async fn reload(&self, id: &str) {
        let Some(board) = self.cache.mark_written(id) else { return };
        let result = async {
            let Some(mut stored) = self.store.board(id, false).await? else {
                // Deleted, by this instance or another.
                self.retire(id, board.stats().version + 1);
                return Ok::<(), TallyError>(());
            };
            if stored.matrix_rev > board.current().rev {
                stored = self.store.board(id, true).await?.unwrap_or(stored);
            }
            board.offer_stored(&stored, own_matrix(&stored)?);
            Ok(())
        };
        if let Err(error) = result.await {
            metrics::database_error();
            tracing::warn!(board = id, %error, "could not reload a board");
        }
    }
}

impl EngineState {
    /// Stops serving a deleted board, and tells whoever follows it that it
    /// is gone (at `version`, past every version it had).
    pub fn retire(&self, id: &str, version: u64) {
        if let Some(board) = self.cache.forget(id) {
            board.offer_gone(version);
        }
    }
}

/// Evicts idle boards now and then, for as long as the engine runs. It
/// holds the state weakly: an engine whose handles and writer are gone
/// closes its store (a SQLite file can then be opened again).
pub(super) async fn evict_idle_boards(state: Weak<EngineState>, every: Duration) {
    loop {
        tokio::time::sleep(every).await;
        let Some(state) = state.upgrade() else { return };
        state.cache.keep_within(state.cache.policy.max_loaded);
    }
}

/// The board's own matrix, if it was read with it.
fn own_matrix(stored: &StoredBoard) -> Result<Option<Arc<Matrix>>, TallyError> {
    let Some(json) = &stored.matrix else { return Ok(None) };
    let matrix = serde_json::from_str::<Matrix>(json).map_err(|e| {
        TallyError::Internal(format!("board '{}': its stored matrix does not read back: {e}", stored.info.id))
    })?;
    Ok(Some(Arc::new(matrix)))
}
