//! Backups while serving: the same steady stream of submissions is driven
//! with no backup running, then while `server backup` copies the database
//! over and over, in the same run, alternately; the slowest acknowledgement
//! says how long a copy ever held a submission up.
//!
//! `cargo bench -p server --bench backup` (`TALLY_BENCH_BOARDS`, default
//! 10,000 boards of 20 respondents, generated once into
//! `target/bench-data/`; `TALLY_BENCH_RATE`, default 400 per second, for
//! 10 s a row).

#[path = "../tests/it/common/mod.rs"]
mod common;
mod data;
mod load;

use common::TestServer;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

fn main() {
    tokio::runtime::Runtime::new().unwrap().block_on(run());
}

async fn run() {
    let boards: usize = setting("TALLY_BENCH_BOARDS").unwrap_or(10_000);
    let rate: u64 = setting("TALLY_BENCH_RATE").unwrap_or(400);
    let file = data::data_file(data::Shape { boards, per_board: 20 }).await;
    let dir = std::env::temp_dir().join(format!("tally-bench-backup-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(&file, dir.join("tally.db")).unwrap();
    let megabytes = std::fs::metadata(&file).unwrap().len() as f64 / 1e6;
    let server = TestServer::start_in(dir.clone(), &[]);
    let driven: Vec<String> = (0..8).map(|k| data::board_id(k * boards / 8)).collect();
    println!("Database: {boards} boards, {} submissions, {megabytes:.0} MB.", boards * 20);
    println!();
    println!("| pass | while | acknowledged | ack p50 | ack p99 | slowest ack | backups finished (each) |");
    println!("|---:|---|---:|---:|---:|---:|---|");
    for pass in 1..=2 {
        let quiet = load::drive(&server, &driven, rate, 10).await;
        row(pass, "nothing else", &quiet, "");
        let copying = Arc::new(AtomicBool::new(true));
        let copier = tokio::task::spawn_blocking({
            let (dir, copying) = (dir.clone(), copying.clone());
            move || back_up_until_stopped(&dir, &copying)
        });
        let busy = load::drive(&server, &driven, rate, 10).await;
        copying.store(false, Ordering::Relaxed);
        let took = copier.await.unwrap();
        let each = took.iter().map(|d| format!("{:.1} s", d.as_secs_f64())).collect::<Vec<_>>().join(", ");
        row(pass, "`server backup` running", &busy, &format!("{} ({each})", took.len()));
    }
    drop(server);
}

/// Runs `server backup` again and again until `copying` is cleared; how long each took.
fn back_up_until_stopped(dir: &std::path::Path, copying: &AtomicBool) -> Vec<Duration> {
    let mut took = Vec::new();
    while copying.load(Ordering::Relaxed) {
        let target = dir.join(format!("copy-{}.db", took.len()));
        let started = Instant::now();
        let status = std::process::Command::new(env!("CARGO_BIN_EXE_server"))
            .args(["backup", &target.display().to_string()])
            .env("DATABASE_URL", format!("sqlite://{}", dir.join("tally.db").display()))
            .stderr(std::process::Stdio::null())
            .status()
            .unwrap();
        assert!(status.success(), "the backup succeeds");
        took.push(started.elapsed());
        std::fs::remove_file(target).unwrap();
    }
    took
}

fn row(pass: usize, while_: &str, drive: &load::Drive, backups: &str) {
    println!(
        "| {pass} | {while_} | {:.0}/s | {:.2} ms | {:.2} ms | {:.1} ms | {backups} |",
        drive.acknowledged_per_second(),
        drive.ack_percentile(0.5),
        drive.ack_percentile(0.99),
        drive.ack_ms.last().copied().unwrap_or_default(),
    );
}

fn setting<T: std::str::FromStr>(name: &str) -> Option<T> {
    std::env::var(name).ok().and_then(|value| value.parse().ok())
}
