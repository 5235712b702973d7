//! A board this instance serves: what it is, its matrix, and its latest
//! figures, published as immutable snapshots on a `watch` channel.

use crate::backend::store::{BoardInfo, StoredBoard};
use crate::matrix::Matrix;
use crate::stats::Stats;
use std::sync::Arc;
use tokio::sync::watch;

pub struct ServedBoard {
    /// What the board is: id, title, matrix id, privacy.
    pub info: BoardInfo,
    /// The matrix its figures are about.
    pub matrix: Arc<Matrix>,
    /// The latest figures; readers borrow, the writer and follower offer.
    stats: watch::Sender<Arc<Stats>>,
}

impl ServedBoard {
    /// The board as the store has it.
    pub(super) fn restore(stored: StoredBoard, matrix: Arc<Matrix>) -> ServedBoard {
        let stats = snapshot(&stored, &matrix);
        ServedBoard { info: stored.info, matrix, stats: watch::channel(Arc::new(stats)).0 }
    }

    pub fn stats(&self) -> Arc<Stats> {
        self.stats.borrow().clone()
    }

    /// A receiver that wakes on every new snapshot (for live push).
    pub fn subscribe(&self) -> watch::Receiver<Arc<Stats>> {
        self.stats.subscribe()
    }

    /// Publishes `stats` unless a snapshot at least as new is already out.
    /// The writer and the follower both publish; this keeps versions seen by
    /// readers from ever going backwards, whichever of them comes second.
    pub(super) fn offer(&self, stats: Stats) {
        self.stats.send_if_modified(|current| {
            let newer = stats.supersedes(current);
            if newer {
                *current = Arc::new(stats);
            }
            newer
        });
    }

    /// Publishes the stored figures if they are newer than what is out.
    pub(super) fn offer_stored(&self, stored: &StoredBoard) {
        self.offer(snapshot(stored, &self.matrix));
    }
}

/// Counts for rows or levels the matrix no longer has are left out.
fn snapshot(stored: &StoredBoard, matrix: &Matrix) -> Stats {
    let mut stats = Stats::empty(&stored.info.id, matrix);
    stats.version = stored.version;
    stats.respondents = stored.respondents;
    stats.closed = stored.closed;
    for (row, level, n) in &stored.counts {
        if let Some(c) = stats.counts.get_mut(row).and_then(|c| c.get_mut(*level as usize)) {
            *c = *n;
        }
    }
    stats
}
