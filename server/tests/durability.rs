//! Crash safety: the server is SIGKILLed in the middle of a load and
//! restarted on the same SQLite file. Every submission it acknowledged must be
//! there exactly once, and the aggregates must equal a recount.

mod common;

use common::{answers, row_ids, Lcg, TestServer};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

const WORKERS: u64 = 24;

/// What one worker knows when the server dies under it.
#[derive(Default)]
struct Outcome {
    /// respondent -> answers acknowledged last.
    acked: HashMap<String, Vec<u64>>,
    /// The submission that was in flight when the connection broke, if any.
    in_flight: Option<(String, Vec<u64>)>,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn acknowledged_submissions_survive_sigkill() {
    let server = TestServer::start();
    let rows = row_ids(&server.matrix().await);
    let url = server.url("/api/boards/default/submissions");
    let acked_total = Arc::new(AtomicUsize::new(0));
    let client = reqwest::Client::new();

    let workers: Vec<_> = (0..WORKERS)
        .map(|w| {
            let (client, url, rows, acked_total) = (client.clone(), url.clone(), rows.clone(), acked_total.clone());
            tokio::spawn(async move {
                let mut rng = Lcg(w + 1);
                let mut outcome = Outcome::default();
                // Even workers bring a new respondent every time; odd ones keep
                // replacing their own answers.
                for k in 0..100_000u64 {
                    let respondent = if w % 2 == 0 { format!("fresh-{w:04}-{k:08}") } else { format!("replacing-{w:06}") };
                    let picks: Vec<u64> = rows.iter().map(|_| rng.next(4)).collect();
                    let body = json!({ "answers": answers(&rows, |i| picks[i]), "respondent": respondent });
                    match client.post(&url).body(body.to_string()).send().await {
                        Ok(response) if response.status() == 200 => {
                            outcome.acked.insert(respondent, picks);
                            acked_total.fetch_add(1, Ordering::Relaxed);
                        }
                        Ok(response) => panic!("unexpected status {}", response.status()),
                        Err(_) => {
                            outcome.in_flight = Some((respondent, picks));
                            break;
                        }
                    }
                }
                outcome
            })
        })
        .collect();

    let deadline = Instant::now() + Duration::from_secs(60);
    while acked_total.load(Ordering::Relaxed) < 1500 && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let dir = server.kill();
    let mut outcomes = Vec::new();
    for worker in workers {
        outcomes.push(worker.await.unwrap());
    }
    let acked: usize = outcomes.iter().map(|o| o.acked.len()).sum();
    assert!(acked_total.load(Ordering::Relaxed) >= 1500, "the load ran before the kill");

    // The restarted server verifies its aggregates against a recount at
    // start-up and refuses to start if they differ.
    let server = TestServer::start_in(dir.clone(), &[]);
    let db = rusqlite::Connection::open(dir.join("tally.db")).unwrap();
    let stored = |respondent: &str| -> Option<Vec<u64>> {
        let text: Option<String> = db
            .query_row(
                "SELECT answers FROM submissions WHERE board_id = 'default' AND respondent = ?1",
                [respondent],
                |r| r.get(0),
            )
            .ok();
        let map: Value = serde_json::from_str(&text?).unwrap();
        Some(rows.iter().map(|r| map[r].as_u64().unwrap()).collect())
    };
    for outcome in &outcomes {
        for (respondent, picks) in &outcome.acked {
            let found = stored(respondent).unwrap_or_else(|| panic!("acknowledged {respondent} was lost"));
            let superseded = outcome.in_flight.as_ref().is_some_and(|(r, p)| r == respondent && *p == found);
            assert!(found == *picks || superseded, "{respondent} holds answers it was never acknowledged for");
        }
    }

    // The API's figures equal a recount of the stored submissions.
    let count: u64 = db.query_row("SELECT COUNT(*) FROM submissions", [], |r| r.get(0)).unwrap();
    let mut recount: HashMap<String, Vec<u64>> = rows.iter().map(|r| (r.clone(), vec![0; 4])).collect();
    let mut statement = db.prepare("SELECT answers FROM submissions").unwrap();
    for text in statement.query_map([], |r| r.get::<_, String>(0)).unwrap() {
        let map: Value = serde_json::from_str(&text.unwrap()).unwrap();
        for row in &rows {
            recount.get_mut(row).unwrap()[map[row].as_u64().unwrap() as usize] += 1;
        }
    }
    let stats = server.stats("default").await;
    assert_eq!(stats["respondents"], count);
    assert!(count as usize >= acked, "{count} stored < {acked} acknowledged respondents");
    for row in &rows {
        assert_eq!(stats["counts"][row], json!(recount[row]), "row {row}");
    }
}
