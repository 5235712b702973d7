//! A real OpenID Connect provider for the sign-in tests (npm's
//! oauth2-mock-server, started by `tests/oidc_provider.mjs` on
//! 127.0.0.1), servers that sign people in with it, and a browser's walk
//! through the flow, one redirect at a time.

use super::TestServer;
use reqwest::header::{COOKIE, LOCATION, SET_COOKIE};
use serde_json::{json, Value};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

pub struct Provider {
    child: Child,
    pub issuer: String,
}

impl Provider {
    pub fn start() -> Provider {
        let tests = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests");
        let mut child = Command::new("node")
            .arg("oidc_provider.mjs")
            .current_dir(&tests)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("node starts the provider (scripts/bootstrap.sh installs it)");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
        let ready: Value = serde_json::from_str(&line).expect("the provider prints its issuer when ready");
        Provider { issuer: ready["issuer"].as_str().unwrap().to_string(), child }
    }

    async fn control(&self, what: &str, body: Value) {
        let url = format!("{}/control/{what}", self.issuer);
        let response = reqwest::Client::new().post(url).body(body.to_string()).send().await.unwrap();
        assert_eq!(response.status(), 204, "the provider takes /control/{what}");
    }

    /// Who signs in from now on.
    pub async fn person(&self, sub: &str, email: &str, name: &str) {
        self.control("person", json!({ "sub": sub, "email": email, "name": name })).await;
    }

    /// Changes the next ID token only (see the launcher).
    pub async fn tamper(&self, how: Value) {
        self.control("tamper", how).await;
    }

    /// A new signing key; the old one leaves the published keys.
    pub async fn rotate(&self) {
        self.control("rotate", json!({})).await;
    }
}

impl Drop for Provider {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A server whose people sign in with `provider`; its public address is
/// its own (the provider sends browsers back there).
pub fn server_with_sign_in(provider: &Provider, env: &[(&str, &str)]) -> TestServer {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let (site, public) = (format!("127.0.0.1:{port}"), format!("http://127.0.0.1:{port}"));
    let mut settings = vec![
        ("LEPTOS_SITE_ADDR", site.as_str()),
        ("TALLY_PUBLIC_URL", public.as_str()),
        ("TALLY_OIDC_ISSUER", provider.issuer.as_str()),
        ("TALLY_OIDC_CLIENT_ID", "tally-tests"),
        ("TALLY_OIDC_CLIENT_SECRET", "not-so-secret"),
    ];
    // The tests sign in many times from 127.0.0.1, unless they set a limit.
    if !env.iter().any(|(name, _)| *name == "TALLY_LIMIT_SIGN_INS_IP") {
        settings.push(("TALLY_LIMIT_SIGN_INS_IP", "off"));
    }
    settings.extend_from_slice(env);
    TestServer::start_with(&settings)
}

/// Where one step of a sign-in ended.
#[derive(Debug)]
pub struct Walked {
    /// The session cookie (`name=value`), if one was set.
    pub session: Option<String>,
    /// The status of the last step, and where it pointed.
    pub status: u16,
    pub location: Option<String>,
    /// The address the provider sent the browser back to (to replay it).
    pub callback: Option<String>,
    /// The last page's text.
    pub page: String,
}

/// Walks a browser from `/auth/sign-in?return=<return_to>` to the
/// provider and back, following each redirect by hand.
pub async fn sign_in(server: &TestServer, return_to: &str) -> Walked {
    let client = browser();
    let start = client.get(server.url(&format!("/auth/sign-in?return={return_to}"))).send().await.unwrap();
    assert_eq!(start.status(), 302, "sign-in starts with a redirect to the provider");
    let provider = location(&start).unwrap();
    let back = client.get(&provider).send().await.unwrap();
    let callback = location(&back).expect("the provider sends the browser back");
    let mut walked = follow_back(server, &callback).await;
    walked.callback = Some(callback);
    walked
}

/// Opens the address the provider sent the browser back to.
pub async fn follow_back(server: &TestServer, callback: &str) -> Walked {
    assert!(callback.starts_with(&server.base), "the provider sent {callback} back to this server");
    let ended = browser().get(callback).send().await.unwrap();
    let session = ended
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("tally_session=") && !v.contains("Max-Age=0"))
        .map(|v| v.split(';').next().unwrap().to_string());
    let (status, location) = (ended.status().as_u16(), location(&ended));
    Walked { session, status, location, callback: None, page: ended.text().await.unwrap() }
}

/// `GET path` with `cookie`: the status and the JSON reply.
pub async fn get_with(server: &TestServer, path: &str, cookie: &str) -> (u16, Value) {
    let response = reqwest::Client::new().get(server.url(path)).header(COOKIE, cookie).send().await.unwrap();
    (response.status().as_u16(), response.json().await.unwrap_or(Value::Null))
}

/// `POST path` with `cookie` and a JSON `body`: the status and the reply.
pub async fn post_with(server: &TestServer, path: &str, cookie: &str, body: Value) -> (u16, Value) {
    let request = reqwest::Client::new().post(server.url(path)).header(COOKIE, cookie).body(body.to_string());
    let response = request.send().await.unwrap();
    (response.status().as_u16(), response.json().await.unwrap_or(Value::Null))
}

/// A client that asks for pages, as a browser does, and stops at each
/// redirect.
fn browser() -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(reqwest::header::ACCEPT, reqwest::header::HeaderValue::from_static("text/html"));
    reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).default_headers(headers).build().unwrap()
}

fn location(response: &reqwest::Response) -> Option<String> {
    response.headers().get(LOCATION).and_then(|v| v.to_str().ok()).map(str::to_string)
}
