//! `/healthz` and `/readyz`, including readiness following the database
//! going away and coming back.

use crate::common;

use common::{metric as sample, Backend, TestDatabase, TestServer};
use serde_json::Value;

async fn probe(server: &TestServer, path: &str) -> (u16, Value) {
    let response = reqwest::get(server.url(path)).await.unwrap();
    (response.status().as_u16(), response.json().await.unwrap())
}

#[tokio::test]
async fn alive_and_ready_on_the_sqlite_file() {
    let server = TestServer::start();
    assert_eq!(probe(&server, "/healthz").await.0, 200);
    let (status, body) = probe(&server, "/readyz").await;
    assert_eq!((status, body["status"].as_str()), (200, Some("ready")));
    assert!(body["matrices"].as_u64().unwrap() >= 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readiness_follows_the_database() {
    let db = TestDatabase::create(Backend::Postgres).await;
    let server = TestServer::start_with(&[("DATABASE_URL", db.url.as_str())]);
    assert_eq!(probe(&server, "/readyz").await.0, 200);

    let name = db.url.rsplit('/').next().unwrap().to_string();
    let admin = TestDatabase::admin().await;
    admin.batch_execute(&format!("ALTER DATABASE {name} ALLOW_CONNECTIONS false")).await.unwrap();
    admin
        .batch_execute(&format!("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"))
        .await
        .unwrap();
    let (status, body) = probe(&server, "/readyz").await;
    assert_eq!((status, body["reason"].as_str()), (503, Some("the database does not answer")));
    assert_eq!(probe(&server, "/healthz").await.0, 200, "alive all the same");

    admin.batch_execute(&format!("ALTER DATABASE {name} ALLOW_CONNECTIONS true")).await.unwrap();
    assert_eq!(probe(&server, "/readyz").await.0, 200, "ready again once the database is back");
}

#[tokio::test]
async fn metrics_count_what_happened() {
    let server = TestServer::start();
    let rows = common::row_ids(&server.matrix().await);
    let (mut socket, _) = tokio_tungstenite::connect_async(server.ws_url("/api/boards/default/live")).await.unwrap();
    let client = reqwest::Client::new();
    let url = server.url("/api/boards/default/submissions");
    for _ in 0..3 {
        let body = serde_json::json!({ "answers": common::answers(&rows, |_| 1) });
        assert_eq!(client.post(&url).body(body.to_string()).send().await.unwrap().status(), 200);
    }
    let bad = serde_json::json!({ "answers": { "no-such-row": 1 } });
    assert_eq!(client.post(&url).body(bad.to_string()).send().await.unwrap().status(), 422);
    // Wait until the socket has been sent the last version, so fan-out is recorded.
    use futures_util::StreamExt;
    loop {
        let message = socket.next().await.unwrap().unwrap();
        if message.to_text().unwrap_or_default().contains("\"version\":3") {
            break;
        }
    }

    // The socket records its fan-out time just after the frame has left, so
    // the client may read the frame first: look again, for a bounded while.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    let text = loop {
        let response = reqwest::get(server.url("/metrics")).await.unwrap();
        assert_eq!(response.headers()["content-type"], "text/plain; version=0.0.4");
        let text = response.text().await.unwrap();
        if sample(&text, "tally_fan_out_seconds_count") >= 1.0 || std::time::Instant::now() > deadline {
            break text;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    };
    assert_eq!(sample(&text, "tally_submissions_accepted_total"), 3.0);
    assert_eq!(sample(&text, "tally_submissions_rejected_total{status=\"422\"}"), 1.0);
    assert_eq!(sample(&text, "tally_database_errors_total"), 0.0);
    assert_eq!(sample(&text, "tally_live_connections{board=\"default\"}"), 1.0);
    let batches = sample(&text, "tally_group_commit_size_count");
    assert!((1.0..=3.0).contains(&batches), "{batches} group commits for 3 submissions");
    assert_eq!(sample(&text, "tally_group_commit_size_sum"), 3.0);
    assert!(sample(&text, "tally_fan_out_seconds_count") >= 1.0);
}

/// A private board's id is a secret: `/metrics` never names it, even while
/// someone watches the board live.
#[tokio::test]
async fn metrics_never_name_a_private_board() {
    let server = TestServer::start();
    let created = server.create_board(serde_json::json!({ "matrix": "programmer" })).await;
    let id = created["id"].as_str().unwrap();
    assert_eq!(created["private"], true);
    let (mut socket, _) =
        tokio_tungstenite::connect_async(server.ws_url(&format!("/api/boards/{id}/live"))).await.unwrap();
    use futures_util::StreamExt;
    socket.next().await.unwrap().unwrap();

    let text = reqwest::get(server.url("/metrics")).await.unwrap().text().await.unwrap();
    assert!(!text.contains(id), "the private id leaks:\n{text}");
    assert_eq!(sample(&text, "tally_private_live_connections"), 1.0, "counted, without its id");
}

/// A free port on 127.0.0.1, for a second listener.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

#[tokio::test]
async fn metrics_can_want_a_token_and_a_listener_of_their_own() {
    let port = free_port();
    let address = format!("127.0.0.1:{port}");
    let server =
        TestServer::start_with(&[("TALLY_METRICS_TOKEN", "metrics-secret"), ("TALLY_METRICS_ADDR", address.as_str())]);
    let client = reqwest::Client::new();
    let on_site = client.get(server.url("/metrics")).bearer_auth("metrics-secret").send().await.unwrap();
    assert_eq!(on_site.status(), 404, "not on the site's address");

    let url = format!("http://{address}/metrics");
    let without = client.get(&url).send().await.unwrap();
    assert_eq!(without.status(), 401);
    assert!(without.text().await.unwrap().contains("Authorization: Bearer"));
    assert_eq!(client.get(&url).bearer_auth("wrong").send().await.unwrap().status(), 401);
    let with = client.get(&url).bearer_auth("metrics-secret").send().await.unwrap();
    assert_eq!(with.status(), 200);
    assert!(with.text().await.unwrap().contains("tally_submissions_accepted_total 0"));
}

/// While another process holds the SQLite file's write lock, submissions
/// fail: the client gets a 500 naming only the request id (the database's
/// words stay in the log), and readiness says writes fail until they work
/// again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failing_writes_give_a_plain_500_and_unready() {
    let server = TestServer::start();
    let rows = common::row_ids(&server.matrix().await);
    let locker = rusqlite::Connection::open(server.dir.join("tally.db")).unwrap();
    locker.execute_batch("BEGIN EXCLUSIVE").unwrap();

    let body = serde_json::json!({ "answers": common::answers(&rows, |_| 1) });
    let client = reqwest::Client::new();
    let response =
        client.post(server.url("/api/boards/default/submissions")).body(body.to_string()).send().await.unwrap();
    assert_eq!(response.status(), 500);
    let id = response.headers()["x-request-id"].to_str().unwrap().to_string();
    let text = response.text().await.unwrap();
    assert!(text.contains(&format!("see request {id} in the server's log")), "{text}");
    assert!(!text.contains("locked") && !text.contains("SQLite") && !text.contains("applying"), "{text}");

    let mut form = vec![("board".to_string(), "default".to_string())];
    form.extend(rows.iter().map(|r| (format!("answers[{r}]"), "1".to_string())));
    let page = client
        .post(server.url("/api/submit_answers"))
        .header("accept", "application/json")
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 500);
    let text = page.text().await.unwrap();
    assert!(text.contains("see request") && !text.contains("locked"), "the page's door hides it too: {text}");

    let (status, body) = probe(&server, "/readyz").await;
    assert_eq!((status, body["reason"].as_str()), (503, Some("writes to the database fail")));
    locker.execute_batch("ROLLBACK").unwrap();
    assert_eq!(probe(&server, "/readyz").await.0, 200, "ready again once writes work");
    assert_eq!(server.stats("default").await["version"], 0, "nothing was applied");
}
