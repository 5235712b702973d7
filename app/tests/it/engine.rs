//! The engine's suite: one set of tests, run against both stores. Each test
//! is written once as a function of the [`Backend`]; `on_both_backends!`
//! turns it into `sqlite::<name>` and `postgres::<name>`.

use crate::{support, use_case_support};

use app::answers::{Answers, RawLevel};
use app::backend::engine::Engine;
use app::backend::store::{self, DatabaseOptions, DatabaseUrl};
use app::error::TallyError;
use std::collections::HashMap;
use std::time::Duration;
use support::{Backend, TestDatabase};
use use_case_support::*;

on_both_backends!(
    a_new_store_serves_an_empty_default_board,
    resubmitting_replaces_earlier_answers,
    concurrent_submissions_match_a_recount,
    a_rejected_submission_changes_nothing,
    boards_are_created_once,
    a_restart_restores_every_board,
    an_admin_closes_and_reopens_a_board,
);

async fn a_new_store_serves_an_empty_default_board(backend: Backend) {
    let db = TestDatabase::create(backend).await;
    let engine = start(&db).await;
    let stats = engine.board("default").await.unwrap().stats();
    assert_eq!((stats.version, stats.respondents), (0, 0));
    assert!(stats.counts.values().all(|c| c.iter().all(|n| *n == 0)));
    assert!(matches!(engine.board("nope").await, Err(TallyError::UnknownBoard(_))));
}

async fn resubmitting_replaces_earlier_answers(backend: Backend) {
    let db = TestDatabase::create(backend).await;
    let engine = start(&db).await;
    let rows = rows();
    let first = submit(&engine, "default", "ann-0000000000000", raw(&uniform(&rows, |_| 1))).await.unwrap();
    let again = uniform(&rows, |i| if i == 0 { 3 } else { 1 });
    let second = submit(&engine, "default", "ann-0000000000000", raw(&again)).await.unwrap();
    assert_eq!((first.version, second.version), (1, 2));
    let stats = engine.board("default").await.unwrap().stats();
    assert_eq!((stats.version, stats.respondents), (2, 1));
    assert_eq!(stats.counts[&rows[0]], [0, 0, 0, 1]);
    assert_eq!(stats.counts[&rows[1]], [0, 1, 0, 0]);
    assert_eq!(first.respondent, second.respondent, "one respondent, one stored id");
    let previous = engine.previous("default", &second.respondent).await.unwrap().unwrap();
    assert_eq!(previous.answers, again);
    assert_eq!(engine.previous("default", "bob-0000000000000").await.unwrap(), None);
}

/// 1,000 submissions at once from 300 respondents, 100 of whom race several
/// versions of their answers against each other.
async fn concurrent_submissions_match_a_recount(backend: Backend) {
    let db = TestDatabase::create(backend).await;
    let engine = start(&db).await;
    let rows = rows();
    let tasks: Vec<_> = (0..1000u64)
        .map(|k| {
            let engine = engine.clone();
            let respondent = format!("respondent-{:06}", if k < 800 { k % 100 } else { k - 700 });
            let answers = uniform(&rows, |i| ((i as u64 * 7 + k * 13) % 4) as u8);
            tokio::spawn(async move {
                let receipt = submit(&engine, "default", &respondent, raw(&answers)).await.unwrap();
                (receipt.version, respondent, answers)
            })
        })
        .collect();
    let mut finals: HashMap<String, (u64, Answers)> = HashMap::new();
    let mut versions = Vec::new();
    for task in tasks {
        let (version, respondent, answers) = task.await.unwrap();
        versions.push(version);
        let last = finals.entry(respondent).or_insert((0, Answers::new()));
        if version > last.0 {
            *last = (version, answers);
        }
    }
    versions.sort_unstable();
    assert_eq!(versions, (1..=1000).collect::<Vec<_>>(), "every submission got its own version");
    let (respondents, counts) = recount(&rows, finals.into_values().map(|(_, a)| a));
    let stats = engine.board("default").await.unwrap().stats();
    assert_eq!((stats.version, stats.respondents), (1000, respondents));
    assert_eq!(respondents, 300);
    assert_eq!(stats.counts.iter().map(|(r, c)| (r.clone(), c.clone())).collect::<HashMap<_, _>>(), counts);
    drop(engine); // one instance per SQLite file: the check opens the store anew
    let reopened = store::open(&DatabaseUrl::parse(&db.url).unwrap(), &DatabaseOptions::default()).await.unwrap();
    let verify = store::verify_all(&*reopened, |_, _| {}).await.unwrap();
    assert_eq!(verify, Vec::<String>::new());
}

async fn a_rejected_submission_changes_nothing(backend: Backend) {
    let db = TestDatabase::create(backend).await;
    let engine = start(&db).await;
    let rows = rows();
    submit(&engine, "default", "ann-0000000000000", raw(&uniform(&rows, |_| 2))).await.unwrap();
    let mut bad = raw(&uniform(&rows, |_| 0));
    bad.push(("no-such-row".into(), RawLevel::Index(1)));
    bad[0].1 = RawLevel::Index(9);
    let error = submit(&engine, "default", "ann-0000000000000", bad).await.unwrap_err();
    let TallyError::InvalidSubmission(problems) = &error else { panic!("{error:?}") };
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert_eq!(error.status(), 422);
    let stats = engine.board("default").await.unwrap().stats();
    assert_eq!((stats.version, stats.counts[&rows[0]].clone()), (1, vec![0, 0, 1, 0]));
    let error = submit(&engine, "nope", "ann-0000000000000", raw(&uniform(&rows, |_| 0))).await.unwrap_err();
    assert_eq!(error.status(), 404);
}

async fn boards_are_created_once(backend: Backend) {
    let db = TestDatabase::create(backend).await;
    let engine = start(&db).await;
    let (team, _) = create_board(&engine, "programmer", Some("team-a"), Some(" Team A ")).await.unwrap();
    assert_eq!((team.id.as_str(), team.title.as_str(), team.private), ("team-a", "Team A", false));
    let again = create_board(&engine, "programmer", Some("team-a"), None).await.unwrap_err();
    assert_eq!(again.status(), 409);
    let (private, _) = create_board(&engine, "programmer", None, None).await.unwrap();
    assert!(private.private && private.id.len() == 32, "{private:?}");
    assert_eq!(create_board(&engine, "programmer", Some("A!"), None).await.unwrap_err().status(), 400);
    assert_eq!(create_board(&engine, "nope", None, None).await.unwrap_err().status(), 400);
    let receipt = submit(&engine, &private.id, "ann-0000000000000", raw(&uniform(&rows(), |_| 0))).await.unwrap();
    assert_eq!(receipt.version, 1);
    assert_eq!(engine.board("default").await.unwrap().stats().version, 0, "boards count apart");
}

async fn a_restart_restores_every_board(backend: Backend) {
    let db = TestDatabase::create(backend).await;
    let rows = rows();
    let (before, team) = {
        let engine = start(&db).await;
        create_board(&engine, "programmer", Some("team-b"), None).await.unwrap();
        for k in 0..20u8 {
            let respondent = format!("respondent-{:06}", k % 7);
            submit(&engine, "default", &respondent, raw(&uniform(&rows, |i| (i as u8 + k) % 4))).await.unwrap();
            submit(&engine, "team-b", &respondent, raw(&uniform(&rows, |_| k % 4))).await.unwrap();
        }
        (engine.board("default").await.unwrap().stats(), engine.board("team-b").await.unwrap().stats())
    };
    // Give the old engine's tasks a moment to notice their channels closing.
    tokio::time::sleep(Duration::from_millis(50)).await;
    let engine = start(&db).await;
    assert_eq!(engine.board("default").await.unwrap().stats(), before);
    assert_eq!(engine.board("team-b").await.unwrap().stats(), team);
    assert_eq!((before.version, before.respondents), (20, 7));
}

async fn an_admin_closes_and_reopens_a_board(backend: Backend) {
    let db = TestDatabase::create(backend).await;
    let engine = start(&db).await;
    let rows = rows();
    let (board, key) = create_board(&engine, "programmer", Some("team-c"), None).await.unwrap();
    submit(&engine, &board.id, "ann-0000000000000", raw(&uniform(&rows, |_| 1))).await.unwrap();

    assert_eq!(set_closed(&engine, &board.id, "not-the-key", true).await.unwrap_err().status(), 403);
    assert_eq!(
        set_closed(&engine, "default", &key, true).await.unwrap_err().status(),
        403,
        "a key is for its own board"
    );
    let closed = set_closed(&engine, &board.id, &key, true).await.unwrap();
    assert!(closed.closed);
    assert_eq!((closed.version, closed.respondents), (2, 1), "closing is a version; figures stay");
    let refused = submit(&engine, &board.id, "bob-0000000000000", raw(&uniform(&rows, |_| 2))).await.unwrap_err();
    assert_eq!(refused.to_string(), "board 'team-c' is closed to new answers; its figures stay visible");

    let reopened = set_closed(&engine, &board.id, &key, false).await.unwrap();
    assert_eq!((reopened.closed, reopened.version), (false, 3));
    assert_eq!(submit(&engine, &board.id, "bob-0000000000000", raw(&uniform(&rows, |_| 2))).await.unwrap().version, 4);

    // The state is durable.
    set_closed(&engine, &board.id, &key, true).await.unwrap();
    drop(engine); // one instance per SQLite file
    let again = start(&db).await;
    assert!(again.board(&board.id).await.unwrap().stats().closed);
}

// What only a shared store can do.

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn instances_starting_at_once_migrate_once() {
    let db = TestDatabase::create(Backend::Postgres).await;
    let url = DatabaseUrl::parse(&db.url).unwrap();
    let starts: Vec<_> = (0..4)
        .map(|_| {
            let url = url.clone();
            tokio::spawn(async move {
                Engine::start(
                    store::open(&url, &DatabaseOptions::default()).await?,
                    catalog(),
                    "programmer",
                    Default::default(),
                )
                .await
            })
        })
        .collect();
    for start in starts {
        start.await.unwrap().expect("every instance starts");
    }
    let versions = db.execute("SELECT COUNT(*), COUNT(DISTINCT version), MAX(version)::bigint FROM tally_schema").await;
    let (rows, distinct, last): (i64, i64, i64) = (versions[0].get(0), versions[0].get(1), versions[0].get(2));
    assert!(
        last >= 1 && rows == distinct && rows == last,
        "each migration applied once: {rows} rows, {distinct} distinct, up to {last}"
    );
    let boards = db.execute("SELECT id FROM boards").await;
    assert_eq!(boards.len(), 1, "one default board");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_instance_follows_another_instances_commits() {
    let db = TestDatabase::create(Backend::Postgres).await;
    let (a, b) = (start(&db).await, start(&db).await);
    let rows = rows();
    let (created, key) = create_board(&a, "programmer", Some("shared"), None).await.unwrap();
    // B has never heard of the board: it reads it from the store.
    assert_eq!(b.board("shared").await.unwrap().info, created);
    for k in 0..40u64 {
        let (engine, respondent) = if k % 2 == 0 { (&a, "ann-0000000000000") } else { (&b, "bob-0000000000000") };
        submit(engine, "shared", respondent, raw(&uniform(&rows, |_| (k % 4) as u8))).await.unwrap();
    }
    // Each instance saw half the commits itself and hears of the others.
    let mut seen = Vec::new();
    for engine in [&a, &b] {
        let mut live = engine.board("shared").await.unwrap().subscribe();
        let stats =
            tokio::time::timeout(Duration::from_secs(5), live.wait_for(|s| s.version == 40)).await.unwrap().unwrap();
        seen.push((*stats).clone());
    }
    assert_eq!(seen[0], seen[1], "both instances show the same figures");
    assert_eq!(seen[0].respondents, 2);
    assert_eq!(seen[0].counts[&rows[0]], [0, 0, 1, 1], "ann's last answer was level 2, bob's level 3");

    // Closing on A reaches B like a commit: B refuses submissions too.
    set_closed(&a, "shared", &key, true).await.unwrap();
    let mut live = b.board("shared").await.unwrap().subscribe();
    tokio::time::timeout(Duration::from_secs(5), live.wait_for(|s| s.closed)).await.unwrap().unwrap();
    let refused = submit(&b, "shared", "cat-0000000000000", raw(&uniform(&rows, |_| 0))).await.unwrap_err();
    assert_eq!(refused.status(), 409);
}

/// The moment A's close is acknowledged, B refuses too, before it has heard
/// of the close: the commit checks `closed` under the board's row lock.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_close_is_never_raced_by_another_instance() {
    let db = TestDatabase::create(Backend::Postgres).await;
    let (a, b) = (start(&db).await, start(&db).await);
    let rows = rows();
    let (_, key) = create_board(&a, "programmer", Some("raced"), None).await.unwrap();
    submit(&b, "raced", "ann-0000000000000", raw(&uniform(&rows, |_| 1))).await.unwrap();
    set_closed(&a, "raced", &key, true).await.unwrap();
    let racers: Vec<_> = (0..10)
        .map(|k| {
            let (b, answers) = (b.clone(), raw(&uniform(&rows, |_| 2)));
            tokio::spawn(async move { submit(&b, "raced", &format!("racer-{k:012}"), answers).await })
        })
        .collect();
    for racer in racers {
        let refused = racer.await.unwrap().unwrap_err();
        assert_eq!(refused.to_string(), "board 'raced' is closed to new answers; its figures stay visible");
    }
    let stored = db.execute("SELECT version, respondents FROM boards WHERE id = 'raced'").await;
    let (version, respondents): (i64, i64) = (stored[0].get(0), stored[0].get(1));
    assert_eq!((version, respondents), (2, 1), "one submission and the close; no racer got in");
}
