//! [`Groups`] on SQLite.

use super::super::contract::{Groups, SliceSize};
use super::super::rows::decode_answers;
use super::super::sql;
use super::{failed, numbered, SqliteStore};
use crate::answers::Answers;
use crate::error::TallyError;
use async_trait::async_trait;

#[async_trait]
impl Groups for SqliteStore {
    async fn group_answers(&self, board: &str, round: u32, group: &str) -> Result<Vec<Answers>, TallyError> {
        let (board, group) = (board.to_string(), group.to_string());
        let stored: Vec<String> = self
            .read(move |conn| {
                let mut stmt = conn.prepare_cached(sql::GROUP_ANSWERS).map_err(failed("reading a group"))?;
                let answers = stmt.query_map(numbered(&[&board, &round, &group]).as_slice(), |r| r.get(0));
                answers.and_then(|rows| rows.collect()).map_err(failed("reading a group"))
            })
            .await?;
        stored.iter().map(|text| decode_answers(text)).collect()
    }

    async fn group_sizes(&self, board: &str, round: u32) -> Result<Vec<(Option<String>, u64)>, TallyError> {
        let board = board.to_string();
        self.read(move |conn| {
            let mut stmt = conn.prepare_cached(sql::GROUP_SIZES).map_err(failed("counting a round's groups"))?;
            let sizes =
                stmt.query_map(numbered(&[&board, &round]).as_slice(), |r| Ok((r.get(0)?, r.get::<_, i64>(1)? as u64)));
            sizes.and_then(|rows| rows.collect()).map_err(failed("counting a round's groups"))
        })
        .await
    }

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

    async fn role_answers(
        &self,
        board: &str,
        round: u32,
        role: &str,
        group: Option<&str>,
    ) -> Result<Vec<Answers>, TallyError> {
        let (board, role, group) = (board.to_string(), role.to_string(), group.map(str::to_string));
        let stored: Vec<String> = self
            .read(move |conn| {
                let failed = failed("reading a role's answers");
                let rows = match &group {
                    None => {
                        let mut stmt = conn.prepare_cached(sql::ROLE_ANSWERS).map_err(&failed)?;
                        let rows = stmt.query_map(numbered(&[&board, &round, &role]).as_slice(), |r| r.get(0));
                        rows.and_then(|rows| rows.collect())
                    }
                    Some(group) => {
                        let mut stmt = conn.prepare_cached(sql::ROLE_IN_GROUP_ANSWERS).map_err(&failed)?;
                        let values = numbered(&[&board, &round, &role, group]);
                        let rows = stmt.query_map(values.as_slice(), |r| r.get(0));
                        rows.and_then(|rows| rows.collect())
                    }
                };
                rows.map_err(failed)
            })
            .await?;
        stored.iter().map(|text| decode_answers(text)).collect()
    }
}
