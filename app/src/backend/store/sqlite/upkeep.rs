//! [`Upkeep`] on SQLite: reachable, writable, and the recount (one board's
//! stored aggregates compared with what its stored answers add up to,
//! round by round and slice by slice).

use super::super::contract::Upkeep;
use super::super::rows::mismatch;
use super::{failed, SqliteStore};
use crate::error::TallyError;
use async_trait::async_trait;

/// Every (round, group, role, row, level) of board `?1` where the stored count and a
/// recount from the stored answers disagree, in either direction, and every
/// round (and slice) whose respondent count does. Each part reads by the board's key
/// prefix, so the cost is the board's own submissions.
const MISMATCHES: &str = "
    WITH recount AS (
        SELECT s.round, COALESCE(s.group_name, '') AS group_name, COALESCE(s.role, '') AS role,
            j.key AS row_id, j.value AS level, COUNT(*) AS n
        FROM submissions s, json_each(s.answers) j WHERE s.board_id = ?1
        GROUP BY 1, 2, 3, 4, 5
    ), stored AS (SELECT round, group_name, role, row_id, level, n FROM counts WHERE board_id = ?1 AND n <> 0),
    people AS (SELECT round, COUNT(*) AS n FROM submissions WHERE board_id = ?1 GROUP BY round),
    kept AS (
        SELECT r.round, CASE WHEN r.round = b.round THEN b.respondents ELSE r.respondents END AS n
        FROM rounds r JOIN boards b ON b.id = r.board_id WHERE r.board_id = ?1
    )
    SELECT round, row_id, level, SUM(stored_n), SUM(recount_n), group_name, role FROM (
        SELECT round, group_name, role, row_id, level, n AS stored_n, 0 AS recount_n FROM stored
        UNION ALL
        SELECT round, group_name, role, row_id, level, 0, n FROM recount
    ) GROUP BY round, group_name, role, row_id, level HAVING SUM(stored_n) <> SUM(recount_n)
    UNION ALL
    SELECT round, '*respondents of a slice*', -1, SUM(stored_n), SUM(recount_n), group_name, role FROM (
        SELECT round, group_name, role, n AS stored_n, 0 AS recount_n FROM slice_respondents
        WHERE board_id = ?1 AND n <> 0
        UNION ALL
        SELECT round, COALESCE(group_name, ''), COALESCE(role, ''), 0, COUNT(*) FROM submissions
        WHERE board_id = ?1 GROUP BY 1, 2, 3
    ) AS people_by_slice GROUP BY round, group_name, role HAVING SUM(stored_n) <> SUM(recount_n)
    UNION ALL
    SELECT k.round, '*respondents*', -1, k.n, COALESCE(p.n, 0), '', ''
    FROM kept k LEFT JOIN people p ON p.round = k.round
    WHERE k.n <> COALESCE(p.n, 0)";

#[async_trait]
impl Upkeep for SqliteStore {
    async fn ping(&self) -> Result<(), TallyError> {
        self.read(|conn| conn.query_row("SELECT 1", [], |_| Ok(())).map_err(failed("reaching the SQLite file"))).await
    }

    /// Takes the write lock and lets go of it, as a commit would.
    async fn write_probe(&self) -> Result<(), TallyError> {
        self.write(|conn| conn.execute_batch("BEGIN IMMEDIATE; ROLLBACK;").map_err(failed("probing for writes"))).await
    }

    async fn verify_board(&self, id: &str) -> Result<Vec<String>, TallyError> {
        let id = id.to_string();
        self.read(move |conn| {
            let mut stmt = conn.prepare_cached(MISMATCHES).map_err(failed("verifying counts"))?;
            let rows = stmt.query_map([&id], |r| {
                let slice = (r.get::<_, String>(5)?, r.get::<_, String>(6)?);
                Ok(mismatch(&id, r.get(0)?, (&r.get::<_, String>(1)?, &slice), r.get(2)?, r.get(3)?, r.get(4)?))
            });
            rows.and_then(|rows| rows.collect()).map_err(failed("verifying counts"))
        })
        .await
    }
}
