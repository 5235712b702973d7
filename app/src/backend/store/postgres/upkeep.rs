//! [`Upkeep`] on PostgreSQL: reachable, writable, and the recount (the
//! same comparison as SQLite's, for one board, round by round, in one
//! snapshot).

use super::super::contract::Upkeep;
use super::super::rows::mismatch;
use super::{failed, PostgresStore};
use crate::error::TallyError;
use async_trait::async_trait;

/// See SQLite's `MISMATCHES`: the same parts, with PostgreSQL's JSON.
const MISMATCHES: &str = "
    WITH recount AS (
        SELECT s.round, COALESCE(s.group_name, '') AS group_name, COALESCE(s.role, '') AS role,
            j.key AS row_id, j.value::int AS level, COUNT(*)::bigint AS n
        FROM submissions s, jsonb_each_text(s.answers) j WHERE s.board_id = $1
        GROUP BY 1, 2, 3, 4, 5
    ), stored AS (
        SELECT round, group_name, role, row_id, level::int AS level, n FROM counts WHERE board_id = $1 AND n <> 0
    ),
    people AS (SELECT round, COUNT(*)::bigint AS n FROM submissions WHERE board_id = $1 GROUP BY round),
    kept AS (
        SELECT r.round, CASE WHEN r.round = b.round THEN b.respondents ELSE r.respondents END AS n
        FROM rounds r JOIN boards b ON b.id = r.board_id WHERE r.board_id = $1
    )
    SELECT round, row_id, level, SUM(stored_n)::bigint, SUM(recount_n)::bigint, group_name, role FROM (
        SELECT round, group_name, role, row_id, level, n AS stored_n, 0::bigint AS recount_n FROM stored
        UNION ALL
        SELECT round, group_name, role, row_id, level, 0::bigint, n FROM recount
    ) AS both_sides GROUP BY round, group_name, role, row_id, level HAVING SUM(stored_n) <> SUM(recount_n)
    UNION ALL
    SELECT round, '*respondents of a slice*', -1, SUM(stored_n)::bigint, SUM(recount_n)::bigint, group_name, role FROM (
        SELECT round, group_name, role, n AS stored_n, 0::bigint AS recount_n FROM slice_respondents
        WHERE board_id = $1 AND n <> 0
        UNION ALL
        SELECT round, COALESCE(group_name, ''), COALESCE(role, ''), 0::bigint, COUNT(*)::bigint FROM submissions
        WHERE board_id = $1 GROUP BY 1, 2, 3
    ) AS people_by_slice GROUP BY round, group_name, role HAVING SUM(stored_n) <> SUM(recount_n)
    UNION ALL
    SELECT k.round, '*respondents*', -1, k.n, COALESCE(p.n, 0), '', ''
    FROM kept k LEFT JOIN people p ON p.round = k.round
    WHERE k.n <> COALESCE(p.n, 0)";

#[async_trait]
impl Upkeep for PostgresStore {
    async fn ping(&self) -> Result<(), TallyError> {
        self.requests.get().await?.batch_execute("SELECT 1").await.map_err(failed("reaching the database"))
    }

    /// Asked on a connection of the probe's own: never the commits', where
    /// its ROLLBACK could end a batch. Taking a transaction id is what a
    /// write needs first; a read-only server (a standby after a fail-over)
    /// refuses it.
    async fn write_probe(&self) -> Result<(), TallyError> {
        let client = self.probe.get().await?;
        client.batch_execute("BEGIN; SELECT txid_current(); ROLLBACK").await.map_err(failed("probing for writes"))
    }

    async fn verify_board(&self, id: &str) -> Result<Vec<String>, TallyError> {
        let rows = self.requests.get().await?.query(MISMATCHES, &[&id]).await.map_err(failed("verifying counts"))?;
        Ok(rows
            .iter()
            .map(|r| {
                let (round, level) = (r.get::<_, i32>(0) as i64, r.get::<_, i32>(2) as i64);
                mismatch(id, round, (r.get(1), &(r.get(5), r.get(6))), level, r.get(3), r.get(4))
            })
            .collect())
    }
}
