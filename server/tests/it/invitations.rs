//! Personal invitations against the real binary: a board open to invited
//! people keeps everyone else out at every door; a link opened on two
//! devices is one person (answers replace, history follows); revoking or
//! re-issuing a link drops the devices that opened it; who answered is
//! told in batches; names and link tokens stay out of the log.

use crate::common;

use common::live_frames::next_stats;
use common::{answers, row_ids, send, Backend, TestDatabase, TestServer};
use reqwest::header::{ACCEPT, COOKIE, LOCATION, SET_COOKIE};
use reqwest::{redirect, Client, Method};
use serde_json::{json, Value};
use tokio_tungstenite::connect_async;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;

fn client() -> Client {
    Client::builder().redirect(redirect::Policy::none()).build().unwrap()
}

/// A board `slug` open to invited people only; its admin key.
async fn invited_board(server: &TestServer, slug: &str) -> String {
    let created = server.create_board(json!({ "matrix": "programmer", "slug": slug })).await;
    let key = created["admin_key"].as_str().unwrap().to_string();
    let path = format!("/api/boards/{slug}/access");
    let (status, body) = send(server, Method::PUT, &path, Some(&key), json!({ "access": "invited" }).to_string()).await;
    assert_eq!((status, body), (200, json!({ "access": "invited" })));
    key
}

/// Invites `people` (lines of text); each one's personal link.
async fn invite(server: &TestServer, board: &str, key: &str, people: &str) -> Vec<String> {
    let path = format!("/api/boards/{board}/invitations");
    let (status, body) = send(server, Method::POST, &path, Some(key), people.to_string()).await;
    assert_eq!(status, 201, "{body}");
    body["links"].as_array().unwrap().iter().map(|l| l["link"].as_str().unwrap().to_string()).collect()
}

/// Opens a personal link as a new device's browser would: the cookie it
/// is given.
async fn open(link: &str) -> String {
    let response = client().get(link).header(ACCEPT, "text/html").send().await.unwrap();
    assert_eq!(response.status(), 302, "{link}");
    assert!(response.headers()[LOCATION].to_str().unwrap().starts_with("/b/"));
    let cookie = response.headers()[SET_COOKIE].to_str().unwrap();
    cookie.split(';').next().unwrap().to_string()
}

/// Submits `level` in every row as the device holding `cookie`: the status.
async fn answer(server: &TestServer, board: &str, cookie: Option<&str>, level: u64) -> u16 {
    let rows = row_ids(&server.matrix().await);
    let body = json!({ "answers": answers(&rows, |_| level) });
    let mut request = Client::new().post(server.url(&format!("/api/boards/{board}/submissions"))).json(&body);
    if let Some(cookie) = cookie {
        request = request.header(COOKIE, cookie);
    }
    request.send().await.unwrap().status().as_u16()
}

async fn status_of(server: &TestServer, path: &str, cookie: Option<&str>) -> u16 {
    let mut request = client().get(server.url(path));
    if let Some(cookie) = cookie {
        request = request.header(COOKIE, cookie);
    }
    request.send().await.unwrap().status().as_u16()
}

async fn list(server: &TestServer, board: &str, key: &str) -> Value {
    let response = Client::new()
        .get(server.url(&format!("/api/boards/{board}/invitations")))
        .bearer_auth(key)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    response.json().await.unwrap()
}

#[tokio::test]
async fn a_board_for_invited_people_keeps_everyone_else_out_at_every_door() {
    let server = TestServer::start_with(&[("RUST_LOG", "debug")]);
    let key = invited_board(&server, "circle").await;
    let links = invite(&server, "circle", &key, "Ada Lovelace, ada@example.org,,Senior engineer").await;
    assert_eq!(list(&server, "circle", &key).await["invitations"][0]["role"], "senior-engineer", "named by its title");
    assert_eq!(answer(&server, "circle", None, 1).await, 403);

    for path in ["/b/circle", "/api/boards/circle/stats", "/api/boards/circle/rounds", "/api/boards/circle/matrix"] {
        assert_eq!(status_of(&server, path, None).await, 403, "{path}");
    }
    let page = client().get(server.url("/b/circle")).send().await.unwrap().text().await.unwrap();
    assert!(page.contains("open the personal link you were sent"), "the page says how to get in");
    assert!(!page.contains("type=\"radio\""), "and shows no form");
    let ada = open(&links[0]).await;
    assert_eq!(status_of(&server, "/b/circle", Some(&ada)).await, 200);
    let hers = client().get(server.url("/b/circle")).header(COOKIE, &ada).send().await.unwrap().text().await.unwrap();
    assert!(
        hers.contains("<option selected value=\"senior-engineer\" translate=\"no\">"),
        "her role is preselected on her form"
    );
    assert_eq!(answer(&server, "circle", Some(&ada), 2).await, 200);

    // The live socket tells an outsider nothing, not even how many answered.
    let request = server.ws_url("/api/boards/circle/live").into_client_request().unwrap();
    let mut socket = connect_async(request).await.unwrap().0;
    let frame = next_stats(&mut socket).await;
    assert_eq!((frame["respondents"].clone(), frame.get("counts")), (json!(0), None), "{frame}");
    let mut request = server.ws_url("/api/boards/circle/live").into_client_request().unwrap();
    request.headers_mut().insert("Cookie", ada.parse().unwrap());
    let mut socket = connect_async(request).await.unwrap().0;
    assert_eq!(next_stats(&mut socket).await["respondents"], 1, "the invited person sees the board");

    let log = server.log();
    assert!(log.contains("/i/…"), "the link was opened, and logged without its token");
    let token = links[0].rsplit('/').next().unwrap();
    for secret in [token, "Ada Lovelace", "ada@example.org"] {
        assert!(!log.contains(secret), "the log holds {secret}");
    }
}

#[tokio::test]
async fn a_link_on_two_devices_is_one_person_until_it_is_revoked_or_issued_again() {
    let server = TestServer::start();
    let key = invited_board(&server, "pair").await;
    let links = invite(&server, "pair", &key, "Grace, grace@example.org\nLinus").await;
    let (phone, laptop) = (open(&links[0]).await, open(&links[0]).await);
    assert_eq!(answer(&server, "pair", Some(&phone), 1).await, 200);
    assert_eq!(answer(&server, "pair", Some(&laptop), 3).await, 200);
    let stats = server_stats(&server, "pair", &key).await;
    assert_eq!(stats["respondents"], 1, "the second device replaced the first one's answers");
    let first_row = row_ids(&server.matrix().await)[0].clone();
    assert_eq!(stats["counts"][&first_row], json!([0, 0, 0, 1]));

    let id = list(&server, "pair", &key).await["invitations"][0]["id"].as_str().unwrap().to_string();
    let act = |action: &str| format!("/api/boards/pair/invitations/{id}/{action}");
    assert_eq!(send(&server, Method::POST, &act("revoke"), Some(&key), String::new()).await.0, 204);
    assert_eq!(answer(&server, "pair", Some(&phone), 2).await, 403, "a revoked person cannot answer");
    assert_eq!(status_of(&server, "/b/pair", Some(&laptop)).await, 403);
    assert_eq!(client().get(&links[0]).send().await.unwrap().status(), 410);

    let (status, reissued) = send(&server, Method::POST, &act("reissue"), Some(&key), String::new()).await;
    assert_eq!(status, 200);
    assert_eq!(client().get(&links[0]).send().await.unwrap().status(), 404, "the old link is gone");
    assert_eq!(answer(&server, "pair", Some(&phone), 2).await, 403, "a device of the old link is dropped");
    let again = open(reissued["link"].as_str().unwrap()).await;
    assert_eq!(answer(&server, "pair", Some(&again), 0).await, 200);
    let stats = server_stats(&server, "pair", &key).await;
    assert_eq!((stats["respondents"].clone(), stats["counts"][&first_row].clone()), (json!(1), json!([1, 0, 0, 0])));
}

/// The board's figures as its admin sees them.
async fn server_stats(server: &TestServer, board: &str, key: &str) -> Value {
    let url = server.url(&format!("/api/boards/{board}/stats"));
    Client::new().get(url).bearer_auth(key).send().await.unwrap().json().await.unwrap()
}

#[tokio::test]
async fn a_list_with_bad_lines_is_refused_whole_naming_each_line() {
    let server = TestServer::start();
    let key = invited_board(&server, "listed").await;
    let bad = "name,email\nAda,ada@example.org\n,nobody@example.org\nBob,not-an-email\n";
    let (status, body) = send(&server, Method::POST, "/api/boards/listed/invitations", Some(&key), bad.into()).await;
    assert_eq!(status, 422, "{body}");
    let lines: Vec<&str> = body["problems"].as_array().unwrap().iter().map(|p| p["row"].as_str().unwrap()).collect();
    assert_eq!(lines, ["line 3", "line 4"]);
    assert_eq!(list(&server, "listed", &key).await["invitations"], json!([]), "nothing was added");
    let (status, _) = send(&server, Method::POST, "/api/boards/listed/invitations", None, "Ada".into()).await;
    assert_eq!(status, 401, "inviting takes the admin key");
    let (status, _) =
        send(&server, Method::PUT, "/api/boards/listed/access", Some(&key), r#"{"access":"all"}"#.into()).await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn who_answered_is_told_in_batches_never_one_by_one() {
    let server = TestServer::start();
    let key = invited_board(&server, "batches").await;
    let people = "P1\nP2\nP3\nP4\nP5";
    let links = invite(&server, "batches", &key, people).await;
    let mut devices = Vec::new();
    for link in &links {
        devices.push(open(link).await);
    }
    let answered = |list: &Value| -> Vec<bool> {
        list["invitations"].as_array().unwrap().iter().map(|i| i["answered"].as_bool().unwrap()).collect()
    };
    for device in &devices[..2] {
        assert_eq!(answer(&server, "batches", Some(device), 1).await, 200);
    }
    let now = list(&server, "batches", &key).await;
    assert_eq!((now["answered"].clone(), now["invited"].clone()), (json!(2), json!(5)), "the count is live");
    assert_eq!(answered(&now), [false; 5], "two changes wait for a batch of three");
    assert_eq!(answer(&server, "batches", Some(&devices[2]), 1).await, 200);
    let now = list(&server, "batches", &key).await;
    assert_eq!(answered(&now), [true, true, true, false, false], "three move together");
    assert_eq!(answer(&server, "batches", Some(&devices[3]), 1).await, 200);
    assert_eq!(answered(&list(&server, "batches", &key).await), [true, true, true, false, false]);
    // Positive control: names are where they belong, in the owners' list.
    assert_eq!(list(&server, "batches", &key).await["invitations"][4]["name"], "P5");
}

#[tokio::test]
async fn names_and_links_appear_in_the_owners_list_and_at_no_figure_door() {
    let server = TestServer::start();
    let key = invited_board(&server, "quiet").await;
    let links = invite(&server, "quiet", &key, "Zelda Quill, zelda@example.org").await;
    let zelda = open(&links[0]).await;
    assert_eq!(answer(&server, "quiet", Some(&zelda), 2).await, 200);
    let secrets = ["Zelda Quill", "zelda@example.org", links[0].rsplit('/').next().unwrap()];
    // Positive control: the names are where they belong.
    assert!(list(&server, "quiet", &key).await.to_string().contains("Zelda Quill"));
    let admin = |path: &str| Client::new().get(server.url(path)).bearer_auth(&key);
    let mut doors = Vec::new();
    for path in [
        "/api/boards/quiet/stats",
        "/api/boards/quiet/rounds",
        "/api/boards/quiet/export/json",
        "/api/boards/quiet/export/csv",
        "/b/quiet/compare",
        "/b/quiet/trends",
        "/metrics",
    ] {
        doors.push((path, admin(path).send().await.unwrap().text().await.unwrap()));
    }
    let page = client().get(server.url("/b/quiet")).header(COOKIE, &zelda).send().await.unwrap();
    doors.push(("the person's own page", page.text().await.unwrap()));
    let mut request = server.ws_url("/api/boards/quiet/live").into_client_request().unwrap();
    request.headers_mut().insert("Cookie", zelda.parse().unwrap());
    let mut socket = connect_async(request).await.unwrap().0;
    doors.push(("socket", next_stats(&mut socket).await.to_string()));
    for (door, body) in &doors {
        for secret in secrets {
            assert!(!body.contains(secret), "{door} holds {secret}");
        }
    }
}

#[tokio::test]
async fn on_postgresql_a_link_opened_on_one_instance_holds_on_another_until_revoked() {
    let db = TestDatabase::create(Backend::Postgres).await;
    let url = db.url.clone();
    let (a, b) = (TestServer::start_with(&[("DATABASE_URL", &url)]), TestServer::start_with(&[("DATABASE_URL", &url)]));
    let key = invited_board(&a, "shared").await;
    let links = invite(&a, "shared", &key, "Ada").await;
    let ada = open(&links[0]).await;
    assert_eq!(answer(&b, "shared", Some(&ada), 1).await, 200, "a device of instance A answers on B");
    let id = list(&b, "shared", &key).await["invitations"][0]["id"].as_str().unwrap().to_string();
    let revoke = format!("/api/boards/shared/invitations/{id}/revoke");
    assert_eq!(send(&a, Method::POST, &revoke, Some(&key), String::new()).await.0, 204);
    assert_eq!(answer(&b, "shared", Some(&ada), 2).await, 403, "revoked on A, refused on B");
}
