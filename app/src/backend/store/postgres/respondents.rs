//! [`Respondents`] on PostgreSQL.

use super::super::contract::Respondents;
use super::super::rows::decode_answers;
use super::super::{sql, AnsweredRound};
use super::{announce, failed, PostgresStore};
use crate::answers::PreviousAnswers;
use crate::error::TallyError;
use async_trait::async_trait;

/// Deletes a respondent's answers (`$3`: of every round, else of the open
/// one) and takes them out of each round's (and slice's) counts and
/// respondent count, in
/// one statement under the board's row lock, which every batch touching the
/// board also takes. One statement, because the connection is shared: a
/// transaction of several statements on it could interleave with another's.
const WITHDRAW: &str = "WITH locked AS (SELECT id, round FROM boards WHERE id = $1 FOR UPDATE),
    gone AS (
        DELETE FROM submissions s USING locked
        WHERE s.board_id = locked.id AND s.respondent = $2 AND ($3 OR s.round = locked.round)
        RETURNING s.round, s.answers, COALESCE(s.group_name, '') AS group_name, COALESCE(s.role, '') AS role
    ),
    cells AS (
        SELECT g.round, g.group_name, g.role, j.key AS row_id, j.value::int2 AS level
        FROM gone g, jsonb_each_text(g.answers) j
    ),
    fewer_counts AS (
        UPDATE counts c SET n = c.n - 1 FROM cells
        WHERE c.board_id = $1 AND c.round = cells.round AND c.group_name = cells.group_name
            AND c.role = cells.role AND c.row_id = cells.row_id AND c.level = cells.level
    ),
    fewer_people AS (
        UPDATE slice_respondents p SET n = p.n - 1 FROM gone
        WHERE p.board_id = $1 AND p.round = gone.round AND p.group_name = gone.group_name AND p.role = gone.role
    ),
    fewer_frozen AS (
        UPDATE rounds r SET respondents = r.respondents - 1 FROM gone, locked
        WHERE r.board_id = $1 AND r.round = gone.round AND gone.round <> locked.round
    )
    UPDATE boards b SET version = b.version + 1,
        respondents = b.respondents - (SELECT COUNT(*) FROM gone, locked WHERE gone.round = locked.round)
    FROM locked WHERE b.id = locked.id AND EXISTS (SELECT 1 FROM gone)
    RETURNING b.version, (SELECT COUNT(*) FROM gone)";

#[async_trait]
impl Respondents for PostgresStore {
    async fn previous(&self, board: &str, respondent: &str) -> Result<Option<PreviousAnswers>, TallyError> {
        let client = self.requests.get().await?;
        let row = client
            .query_opt(sql::PREVIOUS, &[&board, &respondent])
            .await
            .map_err(failed("reading previous answers"))?;
        row.map(|r| {
            let open: bool = r.get(2);
            Ok(PreviousAnswers {
                answers: decode_answers(r.get(0))?,
                submitted_at: r.get(1),
                from_round: (!open).then(|| r.get(3)),
                group: r.get(4),
                role: r.get(5),
            })
        })
        .transpose()
    }

    async fn history(&self, board: &str, respondent: &str) -> Result<Vec<AnsweredRound>, TallyError> {
        let client = self.requests.get().await?;
        let rows = client.query(sql::HISTORY, &[&board, &respondent]).await.map_err(failed("reading a history"))?;
        rows.iter()
            .map(|r| {
                Ok(AnsweredRound {
                    round: r.get::<_, i32>(0) as u32,
                    label: r.get(1),
                    answers: decode_answers(r.get(2))?,
                    submitted_at: r.get(3),
                    group: r.get(4),
                    role: r.get(5),
                })
            })
            .collect()
    }

    async fn withdraw(&self, board: &str, respondent: &str, every_round: bool) -> Result<usize, TallyError> {
        let client = self.requests.get().await?;
        let withdrawn = client.query_opt(WITHDRAW, &[&board, &respondent, &every_round]).await;
        let Some(row) = withdrawn.map_err(failed("withdrawing answers"))? else {
            return Ok(0);
        };
        announce(&client, vec![(board.to_string(), row.get(0))]).await;
        Ok(row.get::<_, i64>(1) as usize)
    }
}
