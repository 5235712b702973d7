//! Webhooks beside submissions: the same steady stream of submissions is
//! driven at a board with no endpoint, then at a board whose endpoint hangs
//! for 30 seconds on every delivery (with every sending slot of the
//! instance held by it and more deliveries queued behind), in the same run
//! and alternately, so that a slow endpoint delaying submissions would show
//! as a gap between the two rows.
//!
//! `cargo bench -p server --bench webhooks` (`TALLY_BENCH_RATE`, submissions
//! per second, default 400; `TALLY_BENCH_SECONDS`, default 10; two passes).

#[path = "../tests/it/common/mod.rs"]
mod common;
mod load;

use common::receiver::{Receiver, Script};
use common::{send, TestServer};
use reqwest::Method;
use serde_json::json;
use std::time::Duration;

fn main() {
    tokio::runtime::Runtime::new().unwrap().block_on(run());
}

async fn run() {
    let rate: u64 = setting("TALLY_BENCH_RATE").unwrap_or(400);
    let seconds: u64 = setting("TALLY_BENCH_SECONDS").unwrap_or(10);
    let receiver = Receiver::start(Script::Hang(Duration::from_secs(30))).await;
    let server =
        TestServer::start_with(&[("TALLY_WEBHOOKS_ALLOW_PRIVATE", "true"), ("TALLY_WEBHOOK_TIMEOUT_SECONDS", "60")]);
    server.create_board(json!({ "matrix": "programmer", "slug": "quiet" })).await;
    let created = server.create_board(json!({ "matrix": "programmer", "slug": "hooked" })).await;
    let key = created["admin_key"].as_str().unwrap().to_string();
    let endpoint = json!({"url": receiver.url, "events": ["board_closed", "board_reopened"]}).to_string();
    let (status, _) = send(&server, Method::POST, "/api/boards/hooked/webhooks", Some(&key), endpoint).await;
    assert_eq!(status, 201);
    println!(
        "| pass | board | offered | acknowledged | ack p50 | ack p99 | requests the endpoint held open at the end |"
    );
    println!("|---:|---|---:|---:|---:|---:|---:|");
    for pass in 1..=2 {
        let quiet = load::drive(&server, &["quiet".to_string()], rate, seconds).await;
        row(pass, "no endpoint", rate, &quiet, 0);
        // Forty events: the instance's sixteen sending slots hang, the rest wait behind them.
        for k in 0..40 {
            let action = if k % 2 == 0 { "close" } else { "reopen" };
            send(&server, Method::POST, &format!("/api/boards/hooked/{action}"), Some(&key), String::new()).await;
        }
        for _ in 0..500 {
            if receiver.open() >= 16 {
                break;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        assert!(receiver.open() >= 16, "every sending slot is held by the endpoint");
        let hooked = load::drive(&server, &["hooked".to_string()], rate, seconds).await;
        row(pass, "endpoint hanging 30 s", rate, &hooked, receiver.open());
    }
}

fn row(pass: usize, board: &str, rate: u64, drive: &load::Drive, held: usize) {
    println!(
        "| {pass} | {board} | {rate}/s | {:.0}/s | {:.2} ms | {:.2} ms | {held} |",
        drive.acknowledged_per_second(),
        drive.ack_percentile(0.5),
        drive.ack_percentile(0.99),
    );
}

fn setting(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|value| value.parse().ok())
}
