//! Fills a new database with generated boards and submissions, for the
//! boards benchmark or for trying a large instance by hand:
//!
//! `cargo run --release -p server --example generate -- <database url> <boards> <submissions per board>`

#[path = "../benches/data/mod.rs"]
mod data;

use std::time::Instant;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(url), Some(Ok(boards)), Some(Ok(per_board))) =
        (args.first(), args.get(1).map(|n| n.parse()), args.get(2).map(|n| n.parse()))
    else {
        eprintln!("usage: generate <database url> <boards> <submissions per board>");
        return std::process::ExitCode::from(2);
    };
    let started = Instant::now();
    let shape = data::Shape { boards, per_board };
    let said = |what: &str, done: usize| eprintln!("{what}: {done} ({:.0} s)", started.elapsed().as_secs_f64());
    match data::generate(url, shape, said).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("generate: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}
