//! [`Invitations`] on SQLite.

use super::super::contract::Invitations;
use super::super::sql;
use super::super::types::{InvitationChange, NewInvitation, StoredInvitation};
use super::{failed, numbered, SqliteStore};
use crate::error::TallyError;
use async_trait::async_trait;
use rusqlite::{OptionalExtension, Row, TransactionBehavior};

#[async_trait]
impl Invitations for SqliteStore {
    async fn add_invitations(&self, board: &str, new: Vec<NewInvitation>, max: usize) -> Result<u64, TallyError> {
        let board = board.to_string();
        self.write(move |conn| {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(failed("inviting"))?;
            let held: i64 = tx
                .query_row(sql::INVITATION_COUNT, numbered(&[&board]).as_slice(), |r| r.get(0))
                .map_err(failed("counting invitations"))?;
            if held as usize + new.len() > max {
                return Err(super::super::contract::too_many_invitations(held as usize, new.len(), max));
            }
            for person in &new {
                let NewInvitation { id, token_hash, name, email, group, role, created_at } = person;
                let values = numbered(&[&board, id, token_hash, name, email, group, created_at, role]);
                tx.execute(sql::ADD_INVITATION, values.as_slice()).map_err(failed("storing an invitation"))?;
            }
            let version = new_version(&tx, &board)?;
            tx.commit().map_err(failed("committing invitations"))?;
            Ok(version)
        })
        .await
    }

    async fn invitations(&self, board: &str) -> Result<Vec<StoredInvitation>, TallyError> {
        let board = board.to_string();
        self.read(move |conn| {
            let mut stmt = conn.prepare_cached(sql::INVITATIONS).map_err(failed("reading invitations"))?;
            let rows = stmt.query_map(numbered(&[&board]).as_slice(), invitation);
            rows.and_then(|rows| rows.collect()).map_err(failed("reading invitations"))
        })
        .await
    }

    async fn invitation_by_token(&self, token_hash: &str) -> Result<Option<StoredInvitation>, TallyError> {
        let token_hash = token_hash.to_string();
        self.read(move |conn| {
            let values = numbered(&[&token_hash]);
            conn.query_row(sql::INVITATION_BY_TOKEN, values.as_slice(), invitation)
                .optional()
                .map_err(failed("finding an invitation"))
        })
        .await
    }

    async fn change_invitation(
        &self,
        board: &str,
        id: &str,
        change: InvitationChange,
    ) -> Result<Option<u64>, TallyError> {
        let (board, id) = (board.to_string(), id.to_string());
        self.write(move |conn| {
            let tx = conn.transaction().map_err(failed("changing an invitation"))?;
            let changed = match &change {
                InvitationChange::Reissue { token_hash } => {
                    tx.execute(sql::REISSUE_INVITATION, numbered(&[&board, &id, token_hash]).as_slice())
                }
                InvitationChange::Revoke => tx.execute(sql::REVOKE_INVITATION, numbered(&[&board, &id]).as_slice()),
                InvitationChange::Delete => tx
                    .execute(sql::FORGET_SHOWN_PARTICIPATION, numbered(&[&board, &id]).as_slice())
                    .and_then(|_| tx.execute(sql::DELETE_INVITATION, numbered(&[&board, &id]).as_slice())),
            }
            .map_err(failed("changing an invitation"))?;
            let version = if changed > 0 { Some(new_version(&tx, &board)?) } else { None };
            tx.commit().map_err(failed("committing an invitation's change"))?;
            Ok(version)
        })
        .await
    }

    async fn round_respondents(&self, board: &str, round: u32) -> Result<Vec<String>, TallyError> {
        self.strings(sql::ROUND_RESPONDENTS, board, round, "reading who answered a round").await
    }

    async fn participation_shown(&self, board: &str, round: u32) -> Result<Vec<String>, TallyError> {
        self.strings(sql::PARTICIPATION_SHOWN, board, round, "reading participation").await
    }

    async fn show_participation(&self, board: &str, round: u32, ids: Vec<String>) -> Result<(), TallyError> {
        let board = board.to_string();
        self.write(move |conn| {
            let tx = conn.transaction().map_err(failed("publishing participation"))?;
            tx.execute(sql::CLEAR_PARTICIPATION_SHOWN, numbered(&[&board, &round]).as_slice())
                .map_err(failed("publishing participation"))?;
            for id in &ids {
                tx.execute(sql::ADD_PARTICIPATION_SHOWN, numbered(&[&board, &round, id]).as_slice())
                    .map_err(failed("publishing participation"))?;
            }
            tx.commit().map_err(failed("committing participation"))
        })
        .await
    }
}

/// Makes the change in `tx` a new version of `board` (see `admission_rev`).
fn new_version(tx: &rusqlite::Transaction, board: &str) -> Result<u64, TallyError> {
    tx.query_row(sql::NEW_INVITATIONS_VERSION, numbered(&[&board]).as_slice(), |r| r.get(0))
        .map_err(failed("making invitations a new version"))
}

impl SqliteStore {
    /// The one text column `statement` returns for (`$1` board, `$2` round).
    async fn strings(
        &self,
        statement: &'static str,
        board: &str,
        round: u32,
        context: &'static str,
    ) -> Result<Vec<String>, TallyError> {
        let board = board.to_string();
        self.read(move |conn| {
            let mut stmt = conn.prepare_cached(statement).map_err(failed(context))?;
            let rows = stmt.query_map(numbered(&[&board, &round]).as_slice(), |r| r.get(0));
            rows.and_then(|rows| rows.collect()).map_err(failed(context))
        })
        .await
    }
}

fn invitation(r: &Row) -> rusqlite::Result<StoredInvitation> {
    Ok(StoredInvitation {
        board: r.get(0)?,
        id: r.get(1)?,
        token_hash: r.get(2)?,
        name: r.get(3)?,
        email: r.get(4)?,
        group: r.get(5)?,
        created_at: r.get(6)?,
        generation: r.get(7)?,
        revoked: r.get(8)?,
        role: r.get(9)?,
    })
}
