//! One group commit on PostgreSQL: the batch's plan ([`Plan`]) written
//! set-wise in one transaction, under the touched boards' row locks, which
//! also settle each board's gate (open, same matrix shape).

use super::super::committed::Committed;
use super::super::contract::Commits;
use super::super::deadline::past_deadline;
use super::super::plan::{self, Gate, Given, Key, Plan};
use super::super::rows::{decode_answers, encode_answers};
use super::super::{Change, Submission};
use super::{announce, failed, listener, PostgresStore};
use crate::error::TallyError;
use async_trait::async_trait;
use std::collections::{BTreeSet, HashMap};
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::mpsc;
use tokio_postgres::error::SqlState;
use tokio_postgres::{Client, SimpleQueryMessage};

#[async_trait]
impl Commits for PostgresStore {
    /// One transaction for the whole batch. Past the commit timeout its
    /// running statement is cancelled, so the transaction rolls back, unless
    /// it has committed by then; either way what is reported is what happened.
    async fn apply(&self, batch: Arc<Vec<Submission>>) -> Result<Committed, TallyError> {
        let client = self.commits.get().await?;
        let work = in_checked_transaction(&client, apply_batch(&client, &batch));
        let (committed, heads) = past_deadline(self.commit_timeout, work, || self.commits.cancel(&client)).await?;
        // Announced after the commit, never inside it: NOTIFY takes a
        // database-wide lock at commit, which would serialise every
        // instance's commits behind each other.
        announce(&client, heads).await;
        Ok(committed)
    }

    fn commit_timeout(&self) -> Duration {
        self.commit_timeout
    }

    /// Starts listening for every instance's commits (this one's included).
    fn changes(&self) -> Option<mpsc::Receiver<Change>> {
        Some(listener::spawn(self.connector.clone()))
    }
}

/// Typed parameters for `query_typed`.
type Params<'a> = &'a [(&'a (dyn tokio_postgres::types::ToSql + Sync), tokio_postgres::types::Type)];

/// The batch's statements, set-wise: whatever the batch size, two round
/// trips between BEGIN and COMMIT. Statements issued together are pipelined
/// on the connection (they still run in order), and `query_typed` names the
/// parameter types so no statement needs a prepare round trip of its own.
/// Returns what the batch did and each board's new version.
async fn apply_batch(client: &Client, batch: &[Submission]) -> Result<(Committed, Vec<(String, i64)>), TallyError> {
    use tokio_postgres::types::Type;
    let boards: Vec<&str> = batch.iter().map(|s| s.board.as_str()).collect::<BTreeSet<_>>().into_iter().collect();
    let (key_boards, key_respondents): (Vec<&str>, Vec<&str>) =
        batch.iter().map(|s| (s.board.as_str(), s.respondent.as_str())).unzip();
    let lock: Params = &[(&boards, Type::TEXT_ARRAY)];
    let keys: Params = &[(&key_boards, Type::TEXT_ARRAY), (&key_respondents, Type::TEXT_ARRAY)];
    // `biased`: polled in order. The statements run in order, so the first
    // error is the cause; those after it only say the transaction aborted.
    let (locked, previous) = tokio::try_join!(
        biased;
        client.query_typed("SELECT id, closed, shape, round, admission_rev FROM boards WHERE id = ANY($1) ORDER BY id FOR UPDATE", lock),
        client.query_typed(
            // The row locks above are taken first, so the open round read here
            // stays open. The join names board and respondent only, which the
            // (board, respondent, round) index answers in one probe; joined on
            // the round too, the planner would probe (board, round) and scan
            // the whole round for each respondent.
            "SELECT s.board_id, s.respondent, s.answers::text, s.group_name, s.role
             FROM unnest($1::text[], $2::text[]) AS k(board_id, respondent)
             JOIN submissions s ON s.board_id = k.board_id AND s.respondent = k.respondent
             WHERE s.round = (SELECT b.round FROM boards b WHERE b.id = k.board_id)",
            keys,
        ),
    )
    .map_err(failed("reading a batch's boards"))?;
    let mut stored: HashMap<Key, _> = HashMap::new();
    for row in previous {
        let given = Given { answers: decode_answers(row.get(2))?, group: row.get(3), role: row.get(4) };
        stored.insert((row.get(0), row.get(1)), given);
    }
    let gates: HashMap<String, Gate> = locked
        .iter()
        .map(|r| {
            let gate = Gate {
                closed: r.get(1),
                shape: r.get::<_, i64>(2) as u64,
                round: r.get::<_, i32>(3) as u32,
                admission_rev: r.get::<_, i64>(4) as u64,
            };
            (r.get(0), gate)
        })
        .collect();
    let refused = plan::refusals(batch, &gates);
    let replaced = plan::replaced(batch, &refused, stored);
    let plan = Plan::new(batch, &replaced, refused);

    let round = |board: &str| gates[board].round as i32;
    let mut latest = (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for ((board, respondent), stored) in &plan.latest {
        latest.0.push(*board);
        latest.1.push(*respondent);
        latest.2.push(encode_answers(stored.answers));
        latest.3.push(stored.submitted_at);
        latest.4.push(round(board));
        latest.5.push(stored.group);
        latest.6.push(stored.role);
    }
    let mut cells = (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for ((board, group, role, row, level), delta) in &plan.deltas {
        cells.0.push(*board);
        cells.1.push(*row);
        cells.2.push(*level as i16);
        cells.3.push(*delta);
        cells.4.push(round(board));
        cells.5.push(*group);
        cells.6.push(*role);
    }
    let mut people = (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for ((board, group, role), delta) in &plan.people {
        people.0.push(*board);
        people.1.push(round(board));
        people.2.push(*group);
        people.3.push(*role);
        people.4.push(*delta);
    }
    let mut steps = (Vec::new(), Vec::new(), Vec::new());
    for (board, step) in &plan.boards {
        steps.0.push(*board);
        steps.1.push(step.submissions as i64);
        steps.2.push(step.joined as i64);
    }
    let latest: Params = &[
        (&latest.0, Type::TEXT_ARRAY),
        (&latest.1, Type::TEXT_ARRAY),
        (&latest.2, Type::TEXT_ARRAY),
        (&latest.3, Type::INT8_ARRAY),
        (&latest.4, Type::INT4_ARRAY),
        (&latest.5, Type::TEXT_ARRAY),
        (&latest.6, Type::TEXT_ARRAY),
    ];
    let cells: Params = &[
        (&cells.0, Type::TEXT_ARRAY),
        (&cells.1, Type::TEXT_ARRAY),
        (&cells.2, Type::INT2_ARRAY),
        (&cells.3, Type::INT8_ARRAY),
        (&cells.4, Type::INT4_ARRAY),
        (&cells.5, Type::TEXT_ARRAY),
        (&cells.6, Type::TEXT_ARRAY),
    ];
    let people: Params = &[
        (&people.0, Type::TEXT_ARRAY),
        (&people.1, Type::INT4_ARRAY),
        (&people.2, Type::TEXT_ARRAY),
        (&people.3, Type::TEXT_ARRAY),
        (&people.4, Type::INT8_ARRAY),
    ];
    let steps: Params = &[(&steps.0, Type::TEXT_ARRAY), (&steps.1, Type::INT8_ARRAY), (&steps.2, Type::INT8_ARRAY)];
    let (_, _, _, heads) = tokio::try_join!(
        biased;
        client.query_typed(
            "INSERT INTO submissions (board_id, respondent, answers, submitted_at, round, group_name, role)
             SELECT b, r, a::jsonb, t, n, g, o
             FROM unnest($1::text[], $2::text[], $3::text[], $4::int8[], $5::int4[], $6::text[], $7::text[])
                 AS k(b, r, a, t, n, g, o)
             ON CONFLICT (board_id, round, respondent) DO UPDATE
             SET answers = excluded.answers, submitted_at = excluded.submitted_at,
                 group_name = excluded.group_name, role = excluded.role",
            latest,
        ),
        client.query_typed(
            "INSERT INTO counts (board_id, row_id, level, n, round, group_name, role)
             SELECT * FROM unnest($1::text[], $2::text[], $3::int2[], $4::int8[], $5::int4[], $6::text[], $7::text[])
             ON CONFLICT (board_id, round, group_name, role, row_id, level) DO UPDATE SET n = counts.n + excluded.n",
            cells,
        ),
        client.query_typed(
            "INSERT INTO slice_respondents (board_id, round, group_name, role, n)
             SELECT * FROM unnest($1::text[], $2::int4[], $3::text[], $4::text[], $5::int8[])
             ON CONFLICT (board_id, round, group_name, role) DO UPDATE SET n = slice_respondents.n + excluded.n",
            people,
        ),
        client.query_typed(
            "UPDATE boards b SET version = b.version + k.submissions, respondents = b.respondents + k.joined,
                 active_at = extract(epoch FROM now())::int8
             FROM unnest($1::text[], $2::int8[], $3::int8[]) AS k(id, submissions, joined)
             WHERE b.id = k.id RETURNING b.id, b.version",
            steps,
        ),
    )
    .map_err(failed("writing a batch"))?;
    let heads: Vec<(String, i64)> = heads.iter().map(|r| (r.get(0), r.get(1))).collect();
    let last_version = heads.iter().map(|(board, version)| (board.clone(), *version as u64)).collect();
    Ok((plan.committed(batch, &last_version, &gates), heads))
}

/// Runs `work` between BEGIN and COMMIT, rolling back if it fails, and
/// COMMITs only inside the very transaction
/// its BEGIN opened. PostgreSQL answers a COMMIT outside a transaction with
/// a mere warning, so had anything ended the transaction early (a stray
/// ROLLBACK on the connection), the batch's remaining statements would have
/// run on their own and its COMMIT "succeeded": the transaction id, taken
/// with the BEGIN and checked in the same round trip as the COMMIT, turns
/// that into an error, and the batch is never acknowledged.
async fn in_checked_transaction<T>(
    client: &Client,
    work: impl Future<Output = Result<T, TallyError>>,
) -> Result<T, TallyError> {
    let began = client.simple_query("BEGIN; SELECT txid_current()").await.map_err(failed("beginning a batch"))?;
    let txid = began.iter().find_map(|m| match m {
        SimpleQueryMessage::Row(row) => row.get(0).and_then(|t| t.parse::<i64>().ok()),
        _ => None,
    });
    let txid = txid.ok_or_else(|| TallyError::Internal("PostgreSQL gave no transaction id".into()))?;
    let value = match work.await {
        Ok(value) => value,
        Err(error) => {
            let _ = client.batch_execute("ROLLBACK").await;
            return Err(error);
        }
    };
    // One simple query, so nothing can come between the check and the
    // COMMIT; a failed check (1/0) skips the COMMIT.
    let check = format!("SELECT 1 / COALESCE(txid_current_if_assigned() = {txid}, false)::int; COMMIT");
    match client.simple_query(&check).await {
        Ok(_) => Ok(value),
        Err(error) => {
            let _ = client.batch_execute("ROLLBACK").await;
            match error.code() {
                Some(code) if *code == SqlState::DIVISION_BY_ZERO => Err(lost_transaction()),
                _ => Err(failed("committing a batch")(error)),
            }
        }
    }
}

fn lost_transaction() -> TallyError {
    let what = "a batch's transaction ended before its COMMIT; the batch is not acknowledged";
    tracing::error!("{what}");
    TallyError::Internal(what.into())
}
