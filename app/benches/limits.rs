//! Rate-limit look-ups per second on a limiter that already keeps 200,000
//! keys (left by a flood of distinct addresses or made-up respondents),
//! against an empty one in the same run: the flood must not slow every
//! later request. Two workloads: returning clients (1,000 keys, looked up
//! again and again) and new clients (a key never seen, the costly case).
//!
//! `cargo bench -p app --features ssr --bench limits`
//! (`TALLY_BENCH_SECONDS`, default 3 per row).

use app::backend::limits::{Limiter, Rate};
use std::sync::Arc;
use std::time::{Duration, Instant};

const KEPT: usize = 200_000;

fn main() {
    let seconds: u64 = std::env::var("TALLY_BENCH_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(3);
    let rate = Rate { per_second: 1000.0, burst: 10.0 };
    println!("| clients | keys kept | threads | look-ups/s | vs empty |");
    println!("|---|---:|---:|---:|---:|");
    for (clients, returning) in [("returning", true), ("new", false)] {
        for threads in [1usize, 2] {
            let mut empty_rate = None;
            for kept in [0, KEPT] {
                let limiter = Arc::new(Limiter::<String>::new(Some(rate)));
                for k in 0..kept {
                    limiter.take(&format!("kept-respondent-{k:08}")).unwrap();
                }
                assert_eq!(limiter.keys(), kept);
                let per_second = measure(&limiter, threads, returning, Duration::from_secs(seconds));
                let baseline = *empty_rate.get_or_insert(per_second);
                println!("| {clients} | {kept} | {threads} | {per_second:.0} | {:.2}× |", per_second / baseline);
            }
        }
    }
}

/// Look-ups per second from `threads` threads for `window`: for 1,000
/// keys over and over when `returning`, else for a new key each time.
fn measure(limiter: &Arc<Limiter<String>>, threads: usize, returning: bool, window: Duration) -> f64 {
    let started = Instant::now();
    let workers: Vec<_> = (0..threads)
        .map(|t| {
            let limiter = limiter.clone();
            std::thread::spawn(move || {
                let mut done = 0u64;
                while started.elapsed() < window {
                    for _ in 0..256 {
                        let key = if returning { done % 1000 } else { done };
                        let _ = limiter.take(&format!("respondent-{t}-{key:010}"));
                        done += 1;
                    }
                }
                done
            })
        })
        .collect();
    let total: u64 = workers.into_iter().map(|w| w.join().unwrap()).sum();
    total as f64 / started.elapsed().as_secs_f64()
}
