//! Organisers with accounts, against the real binary and a real OpenID
//! Connect provider: a board started while signed in is its starter's, who
//! manages it from "My boards" without the admin link (which keeps
//! working); a co-owner added by email owns it once they sign in with that
//! address, and stops owning it when removed; "My boards" lists the boards
//! a person answered, and nobody's answers.

use crate::common;

use common::oidc::{get_with, post_with, server_with_sign_in, sign_in, Provider};
use common::{answers, row_ids, send, TestServer};
use reqwest::header::COOKIE;
use reqwest::Method;
use serde_json::{json, Value};

async fn session(server: &TestServer) -> String {
    sign_in(server, "/").await.session.expect("signed in")
}

/// The signed-in caller's boards.
async fn my_boards(server: &TestServer, cookie: &str) -> Value {
    let (status, body) = get_with(server, "/api/me/boards", cookie).await;
    assert_eq!(status, 200, "{body}");
    body
}

/// The pass in a "Manage" link of `my_boards`, for `board`.
fn pass_for(mine: &Value, board: &str) -> Option<String> {
    let owned = mine["owned"].as_array()?.iter().find(|b| b["board"] == board)?;
    Some(owned["manage"].as_str()?.split_once("#admin=")?.1.to_string())
}

#[tokio::test]
async fn an_owner_manages_a_board_without_its_admin_link_and_shares_it_by_email() {
    let provider = Provider::start();
    let server = server_with_sign_in(&provider, &[]);
    let ada = session(&server).await;
    let body = json!({ "matrix": "programmer", "slug": "owned", "title": "Ada's team" });
    let (status, created) = post_with(&server, "/api/boards", &ada, body).await;
    assert_eq!(status, 201, "{created}");
    let admin_key = created["admin_key"].as_str().unwrap().to_string();

    let mine = my_boards(&server, &ada).await;
    assert_eq!(mine["owned"][0]["title"], "Ada's team");
    assert_eq!((mine["owned"][0]["round"].clone(), mine["owned"][0]["access"].clone()), (json!(1), json!("anyone")));
    let pass = pass_for(&mine, "owned").expect("a link that manages it");
    // The pass does what the admin key does; the key keeps working too.
    assert_eq!(send(&server, Method::POST, "/api/boards/owned/close", Some(&pass), String::new()).await.0, 200);
    assert_eq!(send(&server, Method::POST, "/api/boards/owned/reopen", Some(&admin_key), String::new()).await.0, 200);
    // The last character changed (to one it is not).
    let last = if pass.ends_with('0') { '1' } else { '0' };
    let forged = format!("{}{last}", &pass[..pass.len() - 1]);
    assert_eq!(send(&server, Method::POST, "/api/boards/owned/close", Some(&forged), String::new()).await.0, 403);

    // Grace is added by email and owns it once she signs in with it.
    let add = json!({ "email": "Grace@Example.org" }).to_string();
    let (status, owners) = send(&server, Method::POST, "/api/boards/owned/owners", Some(&pass), add).await;
    assert_eq!(status, 201, "{owners}");
    assert_eq!(owners[1], json!({ "email": "grace@example.org", "signed_in": false }));
    provider.person("grace", "grace@example.org", "Grace Hopper").await;
    let grace = session(&server).await;
    let graces = pass_for(&my_boards(&server, &grace).await, "owned").expect("Grace owns it now");
    let (_, owners) = send(&server, Method::GET, "/api/boards/owned/owners", Some(&graces), String::new()).await;
    assert_eq!(owners[1]["signed_in"], true);

    // Removed, her pass stops working and the board leaves her list.
    let path = "/api/boards/owned/owners/grace@example.org";
    assert_eq!(send(&server, Method::DELETE, path, Some(&pass), String::new()).await.0, 200);
    assert_eq!(send(&server, Method::POST, "/api/boards/owned/close", Some(&graces), String::new()).await.0, 403);
    assert_eq!(my_boards(&server, &grace).await["owned"], json!([]));

    // A bad address is refused and changes nothing.
    let bad = json!({ "email": "not an address" }).to_string();
    let (status, body) = send(&server, Method::POST, "/api/boards/owned/owners", Some(&pass), bad).await;
    assert_eq!(status, 400);
    assert!(body["error"].as_str().unwrap().contains("not an email address"), "{body}");
    let (_, owners) = send(&server, Method::GET, "/api/boards/owned/owners", Some(&admin_key), String::new()).await;
    assert_eq!(owners.as_array().unwrap().len(), 1);

    // The audit trail names the credential: Ada's account by its email, or the admin link.
    let (status, trail) = send(&server, Method::GET, "/api/boards/owned/audit", Some(&admin_key), String::new()).await;
    assert_eq!(status, 200, "{trail}");
    let done: Vec<(Value, Value)> =
        trail.as_array().unwrap().iter().map(|e| (e["action"].clone(), e["by"].clone())).collect();
    let ada_by = json!({ "kind": "owner", "email": "ada@example.org" });
    assert!(done.contains(&(json!("closed"), ada_by.clone())), "{trail}");
    assert!(done.contains(&(json!("reopened"), json!({ "kind": "admin_link" }))), "{trail}");
    assert!(done.contains(&(json!("owner_removed"), ada_by)), "{trail}");
    assert!(!trail.to_string().contains(&admin_key) && !trail.to_string().contains(&pass), "no credential itself");
}

#[tokio::test]
async fn my_boards_lists_the_boards_a_person_answered_and_nothing_without_sign_in() {
    let provider = Provider::start();
    let server = server_with_sign_in(&provider, &[]);
    server.create_board(json!({ "matrix": "programmer", "slug": "answered", "title": "Answered" })).await;
    server.create_board(json!({ "matrix": "programmer", "slug": "untouched" })).await;
    let ada = session(&server).await;
    let rows = row_ids(&server.matrix().await);
    let submitted = reqwest::Client::new()
        .post(server.url("/api/boards/answered/submissions"))
        .header(COOKIE, &ada)
        .json(&json!({ "answers": answers(&rows, |_| 1) }))
        .send()
        .await
        .unwrap();
    assert_eq!(submitted.status(), 200);
    let mine = my_boards(&server, &ada).await;
    assert_eq!(mine, json!({ "owned": [], "answered": [{ "board": "answered", "title": "Answered" }] }));
    let (status, _) = get_with(&server, "/api/me/boards", "tally_session=nobody").await;
    assert_eq!(status, 401, "signed out, no one's boards");
}
