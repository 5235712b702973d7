//! Rounds and groups on SQLite: opening the next round (freezing the open
//! one), the list of a board's rounds, a frozen round's figures, a board's
//! groups and one group's answers, and a respondent's latest answers across
//! rounds.

use super::super::{decode_answers, internal};
use super::{blocking, SqliteStore};
use crate::answers::PreviousAnswers;
use crate::error::TallyError;
use crate::reveal::RevealSettings;
use crate::rounds::RoundInfo;
use rusqlite::{params, OptionalExtension, TransactionBehavior};

impl SqliteStore {
    /// Freezes the open round (keeping its respondent count) and opens the
    /// next, empty, in one transaction; that is one new board version.
    /// Batches take the writer's connection too, so each runs wholly before
    /// or after: every answer lands in exactly one round.
    pub async fn start_round(
        &self,
        board: &str,
        label: Option<String>,
        now: i64,
    ) -> Result<(RoundInfo, u64), TallyError> {
        let (writer, board) = (self.writer.clone(), board.to_string());
        blocking(move || {
            let mut conn = writer.lock().unwrap_or_else(|e| e.into_inner());
            let failed = internal("starting a round");
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
            let label = label.unwrap_or_else(|| format!("Round {round}"));
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

    /// The board's rounds, oldest first; the open one's respondents as of now.
    pub async fn rounds(&self, board: &str) -> Result<Vec<RoundInfo>, TallyError> {
        let (reader, board) = (self.reader.clone(), board.to_string());
        blocking(move || {
            let conn = reader.lock().unwrap_or_else(|e| e.into_inner());
            let mut stmt = conn.prepare_cached(super::super::rounds::ROUNDS).map_err(internal("listing rounds"))?;
            let rounds = stmt
                .query_map([&board], |r| {
                    Ok(RoundInfo {
                        round: r.get(0)?,
                        label: r.get(1)?,
                        started_at: r.get(2)?,
                        ended_at: r.get(3)?,
                        respondents: r.get(4)?,
                    })
                })
                .and_then(|rows| rows.collect())
                .map_err(internal("listing rounds"))?;
            Ok(rounds)
        })
        .await
    }

    /// One round's non-zero counts, read by the (board, round) key prefix
    /// alone: no other round's rows are touched.
    pub async fn round_counts(&self, board: &str, round: u32) -> Result<Vec<(String, u8, u64)>, TallyError> {
        let (reader, board) = (self.reader.clone(), board.to_string());
        blocking(move || {
            let conn = reader.lock().unwrap_or_else(|e| e.into_inner());
            let mut stmt = conn
                .prepare_cached("SELECT row_id, level, n FROM counts WHERE board_id = ?1 AND round = ?2 AND n > 0")
                .map_err(internal("reading a round"))?;
            let counts = stmt
                .query_map(params![board, round], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .and_then(|rows| rows.collect())
                .map_err(internal("reading a round"))?;
            Ok(counts)
        })
        .await
    }

    pub async fn set_groups(&self, board: &str, names: String, threshold: u32) -> Result<u64, TallyError> {
        let (writer, board) = (self.writer.clone(), board.to_string());
        blocking(move || {
            let conn = writer.lock().unwrap_or_else(|e| e.into_inner());
            conn.query_row(
                "UPDATE boards SET groups = ?2, min_group_size = ?3, version = version + 1 WHERE id = ?1 RETURNING version",
                params![board, names, threshold],
                |r| r.get(0),
            )
            .map_err(internal("setting groups"))
        })
        .await
    }

    pub async fn set_reveal(&self, board: &str, settings: RevealSettings) -> Result<u64, TallyError> {
        let (writer, board) = (self.writer.clone(), board.to_string());
        blocking(move || {
            let conn = writer.lock().unwrap_or_else(|e| e.into_inner());
            let values = params![board, settings.reveal.as_str(), settings.revealed];
            let update =
                "UPDATE boards SET reveal = ?2, revealed = ?3, version = version + 1 WHERE id = ?1 RETURNING version";
            conn.query_row(update, values, |r| r.get(0)).map_err(internal("setting who sees the figures"))
        })
        .await
    }

    pub async fn group_answers(&self, board: &str, round: u32, group: &str) -> Result<Vec<String>, TallyError> {
        let (reader, board, group) = (self.reader.clone(), board.to_string(), group.to_string());
        blocking(move || {
            let conn = reader.lock().unwrap_or_else(|e| e.into_inner());
            let mut stmt = conn
                .prepare_cached(
                    "SELECT answers FROM submissions WHERE board_id = ?1 AND round = ?2 AND group_name = ?3",
                )
                .map_err(internal("reading a group"))?;
            let answers = stmt
                .query_map(params![board, round, group], |r| r.get(0))
                .and_then(|rows| rows.collect())
                .map_err(internal("reading a group"))?;
            Ok(answers)
        })
        .await
    }

    pub async fn group_sizes(&self, board: &str, round: u32) -> Result<Vec<(Option<String>, u64)>, TallyError> {
        let (reader, board) = (self.reader.clone(), board.to_string());
        blocking(move || {
            let conn = reader.lock().unwrap_or_else(|e| e.into_inner());
            let mut stmt = conn
                .prepare_cached(super::super::rounds::GROUP_SIZES)
                .map_err(internal("counting a round's groups"))?;
            let sizes = stmt
                .query_map(params![board, round], |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as u64)))
                .and_then(|rows| rows.collect())
                .map_err(internal("counting a round's groups"))?;
            Ok(sizes)
        })
        .await
    }

    pub async fn history(&self, board: &str, respondent: &str) -> Result<Vec<(u32, String, String)>, TallyError> {
        let (reader, board, respondent) = (self.reader.clone(), board.to_string(), respondent.to_string());
        blocking(move || {
            let conn = reader.lock().unwrap_or_else(|e| e.into_inner());
            let mut stmt = conn.prepare_cached(super::super::rounds::HISTORY).map_err(internal("reading a history"))?;
            let rows = stmt
                .query_map(params![board, respondent], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .and_then(|rows| rows.collect())
                .map_err(internal("reading a history"))?;
            Ok(rows)
        })
        .await
    }

    /// The respondent's answers of the open round, or else of the latest
    /// round they answered, marked with that round's label.
    pub async fn previous(&self, board: &str, respondent: &str) -> Result<Option<PreviousAnswers>, TallyError> {
        let (reader, board, respondent) = (self.reader.clone(), board.to_string(), respondent.to_string());
        blocking(move || {
            let conn = reader.lock().unwrap_or_else(|e| e.into_inner());
            let row: Option<(String, i64, bool, String, Option<String>)> = conn
                .query_row(super::super::rounds::PREVIOUS, params![board, respondent], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
                })
                .optional()
                .map_err(internal("reading previous answers"))?;
            row.map(|(answers, submitted_at, open, label, group)| {
                Ok(PreviousAnswers {
                    answers: decode_answers(&answers)?,
                    submitted_at,
                    from_round: (!open).then_some(label),
                    group,
                })
            })
            .transpose()
        })
        .await
    }
}

impl SqliteStore {
    /// Deletes the respondent's answers (of the open round, or of every
    /// round) and takes them out of each round's counts and respondent
    /// count, in one transaction on the writer's connection, so no batch
    /// runs in between. Returns how many rounds lost an answer.
    pub async fn withdraw(&self, board: &str, respondent: &str, every_round: bool) -> Result<usize, TallyError> {
        let (writer, board, respondent) = (self.writer.clone(), board.to_string(), respondent.to_string());
        blocking(move || {
            let mut conn = writer.lock().unwrap_or_else(|e| e.into_inner());
            let failed = internal("withdrawing answers");
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(&failed)?;
            let open: u32 =
                tx.query_row("SELECT round FROM boards WHERE id = ?1", [&board], |r| r.get(0)).map_err(&failed)?;
            // Round by round through the primary key: there is no index by respondent.
            let mut stmt = tx
                .prepare(
                    "SELECT round, answers FROM submissions WHERE board_id = ?1 AND respondent = ?2
                     AND round IN (SELECT round FROM rounds WHERE board_id = ?1 AND (?3 OR round = ?4))",
                )
                .map_err(&failed)?;
            let given: Vec<(u32, String)> = stmt
                .query_map(params![board, respondent, every_round, open], |r| Ok((r.get(0)?, r.get(1)?)))
                .and_then(|rows| rows.collect())
                .map_err(&failed)?;
            drop(stmt);
            if given.is_empty() {
                return Ok(0);
            }
            for (round, answers) in &given {
                for (row, level) in decode_answers(answers)? {
                    tx.execute(
                        "UPDATE counts SET n = n - 1 WHERE board_id = ?1 AND round = ?2 AND row_id = ?3 AND level = ?4",
                        params![board, round, row, level],
                    )
                    .map_err(&failed)?;
                }
                let fewer = match *round == open {
                    true => tx.execute("UPDATE boards SET respondents = respondents - 1 WHERE id = ?1", [&board]),
                    false => tx.execute(
                        "UPDATE rounds SET respondents = respondents - 1 WHERE board_id = ?1 AND round = ?2",
                        params![board, round],
                    ),
                };
                fewer.map_err(&failed)?;
                tx.execute(
                    "DELETE FROM submissions WHERE board_id = ?1 AND round = ?2 AND respondent = ?3",
                    params![board, round, respondent],
                )
                .map_err(&failed)?;
            }
            tx.execute("UPDATE boards SET version = version + 1 WHERE id = ?1", [&board]).map_err(&failed)?;
            tx.commit().map_err(&failed)?;
            Ok(given.len())
        })
        .await
    }
}
