//! Board admin over the API: the key from creation closes, reopens and
//! exports a board; without it nothing happens; exports hold aggregates only.

use crate::common;

use common::{answers, row_ids, TestServer};
use futures_util::StreamExt;
use reqwest::{header, Client, StatusCode};
use serde_json::{json, Value};
use std::time::Duration;
use tokio_tungstenite::tungstenite::Message;

async fn create(server: &TestServer) -> (String, String) {
    let response = Client::new()
        .post(server.url("/api/boards"))
        .body(json!({ "matrix": "programmer", "slug": "admin-team", "title": "Team, \"quoted\"" }).to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let body: Value = response.json().await.unwrap();
    let key = body["admin_key"].as_str().unwrap().to_string();
    assert_eq!(key.len(), 64);
    assert_eq!(body["admin_url"], format!("/b/admin-team#admin={key}"));
    (body["id"].as_str().unwrap().to_string(), key)
}

async fn admin(server: &TestServer, path: &str, key: Option<&str>) -> reqwest::Response {
    let url = server.url(&format!("/api/boards/admin-team/{path}"));
    let request = if path.starts_with("export") { Client::new().get(url) } else { Client::new().post(url) };
    match key {
        Some(key) => request.header(header::AUTHORIZATION, format!("Bearer {key}")),
        None => request,
    }
    .send()
    .await
    .unwrap()
}

async fn submit(server: &TestServer, respondent: &str) -> (StatusCode, Value) {
    let rows = row_ids(&server.matrix().await);
    let body = json!({ "answers": answers(&rows, |i| (i % 4) as u64), "respondent": respondent });
    let response = Client::new()
        .post(server.url("/api/boards/admin-team/submissions"))
        .body(body.to_string())
        .send()
        .await
        .unwrap();
    (response.status(), response.json().await.unwrap())
}

#[tokio::test]
async fn the_admin_key_closes_reopens_and_exports() {
    let server = TestServer::start();
    let (board, key) = create(&server).await;
    let people = server.respondents(2).await;
    assert_eq!(submit(&server, &people[0]).await.0, 200);

    let none = admin(&server, "close", None).await;
    assert_eq!(none.status(), 401, "no key: HTTP's 401, with a challenge");
    assert_eq!(admin(&server, "close", Some(&"0".repeat(64))).await.status(), 403);
    assert_eq!(admin(&server, "export/json", Some("nope")).await.status(), 403);
    assert_eq!(server.stats(&board).await["closed"], false, "nothing changed without the key");

    let (mut socket, _) = tokio_tungstenite::connect_async(server.ws_url("/api/boards/admin-team/live")).await.unwrap();
    let closed: Value = admin(&server, "close", Some(&key)).await.json().await.unwrap();
    assert_eq!((closed["closed"].as_bool(), closed["version"].as_u64()), (Some(true), Some(2)));
    let (status, refusal) = submit(&server, &people[1]).await;
    assert_eq!(status, 409);
    assert_eq!(refusal["error"], "board 'admin-team' is closed to new answers; its figures stay visible");
    assert_eq!(server.stats(&board).await["respondents"], 1, "figures stay visible");
    // Open pages hear of the closing like any other change.
    loop {
        let message = tokio::time::timeout(Duration::from_secs(5), socket.next()).await.unwrap().unwrap().unwrap();
        let Message::Text(text) = message else { continue };
        if serde_json::from_str::<Value>(&text).unwrap()["closed"] == true {
            break;
        }
    }

    let export = admin(&server, "export/json", Some(&key)).await;
    assert_eq!(export.headers()[header::CONTENT_DISPOSITION], "attachment; filename=\"tally-admin-team.json\"");
    let text = export.text().await.unwrap();
    let random_part = |token: &String| token.split('.').next().unwrap().to_string();
    assert!(!people.iter().any(|p| text.contains(&random_part(p))), "no individual answers or respondents");
    let report: Value = serde_json::from_str(&text).unwrap();
    let everyone = &report["sections"][0];
    assert_eq!((everyone["respondents"].as_u64(), report["closed"].as_bool()), (Some(1), Some(true)));
    assert_eq!((&everyone["round"], &everyone["group"]), (&json!(1), &Value::Null));
    assert_eq!(everyone["rows"][0]["counts"], json!([1, 0, 0, 0]));
    assert_eq!(report["levels"].as_array().unwrap().len(), 4);

    let csv = admin(&server, "export/csv", Some(&key)).await.text().await.unwrap();
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("round,round_label,group,category,row,row_title,level,count,answered,role"));
    assert_eq!(
        lines.next(),
        Some("1,Round 1,,Computer Science,data-structures,Data structures,Starting out (level 0),1,1,")
    );
    assert!(!people.iter().any(|p| csv.contains(&random_part(p))));
    assert_eq!(admin(&server, "export/xml", Some(&key)).await.status(), 400);

    let reopened: Value = admin(&server, "reopen", Some(&key)).await.json().await.unwrap();
    assert_eq!(reopened["closed"], false);
    assert_eq!(submit(&server, &people[1]).await.0, 200);
}
