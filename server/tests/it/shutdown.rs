//! Graceful shutdown: SIGTERM in the middle of a load. Requests already taken
//! are finished and acknowledged (none gets a 5xx), live sockets are closed
//! with 1001, the process exits 0, and after a restart every acknowledged
//! submission is counted.

use crate::common;

use common::submitters::{self, StoredFile};
use common::{row_ids, TestServer};
use futures_util::StreamExt;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::tungstenite::Message;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn sigterm_finishes_what_it_took_and_exits_cleanly() {
    let server = TestServer::start();
    let rows = row_ids(&server.matrix().await);
    let (mut socket, _) = tokio_tungstenite::connect_async(server.ws_url("/api/boards/default/live")).await.unwrap();
    let acked_total = Arc::new(AtomicUsize::new(0));
    let workers = submitters::start(&server.url("/api/boards/default/submissions"), &rows, 24, acked_total.clone());

    let deadline = Instant::now() + Duration::from_secs(60);
    while acked_total.load(Ordering::Relaxed) < 1000 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let (dir, status) = tokio::task::spawn_blocking(move || server.terminate()).await.unwrap();
    assert!(status.success(), "exit status {status}");

    // Each submitter stops at its first refused connection; a 5xx would have failed it.
    let mut outcomes = Vec::new();
    for worker in workers {
        outcomes.push(worker.await.unwrap());
    }
    assert!(acked_total.load(Ordering::Relaxed) >= 1000, "the load ran before the signal");

    let close = loop {
        match tokio::time::timeout(Duration::from_secs(5), socket.next())
            .await
            .expect("the socket hears of the shutdown")
        {
            Some(Ok(Message::Close(frame))) => break frame,
            Some(Ok(_)) => continue,
            other => panic!("expected a close frame, got {other:?}"),
        }
    };
    assert_eq!(close.map(|f| f.code), Some(CloseCode::Away));

    let server = TestServer::start_in(dir.clone(), &[]);
    let stored = StoredFile::open(&dir, "default", &rows);
    stored.assert_holds(&outcomes);
    stored.assert_figures(&server.stats("default").await);
}
