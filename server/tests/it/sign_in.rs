//! Sign-in with a real OpenID Connect provider (npm's oauth2-mock-server
//! on 127.0.0.1): a signed-in person is one respondent on every device;
//! every forged, expired, misaddressed, replayed or wrongly keyed answer of
//! the provider is refused and signs no one in; a key the provider has just
//! added is accepted; a board open to members keeps everyone else out;
//! on PostgreSQL a session made on one instance holds on another until it
//! is ended there.

use crate::common;

use common::oidc::{follow_back, get_with, post_with, server_with_sign_in, sign_in, Provider};
use common::{answers, row_ids, send, Backend, TestDatabase, TestServer};
use reqwest::header::{COOKIE, SET_COOKIE};
use reqwest::Method;
use serde_json::{json, Value};

/// A board `slug` open to signed-in members; its admin key.
async fn members_board(server: &TestServer, slug: &str) -> String {
    let created = server.create_board(json!({ "matrix": "programmer", "slug": slug })).await;
    let key = created["admin_key"].as_str().unwrap().to_string();
    let path = format!("/api/boards/{slug}/access");
    let (status, body) = send(server, Method::PUT, &path, Some(&key), json!({ "access": "members" }).to_string()).await;
    assert_eq!((status, body), (200, json!({ "access": "members" })));
    key
}

/// Signs in, which must work: the session cookie.
async fn signed_in(server: &TestServer) -> String {
    let walked = sign_in(server, "/b/team").await;
    assert_eq!((walked.status, walked.location.as_deref()), (302, Some("/b/team")), "{walked:?}");
    walked.session.expect("a session cookie")
}

/// Calls the page's server function `name` as the holder of `cookie`.
async fn server_fn(server: &TestServer, name: &str, cookie: &str, form: &[(&str, &str)]) -> (u16, Value) {
    let request = reqwest::Client::new().post(server.url(&format!("/api/{name}"))).header(COOKIE, cookie).form(form);
    let response = request.send().await.unwrap();
    (response.status().as_u16(), response.json().await.unwrap_or(Value::Null))
}

/// Whom the server takes the holder of `cookie` for.
async fn who(server: &TestServer, cookie: &str) -> Value {
    let (status, body) = server_fn(server, "signed_in", cookie, &[]).await;
    assert_eq!(status, 200);
    body["who"].clone()
}

async fn submit(server: &TestServer, board: &str, cookie: &str, level: u64) -> (u16, Value) {
    let rows = row_ids(&server.matrix().await);
    let body = json!({ "answers": answers(&rows, |_| level) });
    post_with(server, &format!("/api/boards/{board}/submissions"), cookie, body).await
}

#[tokio::test]
async fn a_signed_in_person_is_one_respondent_on_every_device_until_they_sign_out() {
    let provider = Provider::start();
    let server = server_with_sign_in(&provider, &[("RUST_LOG", "debug")]);
    let created = server.create_board(json!({ "matrix": "programmer", "slug": "team" })).await;
    let key = created["admin_key"].as_str().unwrap();
    let (laptop, phone) = (signed_in(&server).await, signed_in(&server).await);
    assert_ne!(laptop, phone, "each sign-in is a session of its own");
    assert_eq!(who(&server, &laptop).await, "Ada Lovelace");

    assert_eq!(submit(&server, "team", &laptop, 1).await.0, 200);
    assert_eq!(submit(&server, "team", &phone, 2).await.0, 200);
    assert_eq!(server.stats("team").await["respondents"], 1, "the second device replaced, never added");
    let (status, history) = server_fn(&server, "my_rounds", &laptop, &[("board", "team")]).await;
    assert_eq!(status, 200);
    let rows = row_ids(&server.matrix().await);
    assert_eq!(history[0]["answers"][&rows[0]], 2, "the laptop sees what the phone answered: {history}");

    // Signing out ends that session everywhere it was used, and only that one.
    let out = reqwest::Client::new().post(server.url("/api/sign_out")).header(COOKIE, &laptop).send().await.unwrap();
    assert_eq!(out.status(), 200);
    assert!(out.headers()[SET_COOKIE].to_str().unwrap().contains("Max-Age=0"));
    assert_eq!(who(&server, &laptop).await, Value::Null, "the old cookie signs no one in");
    assert_eq!(who(&server, &phone).await, "Ada Lovelace", "her name is where it belongs: her own bar");

    // Nor in the figures, the export or the log at its most detailed.
    let token = phone.split_once('=').unwrap().1;
    let stats = server.stats("team").await.to_string();
    let export = reqwest::Client::new().get(server.url("/api/boards/team/export/csv")).bearer_auth(key);
    let export = export.send().await.unwrap().text().await.unwrap();
    assert!(export.starts_with("round,"), "{export}");
    let metrics = reqwest::get(server.url("/metrics")).await.unwrap().text().await.unwrap();
    assert!(metrics.contains("tally_submissions_accepted_total"), "{metrics}");
    for (door, text) in [("stats", stats), ("export", export), ("metrics", metrics), ("log", server.log())] {
        for secret in ["Ada Lovelace", "ada@example.org", token] {
            assert!(!text.contains(secret), "{door} holds {secret}");
        }
    }
    assert!(server.log().contains("DEBUG"), "the log is at debug level: the check above could find things");
}

#[tokio::test]
async fn every_answer_that_does_not_prove_who_signed_in_is_refused() {
    let provider = Provider::start();
    let server = server_with_sign_in(&provider, &[]);
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
    // Each with the reason the ID token's check gives.
    let tampers = [
        ("expired", json!({ "claims": { "exp": now - 600, "iat": now - 4200 } }), "Expired"),
        ("for another client", json!({ "claims": { "aud": "someone-else" } }), "Invalid audiences"),
        ("from another issuer", json!({ "claims": { "iss": "http://127.0.0.1:9/elsewhere" } }), "Invalid issuer"),
        ("with a wrong nonce", json!({ "claims": { "nonce": "not-the-one-sent" } }), "Invalid nonce"),
        ("forged (a key never published)", json!({ "key": "stranger" }), "Signature verification failed"),
    ];
    for (what, tamper, reason) in tampers {
        provider.tamper(tamper).await;
        let walked = sign_in(&server, "/").await;
        assert_eq!((walked.status, &walked.session), (401, &None), "a token {what} is refused");
        assert!(walked.page.contains(reason), "a token {what} is refused for its reason: {}", walked.page);
    }
    // Positive control: the same walk with an honest token signs in.
    let walked = sign_in(&server, "/").await;
    assert!(walked.session.is_some(), "{walked:?}");

    // The provider's way back works once: replayed, its state is spent.
    let replayed = follow_back(&server, walked.callback.as_deref().unwrap()).await;
    assert_eq!((replayed.status, replayed.session), (401, None), "a replayed state is refused");
    assert!(replayed.page.contains("was used already"), "{}", replayed.page);

    // A key the provider has just added is accepted at once; one it
    // withdrew is refused at once.
    provider.rotate().await;
    assert!(sign_in(&server, "/").await.session.is_some(), "a token signed by the new key is accepted");
    provider.tamper(json!({ "key": "retired" })).await;
    let walked = sign_in(&server, "/").await;
    assert_eq!((walked.status, walked.session), (401, None), "a token signed by a withdrawn key is refused");
    assert!(walked.page.contains("Signature verification failed"), "{}", walked.page);
    let log = server.log();
    assert!(!log.contains("ada@example.org") && !log.contains("Ada Lovelace"), "no one's name in the log");
}

#[tokio::test]
async fn a_board_open_to_members_keeps_out_whoever_is_not_signed_in() {
    let provider = Provider::start();
    let server = server_with_sign_in(&provider, &[]);
    members_board(&server, "team").await;
    let member = signed_in(&server).await;
    let stranger = "tally_session=0123456789abcdef0123456789abcdef";
    for (cookie, expected) in [(stranger, 403), (member.as_str(), 200)] {
        assert_eq!(get_with(&server, "/api/boards/team/stats", cookie).await.0, expected);
        assert_eq!(submit(&server, "team", cookie, 1).await.0, expected);
    }
    let page = reqwest::Client::new().get(server.url("/b/team")).send().await.unwrap();
    assert_eq!(page.status(), 403);
    let html = page.text().await.unwrap();
    assert!(html.contains("This board is open to signed-in members only"), "{html}");
    let french = reqwest::get(server.url("/b/team?lang=fr")).await.unwrap().text().await.unwrap();
    assert!(french.contains("Ce tableau est réservé aux membres connectés"), "{french}");
    assert!(french.contains("connectez-vous (en haut de la page)"), "the reason too: {french}");
    assert!(html.contains("href=\"/auth/sign-in?return=%2Fb%2Fteam\""), "the way in is on the page: {html}");
}

#[tokio::test]
async fn without_a_provider_members_cannot_be_chosen() {
    let server = TestServer::start();
    let created = server.create_board(json!({ "matrix": "programmer", "slug": "team" })).await;
    let key = created["admin_key"].as_str().unwrap();
    let body = json!({ "access": "members" }).to_string();
    let (status, body) = send(&server, Method::PUT, "/api/boards/team/access", Some(key), body).await;
    assert_eq!(status, 400);
    assert!(body["error"].as_str().unwrap().contains("sign-in"), "{body}");
    let start = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let page = start.get(server.url("/auth/sign-in")).send().await.unwrap();
    assert_eq!(page.status(), 400, "no provider, no sign-in");
}

#[tokio::test]
async fn on_postgresql_a_session_holds_on_every_instance_until_it_is_ended() {
    let db = TestDatabase::create(Backend::Postgres).await;
    let provider = Provider::start();
    let on = [("DATABASE_URL", db.url.as_str())];
    let (a, b) = (server_with_sign_in(&provider, &on), server_with_sign_in(&provider, &on));
    let session = signed_in(&a).await;
    assert_eq!(who(&b, &session).await, "Ada Lovelace", "made on A, it holds on B");
    assert_eq!(server_fn(&a, "sign_out", &session, &[]).await.0, 200);
    assert_eq!(who(&b, &session).await, Value::Null, "ended on A, it is refused on B");
}

#[tokio::test]
async fn sign_ins_from_one_address_are_limited() {
    let provider = Provider::start();
    let server = server_with_sign_in(&provider, &[("TALLY_LIMIT_SIGN_INS_IP", "1/h:2")]);
    // A start and a finish: two steps, the whole allowance.
    assert!(sign_in(&server, "/").await.session.is_some());
    let refused = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let refused = refused.get(server.url("/auth/sign-in")).send().await.unwrap();
    assert_eq!(refused.status(), 429);
    assert!(refused.headers().contains_key(reqwest::header::RETRY_AFTER));
}

#[tokio::test]
async fn a_board_for_members_of_some_domains_takes_only_their_addresses() {
    let provider = Provider::start();
    let server = server_with_sign_in(&provider, &[]);
    let key = members_board(&server, "team").await;
    let only = |domains: Value| json!({ "access": "members", "domains": domains }).to_string();
    let path = "/api/boards/team/access";
    let (status, body) = send(&server, Method::PUT, path, Some(&key), only(json!(["not a domain"]))).await;
    assert_eq!(status, 400, "{body}");
    assert!(body["error"].as_str().unwrap().contains("'not a domain' is not an email domain"), "{body}");
    assert_eq!(send(&server, Method::PUT, path, Some(&key), only(json!(["@Example.org"]))).await.0, 200);

    let ada = signed_in(&server).await;
    assert_eq!(submit(&server, "team", &ada, 1).await.0, 200, "ada@example.org is taken");
    provider.person("grace", "grace@navy.example", "Grace Hopper").await;
    let grace = signed_in(&server).await;
    let (status, body) = submit(&server, "team", &grace, 1).await;
    assert_eq!(status, 403);
    let refusal = body["error"].as_str().unwrap();
    assert!(refusal.contains("with an address at example.org") && refusal.contains("grace@navy.example"), "{refusal}");
    // Opening it to any signed-in person again lets her in.
    assert_eq!(send(&server, Method::PUT, path, Some(&key), only(json!([]))).await.0, 200);
    assert_eq!(submit(&server, "team", &grace, 1).await.0, 200);
}
