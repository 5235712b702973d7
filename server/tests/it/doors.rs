//! Each use case is written once; the page's server functions and the JSON
//! API are two doors onto it. The same cases go through both doors, each on a
//! board of its own, and must get the same statuses, messages and figures.

use crate::common;

use app::error::TallyError;
use common::{answers, row_ids, TestServer};
use reqwest::{header, Client};
use serde_json::{json, Value};

/// A respondent both doors know by the same cookie.
struct Visitor {
    client: Client,
    /// `tally_respondent=<token>`, a token the server issued.
    cookie: String,
}

/// What a door answered: the status, and the error message or the figures.
#[derive(Debug, PartialEq)]
enum Answer {
    Figures(u16, Value),
    Refused(u16, String),
}

/// The figures without the board's id, which differs between the two boards.
fn figures(mut stats: Value) -> Value {
    stats.as_object_mut().unwrap().remove("board");
    stats
}

/// A message with the board's id written as `<board>`, since each door
/// has a board of its own.
fn without_board(message: String, board: &str) -> String {
    message.replace(&format!("'{board}'"), "'<board>'")
}

/// Sends `request` as the shared respondent; its status and JSON body.
async fn sent(request: reqwest::RequestBuilder, visitor: &Visitor) -> (u16, Value) {
    let response = request.header(header::COOKIE, &visitor.cookie).send().await.unwrap();
    (response.status().as_u16(), response.json().await.unwrap())
}

/// Through the page's door: the `submit_answers` server function, as the
/// hydrated form posts it.
async fn via_page(server: &TestServer, visitor: &Visitor, board: &str, picks: &Value) -> Answer {
    let mut form = vec![("board".to_string(), board.to_string())];
    for (row, level) in picks.as_object().unwrap() {
        form.push((format!("answers[{row}]"), level.to_string().trim_matches('"').to_string()));
    }
    let request =
        visitor.client.post(server.url("/api/submit_answers")).header(header::ACCEPT, "application/json").form(&form);
    match sent(request, visitor).await {
        (200, body) => Answer::Figures(200, figures(body["stats"].clone())),
        (status, body) => Answer::Refused(
            status,
            without_board(serde_json::from_value::<TallyError>(body).unwrap().to_string(), board),
        ),
    }
}

/// Through the API's door, with the figures read back as the API shows them.
async fn via_api(server: &TestServer, visitor: &Visitor, board: &str, picks: &Value) -> Answer {
    let request = visitor
        .client
        .post(server.url(&format!("/api/boards/{board}/submissions")))
        .header(header::CONTENT_TYPE, "application/json")
        .body(json!({ "answers": picks }).to_string());
    match sent(request, visitor).await {
        (200, _) => Answer::Figures(200, figures(server.stats(board).await)),
        (status, body) => Answer::Refused(status, without_board(body["error"].as_str().unwrap().to_string(), board)),
    }
}

/// A public board and its admin key.
async fn board(server: &TestServer, slug: &str) -> String {
    let created = server.create_board(json!({ "matrix": "programmer", "slug": slug })).await;
    created["admin_key"].as_str().unwrap().to_string()
}

#[tokio::test]
async fn the_page_and_the_api_answer_the_same_cases_alike() {
    let server = TestServer::start();
    let client = Client::new();
    let cookie = format!("tally_respondent={}", server.respondents(1).await[0]);
    let visitor = Visitor { client: client.clone(), cookie };
    let rows = row_ids(&server.matrix().await);
    let mut out_of_range = answers(&rows, |_| 1);
    out_of_range[&rows[0]] = json!(7);
    let mut missing = answers(&rows, |_| 1);
    missing.as_object_mut().unwrap().remove(&rows[2]);
    let cases = [
        ("first answers", answers(&rows, |i| (i % 4) as u64)),
        ("a level that does not exist", out_of_range),
        ("a row left out", missing),
        ("answers replaced", answers(&rows, |_| 3)),
    ];
    let keys = [board(&server, "door-page").await, board(&server, "door-api").await];

    for (case, picks) in &cases {
        let page = via_page(&server, &visitor, "door-page", picks).await;
        let api = via_api(&server, &visitor, "door-api", picks).await;
        assert_eq!(page, api, "{case}");
    }
    let unknown = (
        via_page(&server, &visitor, "no-such-board", &cases[0].1).await,
        via_api(&server, &visitor, "no-such-board", &cases[0].1).await,
    );
    assert_eq!(unknown.0, unknown.1);
    assert_eq!(unknown.0, Answer::Refused(404, "unknown board '<board>'".into()));

    // Both boards closed by their admins: both doors refuse alike.
    for (slug, key) in ["door-page", "door-api"].iter().zip(&keys) {
        let closed = client
            .post(server.url(&format!("/api/boards/{slug}/close")))
            .header(header::AUTHORIZATION, format!("Bearer {key}"))
            .send()
            .await
            .unwrap();
        assert_eq!(closed.status(), 200);
    }
    let page = via_page(&server, &visitor, "door-page", &cases[0].1).await;
    let api = via_api(&server, &visitor, "door-api", &cases[0].1).await;
    assert_eq!(page, api);
    assert!(matches!(page, Answer::Refused(409, _)), "{page:?}");

    let (page, api) = (figures(server.stats("door-page").await), figures(server.stats("door-api").await));
    assert_eq!(page, api, "the same history leaves the same figures");
    assert_eq!((page["respondents"].clone(), page["version"].clone()), (json!(1), json!(3)));
}
