//! Creating boards, through both doors: the JSON API and the page's
//! `create_board` server function (as a plain HTML form posts it).

use crate::common;

use common::TestServer;
use reqwest::{header, Client};
use serde_json::{json, Value};

#[tokio::test]
async fn boards_can_be_created_public_or_private() {
    let server = TestServer::start();
    let create = |body: Value| {
        let request = Client::new().post(server.url("/api/boards")).body(body.to_string());
        async move {
            let response = request.send().await.unwrap();
            (response.status(), response.json::<Value>().await.unwrap())
        }
    };
    let (status, team) = create(json!({ "matrix": "programmer", "slug": "team-a", "title": "Team A" })).await;
    assert_eq!(status, 201, "{team}");
    assert_eq!((team["url"].as_str(), team["private"].as_bool()), (Some("/b/team-a"), Some(false)));
    let (status, private) = create(json!({ "matrix": "programmer" })).await;
    assert_eq!(status, 201);
    let id = private["id"].as_str().unwrap();
    assert!(id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit()) && private["private"] == true);
    assert_eq!(server.stats(id).await["version"], 0);

    let (status, clash) = create(json!({ "matrix": "programmer", "slug": "team-a" })).await;
    assert_eq!(
        (status.as_u16(), clash["error"].as_str()),
        (409, Some("board 'team-a' already exists, or existed and was deleted"))
    );
    let (status, bad) = create(json!({ "matrix": "nope" })).await;
    assert_eq!(status, 400);
    assert!(bad["error"].as_str().unwrap().starts_with("unknown matrix 'nope'"));
    let (status, bad) = create(json!({ "matrix": "programmer", "slug": "No Spaces" })).await;
    assert_eq!(status, 400);
    assert!(bad["error"].as_str().unwrap().contains("slug 'No Spaces'"));

    let page = reqwest::get(server.url("/b/team-a")).await.unwrap();
    assert_eq!(page.status(), 200);
    assert!(page.text().await.unwrap().contains(">Team A</h1>"));
    let missing = reqwest::get(server.url("/b/nope")).await.unwrap();
    assert_eq!(missing.status(), 404);
    assert!(missing.text().await.unwrap().contains("No board has the address /b/nope"));
}

#[tokio::test]
async fn the_create_board_server_function_redirects_to_the_new_board() {
    let server = TestServer::start();
    let client = Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let plain = |fields: &[(&str, &str)]| {
        client
            .post(server.url("/api/create_board"))
            .header(header::ACCEPT, "text/html")
            .header(header::REFERER, server.url("/"))
            .form(fields)
            .send()
    };
    let created = plain(&[("matrix", "programmer"), ("title", "Team B"), ("slug", "team-b")]).await.unwrap();
    assert_eq!(created.status(), 302);
    // To the admin link: the board's address, the admin key in the fragment.
    let location = created.headers()[header::LOCATION].to_str().unwrap().to_string();
    let key = location.strip_prefix("/b/team-b#admin=").unwrap_or_else(|| panic!("{location}"));
    assert!(key.len() == 64 && key.bytes().all(|b| b.is_ascii_hexdigit()), "{location}");
    assert_eq!(server.stats("team-b").await["version"], 0);

    let private = plain(&[("matrix", "programmer"), ("title", ""), ("slug", "")]).await.unwrap();
    let location = private.headers()[header::LOCATION].to_str().unwrap().to_string();
    let (address, _) = location.split_once("#admin=").unwrap();
    assert!(address.starts_with("/b/") && address.len() == 3 + 32, "{location}");

    let clash = client
        .post(server.url("/api/create_board"))
        .form(&[("matrix", "programmer"), ("slug", "team-b")])
        .send()
        .await
        .unwrap();
    assert_eq!(clash.status(), 409);
}

/// Search engines and link previews read a board's page head: its title
/// names the board, and a description says what the page is for.
#[tokio::test]
async fn a_boards_page_names_it_in_its_title_and_description() {
    let server = TestServer::start();
    server.create_board(json!({ "matrix": "programmer", "slug": "platform", "title": "Platform team" })).await;
    let html = reqwest::get(server.url("/b/platform")).await.unwrap().text().await.unwrap();
    assert!(html.contains("<title>Platform team · Tally</title>"), "the title names the board");
    let description = html
        .split("<meta name=\"description\" content=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a meta description");
    assert!(description.len() > 40, "a sentence, not a stub: {description:?}");
    let present = reqwest::get(server.url("/b/platform/present")).await.unwrap().text().await.unwrap();
    assert!(present.contains("<title>Presenting: Platform team · Tally</title>"));
    assert!(present.contains(r#"<meta name="description" content="Platform team, live on the big screen"#));
}
