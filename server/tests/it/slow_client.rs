//! Live clients that stop reading: the server must not wait on them for
//! ever, or their queued frames and the heartbeat behind them pile up.

use crate::common;

use common::{metric, TestServer};
use futures_util::StreamExt;
use serde_json::json;
use std::time::{Duration, Instant};

/// A matrix of `rows` rows with four levels, in its own directory, so its
/// live frames are large.
fn large_matrix_dir(rows: usize) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("tally-large-matrix-{}-{rows}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut toml = String::from("id = \"large\"\ntitle = \"Large\"\nallow_partial = true\n");
    for level in 0..4 {
        toml.push_str(&format!("[[levels]]\nid = \"l{level}\"\nlabel = \"Level {level}\"\nshort = \"{level}\"\n"));
    }
    toml.push_str("[[categories]]\nid = \"all\"\ntitle = \"All\"\n");
    for row in 0..rows {
        toml.push_str(&format!(
            "[[categories.rows]]\nid = \"competency-{row:05}\"\ntitle = \"Competency {row}\"\ndescriptions = [\"a\", \"b\", \"c\", \"d\"]\n"
        ));
    }
    std::fs::write(dir.join("large.toml"), toml).unwrap();
    dir
}

/// A client that stops reading while large frames keep coming is dropped
/// once a frame cannot be sent within the heartbeat period, and counted;
/// a client that reads on is not affected.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_that_stops_reading_is_dropped() {
    let matrices = large_matrix_dir(4000);
    let server = TestServer::start_with(&[
        ("TALLY_MATRICES", matrices.to_str().unwrap()),
        ("TALLY_DEFAULT_MATRIX", "large"),
        ("TALLY_PING_SECONDS", "1"),
    ]);
    let url = server.ws_url("/api/boards/default/live");
    // A small receive buffer, never read: the server's sends soon stall.
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.set_recv_buffer_size(4096).unwrap();
    let stream = socket.connect(server.base.trim_start_matches("http://").parse().unwrap()).await.unwrap();
    let (stalled, _) = tokio_tungstenite::client_async(url.as_str(), stream).await.unwrap();
    let (mut reader, _) = tokio_tungstenite::connect_async(url.as_str()).await.unwrap();
    let reading = tokio::spawn(async move {
        let mut received = 0u64;
        while let Some(Ok(_)) = reader.next().await {
            received += 1;
        }
        received
    });

    // Every submission changes a row's counts, so every interval has a new frame.
    let client = reqwest::Client::new();
    let started = Instant::now();
    let mut dropped = 0.0;
    for k in 0..600u64 {
        let body = json!({ "answers": { format!("competency-{:05}", k % 4000): k % 4 } });
        let response = client.post(server.url("/api/boards/default/submissions")).body(body.to_string()).send().await;
        assert_eq!(response.unwrap().status(), 200);
        tokio::time::sleep(Duration::from_millis(25)).await;
        if k % 20 == 19 {
            let metrics = client.get(server.url("/metrics")).send().await.unwrap().text().await.unwrap();
            dropped = metric(&metrics, "tally_live_slow_clients_dropped_total");
            if dropped >= 1.0 {
                break;
            }
        }
    }
    assert_eq!(dropped, 1.0, "the stalled client was dropped within {:?}", started.elapsed());
    let watching = client.get(server.url("/metrics")).send().await.unwrap().text().await.unwrap();
    assert_eq!(metric(&watching, "tally_live_connections{board=\"default\"}"), 1.0, "the reading client stays");
    drop((stalled, server));
    assert!(reading.await.unwrap() > 10, "the reading client kept receiving");
}
