//! Live push over real WebSocket connections (tokio-tungstenite clients).

use crate::common;

use common::live_frames::{next_stats, Socket};
use common::{answers, row_ids, Lcg, TestServer};
use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use std::time::Duration;
use tokio::time::timeout;
use tokio_tungstenite::connect_async;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::tungstenite::{Error, Message};

async fn connect(server: &TestServer) -> Socket {
    connect_async(server.ws_url("/api/boards/default/live")).await.expect("live connection opens").0
}

async fn submit(server: &TestServer, body: Value) {
    let response = reqwest::Client::new()
        .post(server.url("/api/boards/default/submissions"))
        .body(body.to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_hundred_clients_follow_two_thousand_submissions() {
    let server = TestServer::start();
    let rows = row_ids(&server.matrix().await);
    let mut clients = Vec::new();
    for _ in 0..200 {
        clients.push(connect(&server).await);
    }
    // Wait until the server counts every connection as watching.
    while next_stats(clients.last_mut().unwrap()).await["watching"] != 200 {}
    // Each client follows on its own task until it has seen the final version.
    let followers: Vec<_> = clients
        .into_iter()
        .map(|mut socket| {
            tokio::spawn(async move {
                let mut messages: Vec<Value> = Vec::new();
                loop {
                    let message = next_stats(&mut socket).await;
                    assert_eq!(message["type"], "stats");
                    // Earlier messages announced other clients joining; from
                    // the one that counts all 200 on, only the figures change.
                    if message["watching"] == 200 {
                        messages.push(message.clone());
                    }
                    if message["version"] == 2000 {
                        // Keep the socket open: closing it would change `watching` for the others.
                        return (messages, socket);
                    }
                }
            })
        })
        .collect();
    let client = reqwest::Client::new();
    let mut rng = Lcg(11);
    let people = server.respondents(700).await;
    let submissions: Vec<_> = (0..2000usize)
        .map(|k| {
            let picks: Vec<u64> = rows.iter().map(|_| rng.next(4)).collect();
            let body = json!({ "answers": answers(&rows, |i| picks[i]), "respondent": people[k % 700] });
            let (client, url) = (client.clone(), server.url("/api/boards/default/submissions"));
            tokio::spawn(async move { client.post(url).body(body.to_string()).send().await.unwrap().status() })
        })
        .collect();
    for submission in submissions {
        assert_eq!(submission.await.unwrap(), 200);
    }
    let stats = server.stats("default").await;
    assert_eq!(stats["version"], 2000);
    let mut results = Vec::new();
    for follower in followers {
        results.push(follower.await.unwrap());
    }
    for (messages, _still_open) in &results {
        // With the watchers settled, a message is sent only for new figures:
        // every version is higher than the one before, never a repeat.
        for pair in messages.windows(2) {
            let (v0, v1) = (pair[0]["version"].as_u64().unwrap(), pair[1]["version"].as_u64().unwrap());
            assert!(v1 > v0, "version {v0} then {v1}");
        }
        let last = messages.last().unwrap();
        assert_eq!(last["counts"], stats["counts"]);
        assert_eq!(last["respondents"], stats["respondents"]);
        assert_eq!(last["watching"], 200);
    }
    // The order check above means something only if clients saw a series.
    assert!(results.iter().all(|(messages, _)| messages.len() >= 2), "every client saw several versions");
}

#[tokio::test]
async fn the_first_message_is_the_current_snapshot_and_reconnecting_resyncs() {
    let server = TestServer::start();
    let rows = row_ids(&server.matrix().await);
    let mut socket = connect(&server).await;
    let first = next_stats(&mut socket).await;
    assert_eq!((first["board"].as_str(), first["version"].as_u64()), (Some("default"), Some(0)));
    assert_eq!(first["counts"], server.stats("default").await["counts"]);

    drop(socket); // the connection is cut
    submit(&server, json!({ "answers": answers(&rows, |_| 3) })).await;
    let mut again = connect(&server).await;
    let resynced = next_stats(&mut again).await;
    assert_eq!(resynced["version"], 1);
    assert_eq!(resynced["counts"][&rows[0]], json!([0, 0, 0, 1]));
}

#[tokio::test]
async fn watchers_are_counted_and_pushed() {
    let server = TestServer::start();
    let mut first = connect(&server).await;
    let mut seen = next_stats(&mut first).await;
    while seen["watching"] != 1 {
        seen = next_stats(&mut first).await;
    }
    let second = connect(&server).await;
    while seen["watching"] != 2 {
        seen = next_stats(&mut first).await;
    }
    drop(second);
    while seen["watching"] != 1 {
        seen = next_stats(&mut first).await;
    }
}

#[tokio::test]
async fn a_data_frame_from_a_client_closes_it_with_policy_violation() {
    let server = TestServer::start();
    for frame in [Message::text("hello"), Message::binary(vec![0u8; 4]), Message::text("x".repeat(4096))] {
        let mut socket = connect(&server).await;
        next_stats(&mut socket).await;
        socket.send(frame).await.unwrap();
        assert_eq!(close_code(&mut socket).await, CloseCode::Policy);
    }
}

/// The code of the close frame the server sends next (within 10 s),
/// skipping anything before it.
async fn close_code(socket: &mut Socket) -> CloseCode {
    loop {
        match timeout(Duration::from_secs(10), socket.next()).await.expect("closed within 10 s") {
            Some(Ok(Message::Close(frame))) => return frame.expect("a close code").code,
            Some(Ok(_)) => continue,
            other => panic!("expected a close frame, got {other:?}"),
        }
    }
}

/// A burst of 5,000 pings does not hurt the server: it stays ready, the
/// figures are unchanged, and the first data frame still closes with 1008.
#[tokio::test]
async fn a_flood_of_control_frames_is_survived_and_data_still_closes() {
    let server = TestServer::start();
    let mut socket = connect(&server).await;
    next_stats(&mut socket).await;
    for _ in 0..5_000 {
        socket.feed(Message::Ping(vec![0u8; 16].into())).await.unwrap();
    }
    socket.flush().await.unwrap();
    assert_eq!(reqwest::get(server.url("/readyz")).await.unwrap().status(), 200);
    socket.send(Message::text("flood")).await.unwrap();
    assert_eq!(close_code(&mut socket).await, CloseCode::Policy);
    assert_eq!(server.stats("default").await["version"], 0);
}

#[tokio::test]
async fn a_foreign_origin_is_refused_and_the_own_origin_accepted() {
    let server = TestServer::start_with(&[("TALLY_ALLOWED_ORIGINS", "https://partner.example")]);
    let with_origin = |origin: &str| {
        let mut request = server.ws_url("/api/boards/default/live").into_client_request().unwrap();
        request.headers_mut().insert("Origin", origin.parse().unwrap());
        request
    };
    match connect_async(with_origin("https://evil.example")).await {
        Err(Error::Http(response)) => assert_eq!(response.status(), 403),
        other => panic!("expected 403, got {:?}", other.map(|(_, r)| r.status())),
    }
    assert!(connect_async(with_origin(&server.base)).await.is_ok());
    assert!(connect_async(with_origin("https://partner.example")).await.is_ok());
    match connect_async(server.ws_url("/api/boards/nope/live")).await {
        Err(Error::Http(response)) => assert_eq!(response.status(), 404),
        other => panic!("expected 404, got {:?}", other.map(|(_, r)| r.status())),
    }
}

#[tokio::test]
async fn a_client_that_never_answers_pings_is_closed() {
    let server = TestServer::start_with(&[("TALLY_PING_SECONDS", "1")]);
    let mut watcher = connect(&server).await;
    let silent = connect(&server).await; // never read, so it never answers a ping
    let mut seen = next_stats(&mut watcher).await;
    while seen["watching"] != 2 {
        seen = next_stats(&mut watcher).await;
    }
    // Two unanswered pings later (about 3 s) the server drops the silent one.
    while seen["watching"] != 1 {
        seen = next_stats(&mut watcher).await;
    }
    drop(silent);
}
