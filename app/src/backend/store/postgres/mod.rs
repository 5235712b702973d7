//! The scale-out backend: several Tally instances sharing one PostgreSQL
//! database.
//!
//! Each instance keeps four connections, named for what they carry:
//! `commits` (its group commits, one at a time, and nothing else),
//! `requests` (everything else that is one statement: pages, lookups,
//! reloads and the admin's changes, each a single statement, pipelined),
//! `probe` (the readiness check's write test) and a listener (see
//! [`listener`]). They reconnect on their next use after the server or
//! network drops them.
//!
//! Nothing but a batch ([`batch`]) issues statements on the `commits`
//! connection: a statement from elsewhere could land between a batch's
//! BEGIN and COMMIT (a probe's ROLLBACK once did, and the batch's COMMIT
//! then acknowledged writes that were never stored). A change made on
//! `requests` is one statement, so it is its own transaction: two
//! statements there could interleave with another request's.
//!
//! The files beside this one each implement one trait of the contract.
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
mod board_settings;
mod boards;
mod connection;
mod groups;
mod invitations;
mod lifecycle;
mod listener;
mod owners;
mod respondents;
mod rounds;
mod sign_ins;
mod upkeep;
mod webhooks;

use super::errors::postgres as failed;
use super::DatabaseOptions;
use crate::error::TallyError;
use connection::{Connector, Link};
use std::future::Future;
use std::time::Duration;
use tokio_postgres::types::ToSql;
use tokio_postgres::{Client, Config};

/// Schema versions (`migrations/`, one file each), applied in order and
/// recorded in `tally_schema`.
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
    include_str!("../../../../migrations/postgres/0010_invitations.sql"),
    include_str!("../../../../migrations/postgres/0011_admission_rev.sql"),
    include_str!("../../../../migrations/postgres/0012_sign_in.sql"),
    include_str!("../../../../migrations/postgres/0013_owners.sql"),
    include_str!("../../../../migrations/postgres/0014_member_domains.sql"),
    include_str!("../../../../migrations/postgres/0015_roles.sql"),
    include_str!("../../../../migrations/postgres/0016_counts_by_slice.sql"),
    include_str!("../../../../migrations/postgres/0017_webhooks.sql"),
    include_str!("../../../../migrations/postgres/0018_deletion_and_audit.sql"),
];

/// Any number that names Tally's migration lock ("tally" in ASCII);
/// instances starting at once take turns on it.
const MIGRATION_LOCK: i64 = 0x0074_616c_6c79;

/// The channel every commit is announced on, as "<board> <version>".
const CHANNEL: &str = "tally_versions";

pub struct PostgresStore {
    connector: Connector,
    /// Group commits only (see the module's doc).
    commits: Link,
    /// Every other statement, each its own transaction.
    requests: Link,
    /// The readiness check's write test, kept off the commits' connection.
    probe: Link,
    /// Past this, a batch's statement is cancelled (see [`batch`]).
    commit_timeout: Duration,
}

impl PostgresStore {
    pub async fn open(config: &Config, options: &DatabaseOptions) -> Result<Self, TallyError> {
        let connector = Connector::new(config, options)?;
        let store = PostgresStore {
            commits: Link::new(&connector, "commits"),
            requests: Link::new(&connector, "requests"),
            probe: Link::new(&connector, "probe"),
            connector,
            commit_timeout: options.commit_timeout,
        };
        let client = store.requests.get().await?;
        in_transaction(&client, migrate(&client)).await.map_err(failed("migrating the schema"))?;
        Ok(store)
    }

    /// Runs one statement that changes `board` and returns its new version
    /// (`None`: it changed nothing), then announces that version.
    async fn change_board(
        &self,
        context: &str,
        board: &str,
        statement: &str,
        values: &[&(dyn ToSql + Sync)],
    ) -> Result<Option<u64>, TallyError> {
        let client = self.requests.get().await?;
        let Some(row) = client.query_opt(statement, values).await.map_err(failed(context))? else {
            return Ok(None);
        };
        let version: i64 = row.get(0);
        announce(&client, vec![(board.to_string(), version)]).await;
        Ok(Some(version as u64))
    }
    /// [`Self::change_board`] for a change every existing board takes:
    /// changing nothing means there is no such board.
    async fn change_known_board(
        &self,
        context: &str,
        board: &str,
        statement: &str,
        values: &[&(dyn ToSql + Sync)],
    ) -> Result<u64, TallyError> {
        let version = self.change_board(context, board, statement, values).await?;
        version.ok_or_else(|| TallyError::UnknownBoard(board.to_string()))
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
    work: impl Future<Output = Result<T, tokio_postgres::Error>>,
) -> Result<T, tokio_postgres::Error> {
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

/// Safe when several instances start at once: the advisory lock makes them
/// take turns, and each applies only what the one before it did not.
async fn migrate(client: &Client) -> Result<(), tokio_postgres::Error> {
    client.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK]).await?;
    client.batch_execute("CREATE TABLE IF NOT EXISTS tally_schema (version INTEGER NOT NULL)").await?;
    let applied: i32 = client.query_one("SELECT COALESCE(MAX(version), 0) FROM tally_schema", &[]).await?.get(0);
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(applied as usize) {
        client.batch_execute(sql).await?;
        client.execute("INSERT INTO tally_schema (version) VALUES ($1)", &[&(i as i32 + 1)]).await?;
    }
    Ok(())
}
