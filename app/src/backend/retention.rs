//! Retention: deleting what an organisation decided not to keep. Off by
//! default; an operator may set either rule (README, "Operations"):
//! - boards nobody answered and no admin changed for longer than
//!   [`Retention::idle_boards`] are deleted, as their admin would delete
//!   them (open pages told, the address answering 410 after);
//! - frozen rounds that ended longer than [`Retention::rounds`] ago are
//!   forgotten with their answers and figures; the open round never is.
//!
//! Every instance runs the task; with PostgreSQL two may find the same
//! board, and the second simply finds it gone. Each deletion is logged with
//! the board's id (never anything it held).

use crate::backend::engine::{now, Engine};
use crate::error::TallyError;
use std::future::Future;
use std::time::Duration;

/// What to delete, and how often to look.
#[derive(Clone, Copy, Debug, Default)]
pub struct Retention {
    /// Boards idle longer than this are deleted (`None`: kept).
    pub idle_boards: Option<Duration>,
    /// Frozen rounds ended longer ago than this are deleted (`None`: kept).
    pub rounds: Option<Duration>,
    /// How often the task looks.
    pub every: Duration,
}

/// Deleted per look at most, so one look never holds the database long;
/// what is left goes at the next.
const PER_LOOK: usize = 100;

impl Retention {
    pub fn is_on(&self) -> bool {
        self.idle_boards.is_some() || self.rounds.is_some()
    }

    /// Looks every [`Self::every`] until `stopped` finishes.
    pub async fn enforce_forever(self, engine: Engine, stopped: impl Future<Output = ()>) {
        if !self.is_on() {
            return;
        }
        let looking = async {
            loop {
                tokio::time::sleep(self.every).await;
                if let Err(error) = self.look(&engine).await {
                    crate::backend::metrics::database_error();
                    tracing::warn!(%error, "retention could not finish; it tries again at its next look");
                }
            }
        };
        tokio::select! {
            _ = looking => {}
            _ = stopped => {}
        }
    }

    /// One look: deletes what the rules say is due now, and logs each.
    pub async fn look(&self, engine: &Engine) -> Result<(), TallyError> {
        let before = |kept: Duration| now() - kept.as_secs() as i64;
        if let Some(kept) = self.idle_boards {
            for board in engine.idle_boards(before(kept), PER_LOOK).await? {
                match engine.delete_by_id(&board).await {
                    Ok(()) => tracing::info!(board, idle_for = ?kept, "retention deleted an idle board"),
                    // Another instance deleted it first.
                    Err(TallyError::UnknownBoard(_)) => {}
                    Err(error) => return Err(error),
                }
            }
        }
        if let Some(kept) = self.rounds {
            for gone in engine.forget_rounds(before(kept), PER_LOOK).await? {
                tracing::info!(board = gone.board, round = gone.round, "retention deleted an old round");
            }
        }
        Ok(())
    }
}
