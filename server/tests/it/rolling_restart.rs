//! A rolling restart loses nothing: two instances on one PostgreSQL
//! database behind a load balancer on 127.0.0.1 (`common::proxy`), live
//! pages and submitters on both, and instance A stopped with SIGTERM in
//! the middle of it. Every acknowledged submission is counted, every live
//! page reconnects (to B) and converges to the final figures without a
//! reload, and A, started again, takes traffic.
//!
//! A is started again from the same binary: this suite has one build, so
//! the "newer build" is this one started anew on the migrated database.

use crate::common;

use common::proxy::Proxy;
use common::submitters::counts_of;
use common::{row_ids, Backend, TestDatabase, TestServer};
use futures_util::StreamExt;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio_tungstenite::tungstenite::Message;

/// A live page through the balancer: reconnects whenever its socket ends,
/// and keeps the respondents of the last figures it was sent.
struct Watcher {
    last_respondents: Arc<AtomicU64>,
    connections: Arc<AtomicUsize>,
}

fn watch(proxy: &Proxy, board: &str, until: Instant) -> Watcher {
    let url = proxy.ws_url(&format!("/api/boards/{board}/live"));
    let (last, connections) = (Arc::new(AtomicU64::new(u64::MAX)), Arc::new(AtomicUsize::new(0)));
    let (seen, opened) = (last.clone(), connections.clone());
    tokio::spawn(async move {
        while Instant::now() < until {
            let Ok((mut socket, _)) = tokio_tungstenite::connect_async(&url).await else {
                tokio::time::sleep(Duration::from_millis(100)).await;
                continue;
            };
            opened.fetch_add(1, Ordering::Relaxed);
            while let Ok(Some(Ok(message))) = tokio::time::timeout(Duration::from_secs(30), socket.next()).await {
                if let Message::Text(text) = message {
                    let frame: Value = serde_json::from_str(&text).unwrap();
                    seen.store(frame["respondents"].as_u64().unwrap(), Ordering::Relaxed);
                }
            }
        }
    });
    Watcher { last_respondents: last, connections }
}

/// Submitters through the balancer until `until`, each answer a new
/// respondent; a failed request (a connection the stopping instance
/// closed) is sent again, unchanged, until acknowledged. Token -> answers.
async fn submit_until(
    base: &str,
    board: &str,
    rows: &[String],
    workers: u64,
    until: Instant,
) -> HashMap<String, Vec<u64>> {
    let url = format!("{base}/api/boards/{board}/submissions");
    let tasks: Vec<_> = (0..workers)
        .map(|w| {
            let (url, base, rows) = (url.clone(), base.to_string(), rows.to_vec());
            tokio::spawn(async move {
                let (client, mut acked) = (reqwest::Client::new(), HashMap::new());
                let mut n = w;
                while Instant::now() < until {
                    let token = retried(|| client.post(format!("{base}/api/respondents")).send(), 201).await;
                    let token = token["respondent"].as_str().unwrap().to_string();
                    n += 1;
                    let picks: Vec<u64> = rows.iter().enumerate().map(|(i, _)| (n + i as u64) % 4).collect();
                    let body = json!({ "answers": common::answers(&rows, |i| picks[i]), "respondent": token });
                    retried(|| client.post(&url).body(body.to_string()).send(), 200).await;
                    acked.insert(token, picks);
                }
                acked
            })
        })
        .collect();
    let mut all = HashMap::new();
    for task in tasks {
        all.extend(task.await.unwrap());
    }
    all
}

/// Sends until the answer is `expected`; only a broken connection or an
/// unavailable server may come before it.
async fn retried<F, R>(send: F, expected: u16) -> Value
where
    F: Fn() -> R,
    R: std::future::Future<Output = reqwest::Result<reqwest::Response>>,
{
    for _ in 0..200 {
        match send().await {
            Ok(response) if response.status().as_u16() == expected => return response.json().await.unwrap(),
            Ok(response) if response.status().as_u16() == 503 => {}
            Ok(response) => panic!("unexpected status {}", response.status()),
            Err(_) => {}
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    panic!("never answered {expected} in 200 tries");
}

#[tokio::test]
async fn stopping_one_instance_behind_a_balancer_loses_no_answer_and_no_live_page() {
    let db = TestDatabase::create(Backend::Postgres).await;
    let on_db = [("DATABASE_URL", db.url.as_str())];
    let (a, b) = (TestServer::start_with(&on_db), TestServer::start_with(&on_db));
    let proxy = Proxy::start(&[&a.base, &b.base]).await;
    let rows = row_ids(&a.matrix().await);
    let start = Instant::now();
    let watchers: Vec<Watcher> = (0..20).map(|_| watch(&proxy, "default", start + Duration::from_secs(40))).collect();
    let load = {
        let (base, rows) = (proxy.base.clone(), rows.clone());
        tokio::spawn(async move { submit_until(&base, "default", &rows, 6, start + Duration::from_secs(8)).await })
    };

    tokio::time::sleep(Duration::from_secs(3)).await;
    let (dir, status) = tokio::task::spawn_blocking(move || a.terminate()).await.unwrap();
    assert!(status.success(), "A drains and exits 0 on SIGTERM");
    proxy.set_backends(&[&b.base]);
    let _ = std::fs::remove_dir_all(dir);
    let acked = load.await.unwrap();

    let stats = b.stats("default").await;
    assert!(acked.len() > 50, "the load kept going through the stop: {}", acked.len());
    assert_eq!(stats["respondents"], acked.len() as u64, "every acknowledged answer is counted, once");
    assert_eq!(stats["counts"], counts_of(&rows, &acked), "exactly as acknowledged");

    // Every live page converges to the final figures without a reload.
    let final_count = acked.len() as u64;
    let deadline = Instant::now() + Duration::from_secs(15);
    while watchers.iter().any(|w| w.last_respondents.load(Ordering::Relaxed) != final_count) {
        assert!(Instant::now() < deadline, "every live page shows {final_count} within 15 s");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let reconnected = watchers.iter().filter(|w| w.connections.load(Ordering::Relaxed) > 1).count();
    assert!(reconnected > 0, "the pages A served reconnected (to B)");

    // A starts again and takes traffic beside B.
    let a_again = TestServer::start_with(&on_db);
    proxy.set_backends(&[&a_again.base, &b.base]);
    for _ in 0..4 {
        let (status, _) = common::get_json_at(&proxy.base, "/api/boards/default/stats").await;
        assert_eq!(status, 200);
    }
    assert!(proxy.taken_by(&a_again.base) >= 2, "the restarted A answers through the balancer");
    let (_, figures) = common::get_json_at(&a_again.base, "/api/boards/default/stats").await;
    assert_eq!(figures["respondents"], final_count, "and serves the same figures");
}
