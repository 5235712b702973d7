//! A board's end, against the real binary: deleting it takes every row of
//! it out of the database (read afterwards), tells open pages, and leaves
//! its address answering 410; what admins did is in its audit trail; a
//! respondent downloads what the board holds about them; and retention
//! deletes idle boards and old rounds by itself.

use crate::common;

use common::live_frames::next_stats;
use common::{answers, row_ids, send, Backend, TestDatabase, TestServer};
use reqwest::header::{CONTENT_DISPOSITION, COOKIE};
use reqwest::Method;
use serde_json::{json, Value};
use std::time::Duration;

/// Every table with a `board_id` column, read from the schema itself (so
/// a table added later is checked too), and `boards`.
const BOARD_COLUMN_SQLITE: &str = "SELECT m.name FROM sqlite_master m JOIN pragma_table_info(m.name) p
     WHERE m.type = 'table' AND p.name = 'board_id' ORDER BY m.name";
const BOARD_COLUMN_POSTGRES: &str = "SELECT table_name::text FROM information_schema.columns
     WHERE table_schema = 'public' AND column_name = 'board_id' ORDER BY table_name";

fn column(table: &str) -> &'static str {
    if table == "boards" {
        "id"
    } else {
        "board_id"
    }
}

/// A board with something in every table an admin can fill: answers in
/// two rounds, an invitation, an owner, a webhook and its delivery, and
/// audit entries. Its admin key.
async fn filled(server: &TestServer, slug: &str) -> String {
    let created = server.create_board(json!({ "matrix": "programmer", "slug": slug })).await;
    let key = created["admin_key"].as_str().unwrap().to_string();
    let admin = |method: Method, path: &str, body: Value| {
        let path = format!("/api/boards/{slug}{path}");
        let key = key.clone();
        async move { send(server, method, &path, Some(&key), body.to_string()).await }
    };
    for token in server.respondents(2).await {
        assert_eq!(submit(server, slug, &token).await, 200);
    }
    let hook = json!({ "url": "http://127.0.0.1:9/hook", "events": ["round_opened"] });
    assert_eq!(admin(Method::POST, "/webhooks", hook).await.0, 201);
    assert_eq!(admin(Method::POST, "/rounds", json!({ "label": "Spring" })).await.0, 201);
    let token = server.respondents(1).await.remove(0);
    assert_eq!(submit(server, slug, &token).await, 200);
    assert_eq!(admin(Method::POST, "/invitations", json!({ "people": "Ada Lovelace, ada@example.org" })).await.0, 201);
    assert_eq!(admin(Method::POST, "/owners", json!({ "email": "grace@example.org" })).await.0, 201);
    key
}

async fn submit(server: &TestServer, slug: &str, respondent: &str) -> u16 {
    let rows = row_ids(&server.matrix().await);
    let body = json!({ "respondent": respondent, "answers": answers(&rows, |i| (i % 4) as u64) }).to_string();
    send(server, Method::POST, &format!("/api/boards/{slug}/submissions"), None, body).await.0
}

/// Rows naming `board` in each table of a SQLite file.
fn sqlite_rows(file: &std::path::Path, board: &str) -> Vec<(String, i64)> {
    let db = rusqlite::Connection::open_with_flags(file, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let mut tables: Vec<String> =
        db.prepare(BOARD_COLUMN_SQLITE).unwrap().query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
    tables.push("boards".into());
    assert!(tables.len() >= 12, "the schema names the board in {tables:?}");
    let count = |table: &str| {
        let sql = format!("SELECT COUNT(*) FROM {table} WHERE {} = ?1", column(table));
        db.query_row(&sql, [board], |r| r.get::<_, i64>(0)).unwrap()
    };
    tables.into_iter().map(|table| (table.clone(), count(&table))).collect()
}

async fn postgres_rows(db: &TestDatabase, board: &str) -> Vec<(String, i64)> {
    let mut tables: Vec<String> = db.execute(BOARD_COLUMN_POSTGRES).await.iter().map(|r| r.get(0)).collect();
    tables.push("boards".into());
    assert!(tables.len() >= 12, "the schema names the board in {tables:?}");
    let mut counts = Vec::new();
    for table in tables {
        let sql = format!("SELECT COUNT(*) FROM {table} WHERE {} = '{board}'", column(&table));
        counts.push((table.clone(), db.execute(&sql).await[0].get::<_, i64>(0)));
    }
    counts
}

fn everywhere_empty(counts: &[(String, i64)]) -> bool {
    counts.iter().all(|(_, n)| *n == 0)
}

fn everywhere_filled(counts: &[(String, i64)]) -> bool {
    let unfilled = ["answered_boards", "participation_shown"];
    counts.iter().filter(|(table, _)| !unfilled.contains(&table.as_str())).all(|(_, n)| *n > 0)
}

/// Deletes `slug` through the API and checks what every door says after.
async fn delete_and_check_doors(server: &TestServer, slug: &str, key: &str) {
    let path = format!("/api/boards/{slug}");
    assert_eq!(send(server, Method::DELETE, &path, Some("not-the-key"), String::new()).await.0, 403);
    assert_eq!(send(server, Method::DELETE, &path, None, String::new()).await.0, 401);
    assert_eq!(send(server, Method::DELETE, &path, Some(key), String::new()).await.0, 204);
    let (status, body) = send(server, Method::GET, &format!("{path}/stats"), None, String::new()).await;
    assert_eq!((status, body["code"].clone()), (410, json!("board_deleted")), "{body}");
    assert_eq!(send(server, Method::DELETE, &path, Some(key), String::new()).await.0, 410, "already gone");
    let token = server.respondents(1).await.remove(0);
    assert_eq!(submit(server, slug, &token).await, 410);
    let page = reqwest::get(server.url(&format!("/b/{slug}"))).await.unwrap();
    assert_eq!(page.status(), 410);
    assert!(page.text().await.unwrap().contains("This board was deleted"));
    let again = json!({ "matrix": "programmer", "slug": slug }).to_string();
    let (status, body) = send(server, Method::POST, "/api/boards", None, again).await;
    assert_eq!(status, 409, "a deleted board's address is never given again: {body}");
}

#[tokio::test]
async fn deleting_a_board_removes_every_row_tells_open_pages_and_answers_410() {
    let server = TestServer::start_with(&[("TALLY_WEBHOOKS_ALLOW_PRIVATE", "true"), ("RUST_LOG", "info")]);
    let key = filled(&server, "leaving").await;
    let kept_key = filled(&server, "staying").await;
    let file = server.dir.join("tally.db");
    assert!(everywhere_filled(&sqlite_rows(&file, "leaving")), "{:?}", sqlite_rows(&file, "leaving"));

    let (mut page, _) = tokio_tungstenite::connect_async(server.ws_url("/api/boards/leaving/live")).await.unwrap();
    assert_eq!(next_stats(&mut page).await["deleted"], Value::Null, "not deleted yet");
    delete_and_check_doors(&server, "leaving", &key).await;
    let told = next_stats(&mut page).await;
    assert_eq!((told["deleted"].clone(), told["closed"].clone()), (json!(true), json!(true)), "{told}");
    assert_eq!((told["respondents"].clone(), told.get("counts")), (json!(0), None), "no figure left: {told}");

    assert!(everywhere_empty(&sqlite_rows(&file, "leaving")), "{:?}", sqlite_rows(&file, "leaving"));
    // The positive control: the same check finds the other board's rows.
    assert!(everywhere_filled(&sqlite_rows(&file, "staying")), "{:?}", sqlite_rows(&file, "staying"));
    assert_eq!(server.stats("staying").await["respondents"], 1);
    let (status, _) = send(&server, Method::GET, "/api/boards/staying/audit", Some(&kept_key), String::new()).await;
    assert_eq!(status, 200);
    let log = server.log();
    assert!(log.contains("board deleted by its admin") && log.contains("leaving"), "{log}");
    assert!(!log.contains(&key), "never the key");
}

#[tokio::test]
async fn on_postgres_every_row_goes_and_the_other_instance_tells_its_pages() {
    let db = TestDatabase::create(Backend::Postgres).await;
    let on_db = [("DATABASE_URL", db.url.as_str()), ("TALLY_WEBHOOKS_ALLOW_PRIVATE", "true")];
    let (a, b) = (TestServer::start_with(&on_db), TestServer::start_with(&on_db));
    let key = filled(&a, "leaving").await;
    filled(&a, "staying").await;
    assert!(everywhere_filled(&postgres_rows(&db, "leaving").await));

    let (mut on_b, _) = tokio_tungstenite::connect_async(b.ws_url("/api/boards/leaving/live")).await.unwrap();
    assert_eq!(next_stats(&mut on_b).await["respondents"], 1);
    delete_and_check_doors(&a, "leaving", &key).await;
    assert_eq!(next_stats(&mut on_b).await["deleted"], true, "instance B's page is told");
    let (status, _) = send(&b, Method::GET, "/api/boards/leaving/stats", None, String::new()).await;
    assert_eq!(status, 410);

    assert!(everywhere_empty(&postgres_rows(&db, "leaving").await), "{:?}", postgres_rows(&db, "leaving").await);
    assert!(everywhere_filled(&postgres_rows(&db, "staying").await), "the positive control");
    assert_eq!(b.stats("staying").await["respondents"], 1);
}

#[tokio::test]
async fn the_audit_trail_lists_admin_actions_and_downloads_without_respondent_data() {
    let server = TestServer::start_with(&[("TALLY_WEBHOOKS_ALLOW_PRIVATE", "true")]);
    let key = filled(&server, "watched").await;
    let admin = |method: Method, path: &str| {
        let path = format!("/api/boards/watched{path}");
        let key = key.clone();
        let server = &server;
        async move { send(server, method, &path, Some(&key), String::new()).await }
    };
    assert_eq!(admin(Method::POST, "/close").await.0, 200);
    assert_eq!(admin(Method::GET, "/export/csv").await.0, 200);
    let (status, trail) = admin(Method::GET, "/audit").await;
    assert_eq!(status, 200, "{trail}");
    let actions: Vec<&str> = trail.as_array().unwrap().iter().map(|e| e["action"].as_str().unwrap()).collect();
    let expected = ["exported", "closed", "owner_added", "people_invited", "round_started", "webhook_added"];
    assert_eq!(actions, expected, "newest first");
    assert_eq!(trail[4]["detail"], "#2 Spring");
    assert!(trail.as_array().unwrap().iter().all(|e| e["by"] == json!({ "kind": "admin_link" })));

    let csv = reqwest::Client::new().get(server.url("/api/boards/watched/audit/csv")).bearer_auth(&key).send().await;
    let csv = csv.unwrap();
    assert_eq!(csv.headers()[CONTENT_DISPOSITION], "attachment; filename=\"tally-watched-audit.csv\"");
    let text = csv.text().await.unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "at,action,credential,owner_email,detail");
    assert!(lines[1].contains(",webhook_added,admin_link,,http://127.0.0.1:9/hook"), "oldest first: {text}");
    assert_eq!(lines.len(), 7);
    let (status, body) = admin(Method::GET, "/audit/xlsx").await;
    assert_eq!(status, 400, "{body}");
    assert!(body["error"].as_str().unwrap().contains("unknown audit format"));
    // No respondent data and no credential: not the key, not an answer's respondent.
    let (_, mine) = send(&server, Method::GET, "/api/boards/watched/audit", Some("wrong"), String::new()).await;
    assert_eq!(mine["code"], "forbidden");
    for secret in [key.as_str(), "respondent", "ada@example.org"] {
        assert!(!text.contains(secret) && !trail.to_string().contains(secret), "{secret} in the trail");
    }
}

#[tokio::test]
async fn a_respondent_downloads_everything_the_board_holds_about_them_and_nothing_of_others() {
    let server = TestServer::start();
    server.create_board(json!({ "matrix": "programmer", "slug": "mine" })).await;
    let created = server.create_board(json!({ "matrix": "programmer", "slug": "rounds" })).await;
    let key = created["admin_key"].as_str().unwrap();
    let tokens = server.respondents(2).await;
    let (me, other) = (&tokens[0], &tokens[1]);
    assert_eq!(submit(&server, "rounds", me).await, 200);
    assert_eq!(submit(&server, "rounds", other).await, 200);
    let label = json!({ "label": "Autumn" }).to_string();
    assert_eq!(send(&server, Method::POST, "/api/boards/rounds/rounds", Some(key), label).await.0, 201);
    assert_eq!(submit(&server, "rounds", me).await, 200);

    let download = |token: Option<String>| {
        let request = reqwest::Client::new().get(server.url("/api/boards/rounds/respondents/me"));
        let request = match token {
            Some(token) => request.header(COOKIE, format!("tally_respondent={token}")),
            None => request,
        };
        async move { request.send().await.unwrap() }
    };
    let response = download(Some(me.clone())).await;
    assert_eq!(response.status(), 200);
    assert!(response.headers()[CONTENT_DISPOSITION].to_str().unwrap().contains("tally-rounds-my-data.json"));
    let data: Value = response.json().await.unwrap();
    let rounds = data["rounds"].as_array().unwrap();
    assert_eq!(rounds.len(), 2, "{data}");
    assert_eq!((rounds[0]["label"].clone(), rounds[1]["label"].clone()), (json!("Round 1"), json!("Autumn")));
    let first_row = row_ids(&server.matrix().await).remove(0);
    let given = rounds[0]["answers"].as_array().unwrap().iter().find(|a| a["row"] == first_row.as_str()).unwrap();
    assert_eq!((given["level"].clone(), given["competency"].as_str().is_some()), (json!(0), true), "{given}");
    assert!(rounds[0]["submitted_at"].as_i64().unwrap() > 1_700_000_000);

    let others: Value = download(Some(other.clone())).await.json().await.unwrap();
    assert_eq!(others["rounds"].as_array().unwrap().len(), 1, "only the other's one round");
    assert_ne!(others["respondent"], data["respondent"]);
    let nobody: Value = download(None).await.json().await.unwrap();
    assert_eq!((nobody["rounds"].clone(), nobody["respondent"].clone()), (json!([]), Value::Null));
    let (status, _) = common::get_json(&server, "/api/boards/nowhere/respondents/me").await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn retention_deletes_idle_boards_and_old_rounds_and_keeps_what_is_in_use() {
    let retention =
        [("TALLY_RETAIN_IDLE_BOARDS", "4s"), ("TALLY_RETAIN_ROUNDS", "4s"), ("TALLY_RETENTION_EVERY", "1s")];
    let server = TestServer::start_with(&[("RUST_LOG", "info"), retention[0], retention[1], retention[2]]);
    server.create_board(json!({ "matrix": "programmer", "slug": "forgotten" })).await;
    let created = server.create_board(json!({ "matrix": "programmer", "slug": "busy" })).await;
    let key = created["admin_key"].as_str().unwrap();
    let token = server.respondents(1).await.remove(0);
    assert_eq!(submit(&server, "busy", &token).await, 200);
    let label = json!({ "label": "Now" }).to_string();
    assert_eq!(send(&server, Method::POST, "/api/boards/busy/rounds", Some(key), label).await.0, 201);

    // "busy" stays in use: an answer a second, for eight seconds.
    for _ in 0..8 {
        assert_eq!(submit(&server, "busy", &token).await, 200);
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
    let (status, _) = common::get_json(&server, "/api/boards/forgotten/stats").await;
    assert_eq!(status, 410, "idle for more than four seconds");
    let (status, rounds) = send(&server, Method::GET, "/api/boards/busy/rounds", Some(key), String::new()).await;
    assert_eq!(status, 200);
    let numbers: Vec<&Value> = rounds.as_array().unwrap().iter().map(|r| &r["round"]).collect();
    assert_eq!(numbers, [&json!(2)], "round 1 ended more than four seconds ago: {rounds}");
    assert_eq!(server.stats("busy").await["respondents"], 1, "the open round is kept");
    let log = server.log();
    assert!(log.contains("retention deleted an idle board") && log.contains("forgotten"), "{log}");
    assert!(log.contains("retention deleted an old round"), "{log}");
    assert!(!log.contains(&token), "no respondent in the log");
}
