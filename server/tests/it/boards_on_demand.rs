//! Boards on demand, against the binary on SQLite: start-up reads no board,
//! an idle board is evicted and comes back the same (to live clients too),
//! a board whose stored aggregates were tampered with is refused while the
//! others serve, and `server verify` finds it, beside the running server.

use crate::common;

use common::live_frames::next_stats;
use common::{answers, metric, row_ids, TestServer};
use serde_json::{json, Value};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};
use tokio_tungstenite::connect_async;

async fn metrics(server: &TestServer) -> String {
    reqwest::get(server.url("/metrics")).await.unwrap().text().await.unwrap()
}

/// Submits `level` on every row as a new respondent; returns the version.
async fn submit(server: &TestServer, board: &str, rows: &[String], level: u64) -> u64 {
    let body = json!({ "answers": answers(rows, |_| level) }).to_string();
    let url = server.url(&format!("/api/boards/{board}/submissions"));
    let response = reqwest::Client::new().post(url).body(body).send().await.unwrap();
    assert_eq!(response.status(), 200);
    response.json::<Value>().await.unwrap()["version"].as_u64().unwrap()
}

/// Runs `server verify` on the SQLite file in `dir`: (exit code, stdout, stderr).
fn verify(dir: &Path) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_server"))
        .arg("verify")
        .env("DATABASE_URL", format!("sqlite://{}", dir.join("tally.db").display()))
        .output()
        .unwrap();
    let text = |bytes: Vec<u8>| String::from_utf8(bytes).unwrap();
    (output.status.code().unwrap_or(-1), text(output.stdout), text(output.stderr))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_idle_board_is_evicted_and_comes_back_the_same_to_live_clients() {
    let server = TestServer::start_with(&[("TALLY_BOARD_IDLE_SECONDS", "1")]);
    let rows = row_ids(&server.matrix().await);
    server.create_board(json!({ "matrix": "programmer", "slug": "quiet" })).await;
    for level in [0, 1, 1, 3] {
        submit(&server, "quiet", &rows, level).await;
    }
    let before = server.stats("quiet").await;
    let deadline = Instant::now() + Duration::from_secs(10);
    while metric(&metrics(&server).await, "tally_boards_loaded") > 0.0 {
        assert!(Instant::now() < deadline, "idle boards are evicted:\n{}", metrics(&server).await);
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert!(metric(&metrics(&server).await, "tally_board_evictions_total") >= 2.0, "both boards went");

    // A live client is the board's first use after the eviction.
    let (mut socket, _) = connect_async(server.ws_url("/api/boards/quiet/live")).await.unwrap();
    let mut first = next_stats(&mut socket).await;
    for live_only in ["type", "watching"] {
        first.as_object_mut().unwrap().remove(live_only);
    }
    assert_eq!(first, before, "the same version, round and figures");
    assert_eq!(first["respondents"], 4);
    let version = submit(&server, "quiet", &rows, 2).await;
    assert_eq!(version, before["version"].as_u64().unwrap() + 1);
    let next = next_stats(&mut socket).await;
    assert_eq!((next["version"].as_u64(), next["respondents"].as_u64()), (Some(version), Some(5)));

    // Watched, it stays, however long it is idle.
    tokio::time::sleep(Duration::from_millis(2500)).await;
    assert_eq!(metric(&metrics(&server).await, "tally_boards_loaded"), 1.0, "the watched board is kept");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_tampered_board_is_refused_while_others_serve_and_verify_finds_it() {
    let server = TestServer::start();
    let rows = row_ids(&server.matrix().await);
    for slug in ["good", "bad"] {
        server.create_board(json!({ "matrix": "programmer", "slug": slug })).await;
        submit(&server, slug, &rows, 1).await;
        submit(&server, slug, &rows, 2).await;
    }
    let (code, _, stderr) = verify(&server.dir);
    assert_eq!(code, 0, "a consistent file passes: {stderr}");
    assert!(stderr.contains("every board agrees"), "{stderr}");
    let (dir, status) = server.terminate();
    assert!(status.success());

    let file = rusqlite::Connection::open(dir.join("tally.db")).unwrap();
    let changed = file
        .execute("UPDATE counts SET n = n + 1 WHERE board_id = 'bad' AND row_id = ?1 AND level = 1", [&rows[0]])
        .unwrap();
    assert_eq!(changed, 1);
    drop(file);

    let server = TestServer::start_in(dir.clone(), &[("RUST_LOG", "info")]);
    // Start-up reads no board: only the default one, which it makes sure of, is loaded.
    assert_eq!(metric(&metrics(&server).await, "tally_boards_loaded"), 1.0);
    let response = reqwest::get(server.url("/api/boards/bad/stats")).await.unwrap();
    assert_eq!(response.status(), 503);
    assert!(response.headers().contains_key("retry-after"));
    let body = response.text().await.unwrap();
    assert!(body.contains("board 'bad' cannot be served") && body.contains("recount"), "{body}");
    let page = reqwest::get(server.url("/b/bad")).await.unwrap();
    assert_eq!(page.status(), 503, "the page says so too");
    let submission = json!({ "answers": answers(&rows, |_| 0) }).to_string();
    let refused =
        reqwest::Client::new().post(server.url("/api/boards/bad/submissions")).body(submission).send().await.unwrap();
    assert_eq!(refused.status(), 503, "and takes no answers");

    assert_eq!(server.stats("good").await["respondents"], 2, "other boards serve");
    assert_eq!(submit(&server, "good", &rows, 3).await, 3);
    assert_eq!(metric(&metrics(&server).await, "tally_boards_refused_total"), 1.0, "refused once, then remembered");
    let log = server.log();
    assert!(log.contains("board not served") && log.contains("bad"), "the operator is told:\n{log}");

    // `server verify` only reads, so it runs beside the server on the same file.
    let (code, stdout, stderr) = verify(&server.dir);
    assert_eq!(code, 1, "{stdout}\n{stderr}");
    let expected = format!("board 'bad', round 1, row '{}', level 1: stored 2 but recount gives 1", rows[0]);
    assert_eq!(stdout.trim(), expected, "one mismatch, named");
    assert!(!stdout.contains("'good'"));
    assert_eq!(submit(&server, "good", &rows, 0).await, 4, "the server still writes");
}
