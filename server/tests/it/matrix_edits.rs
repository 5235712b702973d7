//! `PUT /api/boards/{board}/matrix` against the real binary: the admin
//! edits text after answers and every open page hears of it on its socket;
//! rows and levels change only before answers; every bad request is refused
//! with its reason and changes nothing.

use crate::common;

use common::live_frames::next_stats;
use common::{answers, row_ids, TestServer};
use reqwest::header::{AUTHORIZATION, ETAG, IF_MATCH};
use reqwest::{Client, Response};
use serde_json::{json, Value};
use tokio_tungstenite::connect_async;

/// A board on a template, with one answer in; returns its admin key.
async fn answered_board(server: &TestServer, slug: &str) -> String {
    let created = server.create_board(json!({ "matrix": "programmer", "slug": slug })).await;
    let rows = row_ids(&server.matrix().await);
    let body = json!({ "answers": answers(&rows, |i| (i % 4) as u64) });
    let url = server.url(&format!("/api/boards/{slug}/submissions"));
    assert_eq!(Client::new().post(url).body(body.to_string()).send().await.unwrap().status(), 200);
    created["admin_key"].as_str().unwrap().to_string()
}

/// The board's matrix and its ETag.
async fn matrix(server: &TestServer, board: &str) -> (Value, String) {
    let response = reqwest::get(server.url(&format!("/api/boards/{board}/matrix"))).await.unwrap();
    let etag = response.headers()[ETAG].to_str().unwrap().to_string();
    (response.json().await.unwrap(), etag)
}

async fn put(server: &TestServer, board: &str, key: Option<&str>, if_match: Option<&str>, body: String) -> Response {
    let mut request = Client::new().put(server.url(&format!("/api/boards/{board}/matrix"))).body(body);
    if let Some(key) = key {
        request = request.header(AUTHORIZATION, format!("Bearer {key}"));
    }
    if let Some(etag) = if_match {
        request = request.header(IF_MATCH, etag);
    }
    request.send().await.unwrap()
}

async fn refusal(response: Response) -> (u16, String) {
    (response.status().as_u16(), response.text().await.unwrap())
}

#[tokio::test]
async fn a_text_edit_after_answers_reaches_every_open_page_live() {
    let server = TestServer::start();
    let key = answered_board(&server, "edit-live").await;
    let (mut socket, _) = connect_async(server.ws_url("/api/boards/edit-live/live")).await.unwrap();
    let first = next_stats(&mut socket).await;
    let (mut edited, etag) = matrix(&server, "edit-live").await;
    assert_eq!(etag, "\"0\"");
    edited["levels"][0]["label"] = json!("Débutant·e");
    edited["categories"][0]["rows"][0]["descriptions"][1] = json!("Knows what a linked list is — 链表");
    edited["description"] = json!("Edited after the first answer");

    let response = put(&server, "edit-live", Some(&key), Some(&etag), edited.to_string()).await;
    assert_eq!(response.status(), 200);
    let new_etag = response.headers()[ETAG].to_str().unwrap().to_string();
    let stats: Value = response.json().await.unwrap();
    assert_eq!(stats["matrix_rev"], stats["version"]);
    assert_eq!(new_etag, format!("\"{}\"", stats["version"]));

    let pushed = next_stats(&mut socket).await;
    assert_eq!(pushed["matrix_rev"], stats["matrix_rev"], "the socket announces the edit");
    assert_eq!((&pushed["counts"], &pushed["respondents"]), (&first["counts"], &first["respondents"]));
    assert_eq!(matrix(&server, "edit-live").await, (edited, new_etag));
}

#[tokio::test]
async fn rows_and_levels_change_only_while_nobody_has_answered() {
    let server = TestServer::start();
    let created = server.create_board(json!({ "matrix": "programmer", "slug": "reshape" })).await;
    let key = created["admin_key"].as_str().unwrap();
    let (mut fewer, _) = matrix(&server, "reshape").await;
    let gone = fewer["categories"][0]["rows"].as_array_mut().unwrap().pop().unwrap();
    // What the roles expect of the row, and its translations, go with it
    // (else: 422 at their fields).
    for role in fewer["roles"].as_array_mut().unwrap() {
        role["expects"].as_object_mut().unwrap().remove(gone["id"].as_str().unwrap());
    }
    common::drop_translated(&mut fewer, "rows", |id| id == gone["id"]);
    assert_eq!(put(&server, "reshape", Some(key), None, fewer.to_string()).await.status(), 200);
    let rows = row_ids(&fewer);
    let body = json!({ "answers": answers(&rows, |_| 1) });
    let url = server.url("/api/boards/reshape/submissions");
    assert_eq!(Client::new().post(url).body(body.to_string()).send().await.unwrap().status(), 200);

    let before = (matrix(&server, "reshape").await, server.stats("reshape").await);
    let mut moved = fewer.clone();
    moved["levels"].as_array_mut().unwrap().swap(0, 1);
    let (status, text) = refusal(put(&server, "reshape", Some(key), None, moved.to_string()).await).await;
    assert_eq!(status, 409);
    assert!(text.contains("only change while the board has no answers"), "{text}");
    assert_eq!((matrix(&server, "reshape").await, server.stats("reshape").await), before, "nothing changed");
}

#[tokio::test]
async fn every_bad_edit_is_refused_with_its_reason_and_changes_nothing() {
    let server = TestServer::start();
    let key = answered_board(&server, "guarded").await;
    let before = (matrix(&server, "guarded").await, server.stats("guarded").await);
    let (good, etag) = before.0.clone();
    let mut invalid = good.clone();
    invalid["categories"][0]["rows"][1]["descriptions"] = json!(["only one"]);
    let huge = json!({ "title": "x".repeat(600 * 1024) }).to_string();
    let cases = [
        (None, None, good.to_string(), 401, "admin key"),
        (Some("not-the-key"), None, good.to_string(), 403, "does not match"),
        (Some(key.as_str()), Some("\"999\""), good.to_string(), 409, "edited by someone else"),
        (Some(key.as_str()), Some("yesterday"), good.to_string(), 400, "If-Match"),
        (Some(key.as_str()), Some(etag.as_str()), invalid.to_string(), 422, "/categories/0/rows/1/descriptions"),
        (Some(key.as_str()), None, "{\"title\": ".into(), 400, "invalid JSON"),
        (Some(key.as_str()), None, huge, 413, "larger than"),
    ];
    for (key, if_match, body, status, reason) in cases {
        let (got, text) = refusal(put(&server, "guarded", key, if_match, body).await).await;
        assert_eq!((got, text.contains(reason)), (status, true), "{reason}: {text}");
    }
    assert_eq!((matrix(&server, "guarded").await, server.stats("guarded").await), before);
}

/// Roles and what each expects are text: set after answers, read back,
/// and refused with the path of each problem.
#[tokio::test]
async fn roles_and_their_expectations_change_after_answers_and_bad_ones_are_refused_at_their_path() {
    let server = TestServer::start();
    let key = answered_board(&server, "roles").await;
    let (mut edited, etag) = matrix(&server, "roles").await;
    let senior = json!({ "title": "Senior engineer", "expects": { "data-structures": "n", "algorithms": "logn" } });
    edited["roles"] = json!([senior]);
    common::drop_translated(&mut edited, "roles", |id| id != "senior-engineer");
    let response = put(&server, "roles", Some(&key), Some(&etag), edited.to_string()).await;
    assert_eq!(response.status(), 200, "expectations are not a change of shape");
    let (stored, etag) = matrix(&server, "roles").await;
    assert_eq!(stored["roles"][0]["id"], "senior-engineer", "the id is made from the title");
    assert_eq!(stored["roles"][0]["expects"], senior["expects"]);

    let mut bad = stored.clone();
    bad["roles"][0]["expects"]["no-such-row"] = json!("n");
    bad["roles"][0]["expects"]["algorithms"] = json!("guru");
    let (status, text) = refusal(put(&server, "roles", Some(&key), Some(&etag), bad.to_string()).await).await;
    assert_eq!(status, 422, "{text}");
    let body: Value = serde_json::from_str(&text).unwrap();
    let paths: Vec<&str> = body["problems"].as_array().unwrap().iter().map(|p| p["path"].as_str().unwrap()).collect();
    assert_eq!(paths, ["/roles/0/expects/algorithms", "/roles/0/expects/no-such-row"]);
    assert_eq!(matrix(&server, "roles").await.0, stored, "nothing was applied");
}
