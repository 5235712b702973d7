//! Crash safety: the server is SIGKILLed in the middle of a load and
//! restarted on the same SQLite file. Every submission it acknowledged must be
//! there exactly once, and the aggregates must equal a recount.

mod common;

use common::submitters::{self, StoredFile};
use common::{row_ids, TestServer};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn acknowledged_submissions_survive_sigkill() {
    let server = TestServer::start();
    let rows = row_ids(&server.matrix().await);
    let acked_total = Arc::new(AtomicUsize::new(0));
    let workers = submitters::start(&server.url("/api/boards/default/submissions"), &rows, 24, acked_total.clone());

    let deadline = Instant::now() + Duration::from_secs(60);
    while acked_total.load(Ordering::Relaxed) < 1500 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let dir = server.kill();
    let mut outcomes = Vec::new();
    for worker in workers {
        outcomes.push(worker.await.unwrap());
    }
    let acked: usize = outcomes.iter().map(|o| o.acked.len()).sum();
    assert!(acked_total.load(Ordering::Relaxed) >= 1500, "the load ran before the kill");

    // The restarted server verifies its aggregates against a recount at
    // start-up and refuses to start if they differ.
    let server = TestServer::start_in(dir.clone(), &[]);
    let stored = StoredFile::open(&dir, &rows);
    stored.assert_holds(&outcomes);

    // The API's figures equal a recount of the stored submissions.
    let respondents = stored.assert_figures(&server.stats("default").await);
    assert!(respondents as usize >= acked, "{respondents} stored < {acked} acknowledged respondents");
}
