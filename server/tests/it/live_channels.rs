//! A board keeps a live channel (and its broadcaster task) only while
//! someone watches it: the last socket to leave frees it, the next one
//! starts a new one that serves the same figures and follows new ones, and
//! sockets coming and going at once never leave one behind or join one that
//! is going. Counted by `tally_live_boards`.

use crate::common;

use common::live_frames::{next_stats, Socket};
use common::{answers, metric, row_ids, TestServer};
use serde_json::json;
use std::time::{Duration, Instant};
use tokio_tungstenite::connect_async;

async fn connect(server: &TestServer, board: &str) -> Socket {
    connect_async(server.ws_url(&format!("/api/boards/{board}/live"))).await.expect("live connection opens").0
}

async fn live_boards(server: &TestServer) -> f64 {
    metric(&reqwest::get(server.url("/metrics")).await.unwrap().text().await.unwrap(), "tally_live_boards")
}

/// Waits (at most 5 s) until `tally_live_boards` is `count`.
async fn until_live_boards(server: &TestServer, count: f64) {
    let deadline = Instant::now() + Duration::from_secs(5);
    while live_boards(server).await != count {
        assert!(Instant::now() < deadline, "tally_live_boards stayed {} instead of {count}", live_boards(server).await);
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

async fn submit(server: &TestServer, rows: &[String], level: u64) -> u64 {
    let body = json!({ "answers": answers(rows, |_| level) }).to_string();
    let response =
        reqwest::Client::new().post(server.url("/api/boards/default/submissions")).body(body).send().await.unwrap();
    assert_eq!(response.status(), 200);
    response.json::<serde_json::Value>().await.unwrap()["version"].as_u64().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_channel_lives_while_someone_watches_and_comes_back_for_the_next() {
    let server = TestServer::start();
    server.create_board(json!({ "matrix": "programmer", "slug": "other" })).await;
    let rows = row_ids(&server.matrix().await);
    assert_eq!(live_boards(&server).await, 0.0);

    let (mut a, b, c) =
        (connect(&server, "default").await, connect(&server, "default").await, connect(&server, "other").await);
    next_stats(&mut a).await;
    until_live_boards(&server, 2.0).await;
    drop(b);
    drop(c);
    until_live_boards(&server, 1.0).await;
    drop(a);
    until_live_boards(&server, 0.0).await;

    // A board left alone: the next watcher gets a new channel with the same
    // figures, and it follows the figures that move after.
    let version = submit(&server, &rows, 1).await;
    let mut again = connect(&server, "default").await;
    let first = next_stats(&mut again).await;
    assert_eq!((first["version"].as_u64(), &first["respondents"]), (Some(version), &json!(1)));
    let next = submit(&server, &rows, 2).await;
    while next_stats(&mut again).await["version"].as_u64() != Some(next) {}
    drop(again);
    until_live_boards(&server, 0.0).await;

    // Sockets coming and going at once, 400 of them, 40 at a time: none is
    // left behind, and none joined a channel that was going away (each got
    // its first frame).
    let mut cycles = tokio::task::JoinSet::new();
    for k in 0..400u32 {
        let url = server.ws_url("/api/boards/default/live");
        cycles.spawn(async move {
            tokio::time::sleep(Duration::from_micros(u64::from(k % 40) * 250)).await;
            let (mut socket, _) = connect_async(url).await.expect("live connection opens");
            next_stats(&mut socket).await
        });
        if cycles.len() >= 40 {
            cycles.join_next().await.unwrap().unwrap();
        }
    }
    while let Some(first) = cycles.join_next().await {
        assert_eq!(first.unwrap()["type"], "stats");
    }
    until_live_boards(&server, 0.0).await;
    let mut last = connect(&server, "default").await;
    next_stats(&mut last).await;
    let after = submit(&server, &rows, 3).await;
    while next_stats(&mut last).await["version"].as_u64() != Some(after) {}
    assert_eq!(live_boards(&server).await, 1.0);
}
