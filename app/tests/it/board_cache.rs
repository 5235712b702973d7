//! Boards on demand, on both stores: a board evicted from memory and read
//! again is the same board, and evictions racing submissions (on this
//! instance or, on PostgreSQL, on another) neither lose nor double-count an
//! answer, nor leave a stale copy in memory.

use crate::{support, use_case_support};

use app::answers::Answers;
use app::backend::engine::Engine;
use app::backend::store::{self, DatabaseOptions, DatabaseUrl};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use support::{Backend, TestDatabase};
use use_case_support::*;

on_both_backends!(an_evicted_board_loads_again_as_it_was, submissions_racing_evictions_are_counted_once);

async fn an_evicted_board_loads_again_as_it_was(backend: Backend) {
    let db = TestDatabase::create(backend).await;
    let engine = start(&db).await;
    let rows = rows();
    let (board, _) = create_board(&engine, "programmer", Some("kept"), None).await.unwrap();
    for k in 0..5u8 {
        submit(&engine, &board.id, &format!("respondent-{k:06}"), raw(&uniform(&rows, |i| (i as u8 + k) % 4)))
            .await
            .unwrap();
    }
    let before = engine.board(&board.id).await.unwrap().stats();
    let held = engine.board(&board.id).await.unwrap();
    assert_eq!(engine.evict(0), 1, "only the default board goes while this one is held");
    drop(held);
    // On PostgreSQL the follower may hold it a moment, reloading after its own commit's notice.
    let deadline = Instant::now() + Duration::from_secs(3);
    while engine.evict(0) == 0 {
        assert!(Instant::now() < deadline, "the board is evicted once nobody holds it");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert_eq!(engine.evict(0), 0, "nothing is left to evict");
    let again = engine.board(&board.id).await.unwrap().stats();
    assert_eq!(again, before, "same version, round and figures");
    assert_eq!((again.version, again.respondents), (5, 5));
    let receipt = submit(&engine, &board.id, "respondent-000009", raw(&uniform(&rows, |_| 1))).await.unwrap();
    assert_eq!(receipt.version, 6, "versions go on from the stored one");
}

/// 300 submissions from 40 respondents, by three clients one after
/// another each, pausing in between (a board someone is submitting to is
/// held, so it is evicted in the gaps), while another task evicts and reloads the board
/// as fast as it can.
async fn submissions_racing_evictions_are_counted_once(backend: Backend) {
    let db = TestDatabase::create(backend).await;
    let engine = start(&db).await;
    let rows = rows();
    let (board, _) = create_board(&engine, "programmer", Some("churn"), None).await.unwrap();
    let churning = Arc::new(AtomicBool::new(true));
    let churn = tokio::spawn(churn(engine.clone(), board.id.clone(), churning.clone()));
    let clients: Vec<_> = (0..3u64)
        .map(|client| {
            let (engine, board, rows) = (engine.clone(), board.id.clone(), rows.clone());
            tokio::spawn(async move {
                let mut sent = Vec::new();
                for k in (0..300u64).filter(|k| k % 3 == client) {
                    let respondent = format!("respondent-{:06}", k % 40);
                    let answers = uniform(&rows, |i| ((i as u64 * 5 + k * 11) % 4) as u8);
                    let receipt = submit(&engine, &board, &respondent, raw(&answers)).await.unwrap();
                    sent.push((receipt.version, respondent, answers));
                    // A pause, as people take: the gaps where the board is evicted.
                    tokio::time::sleep(Duration::from_millis(5 + 2 * client)).await;
                }
                sent
            })
        })
        .collect();
    let mut finals: HashMap<String, (u64, Answers)> = HashMap::new();
    for client in clients {
        for (version, respondent, answers) in client.await.unwrap() {
            let last = finals.entry(respondent).or_insert((0, Answers::new()));
            if version > last.0 {
                *last = (version, answers);
            }
        }
    }
    churning.store(false, Ordering::Relaxed);
    let reloads = churn.await.unwrap();
    assert!(reloads > 10, "the board was evicted and read again while answers came in ({reloads} times)");
    let (respondents, counts) = recount(&rows, finals.into_values().map(|(_, a)| a));
    let held = engine.board(&board.id).await.unwrap().stats();
    assert_eq!((held.version, held.respondents), (300, respondents), "the copy in memory is the latest");
    assert_eq!(held.counts.iter().map(|(r, c)| (r.clone(), c.clone())).collect::<HashMap<_, _>>(), counts);
    drop(engine); // one instance per SQLite file: the check opens the store anew
    tokio::time::sleep(Duration::from_millis(50)).await;
    let store = store::open(&DatabaseUrl::parse(&db.url).unwrap(), &DatabaseOptions::default()).await.unwrap();
    assert_eq!(store::verify_all(&*store, |_, _| {}).await.unwrap(), Vec::<String>::new());
}

/// Evicts everything and reads `board` again, over and over, until told to
/// stop; returns how many times the board was read anew.
async fn churn(engine: Engine, board: String, churning: Arc<AtomicBool>) -> usize {
    let mut reloads = 0;
    while churning.load(Ordering::Relaxed) {
        reloads += engine.evict(0);
        let _ = engine.board(&board).await.unwrap();
        tokio::task::yield_now().await;
    }
    reloads
}

/// On PostgreSQL, instance B keeps evicting and reading a board while
/// instance A commits to it. Each time, B's copy must reach A's version
/// without waiting for the periodic check of every held board (30 s): a
/// read that started before A's commit must not leave B behind.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_a_board_read_while_another_instance_commits_is_not_left_behind() {
    let db = TestDatabase::create(Backend::Postgres).await;
    let (a, b) = (start(&db).await, start(&db).await);
    let rows = rows();
    let (board, _) = create_board(&a, "programmer", Some("shared"), None).await.unwrap();
    for k in 0..60u64 {
        let churning = Arc::new(AtomicBool::new(true));
        let churn = tokio::spawn(churn(b.clone(), board.id.clone(), churning.clone()));
        let respondent = format!("respondent-{:06}", k % 7);
        let receipt =
            submit(&a, &board.id, &respondent, raw(&uniform(&rows, |i| ((i as u64 + k) % 4) as u8))).await.unwrap();
        churning.store(false, Ordering::Relaxed);
        churn.await.unwrap();
        let deadline = Instant::now() + Duration::from_secs(3);
        while b.board(&board.id).await.unwrap().stats().version < receipt.version {
            assert!(Instant::now() < deadline, "B stayed behind version {} after A's commit", receipt.version);
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
    }
}
