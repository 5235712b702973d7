//! [`Boards`] on PostgreSQL.

use super::super::contract::{structural_change_refused, Boards};
use super::super::lifecycle::taken;
use super::super::rows::{gather, CountRow};
use super::super::{sql, BoardInfo, StoredBoard};
use super::{failed, PostgresStore};
use crate::error::TallyError;
use async_trait::async_trait;

/// An edit of the revision the editor started from, and a structural one
/// only while nobody has answered; either way one new version, at which the
/// matrix changed. The row lock it takes orders it with every batch
/// touching the board.
const REPLACE_MATRIX: &str = "UPDATE boards
     SET matrix = $2, version = version + 1, matrix_rev = version + 1, shape = shape + $3::int8
     WHERE id = $1 AND matrix_rev = $4 AND ($3::int8 = 0 OR respondents = 0) RETURNING version";

/// The board and its first round, in one statement.
const INSERT_BOARD: &str = "WITH board AS (
        INSERT INTO boards (id, matrix_id, title, private, created_at, admin_hash, matrix, active_at)
        SELECT $1, $2, $3, $4, $5, $6, $7, $5 WHERE NOT EXISTS (SELECT 1 FROM deleted_boards WHERE id = $1)
        ON CONFLICT (id) DO NOTHING RETURNING id, created_at
     )
     INSERT INTO rounds (board_id, round, label, started_at) SELECT id, 1, 'Round 1', created_at FROM board";

#[async_trait]
impl Boards for PostgresStore {
    async fn board(&self, id: &str, with_matrix: bool) -> Result<Option<StoredBoard>, TallyError> {
        let client = self.requests.get().await?;
        let rows = client.query(sql::BOARD, &[&id]).await.map_err(failed("reading a board"))?;
        let matrix = match with_matrix {
            true => {
                client.query_opt(sql::MATRIX, &[&id]).await.map_err(failed("reading a matrix"))?.and_then(|r| r.get(0))
            }
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
            access: r.get(18),
            admission_rev: r.get::<_, i64>(19) as u64,
            member_domains: r.get(20),
            cell: r.get::<_, Option<String>>(7).map(|row| (row, r.get::<_, i16>(8) as u8, r.get::<_, i64>(9) as u64)),
        });
        Ok(gather(rows, matrix))
    }

    async fn versions(&self, ids: Option<Vec<String>>) -> Result<Vec<(String, u64)>, TallyError> {
        let select = "SELECT id, version FROM boards WHERE $1::text[] IS NULL OR id = ANY($1)";
        let rows = self.requests.get().await?.query(select, &[&ids]).await.map_err(failed("reading versions"))?;
        Ok(rows.iter().map(|r| (r.get(0), r.get::<_, i64>(1) as u64)).collect())
    }

    async fn boards_starting_with(&self, prefix: &str) -> Result<Vec<String>, TallyError> {
        let client = self.requests.get().await?;
        let rows = client.query(sql::STARTING_WITH, &[&prefix]).await.map_err(failed("finding a board by its code"))?;
        Ok(rows.iter().map(|r| r.get(0)).collect())
    }

    async fn insert_board(
        &self,
        info: BoardInfo,
        admin_hash: Option<String>,
        matrix: String,
    ) -> Result<(), TallyError> {
        let values: [&(dyn tokio_postgres::types::ToSql + Sync); 7] =
            [&info.id, &info.matrix_id, &info.title, &info.private, &info.created_at, &admin_hash, &matrix];
        let inserted =
            self.requests.get().await?.execute(INSERT_BOARD, &values).await.map_err(failed("creating a board"))?;
        match inserted {
            1 => Ok(()),
            _ => Err(taken(&info.id)),
        }
    }

    async fn fill_matrix(&self, board: &str, matrix: String) -> Result<(), TallyError> {
        let client = self.requests.get().await?;
        client.execute(sql::FILL_MATRIX, &[&board, &matrix]).await.map_err(failed("storing a board's matrix"))?;
        Ok(())
    }

    async fn admin_hash(&self, board: &str) -> Result<Option<String>, TallyError> {
        let client = self.requests.get().await?;
        let row = client.query_opt(sql::ADMIN_HASH, &[&board]).await.map_err(failed("reading an admin key"))?;
        Ok(row.and_then(|r| r.get(0)))
    }

    async fn replace_matrix(
        &self,
        board: &str,
        matrix: String,
        structural: bool,
        base: u64,
    ) -> Result<u64, TallyError> {
        let values: [&(dyn tokio_postgres::types::ToSql + Sync); 4] =
            [&board, &matrix, &(structural as i64), &(base as i64)];
        let version = self.change_board("replacing a board's matrix", board, REPLACE_MATRIX, &values).await?;
        version.ok_or_else(structural_change_refused)
    }

    async fn set_closed(&self, board: &str, closed: bool) -> Result<u64, TallyError> {
        let values: [&(dyn tokio_postgres::types::ToSql + Sync); 2] = [&board, &closed];
        self.change_known_board("closing or reopening a board", board, sql::SET_CLOSED, &values).await
    }

    async fn secret(&self, candidate: String) -> Result<String, TallyError> {
        let client = self.requests.get().await?;
        let failed = failed("reading the server's secret");
        client.execute(sql::KEEP_SECRET, &[&candidate]).await.map_err(&failed)?;
        Ok(client.query_one(sql::SECRET, &[]).await.map_err(&failed)?.get(0))
    }
}
