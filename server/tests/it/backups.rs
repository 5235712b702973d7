//! Backups and restores, as an operator runs them: `server backup` while
//! the server takes submissions, `server restore` into a new place, and a
//! server started on what was restored; the refusals that keep a restore
//! from doing harm; and the same drill on PostgreSQL with its own tools.

use crate::common;

use common::{answers, row_ids, Backend, TestDatabase, TestServer};
use std::path::Path;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// `server <args>` on the SQLite file in `dir`.
fn server_command(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_server"))
        .args(args)
        .env("DATABASE_URL", format!("sqlite://{}", dir.join("tally.db").display()))
        .output()
        .unwrap()
}

fn said(output: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
}

/// A new, empty folder for files of this test's own.
fn new_dir(name: &str) -> std::path::PathBuf {
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().subsec_nanos();
    let dir = std::env::temp_dir().join(format!("tally-{name}-{}-{nanos}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Submits one new respondent's answers after another from `parallel`
/// tasks until `stop`; each acknowledgement's time.
fn submitting(
    server: &TestServer,
    people: Vec<String>,
    rows: Vec<String>,
    stop: Arc<AtomicBool>,
) -> Arc<Mutex<Vec<Instant>>> {
    let acked = Arc::new(Mutex::new(Vec::new()));
    let people = Arc::new(Mutex::new(people));
    for _ in 0..4 {
        let (url, people, rows, stop, acked) =
            (server.url("/api/boards/default/submissions"), people.clone(), rows.clone(), stop.clone(), acked.clone());
        tokio::spawn(async move {
            let client = reqwest::Client::new();
            while !stop.load(Ordering::Relaxed) {
                let Some(person) = people.lock().unwrap().pop() else { break };
                let body = serde_json::json!({ "respondent": person, "answers": answers(&rows, |i| (i % 4) as u64) });
                let response = client.post(&url).body(body.to_string()).send().await.unwrap();
                assert_eq!(response.status(), 200);
                acked.lock().unwrap().push(Instant::now());
            }
        });
    }
    acked
}

/// Submitters on the server's default board, given a moment to get going:
/// what stops them, their acknowledgements' times, and how many came
/// before now (when the copy begins).
async fn under_load(server: &TestServer) -> (Arc<AtomicBool>, Arc<Mutex<Vec<Instant>>>, usize) {
    let rows = row_ids(&server.matrix().await);
    let people = server.respondents(3000).await;
    let stop = Arc::new(AtomicBool::new(false));
    let acked = submitting(server, people, rows, stop.clone());
    tokio::time::sleep(Duration::from_millis(800)).await;
    let began = Instant::now();
    let before = acked.lock().unwrap().iter().filter(|at| **at < began).count();
    (stop, acked, before)
}

#[tokio::test]
async fn a_backup_taken_under_load_restores_every_answer_acknowledged_before_it_began() {
    let server = TestServer::start();
    let (stop, acked, before) = under_load(&server).await;
    let copies = new_dir("backups");
    let file = copies.join("tally-copy.db");
    let dir = server.dir.clone();
    let backed_up = tokio::task::spawn_blocking({
        let file = file.display().to_string();
        move || server_command(&dir, &["backup", &file])
    })
    .await
    .unwrap();
    assert!(backed_up.status.success(), "{}", said(&backed_up));
    assert!(said(&backed_up).contains("written and flushed to disk"), "{}", said(&backed_up));
    tokio::time::sleep(Duration::from_millis(300)).await;
    stop.store(true, Ordering::Relaxed);
    let during = acked.lock().unwrap().len() - before;
    assert!(before > 0 && during > 0, "answers went in before ({before}) and during or after ({during}) the backup");

    let restored = new_dir("restored");
    let output = server_command(&restored, &["restore", &file.display().to_string()]);
    assert!(output.status.success(), "{}", said(&output));
    let verified = server_command(&restored, &["verify"]);
    assert!(verified.status.success(), "{}", said(&verified));
    let again = TestServer::start_in(restored, &[]);
    let respondents = again.stats("default").await["respondents"].as_u64().unwrap() as usize;
    assert!(respondents >= before, "all {before} acknowledged before the backup are there ({respondents})");
    assert!(respondents <= before + during);
    std::fs::remove_dir_all(copies).unwrap();
}

#[tokio::test]
async fn a_restore_refuses_a_held_database_a_copy_that_fails_its_recount_and_keeps_what_it_replaces() {
    let server = TestServer::start();
    let rows = row_ids(&server.matrix().await);
    for person in server.respondents(3).await {
        let body = serde_json::json!({ "respondent": person, "answers": answers(&rows, |_| 1) });
        common::send(&server, reqwest::Method::POST, "/api/boards/default/submissions", None, body.to_string()).await;
    }
    let copies = new_dir("copies");
    let (good, bad) = (copies.join("good.db"), copies.join("bad.db"));
    assert!(server_command(&server.dir, &["backup", &good.display().to_string()]).status.success());
    let twice = server_command(&server.dir, &["backup", &good.display().to_string()]);
    assert_eq!(twice.status.code(), Some(2));
    assert!(said(&twice).contains("exists already"), "{}", said(&twice));

    let held = server_command(&server.dir, &["restore", &good.display().to_string()]);
    assert_eq!(held.status.code(), Some(2), "{}", said(&held));
    assert!(said(&held).contains("another Tally instance"), "{}", said(&held));

    std::fs::copy(&good, &bad).unwrap();
    let tampered = rusqlite::Connection::open(&bad).unwrap();
    tampered.execute("UPDATE counts SET n = n + 1 WHERE rowid = (SELECT MIN(rowid) FROM counts)", []).unwrap();
    drop(tampered);
    let elsewhere = new_dir("elsewhere");
    let refused = server_command(&elsewhere, &["restore", &bad.display().to_string()]);
    assert_eq!(refused.status.code(), Some(1), "{}", said(&refused));
    assert!(said(&refused).contains("nothing was replaced"), "{}", said(&refused));
    assert!(!elsewhere.join("tally.db").exists(), "nothing was put in place");

    let (dir, _) = server.terminate();
    let restored = server_command(&dir, &["restore", &good.display().to_string()]);
    assert!(restored.status.success(), "{}", said(&restored));
    let kept: Vec<_> =
        std::fs::read_dir(&dir).unwrap().flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect();
    assert!(kept.iter().any(|name| name.starts_with("tally.db.before-restore-")), "{kept:?}");
    let again = TestServer::start_in(dir, &[]);
    assert_eq!(again.stats("default").await["respondents"], 3);
    for folder in [copies, elsewhere] {
        std::fs::remove_dir_all(folder).unwrap();
    }
}

#[tokio::test]
async fn postgres_is_backed_up_under_load_with_pg_dump_and_restored_with_pg_restore_into_a_new_database() {
    let (db, fresh) = (TestDatabase::create(Backend::Postgres).await, TestDatabase::create(Backend::Postgres).await);
    let server = TestServer::start_with(&[("DATABASE_URL", db.url.as_str())]);
    let (stop, acked, before) = under_load(&server).await;
    let copies = new_dir("pg-dump");
    let file = copies.join("tally.dump").display().to_string();
    let (out, url) = (file.clone(), db.url.clone());
    let dump = move || Command::new("pg_dump").args(["--format=custom", "--file", &out, &url]).output().unwrap();
    let dumped = tokio::task::spawn_blocking(dump).await.unwrap();
    assert!(dumped.status.success(), "{}", said(&dumped));
    tokio::time::sleep(Duration::from_millis(300)).await;
    stop.store(true, Ordering::Relaxed);
    let during = acked.lock().unwrap().len() - before;
    assert!(before > 0 && during > 0, "answers went in before ({before}) and during or after ({during}) the dump");

    let restored = Command::new("pg_restore").args(["--no-owner", "--dbname", &fresh.url, &file]).output().unwrap();
    assert!(restored.status.success(), "{}", said(&restored));
    let verified =
        Command::new(env!("CARGO_BIN_EXE_server")).arg("verify").env("DATABASE_URL", &fresh.url).output().unwrap();
    assert!(verified.status.success(), "{}", said(&verified));
    let again = TestServer::start_with(&[("DATABASE_URL", fresh.url.as_str())]);
    let respondents = again.stats("default").await["respondents"].as_u64().unwrap() as usize;
    assert!(respondents >= before, "all {before} acknowledged before the dump are there ({respondents})");
    assert!(respondents <= before + during);
    std::fs::remove_dir_all(copies).unwrap();
}
