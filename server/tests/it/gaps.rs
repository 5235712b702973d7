//! Roles and gaps against the real binary, on SQLite and on PostgreSQL:
//! respondents give a role, and a role's gaps (and a role's within a
//! group) are shown only where no withheld slice can be worked out from
//! what is shown, at both doors (the API and the page's server function).

use crate::common;

use common::live_frames::next_stats;
use common::{answers, get_json, row_ids, send, Backend, TestDatabase, TestServer};
use reqwest::header::{AUTHORIZATION, ETAG, IF_MATCH};
use reqwest::{Client, Method};
use serde_json::{json, Value};
use tokio_tungstenite::connect_async;

/// Gives the board's matrix three roles: engineer expects `n` (level 2)
/// in data structures and algorithms; senior expects `logn` (3) in data
/// structures; staff expects `logn` in algorithms.
async fn add_roles(server: &TestServer, board: &str, key: &str) {
    let roles = json!([
        { "id": "engineer", "title": "Engineer", "expects": { "data-structures": "n", "algorithms": "n" } },
        { "id": "senior", "title": "Senior", "expects": { "data-structures": "logn" } },
        { "id": "staff", "title": "Staff", "expects": { "algorithms": "logn" } },
    ]);
    set_roles(server, board, key, roles).await;
}

/// Replaces the roles of the board's matrix with `roles`.
async fn set_roles(server: &TestServer, board: &str, key: &str, roles: Value) {
    let url = server.url(&format!("/api/boards/{board}/matrix"));
    let response = reqwest::get(&url).await.unwrap();
    let etag = response.headers()[ETAG].to_str().unwrap().to_string();
    let mut matrix: Value = response.json().await.unwrap();
    matrix["roles"] = roles;
    // The template's translations name its own roles, which these replace.
    common::drop_translated(&mut matrix, "roles", |_| true);
    let put = Client::new().put(url).header(AUTHORIZATION, format!("Bearer {key}")).header(IF_MATCH, etag);
    assert_eq!(put.body(matrix.to_string()).send().await.unwrap().status(), 200);
}

/// `count` new respondents answering every row at `level` in `group` and `role`.
async fn answer(server: &TestServer, rows: &[String], (group, role): (&str, &str), level: u64, count: usize) {
    for _ in 0..count {
        let body = json!({ "answers": answers(rows, |_| level), "group": group, "role": role });
        let (status, reply) = send(server, Method::POST, "/api/boards/gaps/submissions", None, body.to_string()).await;
        assert_eq!(status, 200, "{reply}");
    }
}

/// The gaps at the API's door and at the page's, which must agree.
async fn gaps(server: &TestServer, role: &str, group: &str) -> Value {
    let (status, api) = get_json(server, &format!("/api/boards/gaps/gaps?role={role}&group={group}")).await;
    assert_eq!(status, 200, "{api}");
    let form = [("board", "gaps"), ("role", role), ("group", group)];
    let page: Value =
        Client::new().post(server.url("/api/board_gaps")).form(&form).send().await.unwrap().json().await.unwrap();
    assert_eq!(api, page, "both doors give the same");
    api
}

fn shown(gaps: &Value) -> bool {
    !gaps["figures"].is_null()
}

async fn roles_of_3_3_and_1_give_nothing_away_until_each_slice_is_large_enough(server: TestServer) {
    let created = server.create_board(json!({ "matrix": "programmer", "slug": "gaps" })).await;
    let key = created["admin_key"].as_str().unwrap();
    let rows = row_ids(&server.matrix().await);
    let settings = json!({ "groups": ["A", "B"], "min_group_size": 3 });
    assert_eq!(send(&server, Method::PUT, "/api/boards/gaps/groups", Some(key), settings.to_string()).await.0, 200);
    let plain = server.create_board(json!({ "matrix": "programmer", "slug": "no-roles" })).await;
    set_roles(&server, "no-roles", plain["admin_key"].as_str().unwrap(), json!([])).await;
    let (status, refused) = get_json(&server, "/api/boards/no-roles/gaps").await;
    let refused = refused["error"].as_str().unwrap().to_string();
    assert_eq!((status, refused.as_str()), (400, "board 'no-roles' has no roles: its matrix declares none"));
    add_roles(&server, "gaps", key).await;

    let body = json!({ "answers": answers(&rows, |_| 0), "role": "boss" });
    let (status, refused) = send(&server, Method::POST, "/api/boards/gaps/submissions", None, body.to_string()).await;
    assert_eq!(status, 422);
    assert!(refused["error"].as_str().unwrap().contains("unknown role 'boss'"), "{refused}");

    // Engineers 3 (all in A), seniors 3 (A 1, B 2), staff 1 (B), and 1 with
    // no role (B): the staff member and the one without a role are
    // withheld, and so is a role pooled with them; no role is crossed with
    // groups, as every role has a small cell.
    answer(&server, &rows, ("A", "engineer"), 1, 3).await;
    answer(&server, &rows, ("A", "senior"), 3, 1).await;
    answer(&server, &rows, ("B", "senior"), 2, 2).await;
    answer(&server, &rows, ("B", "staff"), 0, 1).await;
    answer(&server, &rows, ("B", ""), 1, 1).await;
    let senior = gaps(&server, "senior", "").await;
    assert!(shown(&senior), "{senior}");
    assert_eq!(senior["figures"]["respondents"], 3);
    let data_structures = &senior["figures"]["rows"][0];
    assert_eq!(data_structures["row"], "data-structures");
    assert_eq!(
        (&data_structures["below"], &data_structures["at"], &data_structures["above"]),
        (&json!(2), &json!(1), &json!(0))
    );
    for (role, group) in [("engineer", ""), ("staff", ""), ("senior", "A"), ("senior", "B"), ("engineer", "A")] {
        let withheld = gaps(&server, role, group).await;
        assert!(!shown(&withheld), "{role} in '{group}' would be worked out by subtraction: {withheld}");
        assert!(!withheld.to_string().contains("respondents"), "not even how many: {withheld}");
    }

    // The admin's export carries the roles, what each expects, and the same gaps withheld the same.
    let export = |format: &'static str| {
        let url = server.url(&format!("/api/boards/gaps/export/{format}"));
        async move {
            Client::new()
                .get(url)
                .header(AUTHORIZATION, format!("Bearer {key}"))
                .send()
                .await
                .unwrap()
                .text()
                .await
                .unwrap()
        }
    };
    let report: Value = serde_json::from_str(&export("json").await).unwrap();
    assert_eq!(report["roles"][1]["expects"], json!({ "data-structures": "Expert (level 3)" }));
    let role_sections: Vec<&Value> =
        report["sections"].as_array().unwrap().iter().filter(|s| s.get("role").is_some()).collect();
    assert_eq!(role_sections.len(), 9, "three roles, each of everyone then of each of two groups");
    for section in &role_sections {
        let shows = section["role"] == "Senior" && section["group"].is_null();
        assert_eq!(section["withheld"], !shows, "{section}");
        assert_eq!(section.get("gaps").is_some(), shows, "a withheld slice has no figure: {section}");
    }
    let csv = export("csv").await;
    assert!(csv.contains("\n1,Round 1,,,data-structures,Data structures,below log n,2,3,Senior\n"), "{csv}");
    assert!(csv.contains("\n1,Round 1,A,,,,,withheld,,Senior\n"), "{csv}");
    assert!(!csv.lines().any(|l| l.ends_with(",Engineer") && !l.contains("withheld")), "{csv}");

    // Positive control: once every slice holds 3, each is shown.
    answer(&server, &rows, ("B", "staff"), 0, 2).await;
    answer(&server, &rows, ("B", ""), 1, 2).await;
    answer(&server, &rows, ("A", "senior"), 3, 2).await;
    answer(&server, &rows, ("B", "senior"), 2, 1).await;
    for (role, group, people) in [
        ("engineer", "", 3),
        ("staff", "", 3),
        ("senior", "", 6),
        ("senior", "A", 3),
        ("senior", "B", 3),
        ("engineer", "A", 3),
    ] {
        let figures = gaps(&server, role, group).await;
        assert_eq!(figures["figures"]["respondents"], people, "{role} in '{group}': {figures}");
    }
    let engineers = gaps(&server, "engineer", "A").await;
    let text: Vec<(&str, u64)> = engineers["figures"]["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|gap| (gap["row"].as_str().unwrap(), gap["below"].as_u64().unwrap()))
        .collect();
    assert_eq!(text, [("data-structures", 3), ("algorithms", 3)], "every engineer is one level short of n");
    assert_eq!(get_json(&server, "/api/boards/gaps/gaps?role=boss").await.0, 400);
    assert_eq!(get_json(&server, "/api/boards/gaps/gaps?role=senior&group=C").await.0, 404);
    assert_eq!(get_json(&server, "/api/boards/gaps/gaps?role=senior&round=9").await.0, 404);
    assert_eq!(get_json(&server, "/api/boards/gaps/gaps?colour=red").await.0, 400);

    // Hidden figures are hidden here too, except from the admin.
    let facilitator = json!({ "reveal": "facilitator" });
    assert_eq!(
        send(&server, Method::PUT, "/api/boards/gaps/settings", Some(key), facilitator.to_string()).await.0,
        200
    );
    assert_eq!(get_json(&server, "/api/boards/gaps/gaps?role=senior").await.0, 403);
    let (status, _) = send(&server, Method::GET, "/api/boards/gaps/gaps?role=senior", Some(key), String::new()).await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn on_sqlite() {
    roles_of_3_3_and_1_give_nothing_away_until_each_slice_is_large_enough(TestServer::start()).await;
}

#[tokio::test]
async fn on_postgres() {
    let db = TestDatabase::create(Backend::Postgres).await;
    let server = TestServer::start_with(&[("DATABASE_URL", db.url.as_str())]);
    roles_of_3_3_and_1_give_nothing_away_until_each_slice_is_large_enough(server).await;
}

/// An expectation edited on instance A reaches a page on instance B: B's
/// live socket hears of the new version (the gaps page fetches again on
/// each), and B's gaps then measure against the new expectation.
#[tokio::test]
async fn on_postgres_an_expectation_edited_on_one_instance_reaches_gaps_on_another() {
    let db = TestDatabase::create(Backend::Postgres).await;
    let (a, b) = (
        TestServer::start_with(&[("DATABASE_URL", db.url.as_str())]),
        TestServer::start_with(&[("DATABASE_URL", db.url.as_str())]),
    );
    let created = a.create_board(json!({ "matrix": "programmer", "slug": "gaps" })).await;
    let key = created["admin_key"].as_str().unwrap();
    let rows = row_ids(&a.matrix().await);
    add_roles(&a, "gaps", key).await;
    answer(&a, &rows, ("", "senior"), 2, 3).await;
    let below = |gaps: &Value| gaps["figures"]["rows"][0]["below"].as_u64().unwrap();
    assert_eq!(below(&gaps(&b, "senior", "").await), 3, "seniors at n are below log n");

    let (mut socket, _) = connect_async(b.ws_url("/api/boards/gaps/live")).await.unwrap();
    let before = next_stats(&mut socket).await["matrix_rev"].as_u64().unwrap();
    let url = a.url("/api/boards/gaps/matrix");
    let response = reqwest::get(&url).await.unwrap();
    let etag = response.headers()[ETAG].to_str().unwrap().to_string();
    let mut matrix: Value = response.json().await.unwrap();
    matrix["roles"][1]["expects"]["data-structures"] = json!("n");
    let put = Client::new().put(url).header(AUTHORIZATION, format!("Bearer {key}")).header(IF_MATCH, etag);
    assert_eq!(put.body(matrix.to_string()).send().await.unwrap().status(), 200);
    loop {
        if next_stats(&mut socket).await["matrix_rev"].as_u64().unwrap() > before {
            break;
        }
    }
    let now = gaps(&b, "senior", "").await;
    assert_eq!((below(&now), &now["figures"]["rows"][0]["expected"]), (0, &json!("n")), "{now}");
}
