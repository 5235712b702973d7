//! The scale-out backend: several Tally instances sharing one PostgreSQL
//! database.
//!
//! Each instance keeps four connections: a writer (its group commits, one at
//! a time, and nothing else), a reader (pages, lookups, reloads and the
//! admin's single-statement changes, pipelined on one connection), a probe
//! (the readiness check's write test) and a listener (see [`listener`]).
//! They reconnect on their next use after the server or network drops them.
//!
//! Nothing but [`PostgresStore::apply`] issues statements on the writer's
//! connection: a statement from elsewhere could land between a batch's
//! BEGIN and COMMIT (a probe's ROLLBACK once did, and the batch's COMMIT
//! then acknowledged writes that were never stored).
//!
//! Hot rows. Every submission to a board moves that board's version, and
//! clients rely on versions being one sequence per board, so the board row is
//! a point every writer must pass through, whatever the counters look like.
//! Per-instance counter shards would not remove it, only add a sum on every
//! read. So instead the row is passed through once per *batch*: each instance
//! already folds everything waiting into one transaction (group commit) and
//! writes one net delta per touched cell, so two instances contend for a hot
//! board at most once per commit each, and a busier instance simply commits
//! bigger batches. Each transaction locks its boards' rows first, in id
//! order, which also orders everything after it and rules out deadlocks
//! between instances on the counter rows.

mod batch;
mod connection;
mod listener;
mod rounds;
mod verify;

use super::plan::Committed;
use super::{gather, BoardInfo, Change, CountRow, DatabaseOptions, StoredBoard, Submission};
use crate::error::TallyError;
use batch::apply_batch;
use connection::{Connector, Link};
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::mpsc;
use tokio_postgres::error::SqlState;
use tokio_postgres::{Client, Config, SimpleQueryMessage};

/// Schema versions (`migrations/`, one file each), applied in order and recorded in `tally_schema`.
/// An edit of the revision the editor started from, and a structural one
/// only while nobody has answered; either way one new version, at which the
/// matrix changed. The row lock it takes orders it
/// with every batch touching the board.
const REPLACE_MATRIX: &str = "UPDATE boards
     SET matrix = $2, version = version + 1, matrix_rev = version + 1, shape = shape + $3::int8
     WHERE id = $1 AND matrix_rev = $4 AND ($3::int8 = 0 OR respondents = 0) RETURNING version";

const MIGRATIONS: &[&str] = &[
    include_str!("../../../../migrations/postgres/0001_boards_submissions_counts.sql"),
    include_str!("../../../../migrations/postgres/0002_closing_and_admin_keys.sql"),
    include_str!("../../../../migrations/postgres/0003_server_secret.sql"),
    include_str!("../../../../migrations/postgres/0004_board_matrices.sql"),
    include_str!("../../../../migrations/postgres/0005_matrix_edits.sql"),
    include_str!("../../../../migrations/postgres/0006_rounds.sql"),
    include_str!("../../../../migrations/postgres/0007_groups.sql"),
    include_str!("../../../../migrations/postgres/0008_no_index_by_respondent.sql"),
    include_str!("../../../../migrations/postgres/0009_reveal.sql"),
];

/// Any number that names Tally's migration lock ("tally" in ASCII);
/// instances starting at once take turns on it.
const MIGRATION_LOCK: i64 = 0x0074_616c_6c79;

/// The channel every commit is announced on, as "<board> <version>".
const CHANNEL: &str = "tally_versions";

/// A lock held too long elsewhere, or a statement cancelled at its
/// deadline, is the database being busy, not broken: worth a retry.
impl From<tokio_postgres::Error> for TallyError {
    fn from(e: tokio_postgres::Error) -> Self {
        match e.code() {
            Some(code) if *code == SqlState::LOCK_NOT_AVAILABLE || *code == SqlState::QUERY_CANCELED => {
                tracing::warn!(error = %super::with_causes(&e), "PostgreSQL statement timed out");
                TallyError::Unavailable { what: "the database is busy".into(), retry_after: 1 }
            }
            _ => TallyError::Internal(format!("PostgreSQL: {}", super::with_causes(&e))),
        }
    }
}

pub struct PostgresStore {
    connector: Connector,
    /// Group commits only (see the module's doc).
    writer: Link,
    reader: Link,
    /// The readiness check's write test, kept off the writer's connection.
    probe: Link,
    /// Past this, a batch's statement is cancelled (see [`Self::apply`]).
    pub(in crate::backend::store) commit_timeout: Duration,
}

impl PostgresStore {
    pub async fn open(config: &Config, options: &DatabaseOptions) -> Result<Self, TallyError> {
        let connector = Connector::new(config, options)?;
        let store = PostgresStore {
            writer: Link::new(&connector, "writer"),
            reader: Link::new(&connector, "reader"),
            probe: Link::new(&connector, "probe"),
            connector,
            commit_timeout: options.commit_timeout,
        };
        let client = store.reader.get().await?;
        in_transaction(&client, migrate(&client)).await?;
        Ok(store)
    }

    /// Starts listening for every instance's commits (this one's included).
    pub fn changes(&self) -> mpsc::Receiver<Change> {
        listener::spawn(self.connector.clone())
    }

    /// One board with its non-zero counts of the open round, and its
    /// matrix when `with_matrix`; read by primary key.
    pub async fn board(&self, id: &str, with_matrix: bool) -> Result<Option<StoredBoard>, TallyError> {
        // One statement, so the board row and its counts are one snapshot.
        let client = self.reader.get().await?;
        let rows = client
            .query(
                "SELECT b.id, b.matrix_id, b.title, b.private, b.created_at, b.version, b.respondents,
                        c.row_id, c.level, c.n, b.closed, b.matrix_rev, b.shape, b.round,
                        b.groups, b.min_group_size, b.reveal, b.revealed
                 FROM boards b LEFT JOIN counts c ON c.board_id = b.id AND c.round = b.round AND c.n > 0
                 WHERE b.id = $1",
                &[&id],
            )
            .await?;
        // Apart from the counts, so a large matrix is not repeated on each count's row.
        let matrix = match with_matrix {
            true => client.query_opt("SELECT matrix FROM boards WHERE id = $1", &[&id]).await?.and_then(|r| r.get(0)),
            false => None,
        };
        let rows = rows.iter().map(|r| CountRow {
            info: BoardInfo {
                id: r.get(0),
                matrix_id: r.get(1),
                title: r.get(2),
                private: r.get(3),
                created_at: r.get(4),
            },
            version: r.get::<_, i64>(5) as u64,
            respondents: r.get::<_, i64>(6) as u64,
            closed: r.get(10),
            matrix_rev: r.get::<_, i64>(11) as u64,
            shape: r.get::<_, i64>(12) as u64,
            round: r.get::<_, i32>(13) as u32,
            groups: (r.get(14), r.get::<_, i32>(15) as u32),
            reveal: (r.get(16), r.get(17)),
            cell: r.get::<_, Option<String>>(7).map(|row| (row, r.get::<_, i16>(8) as u8, r.get::<_, i64>(9) as u64)),
        });
        Ok(gather(rows, matrix))
    }

    pub async fn ping(&self) -> Result<(), TallyError> {
        self.reader.get().await?.batch_execute("SELECT 1").await?;
        Ok(())
    }

    /// The database answers and takes writes, asked on a connection of the
    /// probe's own: never the writer's, where its ROLLBACK could end a batch.
    pub async fn write_probe(&self) -> Result<(), TallyError> {
        // Taking a transaction id is what a write needs first; a read-only
        // server (a standby after a fail-over) refuses it.
        self.probe.get().await?.batch_execute("BEGIN; SELECT txid_current(); ROLLBACK").await?;
        Ok(())
    }

    /// The current version of each of `ids` (of every board when `None`).
    pub async fn versions(&self, ids: Option<Vec<String>>) -> Result<Vec<(String, u64)>, TallyError> {
        let select = "SELECT id, version FROM boards WHERE $1::text[] IS NULL OR id = ANY($1)";
        let rows = self.reader.get().await?.query(select, &[&ids]).await?;
        Ok(rows.iter().map(|r| (r.get(0), r.get::<_, i64>(1) as u64)).collect())
    }

    pub async fn insert_board(
        &self,
        info: BoardInfo,
        admin_hash: Option<String>,
        matrix: String,
    ) -> Result<(), TallyError> {
        let inserted = self
            .reader
            .get()
            .await?
            .execute(
                // The board and its first round, in one statement.
                "WITH board AS (
                    INSERT INTO boards (id, matrix_id, title, private, created_at, admin_hash, matrix)
                    VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING RETURNING id, created_at
                 )
                 INSERT INTO rounds (board_id, round, label, started_at) SELECT id, 1, 'Round 1', created_at FROM board",
                &[&info.id, &info.matrix_id, &info.title, &info.private, &info.created_at, &admin_hash, &matrix],
            )
            .await?;
        match inserted {
            1 => Ok(()),
            _ => Err(TallyError::Conflict(format!("board '{}' already exists", info.id))),
        }
    }

    /// Stores `candidate` unless an instance stored a secret already; the stored one.
    pub async fn secret(&self, candidate: String) -> Result<String, TallyError> {
        let client = self.reader.get().await?;
        let insert = "INSERT INTO server_secret (id, secret) VALUES (1, $1) ON CONFLICT (id) DO NOTHING";
        client.execute(insert, &[&candidate]).await?;
        Ok(client.query_one("SELECT secret FROM server_secret", &[]).await?.get(0))
    }

    /// Gives a board from before boards kept their matrix the one it was created on.
    pub async fn fill_matrix(&self, board: &str, matrix: String) -> Result<(), TallyError> {
        let update = "UPDATE boards SET matrix = $2 WHERE id = $1 AND matrix IS NULL";
        self.reader.get().await?.execute(update, &[&board, &matrix]).await?;
        Ok(())
    }

    pub async fn admin_hash(&self, board: &str) -> Result<Option<String>, TallyError> {
        let row = self.reader.get().await?.query_opt("SELECT admin_hash FROM boards WHERE id = $1", &[&board]).await?;
        Ok(row.and_then(|r| r.get(0)))
    }

    /// On the reader connection: the writer's is inside batch transactions.
    /// The update waits for the board row like any commit and is announced
    /// the same way.
    /// `None` when a structural change meets a board with answers.
    pub async fn replace_matrix(
        &self,
        board: &str,
        matrix: String,
        structural: bool,
        base: u64,
    ) -> Result<Option<u64>, TallyError> {
        let client = self.reader.get().await?;
        let Some(row) =
            client.query_opt(REPLACE_MATRIX, &[&board, &matrix, &(structural as i64), &(base as i64)]).await?
        else {
            return Ok(None);
        };
        let version: i64 = row.get(0);
        announce(&client, vec![(board.to_string(), version)]).await;
        Ok(Some(version as u64))
    }

    pub async fn set_closed(&self, board: &str, closed: bool) -> Result<u64, TallyError> {
        let client = self.reader.get().await?;
        let version: i64 = client
            .query_one(
                "UPDATE boards SET closed = $2, version = version + 1 WHERE id = $1 RETURNING version",
                &[&board, &closed],
            )
            .await?
            .get(0);
        announce(&client, vec![(board.to_string(), version)]).await;
        Ok(version as u64)
    }

    /// One transaction for the whole batch. Past the commit timeout its
    /// running statement is cancelled, so the transaction rolls back, unless
    /// it has committed by then; either way what is reported is what happened.
    pub async fn apply(&self, batch: Arc<Vec<Submission>>) -> Result<Committed, TallyError> {
        let client = self.writer.get().await?;
        let work = in_checked_transaction(&client, apply_batch(&client, &batch));
        let (committed, heads) =
            super::past_deadline(self.commit_timeout, work, || self.writer.cancel(&client)).await?;
        // Announced after the commit, never inside it: NOTIFY takes a
        // database-wide lock at commit, which would serialise every
        // instance's commits behind each other.
        announce(&client, heads).await;
        Ok(committed)
    }
}

/// Tells every listening instance each board's new version, as
/// "<board> <version>" on [`CHANNEL`] (what `listener.rs` parses). Called
/// after the change is committed, so a failure here is only logged: the
/// change stands, and a notice lost this way is caught by the listeners'
/// periodic resync.
async fn announce(client: &Client, heads: Vec<(String, i64)>) {
    let (boards, versions): (Vec<String>, Vec<i64>) = heads.into_iter().unzip();
    if let Err(error) = client
        .execute(
            "SELECT pg_notify($1, board || ' ' || version) FROM unnest($2::text[], $3::int8[]) AS h(board, version)",
            &[&CHANNEL, &boards, &versions],
        )
        .await
    {
        tracing::warn!(%error, "announcing a commit failed; other instances catch up at their next resync");
    }
}

/// Runs `work` between BEGIN and COMMIT, rolling back if it fails. The
/// future does nothing until awaited, so its statements follow the BEGIN.
async fn in_transaction<T>(
    client: &Client,
    work: impl Future<Output = Result<T, TallyError>>,
) -> Result<T, TallyError> {
    client.batch_execute("BEGIN").await?;
    match work.await {
        Ok(value) => {
            client.batch_execute("COMMIT").await?;
            Ok(value)
        }
        Err(error) => {
            let _ = client.batch_execute("ROLLBACK").await;
            Err(error)
        }
    }
}

/// Like [`in_transaction`], but COMMITs only inside the very transaction
/// its BEGIN opened. PostgreSQL answers a COMMIT outside a transaction with
/// a mere warning, so had anything ended the transaction early (a stray
/// ROLLBACK on the connection), the batch's remaining statements would have
/// run on their own and its COMMIT "succeeded": the transaction id, taken
/// with the BEGIN and checked in the same round trip as the COMMIT, turns
/// that into an error, and the batch is never acknowledged.
async fn in_checked_transaction<T>(
    client: &Client,
    work: impl Future<Output = Result<T, TallyError>>,
) -> Result<T, TallyError> {
    let began = client.simple_query("BEGIN; SELECT txid_current()").await?;
    let txid = began.iter().find_map(|m| match m {
        SimpleQueryMessage::Row(row) => row.get(0).and_then(|t| t.parse::<i64>().ok()),
        _ => None,
    });
    let txid = txid.ok_or_else(|| TallyError::Internal("PostgreSQL gave no transaction id".into()))?;
    let value = match work.await {
        Ok(value) => value,
        Err(error) => {
            let _ = client.batch_execute("ROLLBACK").await;
            return Err(error);
        }
    };
    // One simple query, so nothing can come between the check and the
    // COMMIT; a failed check (1/0) skips the COMMIT.
    let check = format!("SELECT 1 / COALESCE(txid_current_if_assigned() = {txid}, false)::int; COMMIT");
    match client.simple_query(&check).await {
        Ok(_) => Ok(value),
        Err(error) => {
            let _ = client.batch_execute("ROLLBACK").await;
            match error.code() {
                Some(code) if *code == SqlState::DIVISION_BY_ZERO => Err(lost_transaction()),
                _ => Err(error.into()),
            }
        }
    }
}

fn lost_transaction() -> TallyError {
    let what = "a batch's transaction ended before its COMMIT; the batch is not acknowledged";
    tracing::error!("{what}");
    TallyError::Internal(what.into())
}

/// Safe when several instances start at once: the advisory lock makes them
/// take turns, and each applies only what the one before it did not.
async fn migrate(client: &Client) -> Result<(), TallyError> {
    client.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK]).await?;
    client.batch_execute("CREATE TABLE IF NOT EXISTS tally_schema (version INTEGER NOT NULL)").await?;
    let applied: i32 = client.query_one("SELECT COALESCE(MAX(version), 0) FROM tally_schema", &[]).await?.get(0);
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(applied as usize) {
        client.batch_execute(sql).await?;
        client.execute("INSERT INTO tally_schema (version) VALUES ($1)", &[&(i as i32 + 1)]).await?;
    }
    Ok(())
}
