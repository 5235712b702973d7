//! [`BoardSettings`] on SQLite.

use super::super::contract::BoardSettings;
use super::super::rows::{encode_group_names, encode_names};
use super::super::sql;
use super::{failed, numbered, SqliteStore};
use crate::access::AccessMode;
use crate::error::TallyError;
use crate::groups::GroupSettings;
use crate::reveal::RevealSettings;
use async_trait::async_trait;

#[async_trait]
impl BoardSettings for SqliteStore {
    async fn set_groups(&self, board: &str, groups: &GroupSettings) -> Result<u64, TallyError> {
        let (board, names, threshold) = (board.to_string(), encode_group_names(groups), groups.min_group_size);
        self.write(move |conn| {
            let values = numbered(&[&board, &names, &threshold]);
            conn.query_row(sql::SET_GROUPS, values.as_slice(), |r| r.get(0)).map_err(failed("setting groups"))
        })
        .await
    }

    async fn set_reveal(&self, board: &str, settings: RevealSettings) -> Result<u64, TallyError> {
        let board = board.to_string();
        self.write(move |conn| {
            let reveal = settings.reveal.as_str();
            let values = numbered(&[&board, &reveal, &settings.revealed]);
            conn.query_row(sql::SET_REVEAL, values.as_slice(), |r| r.get(0))
                .map_err(failed("setting who sees the figures"))
        })
        .await
    }

    async fn set_access(&self, board: &str, access: AccessMode, domains: &[String]) -> Result<u64, TallyError> {
        let (board, domains) = (board.to_string(), encode_names(domains));
        self.write(move |conn| {
            let mode = access.as_str();
            let values = numbered(&[&board, &mode, &domains]);
            conn.query_row(sql::SET_ACCESS, values.as_slice(), |r| r.get(0)).map_err(failed("setting who may answer"))
        })
        .await
    }
}
