//! [`Lifecycle`] and [`AuditTrail`] on PostgreSQL. The connection is shared,
//! so each change is one statement (a transaction of several could
//! interleave with another request's).

use super::super::lifecycle::{AuditTrail, ForgottenRound, Lifecycle, BOARD_TABLES, ROUND_TABLES};
use super::super::rows::audit_entry;
use super::super::sql;
use super::{announce, failed, PostgresStore};
use crate::audit::AuditEntry;
use crate::error::TallyError;
use async_trait::async_trait;
use std::sync::LazyLock;

/// Deletes every row of the board `$1` and keeps its id as deleted at `$2`,
/// in one statement. The board was closed by the statement before, so no
/// batch adds answers meanwhile (a batch gates on the board's row lock).
static DELETE_BOARD: LazyLock<String> = LazyLock::new(|| {
    let deletes: Vec<String> = BOARD_TABLES
        .iter()
        .filter(|table| **table != "boards")
        .enumerate()
        .map(|(i, table)| format!("d{i} AS (DELETE FROM {table} WHERE board_id = $1)"))
        .collect();
    format!(
        "WITH {},
         gone AS (DELETE FROM boards WHERE id = $1 RETURNING id)
         INSERT INTO deleted_boards (id, deleted_at) SELECT id, $2 FROM gone",
        deletes.join(",\n         ")
    )
});

/// Deletes up to `$2` frozen rounds that ended before `$1`, and moves each
/// board that lost one to a new version: (board, round, version) of each.
static FORGET_ROUNDS: LazyLock<String> = LazyLock::new(|| {
    let deletes: Vec<String> = ROUND_TABLES
        .iter()
        .filter(|table| **table != "rounds")
        .enumerate()
        .map(|(i, table)| {
            format!("d{i} AS (DELETE FROM {table} t USING old WHERE t.board_id = old.board_id AND t.round = old.round)")
        })
        .collect();
    format!(
        "WITH old AS (SELECT board_id, round FROM rounds WHERE ended_at < $1 ORDER BY ended_at LIMIT $2),
         {},
         gone AS (DELETE FROM rounds t USING old WHERE t.board_id = old.board_id AND t.round = old.round
                  RETURNING t.board_id, t.round),
         moved AS (UPDATE boards b SET version = b.version + 1 WHERE b.id IN (SELECT board_id FROM gone)
                   RETURNING b.id, b.version)
         SELECT gone.board_id, gone.round, moved.version FROM gone JOIN moved ON moved.id = gone.board_id",
        deletes.join(",\n         ")
    )
});

#[async_trait]
impl Lifecycle for PostgresStore {
    async fn delete_board(&self, board: &str, now: i64) -> Result<Option<u64>, TallyError> {
        let Some(version) =
            self.change_board("closing a board to delete it", board, sql::CLOSE_FOR_DELETION, &[&board]).await?
        else {
            return Ok(None);
        };
        let client = self.requests.get().await?;
        client.execute(DELETE_BOARD.as_str(), &[&board, &now]).await.map_err(failed("deleting a board"))?;
        announce(&client, vec![(board.to_string(), version as i64 + 1)]).await;
        Ok(Some(version + 1))
    }

    async fn deleted_at(&self, board: &str) -> Result<Option<i64>, TallyError> {
        let client = self.requests.get().await?;
        let row = client.query_opt(sql::DELETED_AT, &[&board]).await;
        Ok(row.map_err(failed("reading whether a board was deleted"))?.map(|r| r.get(0)))
    }

    async fn idle_boards(&self, before: i64, keep: &str, limit: usize) -> Result<Vec<String>, TallyError> {
        let client = self.requests.get().await?;
        let rows = client.query(sql::IDLE_BOARDS, &[&before, &keep, &(limit as i64)]).await;
        Ok(rows.map_err(failed("finding idle boards"))?.iter().map(|r| r.get(0)).collect())
    }

    async fn forget_rounds(&self, before: i64, limit: usize) -> Result<Vec<ForgottenRound>, TallyError> {
        let client = self.requests.get().await?;
        let rows = client.query(FORGET_ROUNDS.as_str(), &[&before, &(limit as i64)]).await;
        let forgotten: Vec<ForgottenRound> = rows
            .map_err(failed("forgetting old rounds"))?
            .iter()
            .map(|r| ForgottenRound {
                board: r.get(0),
                round: r.get::<_, i32>(1) as u32,
                version: r.get::<_, i64>(2) as u64,
            })
            .collect();
        let heads = forgotten.iter().map(|f| (f.board.clone(), f.version as i64)).collect();
        announce(&client, heads).await;
        Ok(forgotten)
    }
}

#[async_trait]
impl AuditTrail for PostgresStore {
    async fn record(&self, board: &str, entry: AuditEntry) -> Result<(), TallyError> {
        let client = self.requests.get().await?;
        let (action, credential) = (entry.action.as_str(), entry.by.stored());
        let statement = format!("WITH noted AS ({}) {}", sql::RECORD_AUDIT, sql::ACTIVE_AT);
        let values: [&(dyn tokio_postgres::types::ToSql + Sync); 5] =
            [&board, &entry.at, &action, &credential, &entry.detail];
        client.execute(&statement, &values).await.map(drop).map_err(failed("recording an admin's action"))
    }

    async fn audit_trail(&self, board: &str, limit: usize) -> Result<Vec<AuditEntry>, TallyError> {
        let client = self.requests.get().await?;
        let rows = client.query(sql::AUDIT_TRAIL, &[&board, &(limit as i64)]).await;
        let rows = rows.map_err(failed("reading the audit trail"))?;
        Ok(rows
            .iter()
            .filter_map(|r| audit_entry(r.get(0), r.get::<_, &str>(1), r.get::<_, &str>(2), r.get(3)))
            .collect())
    }
}
