//! Boards on a matrix their creator wrote, or on a template, each keeping
//! its own copy: created through the API, checked with every problem named
//! by its JSON pointer, read back as JSON or TOML, and unmoved by later
//! changes to the template files.

use crate::common;

use common::{answers, get_json, row_ids, Backend, TestDatabase, TestServer};
use reqwest::Client;
use serde_json::{json, Value};
use std::path::Path;

/// 3 rows, 5 levels, text from several scripts; some ids left out.
fn custom() -> Value {
    let row =
        |title: &str| json!({ "title": title, "descriptions": ["nie", "rzadko", "czasem", "często", "zawsze — 总是"] });
    json!({
        "title": "Équipe données — 数据团队",
        "description": "Auto-évaluation",
        "levels": [
            { "id": "l0", "label": "Débutant", "short": "0" },
            { "label": "Apprenti", "short": "1" },
            { "label": "Confirmé", "short": "2" },
            { "label": "Expert", "short": "3" },
            { "label": "Référent", "short": "4" }
        ],
        "categories": [
            { "title": "Données", "rows": [row("Modélisation"), row("SQL avancé")] },
            { "id": "ops", "title": "Exploitation", "rows": [row("日本語の行")] }
        ]
    })
}

async fn create(server: &TestServer, body: Value) -> (u16, Value) {
    let response = Client::new().post(server.url("/api/boards")).body(body.to_string()).send().await.unwrap();
    (response.status().as_u16(), response.json().await.unwrap_or(Value::Null))
}

#[tokio::test]
async fn a_board_on_a_custom_matrix_is_answered_and_counted() {
    let server = TestServer::start();
    let (status, created) = create(&server, json!({ "matrix": custom(), "slug": "donnees" })).await;
    assert_eq!(status, 201, "{created}");
    assert_eq!(created["title"], "Équipe données — 数据团队");
    let (_, matrix) = get_json(&server, "/api/boards/donnees/matrix").await;
    let levels: Vec<&str> = matrix["levels"].as_array().unwrap().iter().map(|l| l["id"].as_str().unwrap()).collect();
    assert_eq!(levels, ["l0", "apprenti", "confirme", "expert", "referent"]);
    let rows = row_ids(&matrix);
    assert_eq!(rows, ["modelisation", "sql-avance", "ri-ben-yu-noxing"]);

    let body = json!({ "answers": answers(&rows, |i| [4, 0, 2][i]) });
    let url = server.url("/api/boards/donnees/submissions");
    assert_eq!(Client::new().post(url).body(body.to_string()).send().await.unwrap().status(), 200);
    let stats = server.stats("donnees").await;
    assert_eq!(stats["counts"]["modelisation"], json!([0, 0, 0, 0, 1]));
    assert_eq!(stats["counts"]["ri-ben-yu-noxing"], json!([0, 0, 1, 0, 0]));
}

#[tokio::test]
async fn every_kind_of_invalid_matrix_is_refused_with_its_paths_and_nothing_is_stored() {
    let server = TestServer::start();
    let with = |change: &dyn Fn(&mut Value)| {
        let mut matrix = custom();
        change(&mut matrix);
        matrix
    };
    let many_rows: Vec<Value> =
        (0..301).map(|i| json!({ "title": format!("r{i}"), "descriptions": vec!["a"; 5] })).collect();
    let cases: Vec<(&str, Value, Vec<&str>)> = vec![
        ("missing field", with(&|m| drop(m["levels"][2].as_object_mut().unwrap().remove("short"))), vec!["/levels/2"]),
        (
            "wrong type",
            with(&|m| m["categories"][0]["rows"][1]["descriptions"] = json!(7)),
            vec!["/categories/0/rows/1/descriptions"],
        ),
        ("duplicate ids", with(&|m| m["levels"][1]["id"] = json!("l0")), vec!["/levels/1/id"]),
        (
            "wrong number of descriptions",
            with(&|m| drop(m["categories"][1]["rows"][0]["descriptions"].as_array_mut().unwrap().pop())),
            vec!["/categories/1/rows/0/descriptions"],
        ),
        ("too many rows", with(&|m| m["categories"][0]["rows"] = json!(many_rows)), vec!["/categories"]),
        (
            "over-long texts",
            with(&|m| {
                m["title"] = json!("t".repeat(201));
                m["categories"][0]["rows"][0]["descriptions"][3] = json!("d".repeat(2001));
            }),
            vec!["/title", "/categories/0/rows/0/descriptions/3"],
        ),
        ("too few levels", with(&|m| m["levels"] = json!([{ "label": "Only", "short": "1" }])), vec!["/levels"]),
    ];
    for (case, matrix, paths) in cases {
        let (status, refusal) = create(&server, json!({ "matrix": matrix, "slug": "refused" })).await;
        assert_eq!(status, 422, "{case}: {refusal}");
        let found: Vec<&str> =
            refusal["problems"].as_array().unwrap().iter().map(|p| p["path"].as_str().unwrap()).collect();
        for path in paths {
            assert!(found.contains(&path), "{case}: {path} not in {found:?}");
        }
        assert!(refusal["error"].as_str().unwrap().starts_with("matrix rejected: "), "{case}: {refusal}");
        assert_eq!(get_json(&server, "/api/boards/refused/stats").await.0, 404, "{case}: nothing stored");
    }
    let huge = json!({ "matrix": { "title": "x".repeat(600 * 1024) } });
    assert_eq!(create(&server, huge).await.0, 413);
    assert_eq!(create(&server, json!({ "matrix": 5 })).await.0, 400);
}

#[tokio::test]
async fn templates_are_listed_and_a_boards_matrix_round_trips_through_toml() {
    let server = TestServer::start();
    let (_, templates) = get_json(&server, "/api/templates").await;
    let programmer = templates.as_array().unwrap().iter().find(|t| t["id"] == "programmer").unwrap();
    assert_eq!((programmer["levels"].as_u64(), programmer["rows"].as_u64() > Some(15)), (Some(4), true));
    assert_eq!(get_json(&server, "/api/templates/programmer").await.1["title"], "Programmer Competency Matrix");
    assert_eq!(get_json(&server, "/api/templates/nope").await.0, 404);

    create(&server, json!({ "matrix": custom(), "slug": "original" })).await;
    let response = reqwest::get(server.url("/api/boards/original/matrix?format=toml")).await.unwrap();
    assert_eq!(response.headers()["content-type"], "application/toml");
    let text = response.text().await.unwrap();
    let as_json: Value = serde_json::to_value(toml::from_str::<toml::Value>(&text).unwrap()).unwrap();
    assert_eq!(create(&server, json!({ "matrix": as_json, "slug": "copy" })).await.0, 201);
    let (original, copy) = (
        get_json(&server, "/api/boards/original/matrix").await.1,
        get_json(&server, "/api/boards/copy/matrix").await.1,
    );
    assert_eq!(original, copy, "the TOML file comes back unchanged");
    assert_eq!(get_json(&server, "/api/boards/original/matrix?format=xml").await.0, 400);
}

/// Boards keep the matrix they were created on; boards from before boards
/// kept one get their template's at the first start-up after the upgrade.
#[tokio::test]
async fn a_changed_template_leaves_existing_boards_as_they_were() {
    let matrices = std::env::temp_dir().join(format!("tally-templates-{}", std::process::id()));
    std::fs::create_dir_all(&matrices).unwrap();
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("../matrices/programmer.toml");
    std::fs::copy(&shipped, matrices.join("programmer.toml")).unwrap();
    let env = [("TALLY_MATRICES", matrices.to_str().unwrap())];
    let server = TestServer::start_with(&env);
    server.create_board(json!({ "matrix": "programmer", "slug": "kept" })).await;
    let before = get_json(&server, "/api/boards/kept/matrix").await.1;
    let (dir, _) = server.terminate();
    // A board from before the upgrade: no matrix of its own.
    let db = rusqlite::Connection::open(dir.join("tally.db")).unwrap();
    db.execute("UPDATE boards SET matrix = NULL WHERE id = 'default'", []).unwrap();
    drop(db);
    let text = std::fs::read_to_string(matrices.join("programmer.toml")).unwrap();
    std::fs::write(matrices.join("programmer.toml"), text.replace("Programmer Competency Matrix", "Renamed")).unwrap();

    let server = TestServer::start_in(dir, &env);
    assert_eq!(get_json(&server, "/api/templates/programmer").await.1["title"], "Renamed");
    assert_eq!(get_json(&server, "/api/boards/kept/matrix").await.1, before, "the board kept its own matrix");
    assert_eq!(get_json(&server, "/api/boards/default/matrix").await.1["title"], "Renamed");
    let (dir, _) = server.terminate();
    let db = rusqlite::Connection::open(dir.join("tally.db")).unwrap();
    let filled: bool =
        db.query_row("SELECT matrix IS NOT NULL FROM boards WHERE id = 'default'", [], |r| r.get(0)).unwrap();
    assert!(filled, "the old board now keeps the template as it was at the upgrade");
    std::fs::remove_dir_all(&matrices).unwrap();
}

#[tokio::test]
async fn a_custom_board_made_on_one_instance_is_served_by_another() {
    let db = TestDatabase::create(Backend::Postgres).await;
    let env = [("DATABASE_URL", db.url.as_str())];
    let (a, b) = (TestServer::start_with(&env), TestServer::start_with(&env));
    assert_eq!(create(&a, json!({ "matrix": custom(), "slug": "shared-custom" })).await.0, 201);
    let (status, on_b) = get_json(&b, "/api/boards/shared-custom/matrix").await;
    assert_eq!(status, 200);
    assert_eq!(on_b, get_json(&a, "/api/boards/shared-custom/matrix").await.1);
    let rows = row_ids(&on_b);
    let url = b.url("/api/boards/shared-custom/submissions");
    let body = json!({ "answers": answers(&rows, |_| 4) });
    assert_eq!(Client::new().post(url).body(body.to_string()).send().await.unwrap().status(), 200);
    // A hears of B's commit through PostgreSQL, a moment later.
    let started = std::time::Instant::now();
    while a.stats("shared-custom").await["version"] != 1 {
        assert!(started.elapsed() < std::time::Duration::from_secs(10), "A sees B's submission");
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
}
