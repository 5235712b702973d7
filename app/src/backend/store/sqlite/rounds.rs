//! [`Rounds`] on SQLite.

use super::super::contract::Rounds;
use super::super::sql;
use super::{failed, numbered, SqliteStore};
use crate::error::TallyError;
use crate::rounds::RoundInfo;
use async_trait::async_trait;
use rusqlite::{params, TransactionBehavior};

#[async_trait]
impl Rounds for SqliteStore {
    /// In one immediate transaction on the writer's connection, which
    /// batches take too, so each batch runs wholly before or after: every
    /// answer lands in exactly one round.
    async fn start_round(&self, board: &str, label: Option<String>, now: i64) -> Result<(RoundInfo, u64), TallyError> {
        let board = board.to_string();
        self.write(move |conn| {
            let failed = failed("starting a round");
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(&failed)?;
            let (open, respondents): (u32, i64) = tx
                .query_row("SELECT round, respondents FROM boards WHERE id = ?1", [&board], |r| Ok((r.get(0)?, r.get(1)?)))
                .map_err(&failed)?;
            tx.execute(
                "UPDATE rounds SET ended_at = ?3, respondents = ?4 WHERE board_id = ?1 AND round = ?2",
                params![board, open, now, respondents],
            )
            .map_err(&failed)?;
            let round = open + 1;
            let label = label.unwrap_or_else(|| crate::rounds::default_label(round));
            tx.execute(
                "INSERT INTO rounds (board_id, round, label, started_at) VALUES (?1, ?2, ?3, ?4)",
                params![board, round, label, now],
            )
            .map_err(&failed)?;
            let version: u64 = tx
                .query_row(
                    "UPDATE boards SET round = ?2, respondents = 0, revealed = 0, version = version + 1 WHERE id = ?1 RETURNING version",
                    params![board, round],
                    |r| r.get(0),
                )
                .map_err(&failed)?;
            tx.commit().map_err(&failed)?;
            Ok((RoundInfo { round, label, started_at: now, ended_at: None, respondents: 0 }, version))
        })
        .await
    }

    async fn rounds(&self, board: &str) -> Result<Vec<RoundInfo>, TallyError> {
        let board = board.to_string();
        self.read(move |conn| {
            let mut stmt = conn.prepare_cached(sql::ROUNDS).map_err(failed("listing rounds"))?;
            let rounds = stmt.query_map(numbered(&[&board]).as_slice(), |r| {
                Ok(RoundInfo {
                    round: r.get(0)?,
                    label: r.get(1)?,
                    started_at: r.get(2)?,
                    ended_at: r.get(3)?,
                    respondents: r.get(4)?,
                })
            });
            rounds.and_then(|rows| rows.collect()).map_err(failed("listing rounds"))
        })
        .await
    }

    async fn round_counts(&self, board: &str, round: u32) -> Result<Vec<(String, u8, u64)>, TallyError> {
        let board = board.to_string();
        self.read(move |conn| {
            let mut stmt = conn.prepare_cached(sql::ROUND_COUNTS).map_err(failed("reading a round"))?;
            let counts =
                stmt.query_map(numbered(&[&board, &round]).as_slice(), |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)));
            counts.and_then(|rows| rows.collect()).map_err(failed("reading a round"))
        })
        .await
    }
}
