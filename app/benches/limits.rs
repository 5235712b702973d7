//! Rate-limit look-ups per second on a limiter that already keeps 200,000
//! keys, against an empty one in the same run: a flood of distinct keys
//! (addresses, made-up respondents) must not slow every later request.
//! Each look-up is for a key the limiter has not seen, the costly case.
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
    println!("| keys kept | threads | look-ups/s | vs empty |");
    println!("|---:|---:|---:|---:|");
    for threads in [1usize, 2] {
        let mut empty_rate = None;
        for kept in [0, KEPT] {
            let limiter = Arc::new(Limiter::<String>::new(Some(rate)));
            for k in 0..kept {
                limiter.take(&format!("kept-respondent-{k:08}")).unwrap();
            }
            assert_eq!(limiter.keys(), kept);
            let per_second = measure(&limiter, threads, Duration::from_secs(seconds));
            let baseline = *empty_rate.get_or_insert(per_second);
            println!("| {kept} | {threads} | {per_second:.0} | {:.2}× |", per_second / baseline);
        }
    }
}

/// Look-ups per second for new keys from `threads` threads for `window`.
fn measure(limiter: &Arc<Limiter<String>>, threads: usize, window: Duration) -> f64 {
    let started = Instant::now();
    let workers: Vec<_> = (0..threads)
        .map(|t| {
            let limiter = limiter.clone();
            std::thread::spawn(move || {
                let mut done = 0u64;
                while started.elapsed() < window {
                    for _ in 0..256 {
                        let _ = limiter.take(&format!("new-respondent-{t}-{done:010}"));
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
