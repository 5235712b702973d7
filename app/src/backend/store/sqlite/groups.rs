//! [`Groups`] on SQLite.

use super::super::contract::Groups;
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
}
