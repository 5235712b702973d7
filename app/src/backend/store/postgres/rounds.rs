//! Rounds and groups on PostgreSQL: opening the next round (freezing the
//! open one), the list of a board's rounds, a frozen round's figures, a
//! board's groups and one group's answers, and a respondent's latest answers
//! across rounds.

use super::super::decode_answers;
use super::super::rounds::{GROUP_SIZES, HISTORY, PREVIOUS, ROUNDS};
use super::{announce, PostgresStore};
use crate::answers::PreviousAnswers;
use crate::error::TallyError;
use crate::reveal::RevealSettings;
use crate::rounds::RoundInfo;

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

impl PostgresStore {
    /// Freezes the open round (keeping its respondent count) and opens the
    /// next, empty; that is one new board version, announced like a commit.
    pub async fn start_round(
        &self,
        board: &str,
        label: Option<String>,
        now: i64,
    ) -> Result<(RoundInfo, u64), TallyError> {
        let client = self.reader.get().await?;
        let row = client.query_one(START_ROUND, &[&board, &label, &now]).await?;
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

    /// The board's rounds, oldest first; the open one's respondents as of now.
    pub async fn rounds(&self, board: &str) -> Result<Vec<RoundInfo>, TallyError> {
        let rows = self.reader.get().await?.query(ROUNDS, &[&board]).await?;
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

    /// One round's non-zero counts, read by the (board, round) key prefix
    /// alone: no other round's rows are touched.
    pub async fn round_counts(&self, board: &str, round: u32) -> Result<Vec<(String, u8, u64)>, TallyError> {
        let rows = self
            .reader
            .get()
            .await?
            .query(
                "SELECT row_id, level, n FROM counts WHERE board_id = $1 AND round = $2 AND n > 0",
                &[&board, &(round as i32)],
            )
            .await?;
        Ok(rows.iter().map(|r| (r.get(0), r.get::<_, i16>(1) as u8, r.get::<_, i64>(2) as u64)).collect())
    }

    pub async fn set_groups(&self, board: &str, names: String, threshold: u32) -> Result<u64, TallyError> {
        let client = self.reader.get().await?;
        let version: i64 = client
            .query_one(
                "UPDATE boards SET groups = $2, min_group_size = $3, version = version + 1 WHERE id = $1 RETURNING version",
                &[&board, &names, &(threshold as i32)],
            )
            .await?
            .get(0);
        announce(&client, vec![(board.to_string(), version)]).await;
        Ok(version as u64)
    }

    pub async fn set_reveal(&self, board: &str, settings: RevealSettings) -> Result<u64, TallyError> {
        let client = self.reader.get().await?;
        let update =
            "UPDATE boards SET reveal = $2, revealed = $3, version = version + 1 WHERE id = $1 RETURNING version";
        let version: i64 =
            client.query_one(update, &[&board, &settings.reveal.as_str(), &settings.revealed]).await?.get(0);
        announce(&client, vec![(board.to_string(), version)]).await;
        Ok(version as u64)
    }

    pub async fn group_sizes(&self, board: &str, round: u32) -> Result<Vec<(Option<String>, u64)>, TallyError> {
        let rows = self.reader.get().await?.query(GROUP_SIZES, &[&board, &(round as i32)]).await?;
        Ok(rows.iter().map(|r| (r.get(0), r.get::<_, i64>(1) as u64)).collect())
    }

    pub async fn group_answers(&self, board: &str, round: u32, group: &str) -> Result<Vec<String>, TallyError> {
        let rows = self
            .reader
            .get()
            .await?
            .query(
                "SELECT answers::text FROM submissions WHERE board_id = $1 AND round = $2 AND group_name = $3",
                &[&board, &(round as i32), &group],
            )
            .await?;
        Ok(rows.iter().map(|r| r.get(0)).collect())
    }

    pub async fn history(&self, board: &str, respondent: &str) -> Result<Vec<(u32, String, String)>, TallyError> {
        let rows = self.reader.get().await?.query(HISTORY, &[&board, &respondent]).await?;
        Ok(rows.iter().map(|r| (r.get::<_, i32>(0) as u32, r.get(1), r.get(2))).collect())
    }

    /// The respondent's answers of the open round, or else of the latest
    /// round they answered, marked with that round's label.
    pub async fn previous(&self, board: &str, respondent: &str) -> Result<Option<PreviousAnswers>, TallyError> {
        let row = self.reader.get().await?.query_opt(PREVIOUS, &[&board, &respondent]).await?;
        row.map(|r| {
            let open: bool = r.get(2);
            Ok(PreviousAnswers {
                answers: decode_answers(r.get(0))?,
                submitted_at: r.get(1),
                from_round: (!open).then(|| r.get(3)),
                group: r.get(4),
            })
        })
        .transpose()
    }
}

/// Deletes a respondent's answers (`$3`: of every round, else of the open
/// one) and takes them out of each round's counts and respondent count, in
/// one statement under the board's row lock, which every batch touching the
/// board also takes. One statement, because the connection is shared: a
/// transaction of several statements on it could interleave with another's.
const WITHDRAW: &str = "WITH locked AS (SELECT id, round FROM boards WHERE id = $1 FOR UPDATE),
    gone AS (
        DELETE FROM submissions s USING locked
        WHERE s.board_id = locked.id AND s.respondent = $2 AND ($3 OR s.round = locked.round)
        RETURNING s.round, s.answers
    ),
    cells AS (SELECT g.round, j.key AS row_id, j.value::int2 AS level FROM gone g, jsonb_each_text(g.answers) j),
    fewer_counts AS (
        UPDATE counts c SET n = c.n - 1 FROM cells
        WHERE c.board_id = $1 AND c.round = cells.round AND c.row_id = cells.row_id AND c.level = cells.level
    ),
    fewer_frozen AS (
        UPDATE rounds r SET respondents = r.respondents - 1 FROM gone, locked
        WHERE r.board_id = $1 AND r.round = gone.round AND gone.round <> locked.round
    )
    UPDATE boards b SET version = b.version + 1,
        respondents = b.respondents - (SELECT COUNT(*) FROM gone, locked WHERE gone.round = locked.round)
    FROM locked WHERE b.id = locked.id AND EXISTS (SELECT 1 FROM gone)
    RETURNING b.version, (SELECT COUNT(*) FROM gone)";

impl PostgresStore {
    /// Takes the respondent's answers out (see [`WITHDRAW`]); returns how
    /// many rounds lost an answer.
    pub async fn withdraw(&self, board: &str, respondent: &str, every_round: bool) -> Result<usize, TallyError> {
        let client = self.reader.get().await?;
        let Some(row) = client.query_opt(WITHDRAW, &[&board, &respondent, &every_round]).await? else {
            return Ok(0);
        };
        announce(&client, vec![(board.to_string(), row.get(0))]).await;
        Ok(row.get::<_, i64>(1) as usize)
    }
}
