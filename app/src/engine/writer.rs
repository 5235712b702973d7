//! The single writer: group commit, then publish, then acknowledge.

use super::{Pending, Shared};
use crate::metrics::METRICS;
use crate::stats::Stats;
use crate::store::{Applied, Submission};
use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;
use tokio::sync::mpsc;

/// The largest group commit; bounds one transaction's time and memory.
pub(super) const MAX_BATCH: usize = 2048;

pub(super) async fn write_loop(shared: Arc<Shared>, mut rx: mpsc::Receiver<Pending>) {
    let mut pending = Vec::with_capacity(MAX_BATCH);
    while rx.recv_many(&mut pending, MAX_BATCH).await > 0 {
        let (batch, acks): (Vec<Submission>, Vec<_>) = pending.drain(..).map(|p| (p.submission, p.ack)).unzip();
        let batch = Arc::new(batch);
        METRICS.batch_sizes.record(batch.len() as f64);
        match shared.store.apply(batch.clone()).await {
            Ok(applied) => {
                for board in publish(&shared, &batch, &applied) {
                    shared.reload(&board).await;
                }
                for (ack, applied) in acks.into_iter().zip(&applied) {
                    let _ = ack.send(Ok(applied.version));
                }
            }
            Err(error) => {
                METRICS.database_error();
                tracing::error!(%error, size = batch.len(), "group commit failed; batch rolled back");
                for ack in acks {
                    let _ = ack.send(Err(error.clone()));
                }
            }
        }
    }
}

/// Moves each touched board's figures by what the batch changed and
/// publishes one new snapshot per board, however many submissions it got.
///
/// That is only right when this instance has seen every version before the
/// batch's. With a shared store another instance may have committed in
/// between; such boards are returned, to be reloaded from the store instead.
fn publish(shared: &Shared, batch: &[Submission], applied: &[Applied]) -> BTreeSet<String> {
    let boards = shared.boards.read().unwrap_or_else(|e| e.into_inner());
    let mut next: HashMap<&str, Stats> = HashMap::new();
    let mut behind = BTreeSet::new();
    for (submission, applied) in batch.iter().zip(applied) {
        let Some(board) = boards.get(&submission.board) else { continue };
        let stats = next.entry(&submission.board).or_insert_with(|| (*board.stats()).clone());
        if stats.version + 1 != applied.version {
            behind.insert(submission.board.clone());
        }
        stats.replace(applied.previous.as_ref(), &submission.answers);
        stats.version = applied.version;
    }
    for (id, stats) in next {
        if !behind.contains(id) {
            boards[id].offer(stats);
        }
    }
    behind
}
