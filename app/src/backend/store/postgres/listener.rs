//! Hears other instances' commits: `LISTEN` on a connection of its own,
//! turning each "<board> <version>" notice into a [`Change`].
//!
//! Notices are not stored anywhere: one sent while nobody listens is gone.
//! So after every (re)connect, once `LISTEN` is in place, the listener asks
//! for a [`Change::Resync`], and it asks again every [`RESYNC_EVERY`] for the
//! rare notice lost on the sender's side (a writer connection that broke
//! right after its commit).

use super::super::Change;
use super::connection::Connector;
use futures_util::StreamExt;
use std::time::Duration;
use tokio::sync::mpsc;
use tokio_postgres::AsyncMessage;

const RESYNC_EVERY: Duration = Duration::from_secs(30);
const FIRST_RETRY: Duration = Duration::from_millis(100);
const LAST_RETRY: Duration = Duration::from_secs(5);
/// Notices waiting for the engine; when full, the listener stops reading and
/// PostgreSQL keeps the rest queued for this connection.
const BACKLOG: usize = 4096;

pub fn spawn(connector: Connector) -> mpsc::Receiver<Change> {
    let (changes, receiver) = mpsc::channel(BACKLOG);
    tokio::spawn(async move {
        let mut retry = FIRST_RETRY;
        while !changes.is_closed() {
            match listen(&connector, &changes).await {
                Ok(()) => retry = FIRST_RETRY,
                Err(error) => {
                    crate::backend::metrics::database_error();
                    tracing::warn!(%error, "PostgreSQL listener failed; retrying in {retry:?}");
                }
            }
            tokio::time::sleep(retry).await;
            retry = (retry * 2).min(LAST_RETRY);
        }
    });
    receiver
}

/// One connection's life: returns when it ends.
async fn listen(connector: &Connector, changes: &mpsc::Sender<Change>) -> Result<(), tokio_postgres::Error> {
    let mut config = connector.config.clone();
    config.application_name(format!("tally-listener-{}", std::process::id()));
    let (client, mut connection) = config.connect(connector.tls.clone()).await?;
    let notices = changes.clone();
    let mut reading = tokio::spawn(async move {
        let mut messages = futures_util::stream::poll_fn(move |cx| connection.poll_message(cx));
        while let Some(Ok(message)) = messages.next().await {
            let AsyncMessage::Notification(notice) = message else { continue };
            match parse(notice.payload()) {
                Some(change) => {
                    if notices.send(change).await.is_err() {
                        return;
                    }
                }
                None => tracing::warn!(payload = notice.payload(), "ignoring a malformed notice"),
            }
        }
    });
    client.batch_execute(&format!("LISTEN {}", super::CHANNEL)).await?;
    tracing::info!("listening for other instances' commits");
    let mut resync = tokio::time::interval(RESYNC_EVERY);
    loop {
        tokio::select! {
            _ = &mut reading => {
                tracing::warn!("PostgreSQL listener connection closed; reconnecting");
                return Ok(());
            }
            // The first tick is immediate: the catch-up after connecting.
            _ = resync.tick() => {
                if changes.send(Change::Resync).await.is_err() {
                    return Ok(());
                }
            }
        }
    }
}

fn parse(payload: &str) -> Option<Change> {
    let (board, version) = payload.rsplit_once(' ')?;
    Some(Change::Board { id: board.to_string(), version: version.parse().ok()? })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notices_parse_or_are_refused() {
        assert_eq!(parse("default 42"), Some(Change::Board { id: "default".into(), version: 42 }));
        assert_eq!(parse("default"), None);
        assert_eq!(parse("default x"), None);
    }
}
