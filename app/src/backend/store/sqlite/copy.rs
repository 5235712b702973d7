//! Copies of the SQLite file while a server serves it, and putting one
//! back in its place (`server backup`, `server restore`).
//!
//! `VACUUM INTO`, not SQLite's online backup API: it copies one consistent
//! snapshot in a single read transaction, which WAL lets every commit pass
//! meanwhile, whereas the backup API starts over whenever another
//! connection writes, so under steady submissions it might never finish.
//! The copy is then flushed to disk (`fsync`) before it is called done.

use super::{failed, lock_exclusively};
use crate::error::TallyError;
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// How often progress is told while copying.
const PROGRESS_EVERY: Duration = Duration::from_millis(500);

/// Writes a consistent copy of the database at `source` to `target` (which
/// must not exist), telling `progress` (bytes written, bytes of the source)
/// as it goes.
pub fn back_up(source: &Path, target: &Path, progress: impl Fn(u64, u64) + Sync) -> Result<(), TallyError> {
    if target.exists() {
        return Err(TallyError::BadRequest(format!("{} exists already; name a new file", target.display())));
    }
    let conn = Connection::open_with_flags(source, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| TallyError::Internal(format!("opening {} to copy: {e}", source.display())))?;
    conn.busy_timeout(Duration::from_secs(30)).map_err(failed("configuring SQLite"))?;
    let whole = size(source) + size(&with_suffix(source, "-wal"));
    let done = AtomicBool::new(false);
    let copied = std::thread::scope(|scope| {
        scope.spawn(|| {
            while !done.load(Ordering::Relaxed) {
                std::thread::sleep(PROGRESS_EVERY);
                progress(size(target), whole);
            }
        });
        let target_text = target.to_string_lossy().into_owned();
        let copied = conn.execute("VACUUM INTO ?1", [target_text]).map_err(failed("copying the database"));
        done.store(true, Ordering::Relaxed);
        copied
    });
    copied?;
    flush(target)?;
    progress(size(target), whole);
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
