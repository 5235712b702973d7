//! Starting a board from the start page's form and joining one by its
//! code, as a browser without JavaScript does it: plain form posts and
//! GETs, following what the server answers.

use crate::common;

use common::TestServer;
use reqwest::{header, redirect, Client, StatusCode};
use serde_json::json;

fn client() -> Client {
    Client::builder().redirect(redirect::Policy::none()).build().unwrap()
}

/// Posts the start form as a browser does; the answer, not followed.
async fn post_start_form(server: &TestServer, fields: &[(&str, &str)]) -> reqwest::Response {
    client()
        .post(server.url("/api/create_board"))
        .header(header::ACCEPT, "text/html")
        .header(header::REFERER, server.url("/start"))
        .form(fields)
        .send()
        .await
        .unwrap()
}

/// `/join?code=…` as a browser asks for a page (it accepts HTML).
fn browser_get(
    server: &TestServer,
    code: String,
) -> impl std::future::Future<Output = reqwest::Result<reqwest::Response>> {
    let request = client().get(server.url("/join")).query(&[("code", code)]);
    request.header(header::ACCEPT, "text/html").send()
}

fn location(response: &reqwest::Response) -> String {
    response.headers()[header::LOCATION].to_str().unwrap().to_string()
}

/// The `name=value` part of the response's `tally_boards` cookie.
fn boards_cookie(response: &reqwest::Response) -> String {
    let mut set = response.headers().get_all(header::SET_COOKIE).iter().map(|v| v.to_str().unwrap().to_string());
    let found = set.rfind(|c| c.starts_with("tally_boards=")).expect("a tally_boards cookie");
    found.split(';').next().unwrap().to_string()
}

#[tokio::test]
async fn a_refused_form_comes_back_with_what_was_typed_and_says_what_is_wrong_beside_it() {
    let server = TestServer::start();
    server.create_board(json!({ "matrix": "programmer", "slug": "taken" })).await;
    let refused =
        post_start_form(&server, &[("matrix", "programmer"), ("title", "Équipe <A>"), ("slug", "No Spaces")]).await;
    assert_eq!(refused.status(), StatusCode::FOUND);
    let back = location(&refused);
    assert!(back.starts_with("/start?") && !back.contains("__err"), "{back}");
    let page = client().get(server.url(&back)).send().await.unwrap().text().await.unwrap();
    assert!(page.contains(r#"value="Équipe &lt;A&gt;""#), "the title as typed, escaped");
    assert!(page.contains(r#"value="No Spaces""#), "the address as typed");
    let problem = r#"<p id="slug-problem" class="field-error">The address must be 3-64 characters"#;
    assert!(page.contains(problem), "named in the page's own words, beside the field");
    assert!(!page.contains("slug '"), "not in the API's words");
    let address_input = page.split(r#"<input id="slug""#).nth(1).unwrap().split('>').next().unwrap();
    assert!(address_input.contains(r#"aria-invalid="true""#) && address_input.contains("autofocus"));
    assert!(!page.contains(r#"id="title-problem""#), "the title was fine");

    let taken = post_start_form(&server, &[("matrix", "programmer"), ("title", "x"), ("slug", "taken")]).await;
    let page = client().get(server.url(&location(&taken))).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("This address is taken"), "{page}");
    assert!(page.contains(r#"value="programmer" checked"#), "the chosen template stays chosen");
}

#[tokio::test]
async fn a_board_started_here_is_among_your_boards_on_the_home_page() {
    let server = TestServer::start();
    let home = client().get(server.url("/")).send().await.unwrap().text().await.unwrap();
    assert!(home.contains("Start a board for your team") && home.contains(r#"action="/join""#));
    let start = client().get(server.url("/start")).send().await.unwrap().text().await.unwrap();
    assert!(start.contains(r#"value="programmer" checked"#), "the matrix the home page shows comes first");
    assert!(!home.contains("Your boards"), "a new browser has none");

    let created = post_start_form(&server, &[("matrix", "programmer"), ("title", "Platform team"), ("slug", "")]).await;
    assert_eq!(created.status(), StatusCode::FOUND);
    let admin_link = location(&created);
    assert!(admin_link.starts_with("/b/") && admin_link.contains("#admin="), "{admin_link}");
    let cookie = boards_cookie(&created);
    let board = admin_link.trim_start_matches("/b/").split('#').next().unwrap();
    assert_eq!(cookie, format!("tally_boards=c.{board}"));
    assert!(!cookie.contains("admin"), "the admin key is never kept in a cookie");

    let home = client().get(server.url("/")).header(header::COOKIE, &cookie).send().await.unwrap();
    let home = home.text().await.unwrap();
    assert!(home.contains("Your boards (1)"), "{home}");
    assert!(home.contains(&format!(r#"<a href="/b/{board}">Platform team</a>"#)));
    let other = client().get(server.url("/")).send().await.unwrap().text().await.unwrap();
    assert!(!other.contains(board), "another browser does not see it");
}

#[tokio::test]
async fn a_board_is_joined_by_its_code_its_address_or_a_pasted_link() {
    let server = TestServer::start();
    let private = server.create_board(json!({ "matrix": "programmer" })).await;
    let id = private["id"].as_str().unwrap();
    server.create_board(json!({ "matrix": "programmer", "slug": "team-a" })).await;
    let join = |code: String| browser_get(&server, code);
    let code = format!("{}-{}", &id[..5], &id[5..10]).to_uppercase();
    for typed in [code, format!("  https://tally.example/b/{id}#admin=x "), id[..10].to_string()] {
        let joined = join(typed.clone()).await.unwrap();
        assert_eq!((joined.status(), location(&joined)), (StatusCode::FOUND, format!("/b/{id}")), "{typed}");
    }
    let public = join("Team-A".into()).await.unwrap();
    assert_eq!(location(&public), "/b/team-a");

    let missed = join("fffff-00000".into()).await.unwrap();
    assert_eq!(missed.status(), StatusCode::NOT_FOUND);
    let page = missed.text().await.unwrap();
    assert!(page.contains("No board has the code or address “fffff-00000”"), "{page}");
    assert!(page.contains(r#"value="fffff-00000""#), "what was typed stays in the field");
}

/// Wrong codes run out; then even a right one waits, so codes cannot be
/// tried in bulk and a hit told apart by its answer.
#[tokio::test]
async fn wrong_join_codes_are_limited_per_address() {
    let server = TestServer::start_with(&[("TALLY_LIMIT_JOIN_GUESSES_IP", "3/m:3")]);
    let private = server.create_board(json!({ "matrix": "programmer" })).await;
    let code = private["id"].as_str().unwrap()[..10].to_string();
    let join = |code: &str| browser_get(&server, code.to_string());
    assert_eq!(join(&code).await.unwrap().status(), StatusCode::FOUND, "the right code, before any guess");
    for guess in ["0000000000", "0000000001", "0000000002"] {
        assert_eq!(join(guess).await.unwrap().status(), StatusCode::NOT_FOUND);
    }
    assert_eq!(join("0000000003").await.unwrap().status(), StatusCode::TOO_MANY_REQUESTS);
    let held = join(&code).await.unwrap();
    assert_eq!(held.status(), StatusCode::TOO_MANY_REQUESTS, "even the right code waits");
    assert!(held.text().await.unwrap().contains("too many wrong join codes"));
}
