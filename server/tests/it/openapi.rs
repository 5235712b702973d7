//! The OpenAPI document against the real binary: it lists every route the
//! server answers, the server answers every operation it lists, and
//! docs/API.md names the same operations.

use crate::common;

use common::TestServer;
use reqwest::{Client, Method};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;

/// `(method, path)` of each operation the document lists.
fn operations(document: &Value) -> BTreeSet<(String, String)> {
    let mut found = BTreeSet::new();
    for (path, item) in document["paths"].as_object().expect("paths") {
        for method in ["get", "put", "post", "delete", "patch"] {
            if item.get(method).is_some() {
                found.insert((method.to_uppercase(), path.clone()));
            }
        }
    }
    found
}

async fn document(server: &TestServer) -> Value {
    let response = reqwest::get(server.url("/api/openapi.json")).await.unwrap();
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_server_answers_every_operation_the_document_lists() {
    let server = TestServer::start();
    let document = document(&server).await;
    assert!(document["openapi"].as_str().unwrap().starts_with("3.1"), "{}", document["openapi"]);
    let listed = operations(&document);
    assert!(listed.len() >= 30, "{} operations: {listed:?}", listed.len());
    let ids: BTreeSet<&str> = listed
        .iter()
        .map(|(method, path)| document["paths"][path][method.to_lowercase()]["operationId"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), listed.len(), "every operation has an id of its own: {ids:?}");
    let client = Client::new();
    for (method, path) in &listed {
        let concrete = path.replace("{board}", "no-such-board").replace("{format}", "csv").replace("{id}", "x");
        let concrete = concrete.replace("{email}", "a@example.org");
        let method = Method::from_bytes(method.as_bytes()).unwrap();
        let response = client.request(method.clone(), server.url(&concrete)).send().await.unwrap();
        let status = response.status().as_u16();
        let html = response.headers().get("content-type").is_some_and(|t| t.to_str().unwrap().starts_with("text/html"));
        // The router's own refusals: a page for an address no route has, or 405.
        assert!(status != 405 && !(status == 404 && html), "{method} {concrete}: {status}, no route serves it");
    }
    // Positive control: an address no route has gets the router's page.
    let unrouted = client.get(server.url("/api/boards/x/no-such-thing")).send().await.unwrap();
    let kind = unrouted.headers()["content-type"].to_str().unwrap().to_string();
    assert_eq!((unrouted.status().as_u16(), kind.starts_with("text/html")), (404, true), "{kind}");
}

/// Whether a source file registers a route outside utoipa-axum's `routes!`,
/// which would serve it without documenting it.
fn bypasses_the_document(source: &str) -> bool {
    source.contains(".route(") || source.contains(".route_service(")
}

#[test]
fn every_api_route_is_registered_through_the_document() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![src.join("main.rs"), src.join("health.rs")];
    for dir in ["api", "live"] {
        for entry in std::fs::read_dir(src.join(dir)).unwrap() {
            files.push(entry.unwrap().path());
        }
    }
    for file in files.iter().filter(|f| f.extension().is_some_and(|x| x == "rs")) {
        let source = std::fs::read_to_string(file).unwrap();
        assert!(!bypasses_the_document(&source), "{} registers a route without documenting it", file.display());
    }
    // Positive control: the check sees a plain axum route.
    assert!(bypasses_the_document(r#"Router::new().route("/x", get(handler))"#));
}

/// Whether docs/API.md's `path` is the API's: not a page's address (`/i/…`,
/// `/auth/…`) nor one of the page's server functions (`/api/load_board`).
fn in_the_api(path: &str) -> bool {
    let server_function =
        path.strip_prefix("/api/").is_some_and(|name| name.contains('_') && !name.contains(['/', '.']));
    let operations = ["/healthz", "/readyz", "/metrics"].contains(&path);
    (path.starts_with("/api/") && !server_function) || operations
}

/// `(method, path)` of each operation docs/API.md names in backticks, up to
/// the page's own server functions (not part of the API).
fn operations_in_prose(text: &str) -> BTreeSet<(String, String)> {
    let api = text.split("## Server functions used by the page").next().unwrap();
    let mut found = BTreeSet::new();
    for quoted in api.split('`').skip(1).step_by(2) {
        let Some((method, path)) = quoted.split_once(' ') else { continue };
        if !["GET", "PUT", "POST", "DELETE"].contains(&method) || !path.starts_with('/') {
            continue;
        }
        let path = path.split(['?', '[', ' ']).next().unwrap().trim_end_matches('/');
        if in_the_api(path) {
            found.insert((method.to_string(), path.to_string()));
        }
    }
    found
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_prose_and_the_document_name_the_same_operations() {
    let server = TestServer::start();
    let listed = operations(&document(&server).await);
    let prose = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/API.md")).unwrap();
    let named = operations_in_prose(&prose);
    let undocumented: Vec<_> = listed.difference(&named).collect();
    let unknown: Vec<_> = named.difference(&listed).collect();
    assert!(undocumented.is_empty(), "in the document, not in docs/API.md: {undocumented:?}");
    assert!(unknown.is_empty(), "in docs/API.md, not in the document: {unknown:?}");
    // Positive control: an operation the prose invents is caught.
    let invented = operations_in_prose("`POST /api/boards/{board}/explode`");
    assert!(!invented.is_empty() && !invented.is_subset(&listed));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_document_states_credentials_errors_and_headers() {
    let server = TestServer::start();
    let document = document(&server).await;
    let schemes = &document["components"]["securitySchemes"];
    for scheme in ["admin_key", "respondent", "session", "metrics_token"] {
        assert!(schemes.get(scheme).is_some(), "{scheme} missing: {schemes}");
    }
    let edit = &document["paths"]["/api/boards/{board}/matrix"]["put"];
    assert_eq!(edit["security"][0]["admin_key"], serde_json::json!([]));
    assert!(edit["parameters"].to_string().contains("If-Match"));
    assert!(edit["responses"]["200"]["headers"].get("ETag").is_some());
    let start_round = &document["paths"]["/api/boards/{board}/rounds"]["post"]["responses"];
    assert!(start_round.get("403").is_some() && start_round.get("404").is_some(), "{start_round}");
    // Found by schemathesis: a board past TALLY_MAX_ROUNDS answers 409, undocumented.
    assert!(start_round.get("409").is_some(), "{start_round}");
    let templates = &document["paths"]["/api/templates"]["get"]["responses"];
    assert!(templates.get("403").is_none() && templates.get("404").is_none(), "no board, no key: {templates}");
    for operation in operations(&document) {
        let (method, path) = &operation;
        let responses = &document["paths"][path][method.to_lowercase()]["responses"];
        let limited = &responses["429"];
        assert!(limited["headers"].get("Retry-After").is_some(), "{operation:?}: 429 without Retry-After");
        let every = responses.as_object().unwrap();
        assert!(every.values().all(|r| r["headers"].get("X-Request-Id").is_some()), "{operation:?}");
    }
    // Found by schemathesis: a group's withheld figures did not match the
    // figures' schema; the answer is either.
    let stats = &document["paths"]["/api/boards/{board}/stats"]["get"]["responses"]["200"];
    assert_eq!(stats["content"]["application/json"]["schema"]["$ref"], "#/components/schemas/StatsAnswer");
    let either = document["components"]["schemas"]["StatsAnswer"]["anyOf"].to_string();
    assert!(either.contains("/Stats\"") && either.contains("/GroupFigures\""), "{either}");
    let bodies = ["NewBoardBody", "SubmissionBody", "GroupSettings", "RevealChange", "NewRound", "AccessChange"];
    for body in bodies.into_iter().chain(["NewOwner", "Withdrawal", "PeopleBody"]) {
        let example = &document["components"]["schemas"][body]["example"];
        assert!(example.is_object(), "{body} has no example");
    }
    let error = &document["components"]["schemas"]["ErrorBody"];
    assert_eq!(error["required"], serde_json::json!(["error", "code"]));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_docs_page_loads_only_this_sites_files_under_its_policy() {
    let server = TestServer::start();
    let response = reqwest::get(server.url("/api/docs")).await.unwrap();
    assert_eq!(response.status(), 200);
    let policy = response.headers()["content-security-policy"].to_str().unwrap().to_string();
    let script_src = policy.split(';').find(|d| d.trim().starts_with("script-src")).unwrap().to_string();
    assert_eq!(script_src.trim(), "script-src 'self'", "{policy}");
    let page = response.text().await.unwrap();
    let public = Path::new(env!("CARGO_MANIFEST_DIR")).join("../public");
    for file in ["/api-docs/swagger-ui-bundle.js", "/api-docs/swagger-ui.css", "/api-docs/start.js"] {
        assert!(page.contains(file), "{file} not on the page");
        assert!(public.join(file.trim_start_matches('/')).is_file(), "{file} does not ship with the project");
    }
    let start = std::fs::read_to_string(public.join("api-docs/start.js")).unwrap();
    for text in [&page, &start] {
        assert!(!text.contains("http://") && !text.contains("https://"), "nothing from elsewhere: {text}");
    }
    assert!(start.contains("url: '/api/openapi.json'"), "{start}");
}

/// Found by schemathesis (missing_required_header): a request without the
/// admin key got 403, which says "not allowed", where HTTP's answer to "no
/// credentials" is 401 with a challenge.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_missing_admin_key_is_401_with_a_challenge_and_a_wrong_one_403() {
    let server = TestServer::start();
    server.create_board(serde_json::json!({ "matrix": "programmer", "slug": "keyed" })).await;
    let close = || Client::new().post(server.url("/api/boards/keyed/close"));
    let missing = close().send().await.unwrap();
    assert_eq!(missing.status(), 401);
    assert_eq!(missing.headers()["www-authenticate"], "Bearer");
    let body: Value = missing.json().await.unwrap();
    assert_eq!(body["code"], "unauthenticated", "{body}");
    let wrong = close().bearer_auth("not-the-key").send().await.unwrap();
    assert_eq!(wrong.status(), 403, "a key that is not the board's stays forbidden");
    assert!(wrong.headers().get("www-authenticate").is_none());
    // Also found: without a key, a bad body was judged (400) before the key.
    let groups = Client::new().put(server.url("/api/boards/keyed/groups")).body(r#"{"groups": 5}"#);
    assert_eq!(groups.send().await.unwrap().status(), 401, "no key: nothing else is read");
}

/// Found by schemathesis: a body the document marks optional, sent as
/// JSON's `null`, was refused; and a round's body sent as an array
/// (`[""]`, which serde reads as the struct's fields in order) was taken.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_optional_body_may_be_null_and_a_body_is_always_an_object() {
    let server = TestServer::start();
    let created = server.create_board(serde_json::json!({ "matrix": "programmer", "slug": "bodies" })).await;
    let key = created["admin_key"].as_str().unwrap();
    let start = |body: &'static str| {
        let request = Client::new().post(server.url("/api/boards/bodies/rounds")).bearer_auth(key);
        request.header("content-type", "application/json").body(body).send()
    };
    let as_array = start(r#"["2026 Q4"]"#).await.unwrap();
    assert_eq!(as_array.status(), 400);
    let refused: Value = as_array.json().await.unwrap();
    assert!(refused["error"].as_str().unwrap().contains("JSON object"), "{refused}");
    assert_eq!(start("null").await.unwrap().status(), 201, "null is no body: a round without a label");
    assert_eq!(start(r#"{"label": "2026 Q4"}"#).await.unwrap().status(), 201, "positive control");
}
