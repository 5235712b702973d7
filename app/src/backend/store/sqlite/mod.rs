//! The embedded default: one SQLite file in WAL mode with `synchronous=FULL`,
//! so a commit is on disk before the engine acknowledges it.
//!
//! rusqlite is synchronous, so every call runs on tokio's blocking pool. A
//! whole batch is one blocking call and one transaction: that is where group
//! commit gets its throughput (one fsync for hundreds of submissions). The
//! writer and readers use separate connections, which WAL lets run at once.

mod batch;
mod board_settings;
mod boards;
pub mod copy;
mod groups;
mod invitations;
mod lifecycle;
mod owners;
mod respondents;
mod rounds;
mod sign_ins;
mod upkeep;
mod webhooks;

use super::errors::sqlite as failed;
use super::DatabaseOptions;
use crate::error::TallyError;
use rusqlite::{Connection, OpenFlags, ToSql};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Schema versions (`migrations/`, one file each), applied in order and
/// recorded in `PRAGMA user_version`.
const MIGRATIONS: &[&str] = &[
    include_str!("../../../../migrations/sqlite/0001_boards_submissions_counts.sql"),
    include_str!("../../../../migrations/sqlite/0002_closing_and_admin_keys.sql"),
    include_str!("../../../../migrations/sqlite/0003_server_secret.sql"),
    include_str!("../../../../migrations/sqlite/0004_board_matrices.sql"),
    include_str!("../../../../migrations/sqlite/0005_matrix_edits.sql"),
    include_str!("../../../../migrations/sqlite/0006_rounds.sql"),
    include_str!("../../../../migrations/sqlite/0007_groups.sql"),
    include_str!("../../../../migrations/sqlite/0008_no_index_by_respondent.sql"),
    include_str!("../../../../migrations/sqlite/0009_reveal.sql"),
    include_str!("../../../../migrations/sqlite/0010_invitations.sql"),
    include_str!("../../../../migrations/sqlite/0011_admission_rev.sql"),
    include_str!("../../../../migrations/sqlite/0012_sign_in.sql"),
    include_str!("../../../../migrations/sqlite/0013_owners.sql"),
    include_str!("../../../../migrations/sqlite/0014_member_domains.sql"),
    include_str!("../../../../migrations/sqlite/0015_roles.sql"),
    include_str!("../../../../migrations/sqlite/0016_counts_by_slice.sql"),
    include_str!("../../../../migrations/sqlite/0017_webhooks.sql"),
    include_str!("../../../../migrations/sqlite/0018_deletion_and_audit.sql"),
];

#[derive(Clone)]
pub struct SqliteStore {
    /// Group commits, one at a time.
    writer: Arc<Mutex<Connection>>,
    /// Pages, look-ups and reloads, beside the writer (WAL allows it).
    reader: Arc<Mutex<Connection>>,
    /// Stops the writer's running statement when a commit is late.
    interrupt: Arc<rusqlite::InterruptHandle>,
    /// Past this, a commit is interrupted (and waiting for another
    /// process's write lock gives up).
    commit_timeout: Duration,
    /// `<file>.lock`, locked while this store is open: one SQLite file
    /// serves one instance (see [`lock_exclusively`]). `None` for a store
    /// opened only to read.
    _lock: Option<Arc<std::fs::File>>,
}

impl SqliteStore {
    pub async fn open(path: PathBuf, options: &DatabaseOptions) -> Result<Self, TallyError> {
        let commit_timeout = options.commit_timeout;
        blocking(move || {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir)
                    .map_err(|e| TallyError::Internal(format!("creating {}: {e}", dir.display())))?;
            }
            let open = || -> Result<Connection, TallyError> {
                let conn = Connection::open(&path).map_err(failed("opening the SQLite file"))?;
                conn.execute_batch(&format!(
                    "PRAGMA journal_mode = WAL;
                     PRAGMA synchronous = FULL;
                     PRAGMA foreign_keys = ON;
                     PRAGMA busy_timeout = {};",
                    commit_timeout.as_millis()
                ))
                .map_err(failed("configuring SQLite"))?;
                Ok(conn)
            };
            let lock = Arc::new(lock_exclusively(&path)?);
            let mut writer = open()?;
            migrate(&mut writer)?;
            let reader = open()?;
            Ok(SqliteStore {
                interrupt: Arc::new(writer.get_interrupt_handle()),
                writer: Arc::new(Mutex::new(writer)),
                reader: Arc::new(Mutex::new(reader)),
                commit_timeout,
                _lock: Some(lock),
            })
        })
        .await
    }

    /// The file opened for reading only, without its lock or migrations, so
    /// it can be read beside the server writing it (WAL lets readers in
    /// meanwhile): for `server verify`. Anything that writes fails.
    pub async fn open_read_only(path: PathBuf, options: &DatabaseOptions) -> Result<Self, TallyError> {
        let commit_timeout = options.commit_timeout;
        blocking(move || {
            let conn = Connection::open_with_flags(&path, OpenFlags::SQLITE_OPEN_READ_ONLY)
                .map_err(|e| TallyError::Internal(format!("opening {} to read: {e}", path.display())))?;
            conn.busy_timeout(commit_timeout).map_err(failed("configuring SQLite"))?;
            let applied: usize = conn
                .query_row("PRAGMA user_version", [], |r| r.get(0))
                .map_err(failed("reading the schema version"))?;
            if applied != MIGRATIONS.len() {
                return Err(TallyError::Internal(format!(
                    "{} has schema version {applied} and this server's is {}; start the server on it once to migrate it",
                    path.display(),
                    MIGRATIONS.len()
                )));
            }
            let conn = Arc::new(Mutex::new(conn));
            let interrupt = Arc::new(conn.lock().unwrap_or_else(|e| e.into_inner()).get_interrupt_handle());
            Ok(SqliteStore { writer: conn.clone(), reader: conn, interrupt, commit_timeout, _lock: None })
        })
        .await
    }

    /// Runs `work` on the readers' connection, on tokio's blocking pool.
    async fn read<T: Send + 'static>(
        &self,
        work: impl FnOnce(&Connection) -> Result<T, TallyError> + Send + 'static,
    ) -> Result<T, TallyError> {
        let reader = self.reader.clone();
        blocking(move || work(&reader.lock().unwrap_or_else(|e| e.into_inner()))).await
    }

    /// Runs `work` on the writer's connection, on tokio's blocking pool:
    /// every write takes this one connection, so writes never interleave.
    async fn write<T: Send + 'static>(
        &self,
        work: impl FnOnce(&mut Connection) -> Result<T, TallyError> + Send + 'static,
    ) -> Result<T, TallyError> {
        let writer = self.writer.clone();
        blocking(move || work(&mut writer.lock().unwrap_or_else(|e| e.into_inner()))).await
    }
}

/// Takes an exclusive lock on `<file>.lock`, or refuses: a second instance
/// on the same file would never hear of the first one's commits and would
/// serve stale figures. The operating system drops the lock when the
/// process ends, however it ends. A moment's grace lets a restart overlap
/// the old process's exit.
fn lock_exclusively(path: &Path) -> Result<std::fs::File, TallyError> {
    let mut lock_path = path.as_os_str().to_owned();
    lock_path.push(".lock");
    let lock_path = PathBuf::from(lock_path);
    let file = std::fs::File::create(&lock_path)
        .map_err(|e| TallyError::Internal(format!("creating {}: {e}", lock_path.display())))?;
    for attempt in 0..20 {
        match file.try_lock() {
            Ok(()) => return Ok(file),
            Err(std::fs::TryLockError::WouldBlock) if attempt < 19 => {
                std::thread::sleep(std::time::Duration::from_millis(100))
            }
            Err(std::fs::TryLockError::WouldBlock) => break,
            Err(std::fs::TryLockError::Error(e)) => {
                return Err(TallyError::Internal(format!("locking {}: {e}", lock_path.display())))
            }
        }
    }
    Err(TallyError::Internal(format!(
        "another Tally instance is using {} (it holds {}); stop it first, or run several instances on PostgreSQL",
        path.display(),
        lock_path.display()
    )))
}

/// Runs store work on tokio's blocking pool.
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, TallyError> + Send + 'static,
) -> Result<T, TallyError> {
    tokio::task::spawn_blocking(work).await.map_err(|e| TallyError::Internal(format!("store task failed: {e}")))?
}

fn migrate(conn: &mut Connection) -> Result<(), TallyError> {
    let applied: usize =
        conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(failed("reading the schema version"))?;
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(applied) {
        let tx = conn.transaction().map_err(failed("starting a migration"))?;
        tx.execute_batch(sql).map_err(failed("migrating the schema"))?;
        tx.pragma_update(None, "user_version", i + 1).map_err(failed("recording the schema version"))?;
        tx.commit().map_err(failed("committing a migration"))?;
    }
    Ok(())
}

/// Binds `values` to a shared statement's `$1`, `$2`, … by name: SQLite
/// numbers `$N` parameters in the order they first appear, not by N.
fn numbered<'a>(values: &[&'a dyn ToSql]) -> Vec<(&'static str, &'a dyn ToSql)> {
    const NAMES: [&str; 9] = ["$1", "$2", "$3", "$4", "$5", "$6", "$7", "$8", "$9"];
    assert!(values.len() <= NAMES.len(), "a shared statement takes at most nine values");
    NAMES.into_iter().zip(values.iter().copied()).collect()
}
