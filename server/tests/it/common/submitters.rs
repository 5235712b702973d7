//! Submitters that keep going until the server stops answering, and a direct
//! reader of the server's SQLite file, for the tests that stop a server under
//! load (SIGKILL, SIGTERM) and then check that every acknowledged submission
//! is stored exactly as acknowledged.

use super::{answers, Lcg};
use app::backend::respondent::Respondents;
use app::backend::signer::Signer;
use serde_json::{json, Value};
use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use tokio::task::JoinHandle;

/// What one submitter knows when the server stops under it.
#[derive(Default)]
pub struct Outcome {
    /// (respondent token, the round its receipt named) -> answers
    /// acknowledged last in that round.
    pub acked: HashMap<(String, u64), Vec<u64>>,
    /// The replacement that was in flight when the connection broke, if any.
    pub in_flight: Option<(String, Vec<u64>)>,
}

/// Starts `workers` submitters; each counts its acknowledgements in
/// `acked_total`. Even workers come as a new respondent every time (no
/// token: the server issues one), odd ones keep replacing their own answers
/// with the token their first submission was given. Any answer other than 200 fails the
/// test: stopping a server may refuse connections, never requests it took.
pub fn start(url: &str, rows: &[String], workers: u64, acked_total: Arc<AtomicUsize>) -> Vec<JoinHandle<Outcome>> {
    let client = reqwest::Client::new();
    (0..workers)
        .map(|w| {
            let (client, url, rows, acked_total) =
                (client.clone(), url.to_string(), rows.to_vec(), acked_total.clone());
            tokio::spawn(async move {
                let mut rng = Lcg(w + 1);
                let mut outcome = Outcome::default();
                let mut mine: Option<String> = None;
                for _ in 0..100_000u64 {
                    let picks: Vec<u64> = rows.iter().map(|_| rng.next(4)).collect();
                    let mut body = json!({ "answers": answers(&rows, |i| picks[i]) });
                    if let Some(token) = &mine {
                        body["respondent"] = json!(token);
                    }
                    let reply = match client.post(&url).body(body.to_string()).send().await {
                        Ok(response) if response.status() == 200 => response.json::<Value>().await.ok(),
                        Ok(response) => panic!("unexpected status {}", response.status()),
                        Err(_) => None,
                    };
                    let Some(reply) = reply else {
                        outcome.in_flight = mine.map(|token| (token, picks));
                        break;
                    };
                    let token = reply["respondent"].as_str().unwrap().to_string();
                    let round = reply["round"].as_u64().expect("a receipt names its round");
                    outcome.acked.insert((token.clone(), round), picks);
                    acked_total.fetch_add(1, Ordering::Relaxed);
                    if w % 2 == 1 {
                        mine = Some(token);
                    }
                }
                outcome
            })
        })
        .collect()
}

/// One board's answers in the server's SQLite file, read directly.
pub struct StoredFile {
    db: rusqlite::Connection,
    /// The board whose answers are read.
    board: String,
    rows: Vec<String>,
    /// Built on the file's own secret, to find a token's stored id.
    respondents: Respondents,
}

impl StoredFile {
    pub fn open(dir: &Path, board: &str, rows: &[String]) -> StoredFile {
        let db = rusqlite::Connection::open(dir.join("tally.db")).unwrap();
        let hex: String = db.query_row("SELECT secret FROM server_secret", [], |r| r.get(0)).unwrap();
        let secret: Vec<u8> = (0..64).step_by(2).map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap()).collect();
        let respondents = Respondents::new(Signer::new(secret.try_into().unwrap()), false);
        StoredFile { db, board: board.to_string(), rows: rows.to_vec(), respondents }
    }

    fn picks(&self, text: &str) -> Vec<u64> {
        let map: Value = serde_json::from_str(text).unwrap();
        self.rows.iter().map(|r| map[r].as_u64().unwrap()).collect()
    }

    /// The answers stored for the respondent with this token in `round`.
    pub fn answers(&self, token: &str, round: u64) -> Option<Vec<u64>> {
        let respondent = self.respondents.on_board(&self.respondents.verify(token)?, &self.board);
        let text: String = self
            .db
            .query_row(
                "SELECT answers FROM submissions WHERE board_id = ?1 AND respondent = ?2 AND round = ?3",
                rusqlite::params![self.board, respondent, round],
                |r| r.get(0),
            )
            .ok()?;
        Some(self.picks(&text))
    }

    /// Checks that every acknowledged answer set is stored as acknowledged,
    /// in the round its receipt named (or as the submission in flight after
    /// it, which may have landed).
    pub fn assert_holds(&self, outcomes: &[Outcome]) {
        for outcome in outcomes {
            for ((respondent, round), picks) in &outcome.acked {
                let found = self
                    .answers(respondent, *round)
                    .unwrap_or_else(|| panic!("acknowledged {respondent} was lost from round {round}"));
                let superseded = outcome.in_flight.as_ref().is_some_and(|(r, p)| r == respondent && *p == found);
                assert!(found == *picks || superseded, "{respondent} holds answers it was never acknowledged for");
            }
        }
    }

    /// Checks that the figures a server shows (its stats JSON, of the round
    /// it names) equal a recount of that round's stored answers; returns
    /// the number of respondents.
    pub fn assert_figures(&self, stats: &Value) -> u64 {
        let (respondents, recount) = self.recount(stats["round"].as_u64().expect("figures name their round"));
        assert_eq!(stats["respondents"], respondents);
        for row in &self.rows {
            assert_eq!(stats["counts"][row], serde_json::json!(recount[row]), "row {row}");
        }
        respondents
    }

    /// (respondents, row -> count per level) recounted from one round's
    /// stored answers.
    fn recount(&self, round: u64) -> (u64, HashMap<String, Vec<u64>>) {
        let mut counts: HashMap<String, Vec<u64>> = self.rows.iter().map(|r| (r.clone(), vec![0; 4])).collect();
        let mut statement =
            self.db.prepare("SELECT answers FROM submissions WHERE board_id = ?1 AND round = ?2").unwrap();
        let mut respondents = 0;
        for text in statement.query_map(rusqlite::params![self.board, round], |r| r.get::<_, String>(0)).unwrap() {
            respondents += 1;
            for (row, level) in self.rows.iter().zip(self.picks(&text.unwrap())) {
                counts.get_mut(row).unwrap()[level as usize] += 1;
            }
        }
        (respondents, counts)
    }
}

/// Token -> the answers acknowledged for it.
pub type Acknowledged = HashMap<String, Vec<u64>>;

/// Submitters for a store that fails now and then: `workers` of them, each
/// answering as a new respondent every time (a token the server issued at
/// `base`), until `until`, so every acknowledgement must stay visible as a
/// respondent of its own. A submission that fails (an error status or a
/// broken connection) may or may not have been stored, so it is sent again,
/// unchanged and with the same token, until it is acknowledged: the board
/// then ends holding exactly the acknowledged answers, which this returns
/// (token -> answers) with how many attempts failed on the way.
pub async fn submit_through_failures(
    base: &str,
    board: &str,
    rows: &[String],
    workers: u64,
    until: std::time::Instant,
) -> (Acknowledged, usize) {
    let client = reqwest::Client::new();
    let url = format!("{base}/api/boards/{board}/submissions");
    let workers: Vec<JoinHandle<(Acknowledged, usize)>> = (0..workers)
        .map(|w| {
            let (client, url, base, rows) = (client.clone(), url.clone(), base.to_string(), rows.to_vec());
            tokio::spawn(async move {
                let (mut rng, mut acked, mut failed) = (Lcg(w + 7), HashMap::new(), 0);
                while std::time::Instant::now() < until {
                    let token = super::respondents(&base, 1).await.remove(0);
                    let picks: Vec<u64> = rows.iter().map(|_| rng.next(4)).collect();
                    let body = json!({ "answers": answers(&rows, |i| picks[i]), "respondent": token }).to_string();
                    for attempt in 0.. {
                        assert!(attempt < 500, "{token}: a submission was never acknowledged");
                        match client.post(&url).body(body.clone()).send().await.map(|r| r.status().as_u16()) {
                            Ok(200) => break,
                            Ok(500 | 503) | Err(_) => failed += 1,
                            Ok(status) => panic!("unexpected status {status}"),
                        }
                        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
                    }
                    acked.insert(token, picks);
                }
                (acked, failed)
            })
        })
        .collect();
    let (mut finals, mut failures) = (HashMap::new(), 0);
    for worker in workers {
        let (acked, failed) = worker.await.unwrap();
        failures += failed;
        finals.extend(acked);
    }
    (finals, failures)
}

/// Row -> count per level of the answers in `finals`, as a board's stats
/// JSON gives its counts.
pub fn counts_of(rows: &[String], finals: &Acknowledged) -> Value {
    let mut counts: HashMap<&str, Vec<u64>> = rows.iter().map(|r| (r.as_str(), vec![0; 4])).collect();
    for picks in finals.values() {
        for (row, level) in rows.iter().zip(picks) {
            counts.get_mut(row.as_str()).unwrap()[*level as usize] += 1;
        }
    }
    json!(counts)
}
