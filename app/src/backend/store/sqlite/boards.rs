//! [`Boards`] on SQLite.

use super::super::contract::{structural_change_refused, Boards};
use super::super::lifecycle::taken;
use super::super::rows::{gather, CountRow};
use super::super::{sql, BoardInfo, StoredBoard};
use super::{failed, numbered, SqliteStore};
use crate::error::TallyError;
use async_trait::async_trait;
use rusqlite::{params, OptionalExtension};

/// An edit of the revision the editor started from, and a structural one
/// only while nobody has answered; either way one new version, at which the
/// matrix changed.
const REPLACE_MATRIX: &str = "UPDATE boards
     SET matrix = ?2, version = version + 1, matrix_rev = version + 1, shape = shape + ?3
     WHERE id = ?1 AND matrix_rev = ?4 AND (?3 = 0 OR respondents = 0) RETURNING version";

/// A deleted board's id is never given again (see `store::lifecycle`).
const INSERT_BOARD: &str =
    "INSERT INTO boards (id, matrix_id, title, private, created_at, admin_hash, matrix, active_at)
     SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?5 WHERE NOT EXISTS (SELECT 1 FROM deleted_boards WHERE id = ?1)
     ON CONFLICT (id) DO NOTHING";

/// A new board's first round.
const FIRST_ROUND: &str = "INSERT INTO rounds (board_id, round, label, started_at) VALUES (?1, 1, 'Round 1', ?2)";

#[async_trait]
impl Boards for SqliteStore {
    async fn board(&self, id: &str, with_matrix: bool) -> Result<Option<StoredBoard>, TallyError> {
        let id = id.to_string();
        self.read(move |conn| {
            let mut stmt = conn.prepare_cached(sql::BOARD).map_err(failed("reading a board"))?;
            let rows = stmt
                .query_map(numbered(&[&id]).as_slice(), |r| {
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
                        access: r.get(18)?,
                        admission_rev: r.get(19)?,
                        member_domains: r.get(20)?,
                        cell: match cell {
                            Some(row) => Some((row, r.get(8)?, r.get(9)?)),
                            None => None,
                        },
                    })
                })
                .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
                .map_err(failed("reading a board"))?;
            let matrix = match with_matrix {
                true => conn
                    .query_row(sql::MATRIX, numbered(&[&id]).as_slice(), |r| r.get(0))
                    .optional()
                    .map_err(failed("reading a matrix"))?
                    .flatten(),
                false => None,
            };
            Ok(gather(rows, matrix))
        })
        .await
    }

    async fn versions(&self, ids: Option<Vec<String>>) -> Result<Vec<(String, u64)>, TallyError> {
        // The ids as one JSON array, as PostgreSQL takes them as one array.
        let ids = ids.map(|ids| serde_json::to_string(&ids).expect("a list of strings serialises"));
        self.read(move |conn| {
            let select = "SELECT id, version FROM boards WHERE ?1 IS NULL OR id IN (SELECT value FROM json_each(?1))";
            let mut stmt = conn.prepare_cached(select).map_err(failed("reading versions"))?;
            let versions = stmt.query_map([&ids], |r| Ok((r.get(0)?, r.get(1)?))).and_then(|rows| rows.collect());
            versions.map_err(failed("reading versions"))
        })
        .await
    }

    async fn boards_starting_with(&self, prefix: &str) -> Result<Vec<String>, TallyError> {
        let prefix = prefix.to_string();
        self.read(move |conn| {
            let mut stmt = conn.prepare_cached(sql::STARTING_WITH).map_err(failed("finding a board by its code"))?;
            let ids = stmt.query_map(numbered(&[&prefix]).as_slice(), |r| r.get(0));
            ids.and_then(|rows| rows.collect()).map_err(failed("finding a board by its code"))
        })
        .await
    }

    async fn insert_board(
        &self,
        info: BoardInfo,
        admin_hash: Option<String>,
        matrix: String,
    ) -> Result<(), TallyError> {
        self.write(move |conn| {
            let failed = failed("creating a board");
            let tx = conn.transaction().map_err(&failed)?;
            let values =
                params![info.id, info.matrix_id, info.title, info.private, info.created_at, admin_hash, matrix];
            if tx.execute(INSERT_BOARD, values).map_err(&failed)? != 1 {
                return Err(taken(&info.id));
            }
            tx.execute(FIRST_ROUND, params![info.id, info.created_at]).map_err(&failed)?;
            tx.commit().map_err(&failed)
        })
        .await
    }

    async fn fill_matrix(&self, board: &str, matrix: String) -> Result<(), TallyError> {
        let board = board.to_string();
        self.write(move |conn| {
            let values = numbered(&[&board, &matrix]);
            conn.execute(sql::FILL_MATRIX, values.as_slice()).map(drop).map_err(failed("storing a board's matrix"))
        })
        .await
    }

    async fn admin_hash(&self, board: &str) -> Result<Option<String>, TallyError> {
        let board = board.to_string();
        self.read(move |conn| {
            let hash: Option<Option<String>> = conn
                .query_row(sql::ADMIN_HASH, numbered(&[&board]).as_slice(), |r| r.get(0))
                .optional()
                .map_err(failed("reading an admin key"))?;
            Ok(hash.flatten())
        })
        .await
    }

    async fn replace_matrix(
        &self,
        board: &str,
        matrix: String,
        structural: bool,
        base: u64,
    ) -> Result<u64, TallyError> {
        let board = board.to_string();
        let version: Option<u64> = self
            .write(move |conn| {
                conn.query_row(REPLACE_MATRIX, params![board, matrix, structural, base], |r| r.get(0))
                    .optional()
                    .map_err(failed("replacing a board's matrix"))
            })
            .await?;
        version.ok_or_else(structural_change_refused)
    }

    async fn set_closed(&self, board: &str, closed: bool) -> Result<u64, TallyError> {
        let board = board.to_string();
        self.write(move |conn| {
            let values = numbered(&[&board, &closed]);
            conn.query_row(sql::SET_CLOSED, values.as_slice(), |r| r.get(0))
                .map_err(failed("closing or reopening a board"))
        })
        .await
    }

    async fn secret(&self, candidate: String) -> Result<String, TallyError> {
        self.write(move |conn| {
            conn.execute(sql::KEEP_SECRET, numbered(&[&candidate]).as_slice())
                .and_then(|_| conn.query_row(sql::SECRET, [], |r| r.get(0)))
                .map_err(failed("reading the server's secret"))
        })
        .await
    }
}
