//! Groups against the real binary, on SQLite and on PostgreSQL: the admin
//! lists them, respondents pick one, and a group's figures stay withheld —
//! no counts, not even how many answered — until `min_group_size` people
//! are in it. The whole board's figures are unaffected.

use crate::common;

use common::{answers, get_json, row_ids, send, Backend, TestDatabase, TestServer};
use reqwest::header::AUTHORIZATION;
use reqwest::{Client, Method};
use serde_json::{json, Value};

/// Submits as a new respondent (or as `token`) in `group`; returns the token.
async fn answer(server: &TestServer, rows: &[String], group: &str, token: Option<&str>) -> String {
    let mut body = json!({ "answers": answers(rows, |i| (i % 4) as u64), "group": group });
    if let Some(token) = token {
        body["respondent"] = json!(token);
    }
    let (status, reply) = send(server, Method::POST, "/api/boards/teams/submissions", None, body.to_string()).await;
    assert_eq!(status, 200, "{reply}");
    reply["respondent"].as_str().unwrap().to_string()
}

/// The admin's export: JSON parsed, CSV as a JSON string.
async fn export(server: &TestServer, key: &str, format: &str) -> Value {
    let url = server.url(&format!("/api/boards/teams/export/{format}?round=1"));
    let response = Client::new().get(url).header(AUTHORIZATION, format!("Bearer {key}")).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let text = response.text().await.unwrap();
    if format == "json" {
        serde_json::from_str(&text).unwrap()
    } else {
        Value::String(text)
    }
}

fn keys(value: &Value) -> Vec<&str> {
    let mut keys: Vec<&str> = value.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    keys
}

async fn a_small_group_is_withheld_at_every_answer_until_it_is_large_enough(server: TestServer) {
    let created = server.create_board(json!({ "matrix": "programmer", "slug": "teams" })).await;
    let key = created["admin_key"].as_str().unwrap();
    let rows = row_ids(&server.matrix().await);
    let settings = json!({ "groups": ["Backend", " Data "], "min_group_size": 3 });
    let path = "/api/boards/teams/groups";
    assert_eq!(send(&server, Method::PUT, path, None, settings.clone().to_string()).await.0, 401);
    let bad = [
        json!({ "groups": ["A"], "min_group_size": 1 }),
        json!({ "groups": ["A"], "size": 3 }),
        json!({ "groups": ["A", "A "] }),
    ];
    for body in bad {
        assert_eq!(send(&server, Method::PUT, path, Some(key), body.clone().to_string()).await.0, 400, "{body}");
    }
    assert_eq!(get_json(&server, path).await.1["groups"], json!([]), "refused settings change nothing");
    let (status, saved) = send(&server, Method::PUT, "/api/boards/teams/groups", Some(key), settings.to_string()).await;
    assert_eq!((status, saved), (200, json!({ "groups": ["Backend", "Data"], "min_group_size": 3 })));

    let before = server.stats("teams").await;
    let body = json!({ "answers": answers(&rows, |_| 0), "group": "Nope" });
    let (status, refused) = send(&server, Method::POST, "/api/boards/teams/submissions", None, body.to_string()).await;
    assert_eq!(status, 422);
    assert!(refused["error"].as_str().unwrap().contains("unknown group 'Nope'"), "{refused}");
    assert_eq!(server.stats("teams").await, before, "nothing changed");

    let first = answer(&server, &rows, "Backend", None).await;
    answer(&server, &rows, "Backend", None).await;
    for path in ["/api/boards/teams/stats?group=Backend", "/api/boards/teams/stats?group=Backend&round=1"] {
        let (status, withheld) = get_json(&server, path).await;
        assert_eq!(status, 200);
        assert_eq!(keys(&withheld), ["board", "group", "min_group_size", "round", "withheld"], "{withheld}");
        assert_eq!((&withheld["withheld"], &withheld["min_group_size"]), (&json!(true), &json!(3)));
    }
    assert_eq!(server.stats("teams").await["respondents"], 2, "the whole board is unaffected");
    let report = export(&server, key, "json").await;
    let backend = &report["sections"][1];
    assert_eq!(keys(backend), ["group", "round", "round_label", "withheld"], "{backend}");
    let csv = export(&server, key, "csv").await;
    assert!(csv.as_str().unwrap().contains("\n1,Round 1,Backend,,,,,withheld,,\n"), "{csv}");
    assert!(!csv.as_str().unwrap().contains("1,Backend,Computer"), "no Backend figure in the CSV");
    assert_eq!(get_json(&server, "/api/boards/teams/stats?group=Sales").await.0, 404);
    let trends = [("board", "teams"), ("group", "Sales")];
    let unknown = Client::new().post(server.url("/api/board_trends")).form(&trends).send().await.unwrap();
    assert_eq!(unknown.status(), 404, "the trends page's door refuses an unknown group the same way");
    // The compare page's door withholds the same.
    let form = [("board", "teams"), ("a", "g:1:Backend"), ("b", "r:1")];
    let compared: Value =
        Client::new().post(server.url("/api/compare_figures")).form(&form).send().await.unwrap().json().await.unwrap();
    assert_eq!((&compared["a"]["stats"], &compared["a"]["label"]), (&Value::Null, &json!("Backend in Round 1")));
    assert_eq!(compared["b"]["stats"]["respondents"], 2);

    answer(&server, &rows, "Backend", None).await;
    let shown_in_export = &export(&server, key, "json").await["sections"][1];
    assert_eq!((&shown_in_export["withheld"], &shown_in_export["respondents"]), (&json!(false), &json!(3)));
    let (_, shown) = get_json(&server, "/api/boards/teams/stats?group=Backend").await;
    assert_eq!((&shown["group"], &shown["respondents"]), (&json!("Backend"), &json!(3)));
    assert_eq!(shown["counts"][&rows[0]], json!([3, 0, 0, 0]));

    // Moving to another group with a later answer takes Backend under the threshold again.
    answer(&server, &rows, "Data", Some(&first)).await;
    assert_eq!(get_json(&server, "/api/boards/teams/stats?group=Backend").await.1["withheld"], true);
    assert_eq!(get_json(&server, "/api/boards/teams/stats?group=Data").await.1["withheld"], true);
    assert_eq!(server.stats("teams").await["respondents"], 3);
}

#[tokio::test]
async fn on_sqlite() {
    a_small_group_is_withheld_at_every_answer_until_it_is_large_enough(TestServer::start()).await;
}

#[tokio::test]
async fn on_postgres() {
    let db = TestDatabase::create(Backend::Postgres).await;
    let server = TestServer::start_with(&[("DATABASE_URL", db.url.as_str())]);
    a_small_group_is_withheld_at_every_answer_until_it_is_large_enough(server).await;
}

/// Answers `count` new respondents into `group` (none when empty) on `board`.
async fn answer_many(server: &TestServer, board: &str, rows: &[String], group: &str, count: usize) {
    for k in 0..count {
        let mut body = json!({ "answers": answers(rows, |i| ((i + k) % 4) as u64) });
        if !group.is_empty() {
            body["group"] = json!(group);
        }
        let path = format!("/api/boards/{board}/submissions");
        let (status, reply) = send(server, Method::POST, &path, None, body.to_string()).await;
        assert_eq!(status, 200, "{reply}");
    }
}

/// (door, the respondents of each group it shows), withheld ones left out.
async fn shown_at_every_door(server: &TestServer, board: &str, key: &str) -> Vec<(&'static str, Vec<u64>)> {
    let (mut stats, mut compared, mut trends, mut page) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let post = |door: &str, form: Vec<(&str, String)>| {
        let request = Client::new().post(server.url(&format!("/api/{door}"))).form(&form);
        async move { request.send().await.unwrap().json::<Value>().await.unwrap() }
    };
    for group in ["A", "B", "C"] {
        let (_, figures) = get_json(server, &format!("/api/boards/{board}/stats?group={group}")).await;
        stats.extend(figures["respondents"].as_u64());
        let form = vec![("board", board.to_string()), ("a", format!("g:1:{group}")), ("b", "r:1".to_string())];
        compared.extend(post("compare_figures", form).await["a"]["stats"]["respondents"].as_u64());
        let form = vec![("board", board.to_string()), ("group", group.to_string())];
        trends.extend(post("board_trends", form).await["rounds"][0][1]["respondents"].as_u64());
        // The trends page's HTML, as a person gets it: its chart names the count, or "withheld".
        let html = reqwest::get(server.url(&format!("/b/{board}/trends?group={group}"))).await.unwrap();
        let html = html.text().await.unwrap();
        let said = format!("People who answered in {group}: Round 1: ");
        let after = html.split(&said).nth(1).unwrap_or_else(|| panic!("the chart of {group} in\n{html}"));
        page.extend(after.split(|c: char| !c.is_ascii_digit()).next().and_then(|n| n.parse::<u64>().ok()));
    }
    let url = server.url(&format!("/api/boards/{board}/export/json"));
    let report: Value = Client::new().get(url).bearer_auth(key).send().await.unwrap().json().await.unwrap();
    let sections = report["sections"].as_array().unwrap().iter().filter(|s| s["group"].is_string());
    let exported = sections.filter_map(|s| s["respondents"].as_u64()).collect();
    vec![
        ("stats", stats),
        ("compare_figures", compared),
        ("board_trends", trends),
        ("trends page", page),
        ("export", exported),
    ]
}

/// Groups of 3, 3 and 1 with a threshold of 3: the whole board minus the
/// two groups of 3 would be the one person's answers, so one of them is
/// withheld too, at every door. The same for a remainder of one person who
/// chose no group.
async fn small_groups_cannot_be_recovered_by_subtraction(server: TestServer) {
    for (board, sizes, remainder) in [("subtract-c", [3, 3, 1], 0), ("subtract-rest", [3, 3, 0], 1)] {
        let created = server.create_board(json!({ "matrix": "programmer", "slug": board })).await;
        let key = created["admin_key"].as_str().unwrap().to_string();
        let rows = row_ids(&server.matrix().await);
        let settings = json!({ "groups": ["A", "B", "C"], "min_group_size": 3 }).to_string();
        let path = format!("/api/boards/{board}/groups");
        assert_eq!(send(&server, Method::PUT, &path, Some(&key), settings).await.0, 200);
        for (group, count) in ["A", "B", "C"].into_iter().zip(sizes) {
            answer_many(&server, board, &rows, group, count).await;
        }
        answer_many(&server, board, &rows, "", remainder).await;
        let whole = server.stats(board).await["respondents"].as_u64().unwrap();
        assert_eq!(whole, 7);
        for (door, shown) in shown_at_every_door(&server, board, &key).await {
            let left = whole - shown.iter().sum::<u64>();
            assert!(left == 0 || left >= 3, "{board}, {door}: {whole} minus {shown:?} leaves {left} people");
            assert_eq!(shown, [3], "{board}, {door}: one group of 3 is shown, the other withheld with the rest");
        }
    }
}

#[tokio::test]
async fn subtraction_recovers_nothing_on_sqlite() {
    small_groups_cannot_be_recovered_by_subtraction(TestServer::start()).await;
}

#[tokio::test]
async fn subtraction_recovers_nothing_on_postgres() {
    let db = TestDatabase::create(Backend::Postgres).await;
    small_groups_cannot_be_recovered_by_subtraction(TestServer::start_with(&[("DATABASE_URL", db.url.as_str())])).await;
}
