//! Starts the real server binary on 127.0.0.1 with its own SQLite file, for
//! tests that talk to it over HTTP the way any client would.

#![allow(dead_code)] // each test file uses a different part of this harness

pub mod live_frames;
pub mod oidc;
pub mod private_postgres;
pub mod proxy;
pub mod receiver;
pub mod submitters;
#[path = "../../../../app/tests/it/support/mod.rs"]
mod support;
#[allow(unused_imports)] // not every test file needs a database of its own
pub use support::{Backend, TestDatabase};

use serde_json::{json, Value};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{mpsc, Arc, Mutex};
use std::time::Duration;

pub struct TestServer {
    child: Child,
    pub base: String,
    pub dir: PathBuf,
    /// Everything the server has written to stdout (its log), line by line.
    output: Arc<Mutex<Vec<String>>>,
}

impl TestServer {
    /// A server on a new, empty database.
    pub fn start() -> TestServer {
        Self::start_with(&[])
    }

    /// The same, with extra environment settings.
    pub fn start_with(env: &[(&str, &str)]) -> TestServer {
        let dir = std::env::temp_dir().join(format!("tally-test-{}-{:x}", std::process::id(), rand_u64()));
        std::fs::create_dir_all(&dir).unwrap();
        Self::start_in(dir, env)
    }

    /// A server on the database in `dir` (to restart after a crash).
    pub fn start_in(dir: PathBuf, env: &[(&str, &str)]) -> TestServer {
        let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_server"))
            .env("DATABASE_URL", format!("sqlite://{}", dir.join("tally.db").display()))
            .env("TALLY_MATRICES", workspace.join("matrices"))
            .env("LEPTOS_SITE_ADDR", "127.0.0.1:0")
            .env("LEPTOS_OUTPUT_NAME", "tally")
            .env("LEPTOS_SITE_ROOT", workspace.join("target/site"))
            .env("LEPTOS_ENV", "PROD")
            .env("RUST_LOG", "warn")
            // Load tests send everything from 127.0.0.1; the limit tests turn limits on.
            .env("TALLY_LIMIT_SUBMIT_IP", "off")
            .env("TALLY_LIMIT_SUBMIT_RESPONDENT", "off")
            .env("TALLY_LIMIT_NEW_RESPONDENTS_IP", "off")
            .env("TALLY_LIMIT_CONNECT_IP", "off")
            .env("TALLY_MAX_SOCKETS_PER_IP", "off")
            .env("TALLY_MAX_CONNECTIONS_PER_IP", "off")
            .envs(env.iter().copied())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("the server binary starts");
        // Keep draining stdout for the server's whole life so it never blocks.
        let (found, address) = mpsc::channel();
        let stdout = child.stdout.take().unwrap();
        let output = Arc::new(Mutex::new(Vec::new()));
        let kept = output.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(url) = line.split("open ").nth(1) {
                    let _ = found.send(url.trim_end_matches('/').to_string());
                }
                kept.lock().unwrap().push(line);
            }
        });
        let base = address.recv_timeout(Duration::from_secs(30)).expect("the server printed its address within 30 s");
        TestServer { child, base, dir, output }
    }

    /// The server's log so far.
    pub fn log(&self) -> String {
        self.output.lock().unwrap().join("\n")
    }

    /// The server's process id (to read its memory use).
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// The WebSocket address for `path`.
    pub fn ws_url(&self, path: &str) -> String {
        format!("{}{path}", self.base.replacen("http://", "ws://", 1))
    }

    /// SIGTERM, then waits (at most 20 s) for the process to exit.
    pub fn terminate(mut self) -> (PathBuf, std::process::ExitStatus) {
        let sent = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status().unwrap();
        assert!(sent.success(), "kill -TERM works");
        let deadline = std::time::Instant::now() + Duration::from_secs(20);
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            assert!(std::time::Instant::now() < deadline, "the server exits within 20 s of SIGTERM");
            std::thread::sleep(Duration::from_millis(20));
        };
        let dir = self.dir.clone();
        std::mem::forget(self);
        (dir, status)
    }

    /// SIGKILL: no chance to flush or clean up, like a crash.
    pub fn kill(mut self) -> PathBuf {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
        let dir = self.dir.clone();
        std::mem::forget(self);
        dir
    }

    pub async fn stats(&self, board: &str) -> Value {
        let response = reqwest::get(self.url(&format!("/api/boards/{board}/stats"))).await.unwrap();
        assert_eq!(response.status(), 200);
        response.json().await.unwrap()
    }

    /// Creates a board through the API (`body` as `POST /api/boards` takes
    /// it) and returns the reply, which must be a 201.
    pub async fn create_board(&self, body: Value) -> Value {
        let response =
            reqwest::Client::new().post(self.url("/api/boards")).body(body.to_string()).send().await.unwrap();
        assert_eq!(response.status(), 201);
        response.json().await.unwrap()
    }

    /// `count` respondent tokens, as `POST /api/respondents` issues them:
    /// the only ids the server accepts.
    pub async fn respondents(&self, count: usize) -> Vec<String> {
        respondents(&self.base, count).await
    }

    pub async fn matrix(&self) -> Value {
        reqwest::get(self.url("/api/boards/default/matrix")).await.unwrap().json().await.unwrap()
    }
}

/// Sends `body` to `path`, with `key` as the bearer token if given: the
/// status and the JSON reply (`Null` when there is none).
pub async fn send(
    server: &TestServer,
    method: reqwest::Method,
    path: &str,
    key: Option<&str>,
    body: String,
) -> (u16, Value) {
    let mut request = reqwest::Client::new().request(method, server.url(path)).body(body);
    if let Some(key) = key {
        request = request.header(reqwest::header::AUTHORIZATION, format!("Bearer {key}"));
    }
    let response = request.send().await.unwrap();
    (response.status().as_u16(), response.json().await.unwrap_or(Value::Null))
}

/// `GET path`: the status and the JSON reply (`Null` when there is none).
pub async fn get_json(server: &TestServer, path: &str) -> (u16, Value) {
    get_json_at(&server.base, path).await
}

/// The same, of the server (or balancer) at `base`.
pub async fn get_json_at(base: &str, path: &str) -> (u16, Value) {
    let response = reqwest::get(format!("{base}{path}")).await.unwrap();
    (response.status().as_u16(), response.json().await.unwrap_or(Value::Null))
}

/// `count` respondent tokens from the server at `base`.
pub async fn respondents(base: &str, count: usize) -> Vec<String> {
    let client = reqwest::Client::new();
    let mut tokens = Vec::with_capacity(count);
    for _ in 0..count {
        let response = client.post(format!("{base}/api/respondents")).send().await.unwrap();
        assert_eq!(response.status(), 201);
        let body: Value = response.json().await.unwrap();
        tokens.push(body["respondent"].as_str().unwrap().to_string());
    }
    tokens
}

impl Drop for TestServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Row ids of the default matrix, in order.
pub fn row_ids(matrix: &Value) -> Vec<String> {
    matrix["categories"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["rows"].as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap().to_string()))
        .collect()
}

/// A complete answer set where row i gets `pick(i)`.
/// Removes from every translation of `matrix` the words for the `part`s
/// ("rows", "roles") that `gone` picks by id: what a test that removes
/// them from the matrix does too (else: 422 at the translation's field).
pub fn drop_translated(matrix: &mut Value, part: &str, gone: impl Fn(&str) -> bool) {
    for words in matrix["translations"].as_object_mut().into_iter().flat_map(|t| t.values_mut()) {
        if let Some(found) = words.get_mut(part).and_then(Value::as_object_mut) {
            found.retain(|id, _| !gone(id));
        }
    }
}

pub fn answers(rows: &[String], pick: impl Fn(usize) -> u64) -> Value {
    Value::Object(rows.iter().enumerate().map(|(i, r)| (r.clone(), json!(pick(i)))).collect())
}

/// The value of one sample line of `/metrics`' text, e.g.
/// `tally_submissions_accepted_total`.
pub fn metric(text: &str, name: &str) -> f64 {
    text.lines()
        .find_map(|line| line.strip_prefix(name).and_then(|rest| rest.strip_prefix(' ')))
        .unwrap_or_else(|| panic!("{name} in\n{text}"))
        .parse()
        .unwrap()
}

/// A small deterministic generator, so failures reproduce.
pub struct Lcg(pub u64);

impl Lcg {
    pub fn next(&mut self, below: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % below
    }
}

fn rand_u64() -> u64 {
    use std::hash::{BuildHasher, RandomState};
    RandomState::new().hash_one(std::time::SystemTime::now())
}
