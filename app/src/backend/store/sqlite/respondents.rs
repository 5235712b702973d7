//! [`Respondents`] on SQLite.

use super::super::contract::Respondents;
use super::super::rows::decode_answers;
use super::super::{sql, AnsweredRound};
use super::{failed, numbered, SqliteStore};
use crate::answers::{Answers, PreviousAnswers};
use crate::error::TallyError;
use async_trait::async_trait;
use rusqlite::{params, OptionalExtension, Transaction, TransactionBehavior};

/// Answers, when, whether in the open round, the round's label, group, role.
type PreviousRow = (String, i64, bool, String, Option<String>, Option<String>);

#[async_trait]
impl Respondents for SqliteStore {
    async fn previous(&self, board: &str, respondent: &str) -> Result<Option<PreviousAnswers>, TallyError> {
        let (board, respondent) = (board.to_string(), respondent.to_string());
        let row: Option<PreviousRow> = self
            .read(move |conn| {
                let values = numbered(&[&board, &respondent]);
                conn.query_row(sql::PREVIOUS, values.as_slice(), |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))
                })
                .optional()
                .map_err(failed("reading previous answers"))
            })
            .await?;
        row.map(|(answers, submitted_at, open, label, group, role)| {
            Ok(PreviousAnswers {
                answers: decode_answers(&answers)?,
                submitted_at,
                from_round: (!open).then_some(label),
                group,
                role,
            })
        })
        .transpose()
    }

    async fn history(&self, board: &str, respondent: &str) -> Result<Vec<AnsweredRound>, TallyError> {
        let (board, respondent) = (board.to_string(), respondent.to_string());
        type Row = (u32, String, String, i64, Option<String>, Option<String>);
        let stored: Vec<Row> = self
            .read(move |conn| {
                let mut stmt = conn.prepare_cached(sql::HISTORY).map_err(failed("reading a history"))?;
                let rows = stmt.query_map(numbered(&[&board, &respondent]).as_slice(), |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))
                });
                rows.and_then(|rows| rows.collect()).map_err(failed("reading a history"))
            })
            .await?;
        stored
            .into_iter()
            .map(|(round, label, text, submitted_at, group, role)| {
                Ok(AnsweredRound { round, label, answers: decode_answers(&text)?, submitted_at, group, role })
            })
            .collect()
    }

    /// In one immediate transaction on the writer's connection, so no batch
    /// runs in between.
    async fn withdraw(&self, board: &str, respondent: &str, every_round: bool) -> Result<usize, TallyError> {
        let (board, respondent) = (board.to_string(), respondent.to_string());
        self.write(move |conn| {
            let failed = failed("withdrawing answers");
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(&failed)?;
            let open: u32 =
                tx.query_row("SELECT round FROM boards WHERE id = ?1", [&board], |r| r.get(0)).map_err(&failed)?;
            let given = answers_given(&tx, &board, &respondent, every_round, open).map_err(&failed)?;
            if given.is_empty() {
                return Ok(0);
            }
            for (round, answers, slice) in &given {
                take_out(&tx, (&board, &respondent), (*round, open), slice, &decode_answers(answers)?)
                    .map_err(&failed)?;
            }
            tx.execute("UPDATE boards SET version = version + 1 WHERE id = ?1", [&board]).map_err(&failed)?;
            tx.commit().map_err(&failed)?;
            Ok(given.len())
        })
        .await
    }
}

/// The group and role answers were given in, as their counts name them
/// (`''` for none).
type Slice = (String, String);

/// The respondent's stored answers (of the open round, or of every round),
/// read round by round through the primary key: there is no index by
/// respondent.
fn answers_given(
    tx: &Transaction,
    board: &str,
    respondent: &str,
    every_round: bool,
    open: u32,
) -> rusqlite::Result<Vec<(u32, String, Slice)>> {
    let mut stmt = tx.prepare(
        "SELECT round, answers, COALESCE(group_name, ''), COALESCE(role, '') FROM submissions
         WHERE board_id = ?1 AND respondent = ?2
         AND round IN (SELECT round FROM rounds WHERE board_id = ?1 AND (?3 OR round = ?4))",
    )?;
    let given = stmt.query_map(params![board, respondent, every_round, open], |r| {
        Ok((r.get(0)?, r.get(1)?, (r.get(2)?, r.get(3)?)))
    })?;
    given.collect()
}

/// Takes one round's answers out of its slice's counts and its respondent
/// count, and deletes them.
fn take_out(
    tx: &Transaction,
    (board, respondent): (&str, &str),
    (round, open): (u32, u32),
    (group, role): &Slice,
    answers: &Answers,
) -> rusqlite::Result<()> {
    for (row, level) in answers {
        tx.execute(
            "UPDATE counts SET n = n - 1 WHERE board_id = ?1 AND round = ?2 AND group_name = ?3 AND role = ?4
             AND row_id = ?5 AND level = ?6",
            params![board, round, group, role, row, level],
        )?;
    }
    tx.execute(
        "UPDATE slice_respondents SET n = n - 1 WHERE board_id = ?1 AND round = ?2 AND group_name = ?3 AND role = ?4",
        params![board, round, group, role],
    )?;
    match round == open {
        true => tx.execute("UPDATE boards SET respondents = respondents - 1 WHERE id = ?1", [board])?,
        false => tx.execute(
            "UPDATE rounds SET respondents = respondents - 1 WHERE board_id = ?1 AND round = ?2",
            params![board, round],
        )?,
    };
    tx.execute(
        "DELETE FROM submissions WHERE board_id = ?1 AND round = ?2 AND respondent = ?3",
        params![board, round, respondent],
    )?;
    Ok(())
}
