//! [`Lifecycle`] and [`AuditTrail`] on SQLite: each change one transaction
//! on the writer's connection.

use super::super::lifecycle::{AuditTrail, ForgottenRound, Lifecycle, BOARD_TABLES, ROUND_TABLES};
use super::super::rows::audit_entry;
use super::super::sql;
use super::{failed, numbered, SqliteStore};
use crate::audit::AuditEntry;
use crate::error::TallyError;
use async_trait::async_trait;
use rusqlite::{params, OptionalExtension};

#[async_trait]
impl Lifecycle for SqliteStore {
    async fn delete_board(&self, board: &str, now: i64) -> Result<Option<u64>, TallyError> {
        let board = board.to_string();
        self.write(move |conn| {
            let failed = failed("deleting a board");
            let tx = conn.transaction().map_err(&failed)?;
            let closed: Option<u64> = tx
                .query_row(sql::CLOSE_FOR_DELETION, numbered(&[&board]).as_slice(), |r| r.get(0))
                .optional()
                .map_err(&failed)?;
            let Some(version) = closed else { return Ok(None) };
            for table in BOARD_TABLES {
                let column = if table == "boards" { "id" } else { "board_id" };
                tx.execute(&format!("DELETE FROM {table} WHERE {column} = ?1"), [&board]).map_err(&failed)?;
            }
            tx.execute(sql::TOMBSTONE, numbered(&[&board, &now]).as_slice()).map_err(&failed)?;
            tx.commit().map_err(&failed)?;
            Ok(Some(version))
        })
        .await
    }

    async fn deleted_at(&self, board: &str) -> Result<Option<i64>, TallyError> {
        let board = board.to_string();
        self.read(move |conn| {
            let at = conn.query_row(sql::DELETED_AT, numbered(&[&board]).as_slice(), |r| r.get(0));
            at.optional().map_err(failed("reading whether a board was deleted"))
        })
        .await
    }

    async fn idle_boards(&self, before: i64, keep: &str, limit: usize) -> Result<Vec<String>, TallyError> {
        let (keep, limit) = (keep.to_string(), limit as i64);
        self.read(move |conn| {
            let failed = failed("finding idle boards");
            let mut stmt = conn.prepare_cached(sql::IDLE_BOARDS).map_err(&failed)?;
            let ids = stmt.query_map(numbered(&[&before, &keep, &limit]).as_slice(), |r| r.get(0));
            ids.and_then(|rows| rows.collect()).map_err(&failed)
        })
        .await
    }

    async fn forget_rounds(&self, before: i64, limit: usize) -> Result<Vec<ForgottenRound>, TallyError> {
        self.write(move |conn| {
            let failed = failed("forgetting old rounds");
            let tx = conn.transaction().map_err(&failed)?;
            let old: Vec<(String, u32)> = {
                let mut stmt = tx
                    .prepare("SELECT board_id, round FROM rounds WHERE ended_at < ?1 ORDER BY ended_at LIMIT ?2")
                    .map_err(&failed)?;
                let rows = stmt.query_map(params![before, limit as i64], |r| Ok((r.get(0)?, r.get(1)?)));
                rows.and_then(|rows| rows.collect()).map_err(&failed)?
            };
            let mut forgotten = Vec::with_capacity(old.len());
            for (board, round) in old {
                for table in ROUND_TABLES {
                    let delete = format!("DELETE FROM {table} WHERE board_id = ?1 AND round = ?2");
                    tx.execute(&delete, params![board, round]).map_err(&failed)?;
                }
                let version = tx
                    .query_row(
                        "UPDATE boards SET version = version + 1 WHERE id = ?1 RETURNING version",
                        [&board],
                        |r| r.get(0),
                    )
                    .map_err(&failed)?;
                forgotten.push(ForgottenRound { board, round, version });
            }
            tx.commit().map_err(&failed)?;
            Ok(forgotten)
        })
        .await
    }
}

#[async_trait]
impl AuditTrail for SqliteStore {
    async fn record(&self, board: &str, entry: AuditEntry) -> Result<(), TallyError> {
        let board = board.to_string();
        self.write(move |conn| {
            let failed = failed("recording an admin's action");
            let tx = conn.transaction().map_err(&failed)?;
            let (action, credential) = (entry.action.as_str(), entry.by.stored());
            let values = numbered(&[&board, &entry.at, &action, &credential, &entry.detail]);
            tx.execute(sql::RECORD_AUDIT, values.as_slice()).map_err(&failed)?;
            tx.execute(sql::ACTIVE_AT, numbered(&[&board, &entry.at]).as_slice()).map_err(&failed)?;
            tx.commit().map_err(&failed)
        })
        .await
    }

    async fn audit_trail(&self, board: &str, limit: usize) -> Result<Vec<AuditEntry>, TallyError> {
        let (board, limit) = (board.to_string(), limit as i64);
        self.read(move |conn| {
            let failed = failed("reading the audit trail");
            let mut stmt = conn.prepare_cached(sql::AUDIT_TRAIL).map_err(&failed)?;
            let rows = stmt.query_map(numbered(&[&board, &limit]).as_slice(), |r| {
                let (at, action, credential, detail): (i64, String, String, String) =
                    (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
                Ok(audit_entry(at, &action, &credential, detail))
            });
            let entries: Vec<Option<AuditEntry>> = rows.and_then(|rows| rows.collect()).map_err(&failed)?;
            Ok(entries.into_iter().flatten().collect())
        })
        .await
    }
}
