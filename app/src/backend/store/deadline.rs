//! The commit deadline both databases keep.

use crate::error::TallyError;
use std::future::Future;
use std::time::Duration;

/// Runs `work` to its end; if that takes longer than `deadline`, calls
/// `interrupt` once (which should make `work` fail soon) and still waits for
/// `work`'s own result, so the caller learns what actually happened.
pub(super) async fn past_deadline<T>(
    deadline: Duration,
    work: impl Future<Output = Result<T, TallyError>>,
    interrupt: impl FnOnce(),
) -> Result<T, TallyError> {
    tokio::pin!(work);
    tokio::select! {
        result = &mut work => return result,
        _ = tokio::time::sleep(deadline) => {}
    }
    tracing::warn!(?deadline, "a commit ran past its deadline; interrupting it");
    interrupt();
    work.await
}
