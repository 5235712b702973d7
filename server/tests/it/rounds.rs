//! Rounds over HTTP against the real binary: the admin starts the next
//! round, open sockets hear of it, answers carry their round, and a frozen
//! round's figures stay readable.

use crate::common;

use common::live_frames::next_stats;
use common::{answers, get_json, row_ids, send, TestServer};
use reqwest::header::AUTHORIZATION;
use reqwest::{Client, Method};
use serde_json::{json, Value};
use tokio_tungstenite::connect_async;

#[tokio::test]
async fn the_admin_starts_a_round_and_every_open_page_hears_of_it() {
    let server = TestServer::start();
    let created = server.create_board(json!({ "matrix": "programmer", "slug": "quarters" })).await;
    let key = created["admin_key"].as_str().unwrap();
    let rows = row_ids(&server.matrix().await);
    let body = json!({ "answers": answers(&rows, |_| 1) }).to_string();
    let (status, receipt) = send(&server, Method::POST, "/api/boards/quarters/submissions", None, body.clone()).await;
    assert_eq!((status, receipt["round"].clone()), (200, json!(1)));
    let (mut socket, _) = connect_async(server.ws_url("/api/boards/quarters/live")).await.unwrap();
    assert_eq!(next_stats(&mut socket).await["round"], 1);

    assert_eq!(send(&server, Method::POST, "/api/boards/quarters/rounds", None, "".to_string()).await.0, 401);
    assert_eq!(
        send(&server, Method::POST, "/api/boards/quarters/rounds", Some(key), "{\"lable\": 1}".to_string()).await.0,
        400
    );
    let (status, round) =
        send(&server, Method::POST, "/api/boards/quarters/rounds", Some(key), r#"{"label": "2026 Q4"}"#.to_string())
            .await;
    assert_eq!((status, &round["round"], &round["label"]), (201, &json!(2), &json!("2026 Q4")));
    let pushed = next_stats(&mut socket).await;
    assert_eq!((&pushed["round"], &pushed["respondents"]), (&json!(2), &json!(0)));
    // What an open page then asks for, to name the round it heard of.
    let open_round =
        |board: &'static str| Client::new().post(server.url("/api/open_round")).form(&[("board", board)]).send();
    let named = open_round("quarters").await.unwrap();
    assert_eq!(named.status(), 200);
    assert_eq!(named.json::<Value>().await.unwrap(), json!([2, "2026 Q4"]));
    assert_eq!(open_round("nowhere").await.unwrap().status(), 404);

    let (_, receipt) = send(&server, Method::POST, "/api/boards/quarters/submissions", None, body.clone()).await;
    assert_eq!(receipt["round"], 2);
    let (_, frozen) = get_json(&server, "/api/boards/quarters/stats?round=1").await;
    assert_eq!((&frozen["round"], &frozen["respondents"]), (&json!(1), &json!(1)));
    assert_eq!(get_json(&server, "/api/boards/quarters/stats?round=7").await.0, 404);
    assert_eq!(get_json(&server, "/api/boards/quarters/stats?round=last").await.0, 400);
    let (_, rounds) = get_json(&server, "/api/boards/quarters/rounds").await;
    let listed: Vec<_> =
        rounds.as_array().unwrap().iter().map(|r| (r["round"].clone(), r["respondents"].clone())).collect();
    assert_eq!(listed, [(json!(1), json!(1)), (json!(2), json!(1))]);
    assert!(rounds[0]["ended_at"].is_i64() && rounds[1]["ended_at"].is_null());

    let export = |query: &'static str| {
        let url = server.url(&format!("/api/boards/quarters/export/json{query}"));
        Client::new().get(url).header(AUTHORIZATION, format!("Bearer {key}")).send()
    };
    let report: Value = export("").await.unwrap().json().await.unwrap();
    // Everyone's figures per round (each round's roles' gaps follow them).
    let everyone = |report: &Value| -> Vec<Value> {
        let sections = report["sections"].as_array().unwrap().iter();
        sections.filter(|s| s.get("role").is_none()).map(|s| s["round_label"].clone()).collect()
    };
    assert_eq!(everyone(&report), [json!("Round 1"), json!("2026 Q4")], "every round, oldest first");
    let one: Value = export("?round=2").await.unwrap().json().await.unwrap();
    assert_eq!(everyone(&one), [json!("2026 Q4")]);
    assert_eq!(export("?round=9").await.unwrap().status(), 404);
}

#[tokio::test]
async fn a_respondent_withdraws_and_every_open_page_sees_the_figures_move() {
    let server = TestServer::start();
    server.create_board(json!({ "matrix": "programmer", "slug": "leaving" })).await;
    let rows = row_ids(&server.matrix().await);
    let body = json!({ "answers": answers(&rows, |_| 2) }).to_string();
    let (_, receipt) = send(&server, Method::POST, "/api/boards/leaving/submissions", None, body.clone()).await;
    let token = receipt["respondent"].as_str().unwrap();
    let (mut socket, _) = connect_async(server.ws_url("/api/boards/leaving/live")).await.unwrap();
    assert_eq!(next_stats(&mut socket).await["respondents"], 1);

    let delete = |body: Value| {
        Client::new().delete(server.url("/api/boards/leaving/respondents/me")).body(body.to_string()).send()
    };
    assert_eq!(delete(json!({})).await.unwrap().status(), 400, "no token");
    assert_eq!(delete(json!({ "respondent": token, "rounds": "some" })).await.unwrap().status(), 400);
    let before = server.stats("leaving").await;
    assert_eq!(before["respondents"], 1, "refused withdrawals change nothing");
    let done: Value = delete(json!({ "respondent": token, "rounds": "all" })).await.unwrap().json().await.unwrap();
    assert_eq!(done, json!({ "withdrawn_rounds": 1 }));
    let mut pushed = next_stats(&mut socket).await;
    while pushed["version"] == before["version"] {
        pushed = next_stats(&mut socket).await; // a change in watchers only
    }
    assert_eq!((&pushed["respondents"], &pushed["counts"][&rows[0]]), (&json!(0), &json!([0, 0, 0, 0])));
    let again: Value = delete(json!({ "respondent": token })).await.unwrap().json().await.unwrap();
    assert_eq!(again, json!({ "withdrawn_rounds": 0 }));
}

/// A board has at most `TALLY_MAX_ROUNDS` rounds; past them the next is
/// refused, saying why, and nothing changes. The comparison offers groups
/// in the newest rounds only, `TALLY_MAX_GROUP_FIGURES` of them; an export
/// still carries every round and group (it is streamed).
#[tokio::test]
async fn rounds_and_group_figures_per_response_are_bounded() {
    let server = TestServer::start_with(&[("TALLY_MAX_ROUNDS", "3"), ("TALLY_MAX_GROUP_FIGURES", "4")]);
    let created = server.create_board(json!({ "matrix": "programmer", "slug": "bounded" })).await;
    let key = created["admin_key"].as_str().unwrap();
    let groups = json!({ "groups": ["A", "B"] }).to_string();
    assert_eq!(send(&server, Method::PUT, "/api/boards/bounded/groups", Some(key), groups).await.0, 200);
    let start = || send(&server, Method::POST, "/api/boards/bounded/rounds", Some(key), "{}".to_string());
    assert_eq!(start().await.0, 201);
    assert_eq!(start().await.0, 201);
    let (status, refused) = start().await;
    assert_eq!(status, 409);
    assert!(refused["error"].as_str().unwrap().contains("reached its 3 rounds (TALLY_MAX_ROUNDS)"), "{refused}");
    assert_eq!(get_json(&server, "/api/boards/bounded/rounds").await.1.as_array().map(Vec::len), Some(3));

    let export = |query: &'static str| {
        let url = server.url(&format!("/api/boards/bounded/export/csv{query}"));
        async move { Client::new().get(url).header(AUTHORIZATION, format!("Bearer {key}")).send().await.unwrap() }
    };
    let whole = export("").await;
    assert_eq!(whole.status(), 200);
    let text = whole.text().await.unwrap();
    for line in ["1,Round 1,A,,,,,withheld,,", "2,Round 2,B,,,,,withheld,,", "3,Round 3,A,,,,,withheld,,"] {
        assert!(text.lines().any(|l| l == line), "{line} in\n{text}");
    }
    let one = export("?round=2").await.text().await.unwrap();
    assert!(one.lines().skip(1).all(|l| l.starts_with("2,")) && one.contains("2,Round 2,B,,,,,withheld,"), "{one}");

    let form = [("board", "bounded"), ("a", "g:1:A"), ("b", "r:3")];
    let compared: Value =
        Client::new().post(server.url("/api/compare_figures")).form(&form).send().await.unwrap().json().await.unwrap();
    let values: Vec<&str> = compared["choices"].as_array().unwrap().iter().map(|c| c[0].as_str().unwrap()).collect();
    assert_eq!(values, ["r:1", "r:2", "r:3", "g:3:A", "g:3:B", "g:2:A", "g:2:B"], "groups of the newest two rounds");
    assert_eq!(compared["a"]["label"], "A in Round 1", "an older group is still compared when asked for");
}
