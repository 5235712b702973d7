//! `server backup <file>` and `server restore <file>`: a copy of the SQLite
//! database taken while a server serves it, and putting one back (see
//! `app::backend::store::back_up` for how the copy is made). A copy is
//! checked by `server verify`'s recount, board by board, before it replaces
//! anything, and what it replaces is kept beside it. PostgreSQL has its own
//! tools for both (README, "Backups").

use app::backend::store::{self, DatabaseOptions, DatabaseUrl};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Copies the database to `file`; progress on stderr. 0 when the copy is on disk.
pub async fn back_up(database: &DatabaseUrl, file: PathBuf) -> ExitCode {
    let DatabaseUrl::Sqlite(source) = database else {
        eprintln!(
            "backup: for PostgreSQL use pg_dump, e.g. pg_dump --format=custom --file={} \"$DATABASE_URL\"",
            file.display()
        );
        return ExitCode::from(2);
    };
    let (source, target) = (source.clone(), file.clone());
    let copied = tokio::task::spawn_blocking(move || {
        store::back_up(&source, &target, |written, whole| {
            eprintln!("backup: {} of about {} written", megabytes(written), megabytes(whole));
        })
    })
    .await;
    match copied {
        Ok(Ok(())) => {
            eprintln!("backup: {} written and flushed to disk", file.display());
            ExitCode::SUCCESS
        }
        Ok(Err(error)) => failed("backup", &error),
        Err(error) => failed("backup", &error),
    }
}

/// Checks the copy in `file`, then puts it in the database's place.
/// 0 when restored, 1 when the copy failed its recount, 2 when the
/// restore could not run (another instance holds the database, say).
pub async fn restore(database: &DatabaseUrl, options: &DatabaseOptions, file: PathBuf) -> ExitCode {
    let DatabaseUrl::Sqlite(live) = database else {
        eprintln!("restore: for PostgreSQL use pg_restore into a new database, then point DATABASE_URL at it");
        return ExitCode::from(2);
    };
    match recount(&file, options).await {
        Ok(mismatches) if mismatches.is_empty() => {}
        Ok(mismatches) => {
            for mismatch in &mismatches {
                println!("{mismatch}");
            }
            eprintln!("restore: {} does not agree with a recount of its answers; nothing was replaced", file.display());
            return ExitCode::from(1);
        }
        Err(error) => return failed("restore", &format!("checking {}: {error}", file.display())),
    }
    let (backup, target) = (file.clone(), live.clone());
    let now = app::backend::engine::now();
    match tokio::task::spawn_blocking(move || store::put_back(&backup, &target, now)).await {
        Ok(Ok(kept)) => {
            let kept = kept
                .map_or(String::new(), |aside| format!("; the database it replaced is kept as {}", aside.display()));
            eprintln!("restore: {} restored from {}{kept}", live.display(), file.display());
            ExitCode::SUCCESS
        }
        Ok(Err(error)) => failed("restore", &error),
        Err(error) => failed("restore", &error),
    }
}

/// Every place the copy's stored figures disagree with its answers.
async fn recount(file: &Path, options: &DatabaseOptions) -> Result<Vec<String>, app::error::TallyError> {
    let copy = store::open_read_only(&DatabaseUrl::Sqlite(file.to_path_buf()), options).await?;
    store::verify_all(&*copy, |_, _| {}).await
}

fn failed(what: &str, error: &dyn std::fmt::Display) -> ExitCode {
    eprintln!("{what}: {error}");
    ExitCode::from(2)
}

fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}
