//! Keeps this instance's snapshots up with commits made by other instances
//! sharing the store (PostgreSQL only).
//!
//! Notices are coalesced: everything that arrived while the last reloads ran
//! is taken at once and folded into one target version per board, so a burst
//! of notices about a board costs one reload of it.

use super::state::EngineState;
use crate::backend::metrics;
use crate::backend::store::Change;
use std::collections::BTreeMap;
use std::sync::Arc;
use tokio::sync::mpsc;

const MAX_NOTICES: usize = 4096;

pub(super) async fn follow_other_instances(state: Arc<EngineState>, mut changes: mpsc::Receiver<Change>) {
    let mut heard = Vec::with_capacity(MAX_NOTICES);
    while changes.recv_many(&mut heard, MAX_NOTICES).await > 0 {
        let mut wanted: BTreeMap<String, u64> = BTreeMap::new();
        let mut resync = false;
        for change in heard.drain(..) {
            match change {
                Change::Board { id, version } => {
                    let target = wanted.entry(id).or_default();
                    *target = (*target).max(version);
                }
                Change::Resync => resync = true,
            }
        }
        if resync {
            let held = state.cache.ids();
            match state.store.versions(Some(held.clone())).await {
                Ok(versions) => {
                    // A held board the store no longer has was deleted: its reload retires it.
                    let missing = held.into_iter().filter(|id| !versions.iter().any(|(v, _)| v == id));
                    wanted.extend(missing.map(|id| (id, u64::MAX)));
                    wanted.extend(versions);
                }
                Err(error) => {
                    metrics::database_error();
                    tracing::warn!(%error, "could not compare board versions");
                }
            }
        }
        for (id, version) in wanted {
            // Boards this instance does not hold are read fresh on their next use.
            let Some(board) = state.cache.mark_written(&id) else { continue };
            if board.stats().version < version {
                state.reload(&id).await;
            }
        }
    }
}
