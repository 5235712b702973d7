//! An admin editing a board's matrix, on both stores: text at any time,
//! rows and levels only while nobody has answered, never over someone
//! else's edit, and never across answers checked against the old shape.

use crate::{support, use_case_support};

use app::backend::engine::Engine;
use app::backend::use_cases::Caller;
use app::error::TallyError;
use app::matrix::Matrix;
use app::stats::Stats;
use std::sync::Arc;
use std::time::{Duration, Instant};
use support::{Backend, TestDatabase};
use use_case_support::*;

on_both_backends!(
    text_edits_come_at_any_time_and_structure_only_before_answers,
    a_structural_edit_overtakes_answers_checked_before_it,
);

async fn edit(
    engine: &Engine,
    board: &str,
    key: &str,
    matrix: Matrix,
    base: Option<u64>,
) -> Result<Arc<Stats>, TallyError> {
    let admin = Caller { admin_key: Some(key.into()), ..Caller::default() };
    tally(engine).edit_matrix(&admin, board, matrix, base).await
}

async fn text_edits_come_at_any_time_and_structure_only_before_answers(backend: Backend) {
    let db = TestDatabase::create(backend).await;
    let engine = start(&db).await;
    let rows = rows();
    let (board, key) = create_board(&engine, "programmer", Some("edited"), None).await.unwrap();
    submit(&engine, &board.id, "ann", raw(&uniform(&rows, |_| 2))).await.unwrap();
    let before = engine.board(&board.id).await.unwrap().stats();

    let mut text = (*engine.board(&board.id).await.unwrap().matrix()).clone();
    text.categories[0].rows[0].title = "Structures de données".into();
    text.levels[1].label = "Deuxième".into();
    let after = edit(&engine, &board.id, &key, text.clone(), Some(0)).await.unwrap();
    assert_eq!((after.version, after.matrix_rev), (before.version + 1, before.version + 1));
    assert_eq!((after.respondents, &after.counts), (1, &before.counts), "the answer still counts");
    assert_eq!(*engine.board(&board.id).await.unwrap().matrix(), text);

    let stale = edit(&engine, &board.id, &key, text.clone(), Some(0)).await.unwrap_err();
    assert!(stale.to_string().contains("edited by someone else"), "{stale}");
    let mut fewer = text.clone();
    fewer.remove_row(0, fewer.categories[0].rows.len() - 1);
    let refused = edit(&engine, &board.id, &key, fewer, None).await.unwrap_err();
    assert_eq!(refused.status(), 409);
    assert!(refused.to_string().contains("only change while the board has no answers"), "{refused}");
    assert_eq!(edit(&engine, &board.id, "wrong", text.clone(), None).await.unwrap_err().status(), 403);
    let mut invalid = text.clone();
    invalid.levels[0].label.clear();
    assert_eq!(edit(&engine, &board.id, &key, invalid, None).await.unwrap_err().status(), 422);
    assert_eq!(engine.board(&board.id).await.unwrap().stats(), after, "refused edits change nothing");

    drop(engine); // one instance per SQLite file
    let again = start(&db).await;
    let served = again.board(&board.id).await.unwrap();
    assert_eq!((&*served.matrix(), served.stats().matrix_rev), (&text, after.matrix_rev), "edits are durable");
}

async fn a_structural_edit_overtakes_answers_checked_before_it(backend: Backend) {
    let db = TestDatabase::create(backend).await;
    let engine = start(&db).await;
    let (board, key) = create_board(&engine, "programmer", Some("reshaped"), None).await.unwrap();
    let served = engine.board(&board.id).await.unwrap();
    let checked = engine.validate(&served, raw(&uniform(&rows(), |_| 1)), Default::default()).unwrap();

    let mut fewer = (*served.matrix()).clone();
    fewer.remove_row(0, fewer.categories[0].rows.len() - 1);
    edit(&engine, &board.id, &key, fewer.clone(), None).await.unwrap();
    let respondents = tally(&engine).respondents.clone();
    let id = respondents.on_board(&respondents.verify(&token("ann")).unwrap(), &board.id);
    let refused = engine.commit(&served, id.clone(), checked, served.admission_rev()).await.unwrap_err();
    assert_eq!(refused.status(), 409);
    assert!(refused.to_string().contains("rows or levels changed"), "{refused}");
    assert_eq!((served.stats().respondents, served.stats().version), (0, 1), "nothing was counted");

    let rows: Vec<String> = fewer.rows().map(|r| r.id.clone()).collect();
    let again = engine.validate(&served, raw(&uniform(&rows, |_| 1)), Default::default()).unwrap();
    assert_eq!(engine.commit(&served, id, again, served.admission_rev()).await.unwrap().version, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_edit_on_one_instance_reaches_another() {
    let db = TestDatabase::create(Backend::Postgres).await;
    let (a, b) = (start(&db).await, start(&db).await);
    let (board, key) = create_board(&a, "programmer", Some("shared-edit"), None).await.unwrap();
    let on_b = b.board(&board.id).await.unwrap();
    let mut text = (*on_b.matrix()).clone();
    text.title = "Renamed on A".into();
    let edited = edit(&a, &board.id, &key, text.clone(), None).await.unwrap();
    let started = Instant::now();
    while on_b.stats().matrix_rev != edited.matrix_rev {
        assert!(started.elapsed() < Duration::from_secs(10), "B hears of A's edit");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(*on_b.matrix(), text, "B swapped the matrix before announcing it");
}
