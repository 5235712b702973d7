//! Copies of the SQLite file while a server serves it, and putting one
//! back in its place (`server backup`, `server restore`).
//!
//! `VACUUM INTO`, not SQLite's online backup API: it copies one consistent
//! snapshot in a single read transaction, which WAL lets every commit pass
//! meanwhile, whereas the backup API starts over whenever another
//! connection writes, so under steady submissions it might never finish.
//! The copy is flushed to disk (`fsync`) before it is called done.

use super::{failed, lock_exclusively};
use crate::error::TallyError;
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How often progress is told while copying.
const PROGRESS_EVERY: Duration = Duration::from_millis(500);

/// Bytes written to the backup file between two flushes.
const FLUSH_EVERY: u64 = 4 << 20;

/// The most bytes a second written to the backup file.
const WRITE_RATE: u64 = 40 << 20;

/// Writes a consistent copy of the database at `source` to `target` (which
/// must not exist), telling `progress` (bytes written, bytes of the source)
/// as it goes.
///
/// The snapshot is taken into memory first (`/dev/shm` where there is one),
/// fast and without touching the disk, then written to `target` at a
/// bounded rate with a flush every few MiB: one large write and flush
/// would queue the server's own commit flushes behind it.
pub fn back_up(source: &Path, target: &Path, progress: impl Fn(u64, u64)) -> Result<(), TallyError> {
    if target.exists() {
        return Err(TallyError::BadRequest(format!("{} exists already; name a new file", target.display())));
    }
    let memory = Path::new("/dev/shm");
    let staging_folder = if memory.is_dir() { memory.to_path_buf() } else { std::env::temp_dir() };
    let staging = staging_folder.join(format!("tally-backup-{}.db", std::process::id()));
    let _ = std::fs::remove_file(&staging);
    let snapshot = snapshot(source, &staging);
    let written = snapshot.and_then(|()| trickle(&staging, target, &progress));
    let _ = std::fs::remove_file(&staging);
    written?;
    flush_folder(target)
}

/// `VACUUM INTO`: one consistent snapshot, in a single read transaction.
fn snapshot(source: &Path, staging: &Path) -> Result<(), TallyError> {
    let conn = Connection::open_with_flags(source, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| TallyError::Internal(format!("opening {} to copy: {e}", source.display())))?;
    conn.busy_timeout(Duration::from_secs(30)).map_err(failed("configuring SQLite"))?;
    conn.execute_batch("PRAGMA synchronous = OFF").map_err(failed("configuring SQLite"))?;
    let staging = staging.to_string_lossy().into_owned();
    conn.execute("VACUUM INTO ?1", [staging]).map_err(failed("copying the database"))?;
    Ok(())
}

/// Copies `from` to `to` at most [`WRITE_RATE`] bytes a second, flushing
/// every [`FLUSH_EVERY`] bytes and telling `progress` as it goes.
fn trickle(from: &Path, to: &Path, progress: &impl Fn(u64, u64)) -> Result<(), TallyError> {
    let whole = size(from);
    let input = std::fs::File::open(from).map_err(|e| io("reading the snapshot", from, e))?;
    let output = std::fs::File::create_new(to).map_err(|e| io("creating", to, e))?;
    let written = write_out(input, output, to, whole, progress);
    if written.is_err() {
        // Half a copy is no backup: the file this made goes again.
        let _ = std::fs::remove_file(to);
    }
    written
}

/// The body of [`trickle`], once its file is made.
fn write_out(
    mut input: std::fs::File,
    mut output: std::fs::File,
    to: &Path,
    whole: u64,
    progress: &impl Fn(u64, u64),
) -> Result<(), TallyError> {
    use std::io::{Read, Write};
    let (started, mut told) = (std::time::Instant::now(), std::time::Instant::now());
    let (mut buffer, mut written, mut unflushed) = (vec![0u8; 1 << 20], 0u64, 0u64);
    loop {
        let n = input.read(&mut buffer).map_err(|e| io("reading the snapshot for", to, e))?;
        if n == 0 {
            break;
        }
        output.write_all(&buffer[..n]).map_err(|e| io("writing", to, e))?;
        (written, unflushed) = (written + n as u64, unflushed + n as u64);
        if unflushed >= FLUSH_EVERY {
            output.sync_data().map_err(|e| io("flushing", to, e))?;
            unflushed = 0;
        }
        let due = Duration::from_secs_f64(written as f64 / WRITE_RATE as f64);
        std::thread::sleep(due.saturating_sub(started.elapsed()));
        if told.elapsed() >= PROGRESS_EVERY {
            told = std::time::Instant::now();
            progress(written, whole);
        }
    }
    output.sync_all().map_err(|e| io("flushing", to, e))?;
    progress(written, whole);
    Ok(())
}

/// Puts the copy at `backup` in the place of the database at `live`,
/// keeping what was there aside (returned), unless another instance holds
/// `live`. The copy must have been checked before (see `server restore`).
pub fn put_back(backup: &Path, live: &Path, now: i64) -> Result<Option<PathBuf>, TallyError> {
    let _lock = lock_exclusively(live)?;
    let placed = with_suffix(live, ".restoring");
    std::fs::copy(backup, &placed).map_err(|e| io("copying the backup", &placed, e))?;
    flush(&placed)?;
    let aside = with_suffix(live, &format!(".before-restore-{now}"));
    let kept = match live.exists() {
        true => {
            for suffix in ["", "-wal", "-shm"] {
                let (from, to) = (with_suffix(live, suffix), with_suffix(&aside, suffix));
                if from.exists() {
                    std::fs::rename(&from, &to).map_err(|e| io("moving the old database aside", &to, e))?;
                }
            }
            Some(aside)
        }
        false => None,
    };
    std::fs::rename(&placed, live).map_err(|e| io("putting the backup in place", live, e))?;
    flush_folder(live)?;
    Ok(kept)
}

fn size(path: &Path) -> u64 {
    std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// The file's bytes, and its folder's entry for it, on disk.
fn flush(path: &Path) -> Result<(), TallyError> {
    std::fs::File::open(path).and_then(|f| f.sync_all()).map_err(|e| io("flushing", path, e))?;
    flush_folder(path)
}

fn flush_folder(path: &Path) -> Result<(), TallyError> {
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::File::open(folder).and_then(|f| f.sync_all()).map_err(|e| io("flushing", folder, e))
}

fn io(doing: &str, path: &Path, error: std::io::Error) -> TallyError {
    TallyError::Internal(format!("{doing} {}: {error}", path.display()))
}
