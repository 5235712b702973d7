//! [`Groups`] on PostgreSQL.

use super::super::contract::{Groups, SliceSize};
use super::super::rows::decode_answers;
use super::super::sql;
use super::{failed, PostgresStore};
use crate::answers::Answers;
use crate::error::TallyError;
use async_trait::async_trait;

#[async_trait]
impl Groups for PostgresStore {
    async fn group_answers(&self, board: &str, round: u32, group: &str) -> Result<Vec<Answers>, TallyError> {
        let client = self.requests.get().await?;
        let values: [&(dyn tokio_postgres::types::ToSql + Sync); 3] = [&board, &(round as i32), &group];
        let rows = client.query(sql::GROUP_ANSWERS, &values).await.map_err(failed("reading a group"))?;
        rows.iter().map(|r| decode_answers(r.get(0))).collect()
    }

    async fn group_sizes(&self, board: &str, round: u32) -> Result<Vec<(Option<String>, u64)>, TallyError> {
        let client = self.requests.get().await?;
        let rows = client
            .query(sql::GROUP_SIZES, &[&board, &(round as i32)])
            .await
            .map_err(failed("counting a round's groups"))?;
        Ok(rows.iter().map(|r| (r.get(0), r.get::<_, i64>(1) as u64)).collect())
    }

    async fn slice_sizes(&self, board: &str, round: u32) -> Result<Vec<SliceSize>, TallyError> {
        let client = self.requests.get().await?;
        let rows = client
            .query(sql::SLICE_SIZES, &[&board, &(round as i32)])
            .await
            .map_err(failed("counting a round's slices"))?;
        Ok(rows.iter().map(|r| (r.get(0), r.get(1), r.get::<_, i64>(2) as u64)).collect())
    }

    async fn role_answers(
        &self,
        board: &str,
        round: u32,
        role: &str,
        group: Option<&str>,
    ) -> Result<Vec<Answers>, TallyError> {
        let client = self.requests.get().await?;
        let round = round as i32;
        let rows = match group {
            None => client.query(sql::ROLE_ANSWERS, &[&board, &round, &role]).await,
            Some(group) => client.query(sql::ROLE_IN_GROUP_ANSWERS, &[&board, &round, &role, &group]).await,
        };
        let rows = rows.map_err(failed("reading a role's answers"))?;
        rows.iter().map(|r| decode_answers(r.get(0))).collect()
    }
}
