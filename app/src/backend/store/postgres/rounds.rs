//! Rounds and groups on PostgreSQL: opening the next round (freezing the
//! open one), the list of a board's rounds, a frozen round's figures, a
//! board's groups and one group's answers, and a respondent's latest answers
//! across rounds.

use super::super::{decode_answers, HISTORY, PREVIOUS, ROUNDS};
use super::{announce, PostgresStore};
use crate::answers::PreviousAnswers;
use crate::error::TallyError;
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
    UPDATE boards b SET round = open.round + 1, respondents = 0, version = b.version + 1
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

impl PostgresStore {
    /// Deletes the respondent's answers (of the open round, or of every
    /// round) and takes them out of each round's counts and respondent
    /// count, in one transaction under the board's row lock, which every
    /// batch touching the board also takes. Returns how many rounds lost an
    /// answer and the board's new version (unchanged when there was nothing).
    pub async fn withdraw(&self, board: &str, respondent: &str, every_round: bool) -> Result<(usize, u64), TallyError> {
        let client = self.writer.get().await?;
        let work = async {
            let locked =
                client.query_one("SELECT round, version FROM boards WHERE id = $1 FOR UPDATE", &[&board]).await?;
            let (open, version): (i32, i64) = (locked.get(0), locked.get(1));
            let given = client
                .query(
                    "DELETE FROM submissions WHERE board_id = $1 AND respondent = $2 AND ($3 OR round = $4)
                     RETURNING round, answers::text",
                    &[&board, &respondent, &every_round, &open],
                )
                .await?;
            if given.is_empty() {
                return Ok((0, version));
            }
            for row in &given {
                let round: i32 = row.get(0);
                let (cells, levels): (Vec<String>, Vec<i16>) =
                    decode_answers(row.get(1))?.into_iter().map(|(row, level)| (row, level as i16)).unzip();
                client
                    .execute(
                        "UPDATE counts c SET n = c.n - 1 FROM unnest($3::text[], $4::int2[]) AS k(row_id, level)
                         WHERE c.board_id = $1 AND c.round = $2 AND c.row_id = k.row_id AND c.level = k.level",
                        &[&board, &round, &cells, &levels],
                    )
                    .await?;
                if round == open {
                    client.execute("UPDATE boards SET respondents = respondents - 1 WHERE id = $1", &[&board]).await?;
                } else {
                    let fewer = "UPDATE rounds SET respondents = respondents - 1 WHERE board_id = $1 AND round = $2";
                    client.execute(fewer, &[&board, &round]).await?;
                }
            }
            let bump = "UPDATE boards SET version = version + 1 WHERE id = $1 RETURNING version";
            let version: i64 = client.query_one(bump, &[&board]).await?.get(0);
            Ok((given.len(), version))
        };
        let (rounds, version) = super::in_transaction(&client, work).await?;
        if rounds > 0 {
            announce(&client, vec![(board.to_string(), version)]).await;
        }
        Ok((rounds, version as u64))
    }
}
