//! One group commit on SQLite: the batch's plan ([`Plan`]) written in one
//! immediate transaction, which also checks each board's gate (open, same matrix shape) and
//! puts the answers in the board's open round.

use super::super::committed::Committed;
use super::super::contract::Commits;
use super::super::deadline::past_deadline;
use super::super::plan::{self, Gate, Given, Plan};
use super::super::rows::{decode_answers, encode_answers};
use super::super::{Change, Submission};
use super::{blocking, failed, SqliteStore};
use crate::error::TallyError;
use async_trait::async_trait;
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::mpsc;

#[async_trait]
impl Commits for SqliteStore {
    /// One transaction for the whole batch, interrupted (and so rolled
    /// back) if it is still running at the commit timeout.
    async fn apply(&self, batch: Arc<Vec<Submission>>) -> Result<Committed, TallyError> {
        let writer = self.writer.clone();
        let work = blocking(move || {
            let mut conn = writer.lock().unwrap_or_else(|e| e.into_inner());
            apply_batch(&mut conn, &batch).map_err(failed("applying submissions"))
        });
        past_deadline(self.commit_timeout, work, || self.interrupt.interrupt()).await
    }

    fn commit_timeout(&self) -> Duration {
        self.commit_timeout
    }

    /// One instance per file (see `lock_exclusively`): nobody else commits.
    fn changes(&self) -> Option<mpsc::Receiver<Change>> {
        None
    }
}

/// One transaction for the whole batch; see [`Plan`] for what it writes.
fn apply_batch(conn: &mut Connection, batch: &[Submission]) -> rusqlite::Result<Committed> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let mut gates = HashMap::new();
    {
        let mut gate = tx.prepare_cached("SELECT closed, shape, round, admission_rev FROM boards WHERE id = ?1")?;
        for board in batch.iter().map(|s| s.board.as_str()).collect::<HashSet<_>>() {
            let found = gate
                .query_row([board], |r| {
                    Ok(Gate { closed: r.get(0)?, shape: r.get(1)?, round: r.get(2)?, admission_rev: r.get(3)? })
                })
                .optional()?;
            // No row: the board was deleted, and its submissions are refused.
            if let Some(found) = found {
                gates.insert(board.to_string(), found);
            }
        }
    }
    let round = |board: &str| gates[board].round;
    let mut stored = HashMap::new();
    {
        let mut select = tx.prepare_cached(
            "SELECT answers, group_name, role FROM submissions WHERE board_id = ?1 AND round = ?2 AND respondent = ?3",
        )?;
        for s in batch {
            let key = (s.board.clone(), s.respondent.clone());
            if stored.contains_key(&key) || !gates.contains_key(&key.0) {
                continue;
            }
            let previous: Option<(String, Option<String>, Option<String>)> = select
                .query_row(params![key.0, round(&key.0), key.1], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .optional()?;
            if let Some((answers, group, role)) = previous {
                let answers = decode_answers(&answers).map_err(|e| {
                    rusqlite::Error::FromSqlConversionFailure(0, rusqlite::types::Type::Text, Box::new(e))
                })?;
                stored.insert(key, Given { answers, group, role });
            }
        }
    }
    let refused = plan::refusals(batch, &gates);
    let replaced = plan::replaced(batch, &refused, stored);
    let plan = Plan::new(batch, &replaced, refused);
    {
        let mut upsert = tx.prepare_cached(
            "INSERT INTO submissions (board_id, round, respondent, answers, submitted_at, group_name, role)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (board_id, round, respondent) DO UPDATE
             SET answers = excluded.answers, submitted_at = excluded.submitted_at,
                 group_name = excluded.group_name, role = excluded.role",
        )?;
        for ((board, respondent), latest) in &plan.latest {
            let (answers, at, group, role) = (latest.answers, latest.submitted_at, latest.group, latest.role);
            upsert.execute(params![board, round(board), respondent, encode_answers(answers), at, group, role])?;
        }
        let mut bump = tx.prepare_cached(
            "INSERT INTO counts (board_id, round, group_name, role, row_id, level, n)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
             ON CONFLICT (board_id, round, group_name, role, row_id, level) DO UPDATE SET n = n + excluded.n",
        )?;
        for ((board, group, role, row, level), delta) in &plan.deltas {
            bump.execute(params![board, round(board), group, role, row, level, delta])?;
        }
        let mut people = tx.prepare_cached(
            "INSERT INTO slice_respondents (board_id, round, group_name, role, n) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (board_id, round, group_name, role) DO UPDATE SET n = n + excluded.n",
        )?;
        for ((board, group, role), delta) in &plan.people {
            people.execute(params![board, round(board), group, role, delta])?;
        }
    }
    let mut last_version = HashMap::new();
    {
        let mut advance = tx.prepare_cached(
            "UPDATE boards SET version = version + ?1, respondents = respondents + ?2, active_at = unixepoch()
             WHERE id = ?3 RETURNING version",
        )?;
        for (board, step) in &plan.boards {
            let last: u64 = advance.query_row(params![step.submissions, step.joined, board], |r| r.get(0))?;
            last_version.insert(board.to_string(), last);
        }
    }
    tx.commit()?;
    Ok(plan.committed(batch, &last_version, &gates))
}
