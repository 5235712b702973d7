//! Crash safety: the server is SIGKILLed in the middle of a load and
//! restarted on the same SQLite file, or its PostgreSQL connections are
//! killed under load while a balancer polls `/readyz`. Every submission it
//! acknowledged must be there exactly once, and the aggregates must equal a
//! recount.

use crate::common;

use common::submitters::{self, StoredFile};
use common::{get_json, row_ids, send, Backend, TestDatabase, TestServer};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn acknowledged_submissions_survive_sigkill() {
    let server = TestServer::start();
    let rows = row_ids(&server.matrix().await);
    let acked_total = Arc::new(AtomicUsize::new(0));
    let workers = submitters::start(&server.url("/api/boards/default/submissions"), &rows, 24, acked_total.clone());

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

    // The restarted server checks a board against a recount when it first
    // loads it (the stats request below), and refuses the board if they differ.
    let server = TestServer::start_in(dir.clone(), &[]);
    let stored = StoredFile::open(&dir, "default", &rows);
    stored.assert_holds(&outcomes);

    // The API's figures equal a recount of the stored submissions.
    let respondents = stored.assert_figures(&server.stats("default").await);
    assert!(respondents as usize >= acked, "{respondents} stored < {acked} acknowledged respondents");
}

/// The admin starts the next round while submissions pour in, and the server
/// is SIGKILLed soon after. On restart every acknowledged submission is in
/// the round its receipt named, round 1 stays frozen, and each round's
/// figures equal a recount of its stored answers.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_round_switch_under_load_survives_sigkill() {
    let server = TestServer::start();
    let rows = row_ids(&server.matrix().await);
    let created = server.create_board(serde_json::json!({ "matrix": "programmer", "slug": "crash" })).await;
    let key = created["admin_key"].as_str().unwrap().to_string();
    let acked_total = Arc::new(AtomicUsize::new(0));
    let workers = submitters::start(&server.url("/api/boards/crash/submissions"), &rows, 24, acked_total.clone());
    let until = |count: usize| {
        let acked_total = acked_total.clone();
        async move {
            let deadline = Instant::now() + Duration::from_secs(60);
            while acked_total.load(Ordering::Relaxed) < count && Instant::now() < deadline {
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
            assert!(acked_total.load(Ordering::Relaxed) >= count, "{count} submissions were acknowledged in time");
        }
    };
    until(600).await;
    let body = r#"{"label": "after the crash"}"#.to_string();
    let (status, round) = send(&server, reqwest::Method::POST, "/api/boards/crash/rounds", Some(&key), body).await;
    assert_eq!((status, round["round"].as_u64()), (201, Some(2)));
    let switched_at = acked_total.load(Ordering::Relaxed);
    until(switched_at + 600).await;
    let dir = server.kill();
    let mut outcomes = Vec::new();
    for worker in workers {
        outcomes.push(worker.await.unwrap());
    }
    let rounds: Vec<u64> = outcomes.iter().flat_map(|o| o.acked.keys().map(|(_, round)| *round)).collect();
    assert!(rounds.contains(&1) && rounds.contains(&2), "receipts named both rounds");

    let server = TestServer::start_in(dir.clone(), &[]);
    let stored = StoredFile::open(&dir, "crash", &rows);
    stored.assert_holds(&outcomes);
    let (_, listed) = get_json(&server, "/api/boards/crash/rounds").await;
    assert_eq!(listed.as_array().map(Vec::len), Some(2));
    assert!(listed[0]["ended_at"].is_i64() && listed[1]["ended_at"].is_null(), "round 1 frozen, round 2 open");
    for round in [1, 2] {
        let (status, figures) = get_json(&server, &format!("/api/boards/crash/stats?round={round}")).await;
        assert_eq!(status, 200);
        let respondents = stored.assert_figures(&figures);
        assert_eq!(listed[round - 1]["respondents"], respondents, "round {round}'s listed respondents");
    }
}

/// 16 submitters answer as new respondents for 20 s while three pollers
/// ask `/readyz`, as a load balancer does; on PostgreSQL every backend of
/// the test's database (the writer's included) is killed every 400 ms. The
/// board must end holding exactly the acknowledged answers, each of them.
/// (The readiness probe once ran on the writer's connection, and its
/// ROLLBACK inside a batch lost acknowledged submissions.)
async fn acknowledged_writes_hold_while_readiness_is_polled(backend: Backend) {
    let db = TestDatabase::create(backend).await;
    let server = TestServer::start_with(&[("DATABASE_URL", db.url.as_str())]);
    let rows = row_ids(&server.matrix().await);
    let until = Instant::now() + Duration::from_secs(20);
    let pollers: Vec<_> = (0..3)
        .map(|_| {
            let url = server.url("/readyz");
            tokio::spawn(async move {
                let (client, mut polls) = (reqwest::Client::new(), 0);
                while Instant::now() < until {
                    polls += client.get(&url).send().await.is_ok() as usize;
                }
                polls
            })
        })
        .collect();
    let killer = (backend == Backend::Postgres).then(|| {
        let name = db.url.rsplit('/').next().unwrap().to_string();
        tokio::spawn(async move {
            let (admin, mut kills) = (TestDatabase::admin().await, 0);
            let kill = format!(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity \
                 WHERE datname = '{name}' AND pid <> pg_backend_pid()"
            );
            while Instant::now() < until {
                tokio::time::sleep(Duration::from_millis(400)).await;
                kills += admin.query_one(&kill, &[]).await.unwrap().get::<_, i64>(0);
            }
            kills
        })
    });
    let (finals, failures) = submitters::submit_through_failures(&server.base, "default", &rows, 16, until).await;
    for poller in pollers {
        assert!(poller.await.unwrap() > 0, "readiness was polled");
    }
    if let Some(killer) = killer {
        assert!(killer.await.unwrap() >= 20, "backends were killed");
        assert!(failures > 0, "the kills failed some submissions, so the check below means something");
    }
    let stats = server.stats("default").await;
    eprintln!("{backend:?}: {} acknowledged, {failures} failed attempts", finals.len());
    assert_eq!(stats["respondents"], finals.len(), "every acknowledged respondent is stored");
    assert_eq!(stats["counts"], submitters::counts_of(&rows, &finals), "the acknowledged answers, exactly");
    let (status, _) = get_json(&server, "/readyz").await;
    assert_eq!(status, 200, "ready once the kills stop");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn acknowledged_writes_hold_on_sqlite_while_readiness_is_polled() {
    acknowledged_writes_hold_while_readiness_is_polled(Backend::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn acknowledged_writes_hold_on_postgres_while_backends_die_and_readiness_is_polled() {
    acknowledged_writes_hold_while_readiness_is_polled(Backend::Postgres).await;
}
