//! [`Groups`] on SQLite.

use super::super::contract::{Groups, SliceSize};
use super::super::sql;
use super::{failed, numbered, SqliteStore};
use crate::error::TallyError;
use async_trait::async_trait;

#[async_trait]
impl Groups for SqliteStore {
    async fn slice_sizes(&self, board: &str, round: u32) -> Result<Vec<SliceSize>, TallyError> {
        let board = board.to_string();
        self.read(move |conn| {
            let mut stmt = conn.prepare_cached(sql::SLICE_SIZES).map_err(failed("counting a round's slices"))?;
            let sizes = stmt.query_map(numbered(&[&board, &round]).as_slice(), |r| {
                Ok((r.get(0)?, r.get(1)?, r.get::<_, i64>(2)? as u64))
            });
            sizes.and_then(|rows| rows.collect()).map_err(failed("counting a round's slices"))
        })
        .await
    }

    async fn slice_counts(
        &self,
        board: &str,
        round: u32,
        group: Option<&str>,
        role: Option<&str>,
    ) -> Result<Vec<(String, u8, u64)>, TallyError> {
        let (board, group, role) = (board.to_string(), group.map(str::to_string), role.map(str::to_string));
        self.read(move |conn| {
            let mut stmt = conn.prepare_cached(sql::SLICE_COUNTS).map_err(failed("reading a slice's counts"))?;
            let values = numbered(&[&board, &round, &group, &role]);
            let counts = stmt.query_map(values.as_slice(), |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)));
            counts.and_then(|rows| rows.collect()).map_err(failed("reading a slice's counts"))
        })
        .await
    }
}
