//! A database written before rounds existed (schema 5, with answers) opens
//! on this version with its figures unchanged: everything becomes round 1,
//! the recount agrees, and respondents find their answers and go on.

use crate::{support, use_case_support};

use app::answers::Answers;
use app::backend::store::{self, DatabaseOptions, DatabaseUrl};
use app::backend::use_cases::Caller;
use std::collections::HashMap;
use support::{Backend, TestDatabase};
use use_case_support::*;

on_both_backends!(a_board_from_before_rounds_keeps_its_figures_in_round_1);

/// The schema as release 5 left it, one migration file after another.
fn schema_5(backend: Backend) -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations").join(match backend {
        Backend::Sqlite => "sqlite",
        Backend::Postgres => "postgres",
    });
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    files.iter().take(5).map(|f| std::fs::read_to_string(f).unwrap() + "\n").collect()
}

/// Writes schema 5 and a board with `answers` into the database, as that
/// release stored them: no round anywhere, counts keyed by board and row.
async fn write_old_database(db: &TestDatabase, backend: Backend, answers: &[(String, Answers)]) {
    let (respondents, counts) = recount(&rows(), answers.iter().map(|(_, a)| a.clone()));
    let mut sql = schema_5(backend);
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
    match backend {
        Backend::Sqlite => {
            let path = db.url.trim_start_matches("sqlite://");
            let conn = rusqlite::Connection::open(path).unwrap();
            conn.execute_batch(&format!("{sql}PRAGMA user_version = 5;")).unwrap();
        }
        Backend::Postgres => {
            sql += "CREATE TABLE tally_schema (version INTEGER NOT NULL);
                    INSERT INTO tally_schema VALUES (1), (2), (3), (4), (5);";
            db.execute_batch(&sql).await;
        }
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

/// Derives respondent ids as the tests' servers do, before any engine runs.
fn respondent_ids() -> app::backend::respondent::Respondents {
    app::backend::respondent::Respondents::new(app::backend::signer::Signer::new(SECRET), false)
}
