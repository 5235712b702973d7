//! [`Groups`] on PostgreSQL.

use super::super::contract::{Groups, SliceSize};
use super::super::sql;
use super::{failed, PostgresStore};
use crate::error::TallyError;
use async_trait::async_trait;

#[async_trait]
impl Groups for PostgresStore {
    async fn slice_sizes(&self, board: &str, round: u32) -> Result<Vec<SliceSize>, TallyError> {
        let client = self.requests.get().await?;
        let rows = client
            .query(sql::SLICE_SIZES, &[&board, &(round as i32)])
            .await
            .map_err(failed("counting a round's slices"))?;
        Ok(rows.iter().map(|r| (r.get(0), r.get(1), r.get::<_, i64>(2) as u64)).collect())
    }

    async fn slice_counts(
        &self,
        board: &str,
        round: u32,
        group: Option<&str>,
        role: Option<&str>,
    ) -> Result<Vec<(String, u8, u64)>, TallyError> {
        let client = self.requests.get().await?;
        let values: [&(dyn tokio_postgres::types::ToSql + Sync); 4] = [&board, &(round as i32), &group, &role];
        let rows = client.query(sql::SLICE_COUNTS, &values).await.map_err(failed("reading a slice's counts"))?;
        Ok(rows.iter().map(|r| (r.get(0), r.get::<_, i16>(1) as u8, r.get::<_, i64>(2) as u64)).collect())
    }
}
