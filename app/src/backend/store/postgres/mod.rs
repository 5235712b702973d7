//! The scale-out backend: several Tally instances sharing one PostgreSQL
//! database.
//!
//! Each instance keeps three connections: a writer (its group commits, one at
//! a time), a reader (pages, lookups and reloads, pipelined on one
//! connection) and a listener (see [`listener`]). The writer and reader
//! reconnect on their next use after the server or network drops them.
//!
//! Hot rows. Every submission to a board moves that board's version, and
//! clients rely on versions being one sequence per board, so the board row is
//! a point every writer must pass through, whatever the counters look like.
//! Per-instance counter shards would not remove it, only add a sum on every
//! read. So instead the row is passed through once per *batch*: each instance
//! already folds everything waiting into one transaction (group commit) and
//! writes one net delta per touched cell, so two instances contend for a hot
//! board at most once per commit each, and a busier instance simply commits
//! bigger batches. Each transaction locks its boards' rows first, in id
//! order, which also orders everything after it and rules out deadlocks
//! between instances on the counter rows.

mod listener;

use super::plan::{self, Committed, Key, Plan};
use super::{decode_answers, encode_answers, gather, BoardInfo, Change, CountRow, StoredBoard, Submission};
use crate::answers::PreviousAnswers;
use crate::error::TallyError;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::future::Future;
use std::sync::Arc;
use tokio::sync::{mpsc, Mutex};
use tokio_postgres::{Client, Config, NoTls};

/// Schema versions (`migrations/`, one file each), applied in order and recorded in `tally_schema`.
const MIGRATIONS: &[&str] = &[
    include_str!("../../../../migrations/postgres/0001_boards_submissions_counts.sql"),
    include_str!("../../../../migrations/postgres/0002_closing_and_admin_keys.sql"),
];

/// Any number that names Tally's migration lock ("tally" in ASCII);
/// instances starting at once take turns on it.
const MIGRATION_LOCK: i64 = 0x0074_616c_6c79;

/// The channel every commit is announced on, as "<board> <version>".
const CHANNEL: &str = "tally_versions";

impl From<tokio_postgres::Error> for TallyError {
    fn from(e: tokio_postgres::Error) -> Self {
        TallyError::Internal(format!("PostgreSQL: {}", super::with_causes(&e)))
    }
}

pub struct PostgresStore {
    config: Config,
    writer: Link,
    reader: Link,
}

/// One connection, made again on the next use after it breaks.
struct Link {
    config: Config,
    client: Mutex<Option<Arc<Client>>>,
}

impl Link {
    fn new(config: &Config, role: &str) -> Link {
        let mut config = config.clone();
        config.application_name(format!("tally-{role}-{}", std::process::id()));
        Link { config, client: Mutex::new(None) }
    }

    async fn get(&self) -> Result<Arc<Client>, TallyError> {
        let mut slot = self.client.lock().await;
        if let Some(client) = slot.as_ref().filter(|c| !c.is_closed()) {
            return Ok(client.clone());
        }
        let client = Arc::new(connect(&self.config).await?);
        *slot = Some(client.clone());
        Ok(client)
    }
}

async fn connect(config: &Config) -> Result<Client, tokio_postgres::Error> {
    let (client, connection) = config.connect(NoTls).await?;
    tokio::spawn(async move {
        if let Err(error) = connection.await {
            tracing::warn!(%error, "PostgreSQL connection lost");
        }
    });
    Ok(client)
}

impl PostgresStore {
    pub async fn open(config: &Config) -> Result<Self, TallyError> {
        let store = PostgresStore {
            config: config.clone(),
            writer: Link::new(config, "writer"),
            reader: Link::new(config, "reader"),
        };
        let client = store.writer.get().await?;
        in_transaction(&client, migrate(&client)).await?;
        Ok(store)
    }

    /// Starts listening for every instance's commits (this one's included).
    pub fn changes(&self) -> mpsc::Receiver<Change> {
        let mut config = self.config.clone();
        config.application_name(format!("tally-listener-{}", std::process::id()));
        listener::spawn(config)
    }

    pub async fn boards(&self, only: Option<&str>) -> Result<Vec<StoredBoard>, TallyError> {
        // One statement, so the board row and its counts are one snapshot.
        let rows = self
            .reader
            .get()
            .await?
            .query(
                "SELECT b.id, b.matrix_id, b.title, b.private, b.created_at, b.version, b.respondents,
                        c.row_id, c.level, c.n, b.closed
                 FROM boards b LEFT JOIN counts c ON c.board_id = b.id AND c.n > 0
                 WHERE $1::text IS NULL OR b.id = $1
                 ORDER BY b.created_at, b.id",
                &[&only],
            )
            .await?;
        Ok(gather(rows.iter().map(|r| CountRow {
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
            cell: r.get::<_, Option<String>>(7).map(|row| (row, r.get::<_, i16>(8) as u8, r.get::<_, i64>(9) as u64)),
        })))
    }

    pub async fn ping(&self) -> Result<(), TallyError> {
        self.reader.get().await?.batch_execute("SELECT 1").await?;
        Ok(())
    }

    /// The writer's connection answers (made again if it broke).
    pub async fn write_probe(&self) -> Result<(), TallyError> {
        self.writer.get().await?.batch_execute("SELECT 1").await?;
        Ok(())
    }

    pub async fn versions(&self) -> Result<Vec<(String, u64)>, TallyError> {
        let rows = self.reader.get().await?.query("SELECT id, version FROM boards", &[]).await?;
        Ok(rows.iter().map(|r| (r.get(0), r.get::<_, i64>(1) as u64)).collect())
    }

    pub async fn insert_board(&self, info: BoardInfo, admin_hash: Option<String>) -> Result<(), TallyError> {
        let inserted = self
            .reader
            .get()
            .await?
            .execute(
                "INSERT INTO boards (id, matrix_id, title, private, created_at, admin_hash) VALUES ($1, $2, $3, $4, $5, $6)
                 ON CONFLICT (id) DO NOTHING",
                &[&info.id, &info.matrix_id, &info.title, &info.private, &info.created_at, &admin_hash],
            )
            .await?;
        match inserted {
            1 => Ok(()),
            _ => Err(TallyError::Conflict(format!("board '{}' already exists", info.id))),
        }
    }

    pub async fn admin_hash(&self, board: &str) -> Result<Option<String>, TallyError> {
        let row = self.reader.get().await?.query_opt("SELECT admin_hash FROM boards WHERE id = $1", &[&board]).await?;
        Ok(row.and_then(|r| r.get(0)))
    }

    /// On the reader connection: the writer's is inside batch transactions.
    /// The update waits for the board row like any commit and is announced
    /// the same way.
    pub async fn set_closed(&self, board: &str, closed: bool) -> Result<u64, TallyError> {
        let client = self.reader.get().await?;
        let version: i64 = client
            .query_one(
                "UPDATE boards SET closed = $2, version = version + 1 WHERE id = $1 RETURNING version",
                &[&board, &closed],
            )
            .await?
            .get(0);
        announce(&client, vec![(board.to_string(), version)]).await;
        Ok(version as u64)
    }

    pub async fn apply(&self, batch: Arc<Vec<Submission>>) -> Result<Committed, TallyError> {
        let client = self.writer.get().await?;
        let (committed, heads) = in_transaction(&client, apply_batch(&client, &batch)).await?;
        // Announced after the commit, never inside it: NOTIFY takes a
        // database-wide lock at commit, which would serialise every
        // instance's commits behind each other.
        announce(&client, heads).await;
        Ok(committed)
    }

    pub async fn previous(&self, board: &str, respondent: &str) -> Result<Option<PreviousAnswers>, TallyError> {
        let row = self
            .reader
            .get()
            .await?
            .query_opt(
                "SELECT answers::text, submitted_at FROM submissions WHERE board_id = $1 AND respondent = $2",
                &[&board, &respondent],
            )
            .await?;
        row.map(|r| Ok(PreviousAnswers { answers: decode_answers(r.get(0))?, submitted_at: r.get(1) })).transpose()
    }

    pub async fn verify(&self) -> Result<Vec<String>, TallyError> {
        // The same comparison as the SQLite store's, in one snapshot.
        let rows = self
            .reader
            .get()
            .await?
            .query(
                "WITH recount AS (
                    SELECT s.board_id, j.key AS row_id, j.value::int AS level, COUNT(*)::bigint AS n
                    FROM submissions s, jsonb_each_text(s.answers) j
                    GROUP BY s.board_id, j.key, j.value
                 ), stored AS (SELECT board_id, row_id, level::int AS level, n FROM counts WHERE n <> 0)
                 SELECT board_id, row_id, level, SUM(stored_n)::bigint, SUM(recount_n)::bigint FROM (
                    SELECT board_id, row_id, level, n AS stored_n, 0::bigint AS recount_n FROM stored
                    UNION ALL
                    SELECT board_id, row_id, level, 0::bigint, n FROM recount
                 ) AS both_sides GROUP BY board_id, row_id, level HAVING SUM(stored_n) <> SUM(recount_n)
                 UNION ALL
                 SELECT b.id, '*respondents*', -1, b.respondents, (SELECT COUNT(*) FROM submissions s WHERE s.board_id = b.id)
                 FROM boards b WHERE b.respondents <> (SELECT COUNT(*) FROM submissions s WHERE s.board_id = b.id)",
                &[],
            )
            .await?;
        Ok(rows
            .iter()
            .map(|r| {
                format!(
                    "board '{}', row '{}', level {}: stored {} but recount gives {}",
                    r.get::<_, String>(0),
                    r.get::<_, String>(1),
                    r.get::<_, i32>(2),
                    r.get::<_, i64>(3),
                    r.get::<_, i64>(4)
                )
            })
            .collect())
    }
}

/// Tells every listening instance each board's new version, as
/// "<board> <version>" on [`CHANNEL`] (what `listener.rs` parses). Called
/// after the change is committed, so a failure here is only logged: the
/// change stands, and a notice lost this way is caught by the listeners'
/// periodic resync.
async fn announce(client: &Client, heads: Vec<(String, i64)>) {
    let (boards, versions): (Vec<String>, Vec<i64>) = heads.into_iter().unzip();
    if let Err(error) = client
        .execute(
            "SELECT pg_notify($1, board || ' ' || version) FROM unnest($2::text[], $3::int8[]) AS h(board, version)",
            &[&CHANNEL, &boards, &versions],
        )
        .await
    {
        tracing::warn!(%error, "announcing a commit failed; other instances catch up at their next resync");
    }
}

/// Runs `work` between BEGIN and COMMIT, rolling back if it fails. The
/// future does nothing until awaited, so its statements follow the BEGIN.
async fn in_transaction<T>(
    client: &Client,
    work: impl Future<Output = Result<T, TallyError>>,
) -> Result<T, TallyError> {
    client.batch_execute("BEGIN").await?;
    match work.await {
        Ok(value) => {
            client.batch_execute("COMMIT").await?;
            Ok(value)
        }
        Err(error) => {
            let _ = client.batch_execute("ROLLBACK").await;
            Err(error)
        }
    }
}

/// Safe when several instances start at once: the advisory lock makes them
/// take turns, and each applies only what the one before it did not.
async fn migrate(client: &Client) -> Result<(), TallyError> {
    client.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK]).await?;
    client.batch_execute("CREATE TABLE IF NOT EXISTS tally_schema (version INTEGER NOT NULL)").await?;
    let applied: i32 = client.query_one("SELECT COALESCE(MAX(version), 0) FROM tally_schema", &[]).await?.get(0);
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(applied as usize) {
        client.batch_execute(sql).await?;
        client.execute("INSERT INTO tally_schema (version) VALUES ($1)", &[&(i as i32 + 1)]).await?;
    }
    Ok(())
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
    let (locked, previous) = tokio::try_join!(
        client.query_typed("SELECT id, closed FROM boards WHERE id = ANY($1) ORDER BY id FOR UPDATE", lock),
        client.query_typed(
            "SELECT s.board_id, s.respondent, s.answers::text
             FROM submissions s JOIN unnest($1::text[], $2::text[]) AS k(board_id, respondent) USING (board_id, respondent)",
            keys,
        ),
    )?;
    let mut stored: HashMap<Key, _> = HashMap::new();
    for row in previous {
        stored.insert((row.get(0), row.get(1)), decode_answers(row.get(2))?);
    }
    let closed_ids: HashSet<String> = locked.iter().filter(|r| r.get::<_, bool>(1)).map(|r| r.get(0)).collect();
    let closed = boards.iter().copied().filter(|b| closed_ids.contains(*b)).collect();
    let replaced = plan::replaced(batch, stored);
    let plan = Plan::new(batch, &replaced, closed);

    let mut latest = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for ((board, respondent), (answers, submitted_at)) in &plan.latest {
        latest.0.push(*board);
        latest.1.push(*respondent);
        latest.2.push(encode_answers(answers));
        latest.3.push(*submitted_at);
    }
    let mut cells = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for ((board, row, level), delta) in &plan.deltas {
        cells.0.push(*board);
        cells.1.push(*row);
        cells.2.push(*level as i16);
        cells.3.push(*delta);
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
    ];
    let cells: Params = &[
        (&cells.0, Type::TEXT_ARRAY),
        (&cells.1, Type::TEXT_ARRAY),
        (&cells.2, Type::INT2_ARRAY),
        (&cells.3, Type::INT8_ARRAY),
    ];
    let steps: Params = &[(&steps.0, Type::TEXT_ARRAY), (&steps.1, Type::INT8_ARRAY), (&steps.2, Type::INT8_ARRAY)];
    let (_, _, heads) = tokio::try_join!(
        client.query_typed(
            "INSERT INTO submissions (board_id, respondent, answers, submitted_at)
             SELECT b, r, a::jsonb, t FROM unnest($1::text[], $2::text[], $3::text[], $4::int8[]) AS k(b, r, a, t)
             ON CONFLICT (board_id, respondent) DO UPDATE SET answers = excluded.answers, submitted_at = excluded.submitted_at",
            latest,
        ),
        client.query_typed(
            "INSERT INTO counts (board_id, row_id, level, n)
             SELECT * FROM unnest($1::text[], $2::text[], $3::int2[], $4::int8[])
             ON CONFLICT (board_id, row_id, level) DO UPDATE SET n = counts.n + excluded.n",
            cells,
        ),
        client.query_typed(
            "UPDATE boards b SET version = b.version + k.submissions, respondents = b.respondents + k.joined
             FROM unnest($1::text[], $2::int8[], $3::int8[]) AS k(id, submissions, joined)
             WHERE b.id = k.id RETURNING b.id, b.version",
            steps,
        ),
    )?;
    let heads: Vec<(String, i64)> = heads.iter().map(|r| (r.get(0), r.get(1))).collect();
    let last_version = heads.iter().map(|(board, version)| (board.clone(), *version as u64)).collect();
    Ok((plan.committed(batch, &last_version), heads))
}
