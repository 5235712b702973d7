//! Abuse limits against the real server: token buckets per respondent and
//! per IP (429 with Retry-After, nothing applied), live-socket connects and
//! open sockets per IP, and the deadlines on headers and bodies.

use crate::common;

use common::{answers, row_ids, TestServer};
use reqwest::{header, Client, StatusCode};
use serde_json::{json, Value};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

async fn submit(server: &TestServer, respondent: &str) -> reqwest::Response {
    let rows = row_ids(&server.matrix().await);
    let body = json!({ "answers": answers(&rows, |_| 1), "respondent": respondent });
    Client::new().post(server.url("/api/boards/default/submissions")).body(body.to_string()).send().await.unwrap()
}

/// Checks the status and Retry-After; returns the JSON body.
async fn assert_limited(response: reqwest::Response) -> Value {
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 = response.headers()[header::RETRY_AFTER].to_str().unwrap().parse().unwrap();
    assert!((1..=60).contains(&wait), "Retry-After {wait}");
    response.json().await.unwrap()
}

async fn assert_refused(response: reqwest::Response, what: &str) {
    let message = assert_limited(response).await["error"].as_str().unwrap().to_string();
    assert!(message.starts_with(&format!("too many {what}; try again in")), "{message}");
}

#[tokio::test]
async fn a_respondent_over_their_rate_is_refused_and_nothing_is_applied() {
    let server = TestServer::start_with(&[("TALLY_LIMIT_SUBMIT_RESPONDENT", "3/m:3")]);
    let people = server.respondents(2).await;
    let (eager, calm) = (&people[0], &people[1]);
    for _ in 0..3 {
        assert_eq!(submit(&server, eager).await.status(), 200);
    }
    assert_refused(submit(&server, eager).await, "submissions from this respondent").await;
    assert_eq!(server.stats("default").await["version"], 3, "the refused submission was not applied");
    assert_eq!(submit(&server, calm).await.status(), 200, "others are not affected");

    // The page's server function answers the same way.
    let cookie = format!("tally_respondent={eager}");
    let rows = row_ids(&server.matrix().await);
    let mut form: Vec<(String, String)> = vec![("board".into(), "default".into())];
    form.extend(rows.iter().map(|r| (format!("answers[{r}]"), "2".to_string())));
    let response = Client::new()
        .post(server.url("/api/submit_answers"))
        .header(header::COOKIE, cookie)
        .header(header::ACCEPT, "application/json")
        .form(&form)
        .send()
        .await
        .unwrap();
    // Server functions send the error as its kind and fields.
    let body = assert_limited(response).await;
    assert_eq!(
        (&body["kind"], &body["text"]),
        (&json!("RateLimited"), &json!("too many submissions from this respondent"))
    );
}

#[tokio::test]
async fn one_address_over_its_rate_is_refused() {
    let server = TestServer::start_with(&[("TALLY_LIMIT_SUBMIT_IP", "4/m:4")]);
    let people = server.respondents(5).await;
    for person in &people[..4] {
        assert_eq!(submit(&server, person).await.status(), 200);
    }
    assert_refused(submit(&server, &people[4]).await, "submissions from this address").await;
}

fn refusal(result: Result<impl Sized, tokio_tungstenite::tungstenite::Error>) -> u16 {
    match result {
        Err(tokio_tungstenite::tungstenite::Error::Http(response)) => response.status().as_u16(),
        Err(other) => panic!("expected a refusal, got {other}"),
        Ok(_) => panic!("expected a refusal, got a connection"),
    }
}

#[tokio::test]
async fn open_live_sockets_per_address_are_capped() {
    let server = TestServer::start_with(&[("TALLY_MAX_SOCKETS_PER_IP", "2")]);
    let url = server.ws_url("/api/boards/default/live");
    let mut first = tokio_tungstenite::connect_async(&url).await.unwrap().0;
    let _second = tokio_tungstenite::connect_async(&url).await.unwrap().0;
    assert_eq!(refusal(tokio_tungstenite::connect_async(&url).await), 429, "a third open socket");
    first.close(None).await.unwrap();
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        // The server releases the slot once it has seen the close.
        match tokio_tungstenite::connect_async(&url).await {
            Ok(_) => break,
            Err(_) if Instant::now() < deadline => tokio::time::sleep(Duration::from_millis(50)).await,
            Err(error) => panic!("a freed slot is reusable: {error}"),
        }
    }
}

#[tokio::test]
async fn live_connects_per_address_are_rate_limited() {
    let server = TestServer::start_with(&[("TALLY_LIMIT_CONNECT_IP", "3/m:3")]);
    let url = server.ws_url("/api/boards/default/live");
    for _ in 0..3 {
        drop(tokio_tungstenite::connect_async(&url).await.unwrap());
    }
    assert_eq!(refusal(tokio_tungstenite::connect_async(&url).await), 429);
}

#[test]
fn headers_that_drip_in_are_cut_off() {
    let server = TestServer::start_with(&[("TALLY_HEADER_TIMEOUT_MS", "500")]);
    let address = server.base.trim_start_matches("http://").to_string();
    let mut stream = TcpStream::connect(&address).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    stream.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n").unwrap();
    let started = Instant::now();
    let mut closed = false;
    for k in 0..40 {
        std::thread::sleep(Duration::from_millis(100));
        if stream.write_all(format!("X-Drip-{k}: 1\r\n").as_bytes()).is_err() {
            closed = true;
            break;
        }
    }
    let mut rest = Vec::new();
    let _ = stream.read_to_end(&mut rest);
    let text = String::from_utf8_lossy(&rest);
    assert!(closed || rest.is_empty() || text.starts_with("HTTP/1.1 408"), "{text}");
    assert!(started.elapsed() < Duration::from_secs(4), "cut off after {:?}", started.elapsed());
}

#[tokio::test]
async fn a_body_that_trickles_in_gets_408() {
    let server = TestServer::start_with(&[("TALLY_BODY_TIMEOUT_MS", "500")]);
    let address = server.base.trim_start_matches("http://").to_string();
    let response = tokio::task::spawn_blocking(move || {
        let mut stream = TcpStream::connect(&address).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        stream
            .write_all(b"POST /api/boards/default/submissions HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{\"answers\":")
            .unwrap();
        let mut response = Vec::new();
        let _ = stream.read_to_end(&mut response);
        String::from_utf8_lossy(&response).to_string()
    })
    .await
    .unwrap();
    assert!(response.starts_with("HTTP/1.1 408"), "{response}");
    assert!(response.contains("did not arrive within 500 ms"), "{response}");
    assert!(response.contains(r#""code":"body_timeout""#), "{response}");
    assert_eq!(server.stats("default").await["version"], 0);
}

/// One address cannot flood the server with boards, through either door,
/// and a refused creation creates nothing.
#[tokio::test]
async fn board_creation_is_limited_per_address() {
    let server = TestServer::start_with(&[("TALLY_LIMIT_CREATE_IP", "2/m:2")]);
    let client = Client::new();
    let create = |slug: &str| {
        client.post(server.url("/api/boards")).body(json!({ "matrix": "programmer", "slug": slug }).to_string()).send()
    };
    assert_eq!(create("flood-1").await.unwrap().status(), 201);
    assert_eq!(create("flood-2").await.unwrap().status(), 201);
    assert_refused(create("flood-3").await.unwrap(), "new boards from this network").await;
    let missing = client.get(server.url("/api/boards/flood-3/stats")).send().await.unwrap();
    assert_eq!(missing.status(), 404, "the refused board was not created");

    // The page's server function is the same use case.
    let page = client
        .post(server.url("/api/create_board"))
        .header(header::ACCEPT, "application/json")
        .form(&[("matrix", "programmer"), ("slug", "flood-4")])
        .send()
        .await
        .unwrap();
    let body = assert_limited(page).await;
    assert_eq!(
        (&body["kind"], &body["text"]),
        (&json!("RateLimited"), &json!("too many new boards from this network"))
    );
}

#[tokio::test]
async fn board_creation_has_a_ceiling_for_everyone() {
    let server = TestServer::start_with(&[("TALLY_LIMIT_CREATE_IP", "off"), ("TALLY_MAX_BOARDS_PER_HOUR", "3")]);
    let client = Client::new();
    for k in 0..3 {
        let body = json!({ "matrix": "programmer", "slug": format!("ceiling-{k}") }).to_string();
        assert_eq!(client.post(server.url("/api/boards")).body(body).send().await.unwrap().status(), 201);
    }
    let body = json!({ "matrix": "programmer" }).to_string();
    let response = client.post(server.url("/api/boards")).body(body).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait: u64 = response.headers()[header::RETRY_AFTER].to_str().unwrap().parse().unwrap();
    assert!(wait > 60, "a whole board's worth of the hourly ceiling: {wait} s");
    let message = response.json::<Value>().await.unwrap()["error"].as_str().unwrap().to_string();
    assert!(message.starts_with("too many new boards on this server this hour"), "{message}");
}

/// Connections that never send a byte are closed once the header deadline
/// has passed, instead of holding a file descriptor for ever.
#[tokio::test]
async fn silent_connections_are_closed_after_the_header_deadline() {
    let server = TestServer::start_with(&[("TALLY_HEADER_TIMEOUT_MS", "1000")]);
    let address = server.base.trim_start_matches("http://").to_string();
    let started = Instant::now();
    let silent: Vec<TcpStream> = (0..20).map(|_| TcpStream::connect(&address).unwrap()).collect();
    for mut stream in silent {
        stream.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        let mut byte = [0u8; 1];
        let read = stream.read(&mut byte);
        assert!(matches!(read, Ok(0)) || read.is_err_and(|e| e.kind() == std::io::ErrorKind::ConnectionReset));
    }
    let waited = started.elapsed();
    assert!(waited >= Duration::from_millis(900), "closed too early: {waited:?}");
    assert!(waited <= Duration::from_secs(2), "the header deadline + 1 s: {waited:?}");
}

/// Past the per-address cap a new connection is closed at once, and other
/// addresses are still served.
#[tokio::test]
async fn open_connections_per_address_are_capped() {
    let server = TestServer::start_with(&[("TALLY_MAX_CONNECTIONS_PER_IP", "5")]);
    let address = server.base.trim_start_matches("http://").to_string();
    let held: Vec<TcpStream> = (0..5).map(|_| TcpStream::connect(&address).unwrap()).collect();
    // Give the accept loop a moment to count all five.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let mut sixth = TcpStream::connect(&address).unwrap();
    sixth.set_read_timeout(Some(Duration::from_secs(2))).unwrap();
    let _ = sixth.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    let mut reply = Vec::new();
    let _ = sixth.read_to_end(&mut reply);
    assert!(reply.is_empty(), "the sixth connection is closed unanswered: {}", String::from_utf8_lossy(&reply));

    let other = Client::builder().local_address("127.0.0.2".parse::<std::net::IpAddr>().unwrap()).build().unwrap();
    let response = other.get(server.url("/healthz")).send().await.unwrap();
    assert_eq!(response.status(), 200, "another address is still served");
    drop(held);
}

/// A refused submission costs no token: only submissions that would be
/// applied count against the address's rate.
#[tokio::test]
async fn invalid_submissions_do_not_use_up_the_rate() {
    let server = TestServer::start_with(&[("TALLY_LIMIT_SUBMIT_IP", "3/m:3")]);
    let client = Client::new();
    let url = server.url("/api/boards/default/submissions");
    let people = server.respondents(4).await;
    for _ in 0..5 {
        let invalid = json!({ "answers": { "no-such-row": 1 }, "respondent": people[0] });
        assert_eq!(client.post(&url).body(invalid.to_string()).send().await.unwrap().status(), 422);
    }
    for (k, person) in people[..3].iter().enumerate() {
        assert_eq!(submit(&server, person).await.status(), 200, "submission {k}");
    }
    assert_refused(submit(&server, &people[3]).await, "submissions from this address").await;
}

/// Leaving out the cookie makes the server invent a respondent each time;
/// how many it invents per address and board is limited.
#[tokio::test]
async fn new_respondents_per_address_are_limited() {
    let server = TestServer::start_with(&[("TALLY_LIMIT_NEW_RESPONDENTS_IP", "2/m:2")]);
    let rows = row_ids(&server.matrix().await);
    let anonymous = || {
        let body = json!({ "answers": answers(&rows, |_| 1) }).to_string();
        Client::new().post(server.url("/api/boards/default/submissions")).body(body).send()
    };
    let first = anonymous().await.unwrap();
    assert_eq!(first.status(), 200);
    let cookie = first.headers()[header::SET_COOKIE].to_str().unwrap().split(';').next().unwrap().to_string();
    assert_eq!(anonymous().await.unwrap().status(), 200);
    assert_refused(anonymous().await.unwrap(), "new respondents from this address on this board").await;
    assert_eq!(server.stats("default").await["respondents"], 2, "the refused one was not counted");

    // A returning respondent is not new.
    let body = json!({ "answers": answers(&rows, |_| 2) }).to_string();
    let returning = Client::new()
        .post(server.url("/api/boards/default/submissions"))
        .header(header::COOKIE, cookie)
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(returning.status(), 200);

    // Tokens asked for ahead of answering count the same way.
    let issue = || Client::new().post(server.url("/api/respondents")).send();
    assert_eq!(issue().await.unwrap().status(), 201);
    assert_eq!(issue().await.unwrap().status(), 201);
    assert_refused(issue().await.unwrap(), "new respondents from this address").await;
}

/// Behind a trusted proxy each client keeps its own allowance, named by
/// `X-Forwarded-For`; from anyone else that header is not believed.
#[tokio::test]
async fn a_trusted_proxy_names_the_client() {
    let rows = |server: &TestServer| {
        let server_url = server.url("/api/boards/default/matrix");
        async move { row_ids(&reqwest::get(server_url).await.unwrap().json().await.unwrap()) }
    };
    let forwarded = |server: &TestServer, rows: &[String], client: &str| {
        let body = json!({ "answers": answers(rows, |_| 1) });
        Client::new()
            .post(server.url("/api/boards/default/submissions"))
            .header("x-forwarded-for", format!("198.51.100.77, {client}"))
            .body(body.to_string())
            .send()
    };
    let trusting =
        TestServer::start_with(&[("TALLY_LIMIT_SUBMIT_IP", "2/m:2"), ("TALLY_TRUSTED_PROXIES", "127.0.0.0/8")]);
    let ids = rows(&trusting).await;
    assert_eq!(forwarded(&trusting, &ids, "203.0.113.1").await.unwrap().status(), 200);
    assert_eq!(forwarded(&trusting, &ids, "203.0.113.1").await.unwrap().status(), 200);
    assert_refused(forwarded(&trusting, &ids, "203.0.113.1").await.unwrap(), "submissions from this address").await;
    assert_eq!(forwarded(&trusting, &ids, "203.0.113.2").await.unwrap().status(), 200, "another client behind it");

    let wary = TestServer::start_with(&[("TALLY_LIMIT_SUBMIT_IP", "2/m:2")]);
    let ids = rows(&wary).await;
    assert_eq!(forwarded(&wary, &ids, "203.0.113.1").await.unwrap().status(), 200);
    assert_eq!(forwarded(&wary, &ids, "203.0.113.2").await.unwrap().status(), 200);
    let third = forwarded(&wary, &ids, "203.0.113.3").await.unwrap();
    assert_refused(third, "submissions from this address").await;
}

/// A client whose requests leave from `ip` (any 127.x address is this machine).
fn client_from(ip: &str) -> Client {
    Client::builder().local_address(ip.parse::<std::net::IpAddr>().unwrap()).build().unwrap()
}

/// One machine with a hundred addresses in one /24 is one network: it
/// cannot fill the hourly ceiling and lock everyone else out.
#[tokio::test]
async fn one_network_cannot_fill_the_ceiling_for_everyone() {
    let server = TestServer::start_with(&[("TALLY_LIMIT_CREATE_IP", "2/h:2"), ("TALLY_MAX_BOARDS_PER_HOUR", "10")]);
    let mut created = 0;
    for k in 1..=20 {
        let body = json!({ "matrix": "programmer" }).to_string();
        let response = client_from(&format!("127.0.0.{k}")).post(server.url("/api/boards")).body(body).send().await;
        created += (response.unwrap().status() == StatusCode::CREATED) as usize;
    }
    assert_eq!(created, 2, "twenty addresses of one /24 share its allowance");
    let body = json!({ "matrix": "programmer" }).to_string();
    let elsewhere = client_from("127.0.1.1").post(server.url("/api/boards")).body(body).send().await.unwrap();
    assert_eq!(elsewhere.status(), StatusCode::CREATED, "another network still creates boards");
}

/// Wrong admin keys run out; then even the right key from that address is
/// refused for a while (so a guess cannot be told right by its answer),
/// while the admin at another address carries on.
#[tokio::test]
async fn wrong_admin_keys_are_limited_per_address() {
    let server = TestServer::start_with(&[("TALLY_LIMIT_ADMIN_GUESSES_IP", "3/m:3")]);
    let created = server.create_board(json!({ "matrix": "programmer", "slug": "guarded" })).await;
    let key = created["admin_key"].as_str().unwrap();
    let close =
        |client: &Client, key: &str| client.post(server.url("/api/boards/guarded/close")).bearer_auth(key).send();
    let guesser = client_from("127.0.0.7");
    for _ in 0..3 {
        assert_eq!(close(&guesser, &"0".repeat(64)).await.unwrap().status(), StatusCode::FORBIDDEN);
    }
    assert_refused(close(&guesser, &"1".repeat(64)).await.unwrap(), "wrong admin keys from this address").await;
    assert_refused(close(&guesser, key).await.unwrap(), "wrong admin keys from this address").await;
    assert_eq!(server.stats("guarded").await["closed"], false, "nothing was applied");
    assert_eq!(close(&client_from("127.0.0.8"), key).await.unwrap().status(), StatusCode::OK);
    assert_eq!(server.stats("guarded").await["closed"], true);
}
