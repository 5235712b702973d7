//! [`Rounds`] on PostgreSQL.

use super::super::contract::Rounds;
use super::super::sql;
use super::{announce, failed, PostgresStore};
use crate::error::TallyError;
use crate::rounds::RoundInfo;
use async_trait::async_trait;

/// Freezes the open round and opens the next in one statement, under the
/// board's row lock, which every batch touching the board also takes: each
/// batch commits wholly before or after, so every answer is in one round.
const START_ROUND: &str = "WITH open AS (SELECT id, round, respondents FROM boards WHERE id = $1 FOR UPDATE),
    ended AS (
        UPDATE rounds r SET ended_at = $3, respondents = open.respondents
        FROM open WHERE r.board_id = open.id AND r.round = open.round
    ),
    started AS (
        INSERT INTO rounds (board_id, round, label, started_at)
        SELECT id, round + 1, COALESCE($2::text, 'Round ' || (round + 1)), $3 FROM open RETURNING label
    )
    UPDATE boards b SET round = open.round + 1, respondents = 0, revealed = FALSE, version = b.version + 1
    FROM open WHERE b.id = open.id RETURNING b.version, b.round, (SELECT label FROM started)";

#[async_trait]
impl Rounds for PostgresStore {
    async fn start_round(&self, board: &str, label: Option<String>, now: i64) -> Result<(RoundInfo, u64), TallyError> {
        let client = self.requests.get().await?;
        let row = client.query_one(START_ROUND, &[&board, &label, &now]).await.map_err(failed("starting a round"))?;
        let version: i64 = row.get(0);
        announce(&client, vec![(board.to_string(), version)]).await;
        let round = RoundInfo {
            round: row.get::<_, i32>(1) as u32,
            label: row.get(2),
            started_at: now,
            ended_at: None,
            respondents: 0,
        };
        Ok((round, version as u64))
    }

    async fn rounds(&self, board: &str) -> Result<Vec<RoundInfo>, TallyError> {
        let rows = self.requests.get().await?.query(sql::ROUNDS, &[&board]).await.map_err(failed("listing rounds"))?;
        Ok(rows
            .iter()
            .map(|r| RoundInfo {
                round: r.get::<_, i32>(0) as u32,
                label: r.get(1),
                started_at: r.get(2),
                ended_at: r.get(3),
                respondents: r.get::<_, i64>(4) as u64,
            })
            .collect())
    }

    async fn round_counts(&self, board: &str, round: u32) -> Result<Vec<(String, u8, u64)>, TallyError> {
        let client = self.requests.get().await?;
        let rows =
            client.query(sql::ROUND_COUNTS, &[&board, &(round as i32)]).await.map_err(failed("reading a round"))?;
        Ok(rows.iter().map(|r| (r.get(0), r.get::<_, i16>(1) as u8, r.get::<_, i64>(2) as u64)).collect())
    }
}
