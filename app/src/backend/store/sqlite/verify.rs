//! The recount on SQLite: every stored aggregate compared with what the
//! stored answers add up to, round by round.

use super::super::internal;
use super::{blocking, SqliteStore};
use crate::error::TallyError;

impl SqliteStore {
    pub async fn verify(&self) -> Result<Vec<String>, TallyError> {
        let reader = self.reader.clone();
        blocking(move || {
            let conn = reader.lock().unwrap_or_else(|e| e.into_inner());
            // Every (board, round, row, level) where the stored count and a
            // recount from the stored answers disagree, in either direction,
            // and every round whose respondent count does.
            let sql = "
                WITH recount AS (
                    SELECT s.board_id, s.round, j.key AS row_id, j.value AS level, COUNT(*) AS n
                    FROM submissions s, json_each(s.answers) j
                    GROUP BY s.board_id, s.round, j.key, j.value
                ), stored AS (SELECT board_id, round, row_id, level, n FROM counts WHERE n <> 0),
                people AS (SELECT board_id, round, COUNT(*) AS n FROM submissions GROUP BY board_id, round),
                kept AS (
                    SELECT r.board_id, r.round, CASE WHEN r.round = b.round THEN b.respondents ELSE r.respondents END AS n
                    FROM rounds r JOIN boards b ON b.id = r.board_id
                )
                SELECT board_id, round, row_id, level, SUM(stored_n), SUM(recount_n) FROM (
                    SELECT board_id, round, row_id, level, n AS stored_n, 0 AS recount_n FROM stored
                    UNION ALL
                    SELECT board_id, round, row_id, level, 0, n FROM recount
                ) GROUP BY board_id, round, row_id, level HAVING SUM(stored_n) <> SUM(recount_n)
                UNION ALL
                SELECT k.board_id, k.round, '*respondents*', -1, k.n, COALESCE(p.n, 0)
                FROM kept k LEFT JOIN people p ON p.board_id = k.board_id AND p.round = k.round
                WHERE k.n <> COALESCE(p.n, 0)";
            let mut stmt = conn.prepare(sql).map_err(internal("verifying counts"))?;
            let rows = stmt
                .query_map([], |r| {
                    Ok(format!(
                        "board '{}', round {}, row '{}', level {}: stored {} but recount gives {}",
                        r.get::<_, String>(0)?,
                        r.get::<_, i64>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, i64>(3)?,
                        r.get::<_, i64>(4)?,
                        r.get::<_, i64>(5)?
                    ))
                })
                .and_then(|rows| rows.collect())
                .map_err(internal("verifying counts"))?;
            Ok(rows)
        })
        .await
    }
}
