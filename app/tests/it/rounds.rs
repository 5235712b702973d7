//! Rounds on both stores: the admin freezes the open round and opens the
//! next; answers racing the switch each count in exactly the round their
//! receipt names; a returning respondent starts from their last answers.

use crate::{support, use_case_support};

use app::answers::Answers;
use app::backend::engine::Engine;
use app::backend::store::{self, DatabaseOptions, DatabaseUrl};
use app::backend::use_cases::Caller;
use app::error::TallyError;
use app::rounds::RoundInfo;
use std::collections::HashMap;
use std::time::{Duration, Instant};
use support::{Backend, TestDatabase};
use use_case_support::*;

on_both_backends!(
    a_new_round_freezes_the_last_and_starts_empty,
    answers_racing_a_new_round_count_where_their_receipt_says,
    withdrawn_answers_leave_every_round_they_were_in,
);

async fn start_round(engine: &Engine, board: &str, key: &str, label: Option<&str>) -> Result<RoundInfo, TallyError> {
    let admin = Caller { admin_key: Some(key.into()), ..Caller::default() };
    tally(engine).start_round(&admin, board, label.map(Into::into)).await
}

async fn verify(db: &TestDatabase) -> Vec<String> {
    let store = store::open(&DatabaseUrl::parse(&db.url).unwrap(), &DatabaseOptions::default()).await.unwrap();
    store::verify_all(&*store, |_, _| {}).await.unwrap()
}

async fn a_new_round_freezes_the_last_and_starts_empty(backend: Backend) {
    let db = TestDatabase::create(backend).await;
    let engine = start(&db).await;
    let rows = rows();
    let (board, key) = create_board(&engine, "programmer", Some("quarterly"), None).await.unwrap();
    let ann_first = uniform(&rows, |_| 1);
    submit(&engine, &board.id, "ann", raw(&ann_first)).await.unwrap();
    submit(&engine, &board.id, "bob", raw(&uniform(&rows, |_| 3))).await.unwrap();
    let before = engine.board(&board.id).await.unwrap().stats();

    assert_eq!(start_round(&engine, &board.id, "wrong", None).await.unwrap_err().status(), 403);
    let long = "x".repeat(81);
    assert_eq!(start_round(&engine, &board.id, &key, Some(&long)).await.unwrap_err().status(), 400);
    let second = start_round(&engine, &board.id, &key, Some("  2026 Q4 ")).await.unwrap();
    assert_eq!((second.round, second.label.as_str(), second.respondents), (2, "2026 Q4", 0));
    let open = engine.board(&board.id).await.unwrap().stats();
    assert_eq!((open.round, open.version, open.respondents), (2, before.version + 1, 0));
    assert!(open.counts.values().flatten().all(|n| *n == 0), "the new round starts empty");

    // Bob has not answered round 2: his round-1 answers come back, marked.
    let tally = tally(&engine);
    let bob = tally.respondents.on_board(&tally.respondents.verify(&token("bob")).unwrap(), &board.id);
    let carried = engine.previous(&board.id, &bob).await.unwrap().unwrap();
    assert_eq!((carried.answers, carried.from_round.as_deref()), (uniform(&rows, |_| 3), Some("Round 1")));

    let receipt = submit(&engine, &board.id, "ann", raw(&uniform(&rows, |_| 2))).await.unwrap();
    assert_eq!((receipt.round, receipt.version), (2, before.version + 2));
    let ann = tally.respondents.on_board(&tally.respondents.verify(&token("ann")).unwrap(), &board.id);
    assert_eq!(engine.previous(&board.id, &ann).await.unwrap().unwrap().from_round, None);

    let frozen = tally.stats(&Caller::default(), &board.id, Some(1)).await.unwrap();
    assert_eq!((frozen.round, frozen.respondents, &frozen.counts), (1, 2, &before.counts), "round 1 is kept as it was");
    assert_eq!(tally.stats(&Caller::default(), &board.id, Some(3)).await.unwrap_err().status(), 404);
    let rounds = tally.rounds(&Caller::default(), &board.id).await.unwrap();
    let listed: Vec<_> =
        rounds.iter().map(|r| (r.round, r.label.as_str(), r.respondents, r.ended_at.is_some())).collect();
    assert_eq!(listed, [(1, "Round 1", 2, true), (2, "2026 Q4", 1, false)]);

    drop((tally, engine)); // one instance per SQLite file
    assert_eq!(verify(&db).await, Vec::<String>::new());
    let again = start(&db).await;
    let restored = again.board(&board.id).await.unwrap().stats();
    assert_eq!((restored.round, restored.respondents, restored.version), (2, 1, before.version + 2));
}

async fn answers_racing_a_new_round_count_where_their_receipt_says(backend: Backend) {
    let db = TestDatabase::create(backend).await;
    let engine = start(&db).await;
    let rows = rows();
    let (board, key) = create_board(&engine, "programmer", Some("racing"), None).await.unwrap();
    // Phases: 0, the first 400 go; 1, the switch is asked for and the next
    // 400 race it; 2, the new round is open and the last 200 go. Both sides
    // of the switch get answers whatever the machine's speed, and the
    // racing ones are the point: each must count where its receipt says.
    let (phase, phases) = tokio::sync::watch::channel(0u8);
    let acknowledged = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let tasks: Vec<_> = (0..1000u64)
        .map(|k| {
            let (engine, board) = (engine.clone(), board.id.clone());
            let (mut phases, acknowledged) = (phases.clone(), acknowledged.clone());
            let respondent = format!("respondent-{:03}", k % 300);
            let answers = uniform(&rows, |i| ((i as u64 * 5 + k * 11) % 4) as u8);
            let waits_for = match k {
                0..400 => 0,
                400..800 => 1,
                _ => 2,
            };
            tokio::spawn(async move {
                phases.wait_for(|now| *now >= waits_for).await.unwrap();
                let receipt = submit(&engine, &board, &respondent, raw(&answers)).await.unwrap();
                acknowledged.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                (receipt, respondent, answers)
            })
        })
        .collect();
    while acknowledged.load(std::sync::atomic::Ordering::Relaxed) < 200 {
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
    phase.send_replace(1);
    start_round(&engine, &board.id, &key, None).await.unwrap();
    phase.send_replace(2);

    // Per round, each respondent's last answers by version.
    let mut finals: HashMap<u32, HashMap<String, (u64, Answers)>> = HashMap::new();
    for task in tasks {
        let (receipt, respondent, answers) = task.await.unwrap();
        let last = finals.entry(receipt.round).or_default().entry(respondent).or_insert((0, Answers::new()));
        if receipt.version > last.0 {
            *last = (receipt.version, answers);
        }
    }
    let mut rounds: Vec<_> = finals.keys().copied().collect();
    rounds.sort_unstable();
    assert_eq!(rounds, [1, 2], "answers landed on both sides of the switch");
    for (round, people) in finals {
        let (respondents, counts) = recount(&rows, people.into_values().map(|(_, a)| a));
        let stats = tally(&engine).stats(&Caller::default(), &board.id, Some(round)).await.unwrap();
        assert_eq!(stats.respondents, respondents, "round {round}");
        assert_eq!(stats.counts.clone().into_iter().collect::<HashMap<_, _>>(), counts, "round {round}");
    }
    drop(engine);
    assert_eq!(verify(&db).await, Vec::<String>::new());
}

async fn withdrawn_answers_leave_every_round_they_were_in(backend: Backend) {
    let db = TestDatabase::create(backend).await;
    let engine = start(&db).await;
    let rows = rows();
    let (board, key) = create_board(&engine, "programmer", Some("withdrawn"), None).await.unwrap();
    submit(&engine, &board.id, "ann", raw(&uniform(&rows, |_| 0))).await.unwrap();
    submit(&engine, &board.id, "bob", raw(&uniform(&rows, |_| 3))).await.unwrap();
    start_round(&engine, &board.id, &key, None).await.unwrap();
    submit(&engine, &board.id, "ann", raw(&uniform(&rows, |_| 1))).await.unwrap();
    let tally = tally(&engine);
    let as_ann = Caller { respondent: Some(token("ann")), ..Caller::default() };

    assert_eq!(tally.withdraw(&as_ann, &board.id, false).await.unwrap(), 1, "the open round only");
    let open = tally.stats(&Caller::default(), &board.id, None).await.unwrap();
    assert_eq!((open.round, open.respondents), (2, 0));
    assert!(open.counts.values().flatten().all(|n| *n == 0));
    assert_eq!(tally.stats(&Caller::default(), &board.id, Some(1)).await.unwrap().respondents, 2, "round 1 untouched");

    assert_eq!(tally.withdraw(&as_ann, &board.id, true).await.unwrap(), 1, "round 1 was left");
    let frozen = tally.stats(&Caller::default(), &board.id, Some(1)).await.unwrap();
    let (respondents, counts) = recount(&rows, [uniform(&rows, |_| 3)]);
    assert_eq!(
        (frozen.respondents, frozen.counts.clone().into_iter().collect::<HashMap<_, _>>()),
        (respondents, counts)
    );
    assert_eq!(tally.withdraw(&as_ann, &board.id, true).await.unwrap(), 0, "nothing left to withdraw");
    let ann = tally.respondents.on_board(&tally.respondents.verify(&token("ann")).unwrap(), &board.id);
    assert_eq!(engine.previous(&board.id, &ann).await.unwrap(), None, "nothing of ann's is stored");
    let nobody = Caller::default();
    assert_eq!(tally.withdraw(&nobody, &board.id, true).await.unwrap_err().status(), 400);
    drop((tally, engine));
    assert_eq!(verify(&db).await, Vec::<String>::new());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_round_started_on_one_instance_is_seen_on_another() {
    let db = TestDatabase::create(Backend::Postgres).await;
    let (a, b) = (start(&db).await, start(&db).await);
    let (board, key) = create_board(&a, "programmer", Some("shared-rounds"), None).await.unwrap();
    let on_b = b.board(&board.id).await.unwrap();
    start_round(&a, &board.id, &key, Some("next")).await.unwrap();
    let started = Instant::now();
    while on_b.stats().round != 2 {
        assert!(started.elapsed() < Duration::from_secs(10), "B hears of A's new round");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let receipt = submit(&b, &board.id, "cy", raw(&uniform(&rows(), |_| 0))).await.unwrap();
    assert_eq!(receipt.round, 2);
}
