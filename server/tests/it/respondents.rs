//! Respondent ids are issued by the server, never chosen by a client; each
//! board stores its own id for a respondent; over HTTPS the cookie is
//! `Secure` and `__Host-` prefixed, and pages send HSTS.

use crate::common;

use common::{answers, row_ids, TestServer};
use reqwest::{header, Client, Response};
use serde_json::{json, Value};

async fn submit(server: &TestServer, board: &str, body: Value, cookie: Option<&str>) -> Response {
    let mut request =
        Client::new().post(server.url(&format!("/api/boards/{board}/submissions"))).body(body.to_string());
    if let Some(cookie) = cookie {
        request = request.header(header::COOKIE, cookie);
    }
    request.send().await.unwrap()
}

#[tokio::test]
async fn an_id_the_server_did_not_issue_is_refused_and_changes_nothing() {
    let server = TestServer::start();
    let rows = row_ids(&server.matrix().await);
    let token = server.respondents(1).await.remove(0);
    let (random, _) = token.split_once('.').unwrap();
    for chosen in ["my-own-respondent-id", random, &format!("{random}.{}", "0".repeat(32))] {
        let body = json!({ "answers": answers(&rows, |_| 1), "respondent": chosen });
        let refused = submit(&server, "default", body, None).await;
        assert_eq!(refused.status(), 400, "{chosen}");
        let error: Value = refused.json().await.unwrap();
        assert_eq!(error["error"], "respondent is not a token this server issued: leave it out to be given one");
    }
    assert_eq!(server.stats("default").await["version"], 0, "nothing was applied");
}

#[tokio::test]
async fn each_board_stores_its_own_id_and_none_of_them_answers() {
    let server = TestServer::start();
    server.create_board(json!({ "matrix": "programmer", "slug": "team-b" })).await;
    let rows = row_ids(&server.matrix().await);
    let token = server.respondents(1).await.remove(0);
    for (board, level) in [("default", 1), ("team-b", 2), ("team-b", 3)] {
        let body = json!({ "answers": answers(&rows, |_| level), "respondent": token });
        let reply: Value = submit(&server, board, body, None).await.json().await.unwrap();
        assert_eq!(reply["respondent"], token.as_str(), "the same token comes back");
    }
    assert_eq!(server.stats("team-b").await["respondents"], 1, "the second answer on team-b replaced the first");

    let db = rusqlite::Connection::open(server.dir.join("tally.db")).unwrap();
    let mut query = db.prepare("SELECT board_id, respondent FROM submissions ORDER BY board_id").unwrap();
    let stored: Vec<(String, String)> =
        query.query_map([], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(Result::unwrap).collect();
    assert_eq!(stored.len(), 2);
    assert_ne!(stored[0].1, stored[1].1, "each board knows the respondent by a different id");
    let (random, tag) = token.split_once('.').unwrap();
    for (board, id) in &stored {
        assert!(!id.contains(random) && !id.contains(tag), "{board} stores no part of the token");
        // What a board stored is no way in, there or anywhere.
        let body = json!({ "answers": answers(&rows, |_| 0), "respondent": id });
        assert_eq!(submit(&server, board, body, None).await.status(), 400);
    }
}

/// A cookie from before an upgrade, or signed by another server's secret,
/// must not lock a browser out: it is treated as no cookie.
#[tokio::test]
async fn a_stale_cookie_is_replaced_not_refused() {
    let server = TestServer::start();
    let rows = row_ids(&server.matrix().await);
    let stale = "tally_respondent=0123456789abcdef0123456789abcdef";
    let answered = submit(&server, "default", json!({ "answers": answers(&rows, |_| 2) }), Some(stale)).await;
    assert_eq!(answered.status(), 200);
    let cookie = answered.headers()[header::SET_COOKIE].to_str().unwrap();
    assert!(cookie.starts_with("tally_respondent=") && !cookie.contains(stale), "{cookie}");
    let page = Client::new().get(server.url("/")).header(header::COOKIE, stale).send().await.unwrap();
    assert_eq!(page.status(), 200);
}

#[tokio::test]
async fn over_https_the_cookie_is_secure_and_host_only_and_hsts_is_sent() {
    let server = TestServer::start_with(&[("TALLY_PUBLIC_URL", "https://tally.example.org/")]);
    let rows = row_ids(&server.matrix().await);
    let first = submit(&server, "default", json!({ "answers": answers(&rows, |_| 1) }), None).await;
    assert_eq!(first.headers()[header::STRICT_TRANSPORT_SECURITY], "max-age=31536000");
    let cookie = first.headers()[header::SET_COOKIE].to_str().unwrap().to_string();
    assert!(cookie.starts_with("__Host-tally_respondent=") && cookie.contains("; Path=/;"), "{cookie}");
    assert!(cookie.ends_with("; Secure") && !cookie.contains("Domain"), "{cookie}");
    let pair = cookie.split(';').next().unwrap();
    let again = submit(&server, "default", json!({ "answers": answers(&rows, |_| 3) }), Some(pair)).await;
    assert_eq!(again.status(), 200);
    assert_eq!(server.stats("default").await["respondents"], 1, "the __Host- cookie names the same respondent");

    let page = Client::new().get(server.url("/")).send().await.unwrap();
    assert_eq!(page.headers()[header::STRICT_TRANSPORT_SECURITY], "max-age=31536000");
    let created = server.create_board(json!({ "matrix": "programmer", "slug": "over-https" })).await;
    assert_eq!(created["url"], "https://tally.example.org/b/over-https", "links are absolute");

    let plain = TestServer::start();
    let page = Client::new().get(plain.url("/")).send().await.unwrap();
    assert!(page.headers().get(header::STRICT_TRANSPORT_SECURITY).is_none(), "no HSTS without an https address");
}
