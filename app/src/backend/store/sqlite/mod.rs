//! The embedded default: one SQLite file in WAL mode with `synchronous=FULL`,
//! so a commit is on disk before the engine acknowledges it.
//!
//! rusqlite is synchronous, so every call runs on tokio's blocking pool. A
//! whole batch is one blocking call and one transaction: that is where group
//! commit gets its throughput (one fsync for hundreds of submissions). The
//! writer and readers use separate connections, which WAL lets run at once.

mod batch;
mod rounds;
mod verify;

use super::plan::Committed;
use super::{gather, internal, BoardInfo, CountRow, DatabaseOptions, StoredBoard, Submission};
use crate::error::TallyError;
use batch::apply_batch;
use rusqlite::{params, Connection, OpenFlags, OptionalExtension};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Schema versions (`migrations/`, one file each), applied in order and recorded in `PRAGMA user_version`.
/// A new board's first round.
const FIRST_ROUND: &str = "INSERT INTO rounds (board_id, round, label, started_at) VALUES (?1, 1, 'Round 1', ?2)";

/// An edit of the revision the editor started from, and a structural one
/// only while nobody has answered; either way one new version, at which the
/// matrix changed.
const REPLACE_MATRIX: &str = "UPDATE boards
     SET matrix = ?2, version = version + 1, matrix_rev = version + 1, shape = shape + ?3
     WHERE id = ?1 AND matrix_rev = ?4 AND (?3 = 0 OR respondents = 0) RETURNING version";

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
    pub(in crate::backend::store) commit_timeout: Duration,
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
                let conn = Connection::open(&path).map_err(internal("opening the SQLite file"))?;
                conn.execute_batch(&format!(
                    "PRAGMA journal_mode = WAL;
                     PRAGMA synchronous = FULL;
                     PRAGMA foreign_keys = ON;
                     PRAGMA busy_timeout = {};",
                    commit_timeout.as_millis()
                ))
                .map_err(internal("configuring SQLite"))?;
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
            conn.busy_timeout(commit_timeout).map_err(internal("configuring SQLite"))?;
            let applied: usize = conn
                .query_row("PRAGMA user_version", [], |r| r.get(0))
                .map_err(internal("reading the schema version"))?;
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

    /// One board with its non-zero counts of the open round, and its
    /// matrix when `with_matrix`; read by primary key, so loading a board
    /// costs the same with a thousand boards stored or a million.
    pub async fn board(&self, id: &str, with_matrix: bool) -> Result<Option<StoredBoard>, TallyError> {
        let (reader, id) = (self.reader.clone(), id.to_string());
        blocking(move || {
            let conn = reader.lock().unwrap_or_else(|e| e.into_inner());
            let mut stmt = conn
                .prepare_cached(
                    "SELECT b.id, b.matrix_id, b.title, b.private, b.created_at, b.version, b.respondents,
                            c.row_id, c.level, c.n, b.closed, b.matrix_rev, b.shape, b.round,
                            b.groups, b.min_group_size, b.reveal, b.revealed
                     FROM boards b LEFT JOIN counts c ON c.board_id = b.id AND c.round = b.round AND c.n > 0
                     WHERE b.id = ?1",
                )
                .map_err(internal("reading a board"))?;
            let rows = stmt
                .query_map([&id], |r| {
                    let cell: Option<String> = r.get(7)?;
                    Ok(CountRow {
                        info: BoardInfo {
                            id: r.get(0)?,
                            matrix_id: r.get(1)?,
                            title: r.get(2)?,
                            private: r.get(3)?,
                            created_at: r.get(4)?,
                        },
                        version: r.get(5)?,
                        respondents: r.get(6)?,
                        closed: r.get(10)?,
                        matrix_rev: r.get(11)?,
                        shape: r.get(12)?,
                        round: r.get(13)?,
                        groups: (r.get(14)?, r.get(15)?),
                        reveal: (r.get(16)?, r.get(17)?),
                        cell: match cell {
                            Some(row) => Some((row, r.get(8)?, r.get(9)?)),
                            None => None,
                        },
                    })
                })
                .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
                .map_err(internal("reading a board"))?;
            // Apart from the counts, so a large matrix is not repeated on each count's row.
            let matrix = match with_matrix {
                true => conn
                    .query_row("SELECT matrix FROM boards WHERE id = ?1", [&id], |r| r.get(0))
                    .optional()
                    .map_err(internal("reading a matrix"))?
                    .flatten(),
                false => None,
            };
            Ok(gather(rows, matrix))
        })
        .await
    }

    pub async fn ping(&self) -> Result<(), TallyError> {
        let reader = self.reader.clone();
        blocking(move || {
            let conn = reader.lock().unwrap_or_else(|e| e.into_inner());
            conn.query_row("SELECT 1", [], |_| Ok(())).map_err(internal("reaching the SQLite file"))
        })
        .await
    }

    /// Takes the write lock and lets go of it, as a commit would.
    pub async fn write_probe(&self) -> Result<(), TallyError> {
        let writer = self.writer.clone();
        blocking(move || {
            let conn = writer.lock().unwrap_or_else(|e| e.into_inner());
            conn.execute_batch("BEGIN IMMEDIATE; ROLLBACK;").map_err(internal("probing for writes"))
        })
        .await
    }

    /// The current version of each of `ids` (of every board when `None`).
    pub async fn versions(&self, ids: Option<Vec<String>>) -> Result<Vec<(String, u64)>, TallyError> {
        let reader = self.reader.clone();
        blocking(move || {
            let conn = reader.lock().unwrap_or_else(|e| e.into_inner());
            // The ids as one JSON array, as PostgreSQL takes them as one array.
            let ids = ids.map(|ids| serde_json::to_string(&ids).expect("a list of strings serialises"));
            let mut stmt = conn
                .prepare_cached(
                    "SELECT id, version FROM boards WHERE ?1 IS NULL OR id IN (SELECT value FROM json_each(?1))",
                )
                .map_err(internal("reading versions"))?;
            let versions = stmt
                .query_map([&ids], |r| Ok((r.get(0)?, r.get(1)?)))
                .and_then(|rows| rows.collect())
                .map_err(internal("reading versions"))?;
            Ok(versions)
        })
        .await
    }

    pub async fn insert_board(
        &self,
        info: BoardInfo,
        admin_hash: Option<String>,
        matrix: String,
    ) -> Result<(), TallyError> {
        let writer = self.writer.clone();
        blocking(move || {
            let mut conn = writer.lock().unwrap_or_else(|e| e.into_inner());
            let tx = conn.transaction().map_err(internal("creating a board"))?;
            let inserted = tx
                .execute(
                    "INSERT INTO boards (id, matrix_id, title, private, created_at, admin_hash, matrix)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (id) DO NOTHING",
                    params![info.id, info.matrix_id, info.title, info.private, info.created_at, admin_hash, matrix],
                )
                .map_err(internal("creating a board"))?;
            if inserted != 1 {
                return Err(TallyError::Conflict(format!("board '{}' already exists", info.id)));
            }
            tx.execute(FIRST_ROUND, params![info.id, info.created_at]).map_err(internal("creating a board"))?;
            tx.commit().map_err(internal("creating a board"))
        })
        .await
    }

    /// Stores `candidate` unless a secret is stored already; the stored one.
    pub async fn secret(&self, candidate: String) -> Result<String, TallyError> {
        let writer = self.writer.clone();
        blocking(move || {
            let conn = writer.lock().unwrap_or_else(|e| e.into_inner());
            conn.execute(
                "INSERT INTO server_secret (id, secret) VALUES (1, ?1) ON CONFLICT (id) DO NOTHING",
                [candidate],
            )
            .and_then(|_| conn.query_row("SELECT secret FROM server_secret", [], |r| r.get(0)))
            .map_err(internal("reading the server's secret"))
        })
        .await
    }

    /// Gives a board from before boards kept their matrix the one it was created on.
    pub async fn fill_matrix(&self, board: &str, matrix: String) -> Result<(), TallyError> {
        let (writer, board) = (self.writer.clone(), board.to_string());
        blocking(move || {
            let conn = writer.lock().unwrap_or_else(|e| e.into_inner());
            conn.execute("UPDATE boards SET matrix = ?2 WHERE id = ?1 AND matrix IS NULL", params![board, matrix])
                .map(drop)
                .map_err(internal("storing a board's matrix"))
        })
        .await
    }

    /// `None` when a structural change meets a board with answers.
    pub async fn replace_matrix(
        &self,
        board: &str,
        matrix: String,
        structural: bool,
        base: u64,
    ) -> Result<Option<u64>, TallyError> {
        let (writer, board) = (self.writer.clone(), board.to_string());
        blocking(move || {
            let conn = writer.lock().unwrap_or_else(|e| e.into_inner());
            conn.query_row(REPLACE_MATRIX, params![board, matrix, structural, base], |r| r.get(0))
                .optional()
                .map_err(internal("replacing a board's matrix"))
        })
        .await
    }

    pub async fn admin_hash(&self, board: &str) -> Result<Option<String>, TallyError> {
        let (reader, board) = (self.reader.clone(), board.to_string());
        blocking(move || {
            let conn = reader.lock().unwrap_or_else(|e| e.into_inner());
            let hash: Option<Option<String>> = conn
                .query_row("SELECT admin_hash FROM boards WHERE id = ?1", [&board], |r| r.get(0))
                .optional()
                .map_err(internal("reading an admin key"))?;
            Ok(hash.flatten())
        })
        .await
    }

    pub async fn set_closed(&self, board: &str, closed: bool) -> Result<u64, TallyError> {
        let (writer, board) = (self.writer.clone(), board.to_string());
        blocking(move || {
            let conn = writer.lock().unwrap_or_else(|e| e.into_inner());
            conn.query_row(
                "UPDATE boards SET closed = ?2, version = version + 1 WHERE id = ?1 RETURNING version",
                params![board, closed],
                |r| r.get(0),
            )
            .map_err(internal("closing or reopening a board"))
        })
        .await
    }

    /// One transaction for the whole batch, interrupted (and so rolled
    /// back) if it is still running at the commit timeout.
    pub async fn apply(&self, batch: Arc<Vec<Submission>>) -> Result<Committed, TallyError> {
        let writer = self.writer.clone();
        let work = blocking(move || {
            let mut conn = writer.lock().unwrap_or_else(|e| e.into_inner());
            apply_batch(&mut conn, &batch).map_err(internal("applying submissions"))
        });
        super::past_deadline(self.commit_timeout, work, || self.interrupt.interrupt()).await
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
        conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(internal("reading the schema version"))?;
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(applied) {
        let tx = conn.transaction().map_err(internal("starting a migration"))?;
        tx.execute_batch(sql).map_err(internal("migrating the schema"))?;
        tx.pragma_update(None, "user_version", i + 1).map_err(internal("recording the schema version"))?;
        tx.commit().map_err(internal("committing a migration"))?;
    }
    Ok(())
}
