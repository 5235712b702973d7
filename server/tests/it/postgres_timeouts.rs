//! A slow or stuck PostgreSQL never stalls a submission for long: a row
//! lock held elsewhere fails it after `lock_timeout` with 503, a commit past
//! its deadline is cancelled, a submitter waits at most twice that, and
//! readiness tells a load balancer while the writer is stuck.

use crate::common;

use common::{answers, row_ids, Backend, TestDatabase, TestServer};
use reqwest::{header, Client, Response};
use serde_json::{json, Value};
use std::process::Command;
use std::time::{Duration, Instant};

async fn submit(server: &TestServer, body: &Value) -> Response {
    let client = Client::builder().timeout(Duration::from_secs(20)).build().unwrap();
    let url = server.url("/api/boards/default/submissions");
    client.post(url).body(body.to_string()).send().await.expect("answered, not stalled")
}

async fn readiness(server: &TestServer) -> (u16, Value) {
    let response = reqwest::get(server.url("/readyz")).await.unwrap();
    (response.status().as_u16(), response.json().await.unwrap())
}

/// Holds the default board's row lock on a connection of its own, as a
/// long transaction elsewhere would, until the client is dropped.
async fn hold_board_lock(db: &TestDatabase) -> tokio_postgres::Client {
    let (client, connection) = tokio_postgres::connect(&db.url, tokio_postgres::NoTls).await.unwrap();
    tokio::spawn(connection);
    client.batch_execute("BEGIN; SELECT 1 FROM boards WHERE id = 'default' FOR UPDATE").await.unwrap();
    client
}

#[tokio::test]
async fn a_row_lock_held_elsewhere_fails_the_submission_fast_and_applies_nothing() {
    let db = TestDatabase::create(Backend::Postgres).await;
    let server = TestServer::start_with(&[("DATABASE_URL", &db.url), ("TALLY_PG_LOCK_TIMEOUT_MS", "300")]);
    let rows = row_ids(&server.matrix().await);
    let body = json!({ "answers": answers(&rows, |_| 1) });
    assert_eq!(submit(&server, &body).await.status(), 200);

    let holder = hold_board_lock(&db).await;
    let started = Instant::now();
    let refused = submit(&server, &body).await;
    assert!(started.elapsed() < Duration::from_secs(3), "refused after {:?}", started.elapsed());
    assert_eq!(refused.status(), 503);
    assert_eq!(refused.headers()[header::RETRY_AFTER], "1");
    let error: Value = refused.json().await.unwrap();
    assert_eq!(error["error"], "the database is busy; try again in 1 s");
    assert_eq!(server.stats("default").await["version"], 1, "nothing applied");

    drop(holder);
    assert_eq!(submit(&server, &body).await.status(), 200, "served again once the lock is gone");
    assert_eq!(server.stats("default").await["version"], 2);
}

#[tokio::test]
async fn a_commit_past_its_deadline_is_cancelled() {
    let db = TestDatabase::create(Backend::Postgres).await;
    let server = TestServer::start_with(&[
        ("DATABASE_URL", &db.url),
        ("TALLY_PG_LOCK_TIMEOUT_MS", "60000"),
        ("TALLY_COMMIT_TIMEOUT_MS", "500"),
    ]);
    let rows = row_ids(&server.matrix().await);
    let holder = hold_board_lock(&db).await;
    let started = Instant::now();
    let refused = submit(&server, &json!({ "answers": answers(&rows, |_| 1) })).await;
    assert!(started.elapsed() < Duration::from_secs(3), "refused after {:?}", started.elapsed());
    assert_eq!(refused.status(), 503);
    drop(holder);
    assert_eq!(server.stats("default").await["version"], 0, "the cancelled commit left nothing");
    let stored = db.execute("SELECT version FROM boards WHERE id = 'default'").await;
    assert_eq!(stored[0].get::<_, i64>(0), 0);
}

/// The writer's own database session frozen (SIGSTOP), so even the
/// cancellation cannot land until it thaws.
#[tokio::test]
async fn a_stuck_writer_makes_the_instance_unready_and_submitters_wait_bounded() {
    let db = TestDatabase::create(Backend::Postgres).await;
    let server = TestServer::start_with(&[("DATABASE_URL", &db.url), ("TALLY_COMMIT_TIMEOUT_MS", "1000")]);
    let rows = row_ids(&server.matrix().await);
    let first: Value = submit(&server, &json!({ "answers": answers(&rows, |_| 1) })).await.json().await.unwrap();
    let token = first["respondent"].as_str().unwrap().to_string();
    let writer = format!("SELECT pid FROM pg_stat_activity WHERE application_name = 'tally-commits-{}'", server.pid());
    let pid: i32 = db.execute(&writer).await[0].get(0);
    let signal = |name: &str| assert!(Command::new("kill").arg(name).arg(pid.to_string()).status().unwrap().success());

    signal("-STOP");
    let body = json!({ "answers": answers(&rows, |_| 3), "respondent": token });
    let waiting = tokio::spawn({
        let (url, body) = (server.url("/api/boards/default/submissions"), body.to_string());
        async move {
            let started = Instant::now();
            let response = Client::new().post(url).body(body).send().await.unwrap();
            (started.elapsed(), response.status().as_u16(), response.json::<Value>().await.unwrap())
        }
    });
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let (status, reason) = readiness(&server).await;
    assert_eq!((status, reason["reason"].as_str()), (503, Some("a commit is stuck past its timeout")));
    let (waited, status, error) = waiting.await.unwrap();
    signal("-CONT");
    assert_eq!(status, 503, "{error}");
    assert!(waited < Duration::from_secs(4), "the submitter waited {waited:?}");
    assert!(error["error"].as_str().unwrap().contains("sending them again replaces them"), "{error}");

    let started = Instant::now();
    while readiness(&server).await.0 != 200 {
        assert!(started.elapsed() < Duration::from_secs(10), "ready again once the writer thaws");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // Unconfirmed or not, sending the same answers again counts them once.
    assert_eq!(submit(&server, &body).await.status(), 200);
    let stats = server.stats("default").await;
    assert_eq!(stats["respondents"], 1);
    assert_eq!(stats["counts"][&rows[0]], json!([0, 0, 0, 1]));
}
