//! What the engine's tasks share: the store, the loaded matrices and the
//! boards this instance holds in memory now. The writer, the follower and the [`Engine`]
//! handle all work on one [`EngineState`].
//!
//! [`Engine`]: super::Engine

use super::board_cache::{CachePolicy, STRIPES};
use super::served_board::ServedBoard;
use crate::backend::catalog::Catalog;
use crate::backend::metrics;
use crate::backend::store::{Store, StoredBoard};
use crate::error::TallyError;
use crate::matrix::Matrix;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicU64};
use std::sync::{Arc, Mutex, RwLock};
use std::time::Instant;

pub(super) struct EngineState {
    /// Where the figures are durable.
    pub store: Store,
    /// Matrices by id, loaded at start-up.
    pub catalog: Catalog,
    /// The boards held in memory, by id: those in use lately (see
    /// [`super::board_cache`]).
    pub boards: RwLock<HashMap<String, Arc<ServedBoard>>>,
    /// Which boards stay held, and for how long.
    pub policy: CachePolicy,
    /// Writes stored, counted per stripe of board ids, so a load can tell
    /// that one landed while it read (see [`super::board_cache`]).
    pub news: [AtomicU64; STRIPES],
    /// Boards refused because their aggregates disagree with a recount,
    /// and since when.
    pub refused: Mutex<HashMap<String, Instant>>,
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
    pub fn cached(&self, id: &str) -> Option<Arc<ServedBoard>> {
        self.boards.read().unwrap_or_else(|e| e.into_inner()).get(id).cloned()
    }

    /// Serves `stored` from now on, unless the board is already served.
    pub fn adopt(&self, stored: StoredBoard) -> Result<Arc<ServedBoard>, TallyError> {
        let matrix = match own_matrix(&stored)? {
            Some(matrix) => matrix,
            None => self.template_of(&stored)?,
        };
        let mut boards = self.boards.write().unwrap_or_else(|e| e.into_inner());
        let board = boards
            .entry(stored.info.id.clone())
            .or_insert_with(|| Arc::new(ServedBoard::restore(stored, matrix)))
            .clone();
        metrics::boards_loaded(boards.len());
        Ok(board)
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
        let Some(board) = self.written(id) else { return };
        let result = async {
            let Some(mut stored) = self.store.figures(id).await? else {
                return Err(TallyError::Internal("a served board is missing from the store".into()));
            };
            if stored.matrix_rev > board.current().rev {
                stored = self.store.board(id).await?.unwrap_or(stored);
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

/// The board's own matrix, if it was read with it.
fn own_matrix(stored: &StoredBoard) -> Result<Option<Arc<Matrix>>, TallyError> {
    let Some(json) = &stored.matrix else { return Ok(None) };
    let matrix = serde_json::from_str::<Matrix>(json).map_err(|e| {
        TallyError::Internal(format!("board '{}': its stored matrix does not read back: {e}", stored.info.id))
    })?;
    Ok(Some(Arc::new(matrix)))
}
