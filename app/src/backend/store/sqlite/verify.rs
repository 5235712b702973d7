//! The recount on SQLite: one board's stored aggregates compared with what
//! its stored answers add up to, round by round.

use super::super::internal;
use super::{blocking, SqliteStore};
use crate::error::TallyError;

/// Every (round, row, level) of board `?1` where the stored count and a
/// recount from the stored answers disagree, in either direction, and every
/// round whose respondent count does. Each part reads by the board's key
/// prefix, so the cost is the board's own submissions.
const MISMATCHES: &str = "
    WITH recount AS (
        SELECT s.round, j.key AS row_id, j.value AS level, COUNT(*) AS n
        FROM submissions s, json_each(s.answers) j WHERE s.board_id = ?1
        GROUP BY s.round, j.key, j.value
    ), stored AS (SELECT round, row_id, level, n FROM counts WHERE board_id = ?1 AND n <> 0),
    people AS (SELECT round, COUNT(*) AS n FROM submissions WHERE board_id = ?1 GROUP BY round),
    kept AS (
        SELECT r.round, CASE WHEN r.round = b.round THEN b.respondents ELSE r.respondents END AS n
        FROM rounds r JOIN boards b ON b.id = r.board_id WHERE r.board_id = ?1
    )
    SELECT round, row_id, level, SUM(stored_n), SUM(recount_n) FROM (
        SELECT round, row_id, level, n AS stored_n, 0 AS recount_n FROM stored
        UNION ALL
        SELECT round, row_id, level, 0, n FROM recount
    ) GROUP BY round, row_id, level HAVING SUM(stored_n) <> SUM(recount_n)
    UNION ALL
    SELECT k.round, '*respondents*', -1, k.n, COALESCE(p.n, 0)
    FROM kept k LEFT JOIN people p ON p.round = k.round
    WHERE k.n <> COALESCE(p.n, 0)";

impl SqliteStore {
    pub async fn verify_board(&self, id: &str) -> Result<Vec<String>, TallyError> {
        let (reader, id) = (self.reader.clone(), id.to_string());
        blocking(move || {
            let conn = reader.lock().unwrap_or_else(|e| e.into_inner());
            let mut stmt = conn.prepare_cached(MISMATCHES).map_err(internal("verifying counts"))?;
            let rows = stmt
                .query_map([&id], |r| {
                    Ok(super::super::mismatch(&id, r.get(0)?, &r.get::<_, String>(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
                })
                .and_then(|rows| rows.collect())
                .map_err(internal("verifying counts"))?;
            Ok(rows)
        })
        .await
    }
}
