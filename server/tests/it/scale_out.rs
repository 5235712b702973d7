//! Several server instances sharing one PostgreSQL database: submissions
//! made on any instance reach WebSocket clients on every instance, and an
//! instance whose listener connection is killed recovers by itself.

use crate::common;

use common::{answers, row_ids, Backend, Lcg, TestDatabase, TestServer};
use futures_util::StreamExt;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::time::Duration;
use tokio::task::JoinHandle;
use tokio::time::timeout;
use tokio_tungstenite::connect_async;
use tokio_tungstenite::tungstenite::Message;

fn instance(db: &TestDatabase) -> TestServer {
    TestServer::start_with(&[("DATABASE_URL", db.url.as_str())])
}

/// A client on `server`'s socket, following until it sees `version`; it
/// returns the last message it got.
async fn follower(server: &TestServer, version: u64) -> JoinHandle<Value> {
    let (mut socket, _) = connect_async(server.ws_url("/api/boards/default/live")).await.unwrap();
    tokio::spawn(async move {
        loop {
            let message = timeout(Duration::from_secs(15), socket.next()).await.expect("a message within 15 s");
            let text = match message {
                Some(Ok(Message::Text(text))) => text,
                Some(Ok(Message::Ping(_) | Message::Pong(_))) => continue,
                other => panic!("the socket ended before version {version}: {other:?}"),
            };
            let stats: Value = serde_json::from_str(&text).unwrap();
            if stats["version"] == version {
                return stats;
            }
        }
    })
}

fn submissions_url(server: &TestServer) -> String {
    server.url("/api/boards/default/submissions")
}

/// Sends `bodies` to the URLs in turn, `parallel` at a time; returns each
/// submission's version with its body.
async fn submit_all(urls: Vec<String>, bodies: Vec<Value>, parallel: usize) -> Vec<(u64, Value)> {
    let client = reqwest::Client::new();
    futures_util::stream::iter(bodies.into_iter().enumerate().map(|(k, body)| {
        let (client, url) = (client.clone(), urls[k % urls.len()].clone());
        async move {
            let response = client.post(url).body(body.to_string()).send().await.unwrap();
            assert_eq!(response.status(), 200);
            let receipt: Value = response.json().await.unwrap();
            (receipt["version"].as_u64().unwrap(), body)
        }
    }))
    .buffer_unordered(parallel)
    .collect()
    .await
}

/// What the board must show, worked out from the acknowledged versions: each
/// respondent's answers are those of their highest version.
fn expected_counts(rows: &[String], receipts: &[(u64, Value)]) -> (u64, Value) {
    let mut finals: HashMap<&str, (u64, &Value)> = HashMap::new();
    for (version, body) in receipts {
        let entry = finals.entry(body["respondent"].as_str().unwrap()).or_insert((0, body));
        if *version > entry.0 {
            *entry = (*version, body);
        }
    }
    let mut counts: HashMap<&str, Vec<u64>> = rows.iter().map(|r| (r.as_str(), vec![0; 4])).collect();
    for (_, body) in finals.values() {
        for (row, level) in body["answers"].as_object().unwrap() {
            counts.get_mut(row.as_str()).unwrap()[level.as_u64().unwrap() as usize] += 1;
        }
    }
    (finals.len() as u64, json!(counts))
}

/// `count` submissions by `respondents` in turn.
fn bodies(rows: &[String], count: usize, respondents: &[String], seed: u64) -> Vec<Value> {
    let mut rng = Lcg(seed);
    (0..count)
        .map(|k| {
            let picks: Vec<u64> = rows.iter().map(|_| rng.next(4)).collect();
            json!({ "answers": answers(rows, |i| picks[i]), "respondent": respondents[k % respondents.len()] })
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn clients_on_either_instance_converge_on_submissions_to_both() {
    let db = TestDatabase::create(Backend::Postgres).await;
    let (a, b) = (instance(&db), instance(&db));
    let rows = row_ids(&a.matrix().await);
    let mut followers = Vec::new();
    for _ in 0..20 {
        followers.push(follower(&b, 1000).await);
    }
    followers.push(follower(&a, 1000).await);

    let receipts = submit_all(
        vec![submissions_url(&a), submissions_url(&b)],
        bodies(&rows, 1000, &a.respondents(400).await, 3),
        100,
    )
    .await;
    let mut versions: Vec<u64> = receipts.iter().map(|(v, _)| *v).collect();
    versions.sort_unstable();
    assert_eq!(versions, (1..=1000).collect::<Vec<_>>(), "one version per submission across both instances");

    let (respondents, counts) = expected_counts(&rows, &receipts);
    for follower in followers {
        let last = follower.await.unwrap();
        assert_eq!(last["counts"], counts);
        assert_eq!(last["respondents"], respondents);
    }
    for server in [&a, &b] {
        let stats = server.stats("default").await;
        assert_eq!((stats["version"].as_u64(), &stats["counts"]), (Some(1000), &counts));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn an_instance_whose_listener_is_killed_recovers() {
    let db = TestDatabase::create(Backend::Postgres).await;
    let (a, b) = (instance(&db), instance(&db));
    let rows = row_ids(&a.matrix().await);
    let listener_of_b =
        format!("SELECT pid FROM pg_stat_activity WHERE application_name = 'tally-listener-{}'", b.pid());
    // The listener connects in the background after start-up: wait for it.
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    let mut first = db.execute(&listener_of_b).await;
    while first.is_empty() && std::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(50)).await;
        first = db.execute(&listener_of_b).await;
    }
    assert_eq!(first.len(), 1, "B listens on one connection");
    let killed: i32 = first[0].get(0);
    let mut followers = Vec::new();
    for _ in 0..20 {
        followers.push(follower(&b, 900).await);
    }

    let mut all = bodies(&rows, 900, &b.respondents(300).await, 5);
    let rest = all.split_off(300);
    let mut receipts = submit_all(vec![submissions_url(&a)], all, 30).await;
    // Kill B's listener while submissions keep arriving on A.
    let load = tokio::spawn(submit_all(vec![submissions_url(&a)], rest, 30));
    let terminated = db.execute(&format!("SELECT pg_terminate_backend({killed})")).await;
    assert!(terminated[0].get::<_, bool>(0), "the listener backend was terminated");
    receipts.extend(load.await.unwrap());

    let (respondents, counts) = expected_counts(&rows, &receipts);
    for follower in followers {
        let last = follower.await.unwrap();
        assert_eq!((&last["counts"], &last["respondents"]), (&counts, &json!(respondents)));
    }
    let now = db.execute(&listener_of_b).await;
    assert_eq!(now.len(), 1, "B listens again");
    assert_ne!(now[0].get::<_, i32>(0), killed, "on a new connection");
}

/// The first message on `socket` that `wanted` accepts.
async fn message_where(socket: &mut common::live_frames::Socket, wanted: impl Fn(&Value) -> bool) -> Value {
    loop {
        let message = common::live_frames::next_stats(socket).await;
        if wanted(&message) {
            return message;
        }
    }
}

/// A facilitator's reveal and hide on instance A reach a live page on B,
/// and B's own API agrees.
#[tokio::test]
async fn a_reveal_on_one_instance_reaches_pages_on_another() {
    use reqwest::Method;
    let db = TestDatabase::create(Backend::Postgres).await;
    let (a, b) = (instance(&db), instance(&db));
    let created = a.create_board(json!({ "matrix": "programmer", "slug": "blind" })).await;
    let key = created["admin_key"].as_str().unwrap();
    let rows = row_ids(&a.matrix().await);
    let answer = json!({ "answers": answers(&rows, |_| 1) }).to_string();
    assert_eq!(common::send(&a, Method::POST, "/api/boards/blind/submissions", None, answer).await.0, 200);
    let settings =
        |body: Value| common::send(&a, Method::PUT, "/api/boards/blind/settings", Some(key), body.to_string());
    assert_eq!(settings(json!({ "reveal": "facilitator" })).await.0, 200);

    let (mut socket, _) = connect_async(b.ws_url("/api/boards/blind/live")).await.unwrap();
    let hidden = message_where(&mut socket, |m| m["reveal"] == "facilitator").await;
    assert_eq!((hidden.get("counts"), &hidden["respondents"]), (None, &json!(1)), "{hidden}");
    assert_eq!(settings(json!({ "revealed": true })).await.0, 200);
    let revealed = message_where(&mut socket, |m| m["revealed"] == true).await;
    assert_eq!(revealed["counts"][&rows[0]], json!([0, 1, 0, 0]), "B's page sees A's reveal without reloading");
    assert_eq!(b.stats("blind").await["counts"][&rows[0]], json!([0, 1, 0, 0]));
    assert_eq!(settings(json!({ "revealed": false })).await.0, 200);
    let hidden_again = message_where(&mut socket, |m| m["revealed"] == false).await;
    assert_eq!(hidden_again.get("counts"), None, "and A's hide");
    assert_eq!(b.stats("blind").await["withheld"], true);
}

/// Both instances hold at most three boards and drop them after a second
/// idle, while submissions to eight boards arrive on either, in bursts with
/// idle gaps between. Every board ends the same on both instances (version
/// and figures as the receipts say), and a page watching one board on B
/// follows it throughout.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn instances_evicting_boards_still_converge() {
    let db = TestDatabase::create(Backend::Postgres).await;
    let settings =
        [("DATABASE_URL", db.url.as_str()), ("TALLY_BOARD_IDLE_SECONDS", "1"), ("TALLY_MAX_LOADED_BOARDS", "3")];
    let (a, b) = (TestServer::start_with(&settings), TestServer::start_with(&settings));
    let rows = row_ids(&a.matrix().await);
    let boards: Vec<String> = (0..8).map(|n| format!("team-{n}")).collect();
    for slug in &boards {
        a.create_board(json!({ "matrix": "programmer", "slug": slug })).await;
    }
    let respondents = a.respondents(12).await;
    let (mut socket, _) = connect_async(b.ws_url("/api/boards/team-0/live")).await.unwrap();
    let mut receipts: HashMap<&str, Vec<(u64, Value)>> = HashMap::new();
    for burst in 0..3u64 {
        for (n, board) in boards.iter().enumerate() {
            let urls = [&a, &b].map(|s| s.url(&format!("/api/boards/{board}/submissions"))).to_vec();
            let sent = submit_all(urls, bodies(&rows, 6, &respondents, burst * 100 + n as u64), 3).await;
            receipts.entry(board).or_default().extend(sent);
        }
        // Long enough for both instances to drop every board nobody watches.
        tokio::time::sleep(Duration::from_millis(1600)).await;
    }
    for board in &boards {
        let (respondents, counts) = expected_counts(&rows, &receipts[board.as_str()]);
        for server in [&a, &b] {
            let stats = server.stats(board).await;
            assert_eq!(stats["version"], 18, "{board}: every receipt's version, on both");
            assert_eq!((&stats["counts"], &stats["respondents"]), (&counts, &json!(respondents)), "{board}");
        }
    }
    let last = message_where(&mut socket, |m| m["version"] == 18).await;
    assert_eq!(last["counts"], expected_counts(&rows, &receipts["team-0"]).1, "the watched board followed");
    for server in [&a, &b] {
        let metrics = reqwest::get(server.url("/metrics")).await.unwrap().text().await.unwrap();
        let evicted = common::metric(&metrics, "tally_board_evictions_total");
        assert!(evicted >= 10.0, "boards were evicted and read again all along ({evicted})");
    }
}
