//! A webhook receiver on 127.0.0.1 for tests: it records every request and
//! answers as scripted (a status per request in turn, the last repeating,
//! or a hang), and checks signatures the way a receiver elsewhere would.

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use hmac::{Hmac, KeyInit, Mac};
use sha2::Sha256;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// One request the receiver got.
#[derive(Clone, Debug)]
pub struct Received {
    pub headers: HeaderMap,
    pub body: String,
}

impl Received {
    pub fn header(&self, name: &str) -> &str {
        self.headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or_default()
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).expect("a JSON body")
    }

    /// Whether `Tally-Signature` is the HMAC-SHA256 of `<t>.<body>` under
    /// `secret`, computed here independently of the server's code.
    pub fn signed_with(&self, secret: &str) -> bool {
        let signature = self.header("tally-signature");
        let Some((t, v1)) = signature.strip_prefix("t=").and_then(|rest| rest.split_once(",v1=")) else {
            return false;
        };
        let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(secret.as_bytes()).unwrap();
        mac.update(format!("{t}.{}", self.body).as_bytes());
        let expected: String = mac.finalize().into_bytes().iter().map(|b| format!("{b:02x}")).collect();
        expected == v1
    }

    /// The signature's time, unix seconds.
    pub fn signed_at(&self) -> i64 {
        let signature = self.header("tally-signature");
        signature.strip_prefix("t=").and_then(|rest| rest.split(',').next()).unwrap().parse().unwrap()
    }
}

/// How the receiver answers.
#[derive(Clone, Debug)]
pub enum Script {
    /// These statuses, one per request in turn; the last one repeats.
    Statuses(Vec<u16>),
    /// Waits this long, then answers 200.
    Hang(Duration),
    /// Answers 302 to this address.
    Redirect(String),
    /// Answers 500 with this many bytes of body.
    Flood(usize),
}

#[derive(Clone)]
struct Shared {
    script: Script,
    received: Arc<Mutex<Vec<Received>>>,
    /// Requests not yet answered.
    open: Arc<AtomicUsize>,
}

pub struct Receiver {
    pub url: String,
    received: Arc<Mutex<Vec<Received>>>,
    open: Arc<AtomicUsize>,
    task: tokio::task::JoinHandle<()>,
}

impl Receiver {
    pub async fn start(script: Script) -> Receiver {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}/hook", listener.local_addr().unwrap());
        let (received, open) = (Arc::new(Mutex::new(Vec::new())), Arc::new(AtomicUsize::new(0)));
        let shared = Shared { script, received: received.clone(), open: open.clone() };
        let app = axum::Router::new().route("/hook", axum::routing::post(answer)).with_state(shared);
        let task = tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        Receiver { url, received, open, task }
    }

    /// Requests it is holding unanswered now.
    pub fn open(&self) -> usize {
        self.open.load(Ordering::SeqCst)
    }

    pub fn received(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }

    /// Waits (at most `within`) until it has got `count` requests.
    pub async fn wait_for(&self, count: usize, within: Duration) -> Vec<Received> {
        let deadline = tokio::time::Instant::now() + within;
        loop {
            let got = self.received();
            if got.len() >= count {
                return got;
            }
            assert!(tokio::time::Instant::now() < deadline, "{count} requests within {within:?}; got {}", got.len());
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

impl Drop for Receiver {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn answer(State(shared): State<Shared>, headers: HeaderMap, body: Bytes) -> axum::response::Response {
    use axum::response::IntoResponse;
    let nth = {
        let mut received = shared.received.lock().unwrap();
        received.push(Received { headers, body: String::from_utf8_lossy(&body).into_owned() });
        received.len() - 1
    };
    shared.open.fetch_add(1, Ordering::SeqCst);
    let _answered = Answered(shared.open.clone());
    match shared.script {
        Script::Statuses(statuses) => {
            let status = statuses.get(nth).or(statuses.last()).copied().unwrap_or(200);
            StatusCode::from_u16(status).unwrap().into_response()
        }
        Script::Hang(time) => {
            tokio::time::sleep(time).await;
            StatusCode::OK.into_response()
        }
        Script::Redirect(to) => (StatusCode::FOUND, [(axum::http::header::LOCATION, to)]).into_response(),
        Script::Flood(bytes) => (StatusCode::INTERNAL_SERVER_ERROR, "x".repeat(bytes)).into_response(),
    }
}

/// Counts a request as answered when its handler ends, however it ends.
struct Answered(Arc<AtomicUsize>);

impl Drop for Answered {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}
