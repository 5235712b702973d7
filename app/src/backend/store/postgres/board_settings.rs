//! [`BoardSettings`] on PostgreSQL.

use super::super::contract::BoardSettings;
use super::super::rows::{encode_group_names, encode_names};
use super::super::sql;
use super::PostgresStore;
use crate::access::AccessMode;
use crate::error::TallyError;
use crate::groups::GroupSettings;
use crate::reveal::RevealSettings;
use async_trait::async_trait;

#[async_trait]
impl BoardSettings for PostgresStore {
    async fn set_groups(&self, board: &str, groups: &GroupSettings) -> Result<u64, TallyError> {
        let (names, threshold) = (encode_group_names(groups), groups.min_group_size as i32);
        let values: [&(dyn tokio_postgres::types::ToSql + Sync); 3] = [&board, &names, &threshold];
        self.change_known_board("setting groups", board, sql::SET_GROUPS, &values).await
    }

    async fn set_reveal(&self, board: &str, settings: RevealSettings) -> Result<u64, TallyError> {
        let values: [&(dyn tokio_postgres::types::ToSql + Sync); 3] =
            [&board, &settings.reveal.as_str(), &settings.revealed];
        self.change_known_board("setting who sees the figures", board, sql::SET_REVEAL, &values).await
    }

    async fn set_access(&self, board: &str, access: AccessMode, domains: &[String]) -> Result<u64, TallyError> {
        let domains = encode_names(domains);
        let values: [&(dyn tokio_postgres::types::ToSql + Sync); 3] = [&board, &access.as_str(), &domains];
        self.change_known_board("setting who may answer", board, sql::SET_ACCESS, &values).await
    }
}
