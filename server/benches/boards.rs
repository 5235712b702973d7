//! Boards at rest: with N boards stored (M submissions each), how long the
//! release server takes from being started to `/readyz` answering 200, how
//! much memory it holds then, how long the first read of a cold board takes
//! (against a second read of the same boards, warm, in the same run), the
//! memory after those reads, and how long `server verify` takes on the file.
//! The smallest N is the baseline the larger ones are compared with.
//!
//! `cargo bench -p server --bench boards` (`TALLY_BENCH_BOARDS`, default
//! `1000,100000`; `TALLY_BENCH_PER_BOARD`, default 20). Each data file is
//! generated once, by the generator in `data/`, into `target/bench-data/`,
//! and copied for each run.

#[path = "../tests/it/common/mod.rs"]
mod common;
mod data;
mod load;

use common::TestServer;
use std::time::{Duration, Instant};

/// Cold boards read per run, spread over the stored ones.
const READS: usize = 1000;

fn main() {
    tokio::runtime::Runtime::new().unwrap().block_on(run());
}

async fn run() {
    let per_board: usize = setting("TALLY_BENCH_PER_BOARD").and_then(|s| s.parse().ok()).unwrap_or(20);
    let sizes: Vec<usize> = setting("TALLY_BENCH_BOARDS")
        .map(|list| list.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1_000, 100_000]);
    println!("| boards | submissions | file | start to ready | RSS at rest | cold read p50 / p99 | warm read p50 / p99 | RSS after {READS} reads | `server verify` |");
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for boards in sizes {
        let file = data::data_file(data::Shape { boards, per_board }).await;
        let dir = std::env::temp_dir().join(format!("tally-bench-boards-{}-{boards}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::copy(&file, dir.join("tally.db")).unwrap();
        let megabytes = std::fs::metadata(&file).unwrap().len() as f64 / 1e6;

        let started = Instant::now();
        let server = TestServer::start_in(dir, &[]);
        while reqwest::get(server.url("/readyz")).await.map(|r| r.status().as_u16()).unwrap_or(0) != 200 {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        let ready = started.elapsed();
        tokio::time::sleep(Duration::from_secs(1)).await;
        let at_rest = load::rss_kib(server.pid()) / 1024.0;
        let picks: Vec<String> =
            (0..READS.min(boards)).map(|k| data::board_id(k * boards / READS.min(boards))).collect();
        let cold = reads(&server, &picks).await;
        let warm = reads(&server, &picks).await;
        let after = load::rss_kib(server.pid()) / 1024.0;
        let (dir, _) = server.terminate();
        let verify_started = Instant::now();
        let verified = std::process::Command::new(env!("CARGO_BIN_EXE_server"))
            .arg("verify")
            .env("DATABASE_URL", format!("sqlite://{}", dir.join("tally.db").display()))
            .stderr(std::process::Stdio::null())
            .status()
            .unwrap();
        assert!(verified.success(), "the generated data verifies");
        let verify = verify_started.elapsed();
        std::fs::remove_dir_all(dir).unwrap();
        println!(
            "| {boards} | {} | {megabytes:.0} MB | {:.2} s | {at_rest:.1} MB | {:.2} / {:.2} ms | {:.2} / {:.2} ms | {after:.1} MB | {:.1} s |",
            boards * per_board,
            ready.as_secs_f64(),
            load::percentile(&cold, 0.5),
            load::percentile(&cold, 0.99),
            load::percentile(&warm, 0.5),
            load::percentile(&warm, 0.99),
            verify.as_secs_f64(),
        );
    }
}

/// Reads each board's figures once, one after another; the latencies in ms, sorted.
async fn reads(server: &TestServer, boards: &[String]) -> Vec<f64> {
    let client = reqwest::Client::new();
    let mut latencies_ms = Vec::with_capacity(boards.len());
    for board in boards {
        let started = Instant::now();
        let response = client.get(server.url(&format!("/api/boards/{board}/stats"))).send().await.unwrap();
        assert_eq!(response.status(), 200, "{board}");
        response.bytes().await.unwrap();
        latencies_ms.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    latencies_ms.sort_by(f64::total_cmp);
    latencies_ms
}

fn setting(name: &str) -> Option<String> {
    std::env::var(name).ok()
}
