//! `server verify`: the whole consistency check, by hand. The server checks
//! each board when it loads it; this checks every stored board at once, for
//! an operator who wants to know before users find out (or after a restore),
//! and says so in its exit code for scripts. It only reads, so it runs
//! beside a server on the same data, SQLite file included.

use app::backend::store::{self, DatabaseOptions, DatabaseUrl};
use std::io::Write;
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// How often a long run says how far it got.
const PROGRESS_EVERY: Duration = Duration::from_secs(2);

/// Recounts every board; prints each mismatch on stdout and progress on
/// stderr. Exits 0 when every board agrees, 1 on a mismatch, 2 when the
/// check could not run.
pub async fn run(database: &DatabaseUrl, options: &DatabaseOptions) -> ExitCode {
    let started = Instant::now();
    let store = match store::open_read_only(database, options).await {
        Ok(store) => store,
        Err(error) => {
            eprintln!("verify: opening {}: {error}", database.label());
            return ExitCode::from(2);
        }
    };
    let mut last_said = Instant::now();
    let progress = |done: usize, all: usize| {
        if last_said.elapsed() >= PROGRESS_EVERY {
            last_said = Instant::now();
            let _ = writeln!(std::io::stderr(), "verify: {done} of {all} boards checked");
        }
    };
    match store::verify_all(&*store, progress).await {
        Ok(mismatches) if mismatches.is_empty() => {
            eprintln!("verify: every board agrees with a recount of its answers ({:.1} s)", elapsed(started));
            ExitCode::SUCCESS
        }
        Ok(mismatches) => {
            for mismatch in &mismatches {
                println!("{mismatch}");
            }
            let found = match mismatches.len() {
                1 => "1 mismatch".to_string(),
                n => format!("{n} mismatches"),
            };
            eprintln!("verify: {found} found ({:.1} s)", elapsed(started));
            ExitCode::from(1)
        }
        Err(error) => {
            eprintln!("verify: {error}");
            ExitCode::from(2)
        }
    }
}

fn elapsed(since: Instant) -> f64 {
    since.elapsed().as_secs_f64()
}
