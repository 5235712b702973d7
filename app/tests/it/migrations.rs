//! Databases written by earlier releases open on this version with their
//! figures unchanged: one from before rounds (schema 5, with answers), where
//! everything becomes round 1, and one from before counts were kept per
//! group and role (schema 15), whose slices are counted from its answers.
//! The recount agrees afterwards, and respondents go on.

use crate::{support, use_case_support};

use app::answers::Answers;
use app::backend::store::{self, DatabaseOptions, DatabaseUrl};
use app::backend::use_cases::Caller;
use app::gaps::GapFigures;
use std::collections::HashMap;
use support::{Backend, TestDatabase};
use use_case_support::*;

on_both_backends!(
    a_board_from_before_rounds_keeps_its_figures_in_round_1,
    a_board_from_before_counts_by_slice_reads_each_slice_from_its_answers
);

/// The schema as migration `upto` left it, one migration file after another.
fn schema(backend: Backend, upto: usize) -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations").join(match backend {
        Backend::Sqlite => "sqlite",
        Backend::Postgres => "postgres",
    });
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    files.iter().take(upto).map(|f| std::fs::read_to_string(f).unwrap() + "\n").collect()
}

/// Writes schema 5 and a board with `answers` into the database, as that
/// release stored them: no round anywhere, counts keyed by board and row.
async fn write_old_database(db: &TestDatabase, backend: Backend, answers: &[(String, Answers)]) {
    let (respondents, counts) = recount(&rows(), answers.iter().map(|(_, a)| a.clone()));
    let mut sql = schema(backend, 5);
    sql += &format!(
        "INSERT INTO boards (id, matrix_id, title, private, created_at, version, respondents)
         VALUES ('old', 'programmer', 'From before rounds', false, 1700000000, {}, {respondents});\n",
        answers.len() + 1
    );
    for (respondent, given) in answers {
        let json = serde_json::to_string(given).unwrap();
        sql += &format!("INSERT INTO submissions VALUES ('old', '{respondent}', '{json}', 1700000100);\n");
    }
    for (row, levels) in &counts {
        for (level, n) in levels.iter().enumerate().filter(|(_, n)| **n > 0) {
            sql += &format!("INSERT INTO counts VALUES ('old', '{row}', {level}, {n});\n");
        }
    }
    write_at(db, backend, sql, 5).await;
}

/// Runs `sql` (a schema and its rows) and records it as schema `version`.
async fn write_at(db: &TestDatabase, backend: Backend, sql: String, version: usize) {
    let record = match backend {
        Backend::Sqlite => format!("PRAGMA user_version = {version};"),
        Backend::Postgres => {
            let versions: Vec<String> = (1..=version).map(|v| format!("({v})")).collect();
            format!(
                "CREATE TABLE tally_schema (version INTEGER NOT NULL); INSERT INTO tally_schema VALUES {};",
                versions.join(", ")
            )
        }
    };
    execute(db, backend, &(sql + &record)).await;
}

/// Runs `sql` on the database directly, as an older release or a tamperer would.
async fn execute(db: &TestDatabase, backend: Backend, sql: &str) {
    match backend {
        Backend::Sqlite => {
            let conn = rusqlite::Connection::open(db.url.trim_start_matches("sqlite://")).unwrap();
            conn.execute_batch(sql).unwrap();
        }
        Backend::Postgres => db.execute_batch(sql).await,
    }
}

async fn a_board_from_before_rounds_keeps_its_figures_in_round_1(backend: Backend) {
    let db = TestDatabase::create(backend).await;
    let rows = rows();
    let ids = |name: &str| {
        let respondents = respondent_ids();
        respondents.on_board(&respondents.verify(&token(name)).unwrap(), "old")
    };
    let answers = vec![
        (ids("ann"), uniform(&rows, |i| (i % 4) as u8)),
        (ids("bob"), uniform(&rows, |_| 2)),
        (ids("cat"), uniform(&rows, |i| (3 - i % 4) as u8)),
    ];
    write_old_database(&db, backend, &answers).await;
    let (respondents, counts) = recount(&rows, answers.iter().map(|(_, a)| a.clone()));

    let engine = start(&db).await;
    let stats = engine.board("old").await.unwrap().stats();
    assert_eq!((stats.round, stats.respondents, stats.version), (1, respondents, 4));
    assert_eq!(stats.reveal, Default::default(), "a board from before blind answering shows its figures live");
    assert_eq!(
        stats.counts.clone().into_iter().collect::<HashMap<_, _>>(),
        counts,
        "the figures are those stored before the upgrade"
    );
    let rounds = tally(&engine).rounds(&Caller::default(), "old").await.unwrap();
    assert_eq!(rounds.len(), 1);
    assert_eq!((rounds[0].round, rounds[0].label.as_str(), rounds[0].respondents), (1, "Round 1", 3));
    assert_eq!(rounds[0].started_at, 1_700_000_000, "round 1 began when the board was made");

    // Ann's answers are hers, in the open round; her resubmission replaces them.
    let ann = Caller { respondent: Some(token("ann")), ..Caller::default() };
    let mine = tally(&engine).my_rounds(&ann, "old").await.unwrap();
    assert_eq!((mine.len(), &mine[0].answers), (1, &answers[0].1));
    let receipt = submit(&engine, "old", "ann", raw(&uniform(&rows, |_| 0))).await.unwrap();
    assert_eq!(receipt.round, 1);
    let after = engine.board("old").await.unwrap().stats();
    let (_, expected) = recount(&rows, [uniform(&rows, |_| 0), answers[1].1.clone(), answers[2].1.clone()]);
    assert_eq!((after.respondents, after.counts.clone().into_iter().collect::<HashMap<_, _>>()), (3, expected));
    drop(engine);
    let store = store::open(&DatabaseUrl::parse(&db.url).unwrap(), &DatabaseOptions::default()).await.unwrap();
    assert_eq!(
        store::verify_all(&*store, |_, _| {}).await.unwrap(),
        Vec::<String>::new(),
        "the stored counts equal a recount"
    );
}

async fn a_board_from_before_counts_by_slice_reads_each_slice_from_its_answers(backend: Backend) {
    let db = TestDatabase::create(backend).await;
    let rows = rows();
    // (respondent, group, role, answers); the counts of schema 15 were per row only.
    let people = [
        ("ann", Some("red"), Some("engineer"), uniform(&rows, |i| (i % 4) as u8)),
        ("bob", Some("red"), None, uniform(&rows, |_| 2)),
        ("cat", Some("blue"), Some("engineer"), uniform(&rows, |_| 3)),
        ("dan", None, Some("engineer"), uniform(&rows, |_| 1)),
    ];
    let mut sql = schema(backend, 15);
    sql +=
        "INSERT INTO boards (id, matrix_id, title, private, created_at, version, respondents, groups, min_group_size)
            VALUES ('teams', 'programmer', 'Teams', false, 1700000000, 5, 4, '[\"red\",\"blue\"]', 1);
            INSERT INTO rounds (board_id, round, label, started_at) VALUES ('teams', 1, 'Round 1', 1700000000);\n";
    let quoted = |name: Option<&str>| name.map_or("NULL".to_string(), |n| format!("'{n}'"));
    for (who, group, role, answers) in &people {
        sql += &format!(
            "INSERT INTO submissions (board_id, round, respondent, answers, submitted_at, group_name, role)
             VALUES ('teams', 1, '{who}', '{}', 1700000100, {}, {});\n",
            serde_json::to_string(answers).unwrap(),
            quoted(*group),
            quoted(*role)
        );
    }
    let (_, counts) = recount(&rows, people.iter().map(|p| p.3.clone()));
    for (row, levels) in &counts {
        for (level, n) in levels.iter().enumerate().filter(|(_, n)| **n > 0) {
            sql += &format!(
                "INSERT INTO counts (board_id, round, row_id, level, n) VALUES ('teams', 1, '{row}', {level}, {n});\n"
            );
        }
    }
    write_at(&db, backend, sql, 15).await;

    let engine = start(&db).await;
    let board = engine.board("teams").await.unwrap();
    assert_eq!(board.stats().counts.clone().into_iter().collect::<HashMap<_, _>>(), counts, "the board's figures");
    let red = engine.group_stats(&board, 1, "red").await.unwrap().expect("shown at a threshold of 1");
    let (_, red_counts) = recount(&rows, [people[0].3.clone(), people[1].3.clone()]);
    assert_eq!((red.respondents, red.counts.into_iter().collect::<HashMap<_, _>>()), (2, red_counts));
    let matrix = board.matrix();
    let engineer = matrix.roles.iter().find(|r| r.id == "engineer").unwrap();
    let gaps = engine.gap_figures(&board, 1, engineer, None).await.unwrap().expect("shown at a threshold of 1");
    let (_, expected) = recount(&rows, [people[0].3.clone(), people[2].3.clone(), people[3].3.clone()]);
    let cells: Vec<(String, u8, u64)> = expected
        .into_iter()
        .flat_map(|(row, levels)| levels.into_iter().enumerate().map(move |(l, n)| (row.clone(), l as u8, n)))
        .collect();
    assert_eq!(gaps, GapFigures::count(&matrix, engineer, 3, &cells), "the engineers' gaps");
    drop(engine);
    let store = store::open(&DatabaseUrl::parse(&db.url).unwrap(), &DatabaseOptions::default()).await.unwrap();
    assert_eq!(store::verify_all(&*store, |_, _| {}).await.unwrap(), Vec::<String>::new(), "the recount agrees");
    drop(store);

    // The recount checks each slice's respondents too.
    let tamper = "UPDATE slice_respondents SET n = n + 1 WHERE board_id = 'teams' AND group_name = 'red' AND role = ''";
    execute(&db, backend, tamper).await;
    let store = store::open(&DatabaseUrl::parse(&db.url).unwrap(), &DatabaseOptions::default()).await.unwrap();
    let found = store::verify_all(&*store, |_, _| {}).await.unwrap();
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("respondents of a slice") && found[0].contains("group 'red', role ''"), "{found:?}");
}

/// Derives respondent ids as the tests' servers do, before any engine runs.
fn respondent_ids() -> app::backend::respondent::Respondents {
    app::backend::respondent::Respondents::new(app::backend::signer::Signer::new(SECRET), false)
}
