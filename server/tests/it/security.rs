//! What every response promises the browser: a page whose scripts run only
//! with this response's nonce, no sniffing, no framing; and content that
//! cannot inject markup, whoever wrote the matrix or named the board.

use crate::common;

use common::TestServer;
use reqwest::header;
use serde_json::json;

const SCRIPT: &str = "<script>alert(1)</script>";
const IMAGE: &str = "\"><img src=x onerror=alert(2)>";

#[tokio::test]
async fn pages_carry_a_nonce_policy_and_everything_else_a_closed_one() {
    let server = TestServer::start();
    let page = reqwest::get(server.url("/")).await.unwrap();
    let policy = page.headers()[header::CONTENT_SECURITY_POLICY].to_str().unwrap().to_string();
    assert_eq!(page.headers()[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert_eq!(page.headers()[header::REFERRER_POLICY], "same-origin");
    assert!(policy.contains("frame-ancestors 'none'"), "{policy}");
    let nonce = policy.split("'nonce-").nth(1).and_then(|rest| rest.split('\'').next()).expect("a nonce").to_string();
    let html = page.text().await.unwrap();
    let scripts = html.matches("<script").count();
    assert!(scripts > 0);
    assert_eq!(html.matches(&format!("nonce=\"{nonce}\"")).count(), scripts, "every script carries the nonce");

    let again = reqwest::get(server.url("/")).await.unwrap();
    let other = again.headers()[header::CONTENT_SECURITY_POLICY].to_str().unwrap().to_string();
    assert!(!other.contains(&nonce), "a fresh nonce per response");

    let api = reqwest::get(server.url("/api/boards/default/stats")).await.unwrap();
    assert_eq!(api.headers()[header::CONTENT_SECURITY_POLICY], "default-src 'none'; frame-ancestors 'none'");
    assert_eq!(api.headers()[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
}

/// A page and the site's files asked for at the same moments keep their own
/// headers: a file served while a page renders once took the page's policy,
/// and the page went out with the closed one (no stylesheet, no scripts).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_page_keeps_its_own_policy_while_files_are_served_beside_it() {
    // The site's files as `public/` holds them: `make test` runs this before
    // the site is built.
    let public = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../public");
    let server = TestServer::start_with(&[("LEPTOS_SITE_ROOT", public.to_str().unwrap())]);
    let client = reqwest::Client::new();
    let policy_of = |path: &'static str| {
        let request = client.get(server.url(path)).send();
        async move { request.await.unwrap().headers()[header::CONTENT_SECURITY_POLICY].to_str().unwrap().to_string() }
    };
    let mut rounds = Vec::new();
    for _ in 0..60 {
        rounds.push(async { tokio::join!(policy_of("/"), policy_of("/favicon.svg"), policy_of("/favicon.svg")) });
    }
    for (page, file, other_file) in futures_util::future::join_all(rounds).await {
        assert!(page.contains("'nonce-"), "a page went out with another response's policy: {page}");
        assert_eq!(file, "default-src 'none'; frame-ancestors 'none'");
        assert_eq!(other_file, "default-src 'none'; frame-ancestors 'none'");
    }
}

#[tokio::test]
async fn hostile_matrix_text_and_board_titles_are_shown_as_text() {
    let workspace = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let dir = std::env::temp_dir().join(format!("tally-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let shipped = std::fs::read_to_string(workspace.join("matrices/programmer.toml")).unwrap();
    let hostile = shipped
        .replacen("title = \"Programmer Competency Matrix\"", &format!("title = '{SCRIPT}'"), 1)
        .replacen("title = \"Data structures\"", &format!("title = '{IMAGE}'"), 1)
        .replacen(
            "\"Knows arrays and lists only as things a language hands you; cannot say what they cost.\"",
            &format!("'{SCRIPT}{IMAGE}'"),
            1,
        );
    std::fs::write(dir.join("programmer.toml"), hostile).unwrap();
    let matrices = dir.to_str().unwrap().to_string();
    let server = TestServer::start_with(&[("TALLY_MATRICES", matrices.as_str())]);

    let created = server
        .create_board(json!({ "matrix": "programmer", "slug": "hostile", "title": format!("{SCRIPT}{IMAGE}") }))
        .await;
    assert_eq!(created["id"], "hostile", "{created}");

    for path in ["/", "/b/hostile", "/b/hostile/present"] {
        let html = reqwest::get(server.url(path)).await.unwrap().text().await.unwrap();
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{path}: the text is shown");
        assert!(!html.contains("alert(1)</script>"), "{path}: no script element from content");
        assert!(!html.contains("<img src=x"), "{path}: no image element from content");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[tokio::test]
async fn pages_of_other_sites_may_not_change_anything() {
    let server = TestServer::start();
    let matrix = server.matrix().await;
    let rows = common::row_ids(&matrix);
    let body = json!({ "answers": common::answers(&rows, |_| 2) }).to_string();
    let host = server.base.trim_start_matches("http://").to_string();
    let client = reqwest::Client::new();
    let post = |path: &str, headers: &[(&str, &str)]| {
        let mut request = client.post(server.url(path)).body(body.clone());
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        request.send()
    };

    let foreign = post("/api/boards/default/submissions", &[("origin", "http://evil.example")]).await.unwrap();
    assert_eq!(foreign.status(), 403);
    let refusal = foreign.json::<serde_json::Value>().await.unwrap();
    assert_eq!(refusal["error"], "requests from http://evil.example may not change anything here");
    assert_eq!(refusal["code"], "cross_site");
    let hidden = post("/api/boards/default/submissions", &[("sec-fetch-site", "cross-site")]).await.unwrap();
    assert_eq!(hidden.status(), 403, "no Origin, but the browser says cross-site");
    let server_fn = post("/api/submit_answers", &[("origin", "http://evil.example")]).await.unwrap();
    assert_eq!(server_fn.status(), 403, "server functions are guarded too");
    assert_eq!(server.stats("default").await["version"], 0, "nothing was applied");

    let own = format!("http://{host}");
    let same = post("/api/boards/default/submissions", &[("origin", own.as_str()), ("sec-fetch-site", "same-origin")])
        .await
        .unwrap();
    assert_eq!(same.status(), 200);
    let tool = post("/api/boards/default/submissions", &[]).await.unwrap();
    assert_eq!(tool.status(), 200, "clients that are not browsers send no Origin");
    assert_eq!(
        reqwest::Client::new()
            .get(server.url("/"))
            .header("origin", "http://evil.example")
            .send()
            .await
            .unwrap()
            .status(),
        200,
        "reading is open"
    );
}

/// DNS rebinding: a page on evil.example whose name resolves to this server
/// sends `Host: evil.example` with `Origin: http://evil.example`, which the
/// origin check alone lets through. With `TALLY_ALLOWED_HOSTS` it is refused.
#[tokio::test]
async fn only_the_allowed_hosts_are_served() {
    let port = server_port_free();
    let site = format!("127.0.0.1:{port}");
    let server = TestServer::start_with(&[
        ("TALLY_ALLOWED_HOSTS", &format!("tally.example.com, {site}")),
        ("LEPTOS_SITE_ADDR", &site),
    ]);
    let client = reqwest::Client::new();
    let rebound = client
        .post(server.url("/api/boards"))
        .header(header::HOST, "evil.example")
        .header(header::ORIGIN, "http://evil.example")
        .body(json!({ "matrix": "programmer" }).to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(rebound.status(), 421);
    let body: serde_json::Value = rebound.json().await.unwrap();
    assert_eq!(body["error"], "this server does not answer for host 'evil.example'");
    assert_eq!(body["code"], "unknown_host");
    let page = client.get(server.url("/")).header(header::HOST, "evil.example").send().await.unwrap();
    assert_eq!(page.status(), 421, "pages too");

    let named =
        client.get(server.url("/api/boards/default/stats")).header(header::HOST, "Tally.Example.com").send().await;
    assert_eq!(named.unwrap().status(), 200, "a listed host, in any case");
    assert_eq!(client.get(server.url("/")).send().await.unwrap().status(), 200, "host:port as listed");
    let probe = client.get(server.url("/healthz")).header(header::HOST, "10.0.0.7").send().await.unwrap();
    assert_eq!(probe.status(), 200, "probes answer whatever the host");
}

/// A free port on 127.0.0.1, to name the site's address in its settings.
fn server_port_free() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// Sends `request` as raw bytes (so nothing rewrites an odd path or Host)
/// and returns the response's head and body as text.
fn raw(server: &TestServer, request: &str) -> String {
    use std::io::{Read, Write};
    let address = server.base.trim_start_matches("http://");
    let mut stream = std::net::TcpStream::connect(address).unwrap();
    stream.set_read_timeout(Some(std::time::Duration::from_secs(10))).unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response);
    String::from_utf8_lossy(&response).into_owned()
}

fn location(response: &str) -> Option<&str> {
    response.lines().find_map(|l| l.strip_prefix("location: ").or_else(|| l.strip_prefix("Location: ")))
}

/// A page asked for with an unvouched-for `__err` is redirected to itself
/// without it, and never to another site, whatever its path looks like; a
/// page path ending in a slash is redirected to the one without (it once
/// gave a 500).
#[tokio::test]
async fn redirects_stay_on_this_site_and_trailing_slashes_are_no_error() {
    let server = TestServer::start();
    for (path, expected) in
        [("//other.host/login?__err=x", "/other.host/login"), ("/\\other.host/x?__err=x", "/other.host/x")]
    {
        let response = raw(&server, &format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
        assert!(response.starts_with("HTTP/1.1 303"), "{path}: {response}");
        assert_eq!(location(&response), Some(expected), "{path}");
    }
    for (path, expected) in [
        ("/b/default/", "/b/default"),
        ("/b/default/present/", "/b/default/present"),
        ("/b/x/compare/?a=r:1", "/b/x/compare?a=r:1"),
        ("//evil.example/", "/evil.example"),
    ] {
        let response = raw(&server, &format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
        assert!(response.starts_with("HTTP/1.1 308"), "{path}: {response}");
        assert_eq!(location(&response), Some(expected), "{path}");
    }
    let page = reqwest::get(server.url("/b/default/")).await.unwrap();
    assert_eq!((page.status().as_u16(), page.url().path()), (200, "/b/default"), "followed, the page itself");
}

/// Without `TALLY_PUBLIC_URL`, the presenter's join address comes from the
/// request's Host, which must then be a plain host name: one carrying a
/// path or query is refused rather than put into the address and QR code.
#[tokio::test]
async fn a_host_header_cannot_point_the_join_address_elsewhere() {
    let server = TestServer::start();
    let present = |host: &str| {
        let body = "board=default";
        format!("POST /api/present_board HTTP/1.1\r\nHost: {host}\r\nAccept: application/json\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}", body.len())
    };
    let good = raw(&server, &present("tally.test:8080"));
    assert!(good.starts_with("HTTP/1.1 200") && good.contains("http://tally.test:8080/b/default"), "{good}");
    let bad = raw(&server, &present("evil.example/phish?x="));
    assert!(bad.starts_with("HTTP/1.1 400"), "{bad}");
    assert!(!bad.contains("evil.example/phish?x=/b/") && bad.contains("is not a host name"), "{bad}");
    let qr =
        raw(&server, "GET /api/boards/default/qr.svg HTTP/1.1\r\nHost: evil.example/x?\r\nConnection: close\r\n\r\n");
    assert!(qr.starts_with("HTTP/1.1 400"), "{qr}");
}

/// Control, bidirectional-override and zero-width characters are refused
/// in titles, matrix text, group names and round labels, each naming the
/// character; errors stay short whatever was sent.
#[tokio::test]
async fn invisible_characters_are_refused_and_errors_stay_short() {
    use reqwest::{Client, Method};
    let server = TestServer::start();
    let client = Client::new();
    for title in ["Team\u{202E}gnp.exe", "nul\u{0}here", "zero\u{200B}width"] {
        let body = json!({ "matrix": "programmer", "title": title }).to_string();
        let response = client.post(server.url("/api/boards")).body(body).send().await.unwrap();
        assert_eq!(response.status(), 400, "{title:?}");
        assert!(response.text().await.unwrap().contains("invisible or control character U+"), "{title:?}");
    }
    let created = server.create_board(json!({ "matrix": "programmer", "slug": "clean" })).await;
    let key = created["admin_key"].as_str().unwrap();
    let groups = json!({ "groups": ["A\u{2066}B"] }).to_string();
    assert_eq!(common::send(&server, Method::PUT, "/api/boards/clean/groups", Some(key), groups).await.0, 400);
    let label = json!({ "label": "Q4\u{202E}" }).to_string();
    assert_eq!(common::send(&server, Method::POST, "/api/boards/clean/rounds", Some(key), label).await.0, 400);
    let mut matrix = server.matrix().await;
    matrix["title"] = json!("Skills\u{FEFF}");
    let (status, reply) =
        common::send(&server, Method::PUT, "/api/boards/clean/matrix", Some(key), matrix.to_string()).await;
    assert_eq!(status, 422, "{reply}");
    assert!(reply.to_string().contains("U+FEFF"), "{reply}");

    let made_up: serde_json::Map<String, serde_json::Value> =
        (0..5000).map(|i| (format!("row-{i}"), json!(0))).collect();
    let body = json!({ "answers": made_up }).to_string();
    let response = client.post(server.url("/api/boards/default/submissions")).body(body).send().await.unwrap();
    assert_eq!(response.status(), 422);
    let text = response.text().await.unwrap();
    assert!(text.len() < 8_000 && text.contains("and 4990 more unknown rows"), "{} bytes", text.len());

    let line = format!("title = \"{}", "x".repeat(300_000));
    let response = client.post(server.url("/api/import_matrix")).json(&json!({ "text": line })).send().await.unwrap();
    assert_eq!(response.status(), 400);
    let text = response.text().await.unwrap();
    assert!(text.len() < 1_000 && text.contains("not valid TOML at line 1"), "{}", &text[..text.len().min(300)]);
}
