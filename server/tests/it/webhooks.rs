//! Webhooks against the real binary and a receiver the test runs on
//! 127.0.0.1: signed deliveries, retries, a restart mid-retry, a hanging
//! endpoint beside submissions, participation, the admin API, the refusal
//! of private addresses by default, and one delivery per event across two
//! instances on PostgreSQL.

use crate::common;

use common::receiver::{Receiver, Script};
use common::{answers, row_ids, send, Backend, TestDatabase, TestServer};
use reqwest::Method;
use serde_json::{json, Value};
use std::time::Duration;

const SECRET: &str = "a-receivers-shared-secret";

/// A server that may reach the test's receiver, retrying after a second.
fn reaching_loopback(extra: &[(&str, &str)]) -> TestServer {
    let mut env = vec![("TALLY_WEBHOOKS_ALLOW_PRIVATE", "true"), ("TALLY_WEBHOOK_RETRY_SECONDS", "1")];
    env.extend_from_slice(extra);
    TestServer::start_with(&env)
}

/// A new board `slug` and its admin key.
async fn board(server: &TestServer, slug: &str) -> String {
    let created = server.create_board(json!({ "matrix": "programmer", "slug": slug })).await;
    created["admin_key"].as_str().unwrap().to_string()
}

/// Adds an endpoint; its id.
async fn hook(server: &TestServer, slug: &str, key: &str, body: Value) -> String {
    let (status, added) =
        send(server, Method::POST, &format!("/api/boards/{slug}/webhooks"), Some(key), body.to_string()).await;
    assert_eq!(status, 201, "{added}");
    added["webhook"]["id"].as_str().unwrap().to_string()
}

async fn admin(server: &TestServer, method: Method, path: String, key: &str, body: Value) -> (u16, Value) {
    let body = if body.is_null() { String::new() } else { body.to_string() };
    send(server, method, &path, Some(key), body).await
}

async fn deliveries(server: &TestServer, slug: &str, key: &str) -> Vec<Value> {
    let (status, log) =
        admin(server, Method::GET, format!("/api/boards/{slug}/webhooks/deliveries"), key, Value::Null).await;
    assert_eq!(status, 200);
    log.as_array().unwrap().clone()
}

/// Waits (at most 30 s) until the board's log holds `count` deliveries
/// passing `done`.
async fn settled(server: &TestServer, slug: &str, key: &str, count: usize, done: fn(&Value) -> bool) -> Vec<Value> {
    for _ in 0..300 {
        let log = deliveries(server, slug, key).await;
        if log.iter().filter(|d| done(d)).count() >= count {
            return log;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("{count} deliveries settled within 30 s: {:?}", deliveries(server, slug, key).await);
}

fn delivered(d: &Value) -> bool {
    d["state"] == "delivered"
}

async fn start_round(server: &TestServer, slug: &str, key: &str, label: &str) {
    let (status, _) =
        admin(server, Method::POST, format!("/api/boards/{slug}/rounds"), key, json!({"label": label})).await;
    assert_eq!(status, 201);
}

async fn submit(server: &TestServer, slug: &str, respondent: &str) -> u16 {
    let rows = row_ids(&server.matrix().await);
    let body = json!({ "respondent": respondent, "answers": answers(&rows, |_| 2) }).to_string();
    send(server, Method::POST, &format!("/api/boards/{slug}/submissions"), None, body).await.0
}

#[tokio::test]
async fn deliveries_are_signed_and_retried_until_the_endpoint_takes_them() {
    let receiver = Receiver::start(Script::Statuses(vec![500, 200])).await;
    let slack = Receiver::start(Script::Statuses(vec![200])).await;
    let server = reaching_loopback(&[]);
    let key = board(&server, "signed").await;
    let json_hook = json!({"url": receiver.url, "events": ["round_opened"], "secret": SECRET});
    hook(&server, "signed", &key, json_hook).await;
    hook(&server, "signed", &key, json!({"url": slack.url, "events": ["round_opened"], "format": "slack"})).await;
    let respondent = server.respondents(1).await.remove(0);
    assert_eq!(submit(&server, "signed", &respondent).await, 200);
    start_round(&server, "signed", &key, "Spring").await;

    let got = receiver.wait_for(2, Duration::from_secs(20)).await;
    let log = settled(&server, "signed", &key, 2, delivered).await;
    let first = log.iter().find(|d| d["url"] == json!(receiver.url)).unwrap();
    assert_eq!(
        (&first["attempts"], &first["last_status"], &first["event"]),
        (&json!(2), &json!(200), &json!("round_opened"))
    );
    for request in &got {
        assert!(request.signed_with(SECRET), "signed with the endpoint's secret: {:?}", request.headers);
        assert!(!request.signed_with("another-secret-entirely"), "the check can fail");
        assert!((request.signed_at() - common_now()).abs() < 60, "signed when sent");
        assert_eq!(request.header("tally-delivery"), first["id"].to_string(), "one id on every attempt");
        assert_eq!(request.header("tally-event"), "round_opened");
    }
    let body = got[1].json();
    assert_eq!(
        (&body["event"], &body["data"]["label"], &body["board"]["id"]),
        (&json!("round_opened"), &json!("Spring"), &json!("signed"))
    );
    let fields: Vec<&String> = body.as_object().unwrap().keys().collect();
    assert_eq!(fields, ["board", "data", "event", "occurred_at"], "no figures travel");
    // A body changed on the way no longer matches its signature.
    let mut tampered = got[1].clone();
    tampered.body = tampered.body.replace("Spring", "Autumn");
    assert!(!tampered.signed_with(SECRET));
    let chat = slack.wait_for(1, Duration::from_secs(20)).await[0].json();
    assert_eq!(chat.as_object().unwrap().len(), 1);
    assert!(chat["text"].as_str().unwrap().contains("Spring"), "{chat}");
}

fn common_now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64
}

#[tokio::test]
async fn a_restart_in_the_middle_of_retrying_delivers_once() {
    let receiver = Receiver::start(Script::Statuses(vec![500, 200])).await;
    let server = reaching_loopback(&[("TALLY_WEBHOOK_RETRY_SECONDS", "4")]);
    let key = board(&server, "restarted").await;
    hook(&server, "restarted", &key, json!({"url": receiver.url, "events": ["board_closed"]})).await;
    let (status, _) = admin(&server, Method::POST, "/api/boards/restarted/close".into(), &key, Value::Null).await;
    assert_eq!(status, 200);
    receiver.wait_for(1, Duration::from_secs(10)).await;
    let (dir, _) = server.terminate();
    let server =
        TestServer::start_in(dir, &[("TALLY_WEBHOOKS_ALLOW_PRIVATE", "true"), ("TALLY_WEBHOOK_RETRY_SECONDS", "4")]);
    let log = settled(&server, "restarted", &key, 1, delivered).await;
    assert_eq!(log[0]["attempts"], 2);
    tokio::time::sleep(Duration::from_secs(2)).await;
    let got = receiver.received();
    assert_eq!(got.len(), 2, "one failed attempt before the restart, one delivery after it, nothing more");
    assert_eq!(got[0].header("tally-delivery"), got[1].header("tally-delivery"));
}

#[tokio::test]
async fn an_endpoint_that_hangs_does_not_hold_up_submissions() {
    let receiver = Receiver::start(Script::Hang(Duration::from_secs(30))).await;
    let server = reaching_loopback(&[("TALLY_WEBHOOK_TIMEOUT_SECONDS", "60")]);
    let key = board(&server, "hanging").await;
    hook(&server, "hanging", &key, json!({"url": receiver.url, "events": ["board_closed", "board_reopened"]})).await;
    for k in 0..10 {
        let action = if k % 2 == 0 { "close" } else { "reopen" };
        admin(&server, Method::POST, format!("/api/boards/hanging/{action}"), &key, Value::Null).await;
    }
    receiver.wait_for(10, Duration::from_secs(10)).await;
    for respondent in server.respondents(20).await {
        assert_eq!(submit(&server, "hanging", &respondent).await, 200);
    }
    // Every submission was answered while all ten deliveries were still held open.
    assert!(deliveries(&server, "hanging", &key).await.iter().all(|d| d["state"] == "pending" && d["attempts"] == 0));
    assert_eq!(server.stats("hanging").await["respondents"], 20);
}

#[tokio::test]
async fn participation_is_announced_once_a_round_when_it_reaches_the_number() {
    let receiver = Receiver::start(Script::Statuses(vec![200])).await;
    let server = reaching_loopback(&[]);
    let key = board(&server, "turnout").await;
    let wanted = json!({"url": receiver.url, "events": ["participation_reached"], "participation": 2});
    hook(&server, "turnout", &key, wanted).await;
    let people = server.respondents(5).await;
    assert_eq!(submit(&server, "turnout", &people[0]).await, 200);
    tokio::time::sleep(Duration::from_millis(2500)).await;
    assert!(receiver.received().is_empty(), "one answer is not two");
    submit(&server, "turnout", &people[1]).await;
    submit(&server, "turnout", &people[2]).await;
    let got = receiver.wait_for(1, Duration::from_secs(10)).await;
    let data = &got[0].json()["data"];
    assert_eq!((&data["round"], &data["participation"]), (&json!(1), &json!(2)));
    assert!(data["respondents"].as_u64().unwrap() >= 2);
    start_round(&server, "turnout", &key, "Again").await;
    submit(&server, "turnout", &people[3]).await;
    submit(&server, "turnout", &people[4]).await;
    let got = receiver.wait_for(2, Duration::from_secs(10)).await;
    assert_eq!(got[1].json()["data"]["round"], 2);
    tokio::time::sleep(Duration::from_millis(2500)).await;
    assert_eq!(receiver.received().len(), 2, "once per round");
}

#[tokio::test]
async fn the_admin_lists_removes_and_resends_and_bad_endpoints_are_refused_by_field() {
    let receiver = Receiver::start(Script::Statuses(vec![200])).await;
    let server = reaching_loopback(&[]);
    let key = board(&server, "managed").await;
    let path = "/api/boards/managed/webhooks";
    assert_eq!(send(&server, Method::GET, path, None, String::new()).await.0, 401);
    assert_eq!(send(&server, Method::GET, path, Some("wrong"), String::new()).await.0, 403);
    for (body, field) in [
        (json!({"url": receiver.url, "events": []}), "events"),
        (json!({"url": receiver.url, "events": ["participation_reached"]}), "participation"),
        (json!({"url": receiver.url, "events": ["round_opened"], "participation": 3}), "participation"),
        (json!({"url": receiver.url, "events": ["round_opened"], "secret": "short"}), "secret"),
        (json!({"url": "ftp://example.com/", "events": ["round_opened"]}), "url"),
        (json!({"url": receiver.url, "events": ["everything"]}), "everything"),
    ] {
        let (status, refused) = admin(&server, Method::POST, path.into(), &key, body.clone()).await;
        assert_eq!(status, 400, "{body}");
        assert!(refused["error"].as_str().unwrap().contains(field), "{refused} names {field}");
    }
    let (status, added) =
        admin(&server, Method::POST, path.into(), &key, json!({"url": receiver.url, "events": ["board_closed"]})).await;
    assert_eq!(status, 201);
    assert_eq!(added["secret"].as_str().unwrap().len(), 64, "a secret made by the server");
    let id = added["webhook"]["id"].as_str().unwrap().to_string();
    let (_, listed) = admin(&server, Method::GET, path.into(), &key, Value::Null).await;
    assert_eq!(listed[0]["id"], json!(id));
    assert!(!listed.to_string().contains(added["secret"].as_str().unwrap()), "the secret is never listed");

    admin(&server, Method::POST, "/api/boards/managed/close".into(), &key, Value::Null).await;
    let log = settled(&server, "managed", &key, 1, delivered).await;
    let resend = format!("{path}/deliveries/{}/resend", log[0]["id"]);
    let (status, again) = admin(&server, Method::POST, resend.clone(), &key, Value::Null).await;
    assert_eq!((status, &again["state"]), (202, &json!("pending")));
    receiver.wait_for(2, Duration::from_secs(10)).await;
    assert_eq!(admin(&server, Method::POST, format!("{path}/deliveries/999/resend"), &key, Value::Null).await.0, 404);
    assert_eq!(admin(&server, Method::POST, format!("{path}/deliveries/x/resend"), &key, Value::Null).await.0, 400);

    assert_eq!(admin(&server, Method::DELETE, format!("{path}/{id}"), &key, Value::Null).await.0, 204);
    assert_eq!(admin(&server, Method::DELETE, format!("{path}/{id}"), &key, Value::Null).await.0, 404);
    assert_eq!(admin(&server, Method::POST, resend, &key, Value::Null).await.0, 409, "its endpoint is gone");
    for _ in 0..10 {
        hook(&server, "managed", &key, json!({"url": receiver.url, "events": ["board_closed"]})).await;
    }
    let eleventh = json!({"url": receiver.url, "events": ["board_closed"]});
    assert_eq!(admin(&server, Method::POST, path.into(), &key, eleventh).await.0, 409);
}

#[tokio::test]
async fn private_addresses_are_refused_by_default_even_behind_a_name() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let accepted = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counter = accepted.clone();
    tokio::spawn(async move {
        while let Ok((connection, _)) = listener.accept().await {
            counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            drop(connection);
        }
    });
    let server = TestServer::start_with(&[("TALLY_WEBHOOK_RETRY_SECONDS", "1")]);
    let key = board(&server, "guarded").await;
    for (url, said) in [
        (format!("http://127.0.0.1:{port}/"), "https://"),
        (format!("https://127.0.0.1:{port}/"), "loopback"),
        ("https://10.1.2.3/".to_string(), "private"),
        ("https://169.254.169.254/latest/meta-data".to_string(), "link-local"),
        ("https://[::1]/".to_string(), "loopback"),
    ] {
        let body = json!({"url": url, "events": ["board_closed"]});
        let (status, refused) = admin(&server, Method::POST, "/api/boards/guarded/webhooks".into(), &key, body).await;
        assert_eq!(status, 400, "{url}");
        assert!(refused["error"].as_str().unwrap().contains(said), "{url}: {refused}");
    }
    // A name is taken, and refused when it resolves to loopback.
    let named = format!("https://localhost:{port}/hook");
    hook(&server, "guarded", &key, json!({"url": named, "events": ["board_closed"]})).await;
    admin(&server, Method::POST, "/api/boards/guarded/close".into(), &key, Value::Null).await;
    let log = settled(&server, "guarded", &key, 1, |d| d["attempts"].as_u64() >= Some(1)).await;
    let error = log[0]["last_error"].as_str().unwrap();
    assert!(error.contains("loopback"), "{error}");
    assert_eq!(accepted.load(std::sync::atomic::Ordering::SeqCst), 0, "nothing reached the address");

    // Positive control: with the setting, the same name is reached.
    let open = reaching_loopback(&[]);
    let key = board(&open, "unguarded").await;
    hook(&open, "unguarded", &key, json!({"url": named, "events": ["board_closed"]})).await;
    admin(&open, Method::POST, "/api/boards/unguarded/close".into(), &key, Value::Null).await;
    settled(&open, "unguarded", &key, 1, |d| d["attempts"].as_u64() >= Some(1)).await;
    assert!(accepted.load(std::sync::atomic::Ordering::SeqCst) >= 1, "the control reached it");
}

#[tokio::test]
async fn two_instances_on_postgres_send_each_delivery_once() {
    let db = TestDatabase::create(Backend::Postgres).await;
    let receiver = Receiver::start(Script::Statuses(vec![200])).await;
    let on_db = [("DATABASE_URL", db.url.as_str()), ("TALLY_WEBHOOKS_ALLOW_PRIVATE", "true")];
    let (a, b) = (TestServer::start_with(&on_db), TestServer::start_with(&on_db));
    let key = board(&a, "shared").await;
    hook(&a, "shared", &key, json!({"url": receiver.url, "events": ["round_opened"]})).await;
    for k in 0..12 {
        start_round(if k % 2 == 0 { &a } else { &b }, "shared", &key, &format!("R{k}")).await;
    }
    settled(&b, "shared", &key, 12, delivered).await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let mut ids: Vec<String> = receiver.received().iter().map(|r| r.header("tally-delivery").to_string()).collect();
    assert_eq!(ids.len(), 12, "twelve events, twelve requests");
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 12);
}

#[tokio::test]
async fn every_event_reaches_the_endpoints_that_want_it_in_order() {
    let receiver = Receiver::start(Script::Statuses(vec![200])).await;
    let others = Receiver::start(Script::Statuses(vec![200])).await;
    let server = reaching_loopback(&[]);
    let key = board(&server, "events").await;
    let every =
        ["figures_hidden", "figures_revealed", "matrix_edited", "board_closed", "board_reopened", "round_opened"];
    hook(&server, "events", &key, json!({"url": receiver.url, "events": every})).await;
    hook(&server, "events", &key, json!({"url": others.url, "events": ["board_closed"]})).await;
    let settings = "/api/boards/events/settings".to_string();
    admin(&server, Method::PUT, settings.clone(), &key, json!({"reveal": "facilitator"})).await;
    admin(&server, Method::PUT, settings.clone(), &key, json!({"revealed": true})).await;
    let (_, mut matrix) = common::get_json(&server, "/api/boards/events/matrix").await;
    matrix["title"] = json!("Events, renamed");
    let (status, _) = admin(&server, Method::PUT, "/api/boards/events/matrix".into(), &key, matrix).await;
    assert_eq!(status, 200);
    admin(&server, Method::POST, "/api/boards/events/close".into(), &key, Value::Null).await;
    admin(&server, Method::POST, "/api/boards/events/reopen".into(), &key, Value::Null).await;
    start_round(&server, "events", &key, "Next").await;
    let got = receiver.wait_for(6, Duration::from_secs(20)).await;
    let mut events: Vec<(i64, String)> = got
        .iter()
        .map(|r| (r.header("tally-delivery").parse().unwrap(), r.header("tally-event").to_string()))
        .collect();
    events.sort();
    assert_eq!(
        events.iter().map(|(_, e)| e.as_str()).collect::<Vec<_>>(),
        every,
        "each once, in the order they happened"
    );
    let chat = others.wait_for(1, Duration::from_secs(10)).await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert_eq!((others.received().len(), chat[0].header("tally-event")), (1, "board_closed"), "only what it asked for");
}

#[tokio::test]
async fn redirects_are_not_followed_slow_endpoints_time_out_and_long_refusals_are_cut() {
    let elsewhere = Receiver::start(Script::Statuses(vec![200])).await;
    let redirecting = Receiver::start(Script::Redirect(elsewhere.url.clone())).await;
    let slow = Receiver::start(Script::Hang(Duration::from_secs(20))).await;
    let flooding = Receiver::start(Script::Flood(5_000_000)).await;
    let server = reaching_loopback(&[("TALLY_WEBHOOK_TIMEOUT_SECONDS", "1"), ("TALLY_WEBHOOK_RETRY_SECONDS", "60")]);
    let key = board(&server, "hostile").await;
    for url in [&redirecting.url, &slow.url, &flooding.url] {
        hook(&server, "hostile", &key, json!({"url": url, "events": ["board_closed"]})).await;
    }
    admin(&server, Method::POST, "/api/boards/hostile/close".into(), &key, Value::Null).await;
    let log = settled(&server, "hostile", &key, 3, |d| d["attempts"] == 1).await;
    let error_of =
        |url: &str| log.iter().find(|d| d["url"] == json!(url)).unwrap()["last_error"].as_str().unwrap().to_string();
    assert!(error_of(&redirecting.url).starts_with("answered 302"), "{log:?}");
    assert!(elsewhere.received().is_empty(), "the redirect was not followed");
    assert_eq!(error_of(&slow.url), "no answer in time");
    let flooded = error_of(&flooding.url);
    assert!(flooded.starts_with("answered 500 xxx") && flooded.len() < 300, "{} bytes kept", flooded.len());
    assert!(log.iter().all(|d| d["state"] == "pending"), "each is tried again later");
}
