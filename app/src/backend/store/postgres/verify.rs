//! The recount on PostgreSQL: the same comparison as SQLite's, round by
//! round, in one snapshot.

use super::PostgresStore;
use crate::error::TallyError;

impl PostgresStore {
    pub async fn verify(&self) -> Result<Vec<String>, TallyError> {
        let rows = self
            .reader
            .get()
            .await?
            .query(
                "WITH recount AS (
                    SELECT s.board_id, s.round, j.key AS row_id, j.value::int AS level, COUNT(*)::bigint AS n
                    FROM submissions s, jsonb_each_text(s.answers) j
                    GROUP BY s.board_id, s.round, j.key, j.value
                 ), stored AS (SELECT board_id, round, row_id, level::int AS level, n FROM counts WHERE n <> 0),
                 people AS (SELECT board_id, round, COUNT(*)::bigint AS n FROM submissions GROUP BY board_id, round),
                 kept AS (
                    SELECT r.board_id, r.round, CASE WHEN r.round = b.round THEN b.respondents ELSE r.respondents END AS n
                    FROM rounds r JOIN boards b ON b.id = r.board_id
                 )
                 SELECT board_id, round, row_id, level, SUM(stored_n)::bigint, SUM(recount_n)::bigint FROM (
                    SELECT board_id, round, row_id, level, n AS stored_n, 0::bigint AS recount_n FROM stored
                    UNION ALL
                    SELECT board_id, round, row_id, level, 0::bigint, n FROM recount
                 ) AS both_sides GROUP BY board_id, round, row_id, level HAVING SUM(stored_n) <> SUM(recount_n)
                 UNION ALL
                 SELECT k.board_id, k.round, '*respondents*', -1, k.n, COALESCE(p.n, 0)
                 FROM kept k LEFT JOIN people p ON p.board_id = k.board_id AND p.round = k.round
                 WHERE k.n <> COALESCE(p.n, 0)",
                &[],
            )
            .await?;
        Ok(rows
            .iter()
            .map(|r| {
                format!(
                    "board '{}', round {}, row '{}', level {}: stored {} but recount gives {}",
                    r.get::<_, String>(0),
                    r.get::<_, i32>(1),
                    r.get::<_, String>(2),
                    r.get::<_, i32>(3),
                    r.get::<_, i64>(4),
                    r.get::<_, i64>(5)
                )
            })
            .collect())
    }
}
