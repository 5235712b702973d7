//! The single writer: group commit, then publish, then acknowledge.

use super::state::EngineState;
use super::{Pending, MATRIX_CHANGED};
use crate::backend::metrics;
use crate::backend::store::{Committed, Refusal, Submission};
use crate::error::TallyError;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use std::time::Instant;
use tokio::sync::mpsc;

/// The largest group commit; bounds one transaction's time and memory.
pub(super) const MAX_BATCH: usize = 2048;

pub(super) async fn write_loop(state: Arc<EngineState>, mut rx: mpsc::Receiver<Pending>) {
    let mut pending = Vec::with_capacity(MAX_BATCH);
    while rx.recv_many(&mut pending, MAX_BATCH).await > 0 {
        let (batch, acks): (Vec<Submission>, Vec<_>) = pending.drain(..).map(|p| (p.submission, p.ack)).unzip();
        metrics::group_commit(batch.len());
        let batch = Arc::new(batch);
        *state.writing_since.lock().unwrap_or_else(|e| e.into_inner()) = Some(Instant::now());
        let result = state.store.apply(batch.clone()).await;
        *state.writing_since.lock().unwrap_or_else(|e| e.into_inner()) = None;
        match result {
            Ok(committed) => {
                state.writes_failing.store(false, Ordering::Relaxed);
                publish(&state, &committed).await;
                for ((ack, version), submission) in acks.into_iter().zip(committed.versions).zip(batch.iter()) {
                    // Closed or reshaped (by any instance) after this one's check, before the commit.
                    let _ = ack.send(version.map_err(|refusal| match refusal {
                        Refusal::Closed => TallyError::BoardClosed(submission.board.clone()),
                        Refusal::MatrixChanged => TallyError::Conflict(MATRIX_CHANGED.into()),
                        Refusal::AdmissionChanged => TallyError::AdmissionChanged(submission.board.clone()),
                        Refusal::Deleted => TallyError::BoardDeleted(submission.board.clone()),
                    }));
                }
            }
            Err(error) => {
                state.writes_failing.store(true, Ordering::Relaxed);
                metrics::database_error();
                tracing::error!(%error, size = acks.len(), "group commit failed; batch rolled back");
                for ack in acks {
                    let _ = ack.send(Err(error.clone()));
                }
            }
        }
    }
}

/// Moves each touched board's figures by what the commit changed and
/// publishes one new snapshot per board, however many submissions it got.
/// A board whose figures are not at the version just before the commit
/// (with a shared store another instance may have committed in between) is
/// reloaded from the store instead.
async fn publish(state: &EngineState, committed: &Committed) {
    let mut behind = Vec::new();
    for delta in &committed.boards {
        let Some(board) = state.cache.mark_written(&delta.board) else { continue };
        board.touch();
        let mut stats = (*board.stats()).clone();
        if delta.apply_to(&mut stats) {
            board.offer(stats);
        } else {
            behind.push(&delta.board);
        }
    }
    for board in behind {
        state.reload(board).await;
    }
}
