//! [`Invitations`] on PostgreSQL. Each change is one statement: the
//! connection is shared, so a transaction of several statements on it
//! could interleave with another task's.

use super::super::contract::{too_many_invitations, Invitations};
use super::super::sql;
use super::super::types::{InvitationChange, NewInvitation, StoredInvitation};
use super::{failed, PostgresStore};
use crate::error::TallyError;
use async_trait::async_trait;
use tokio_postgres::types::ToSql;
use tokio_postgres::Row;

/// `$changes` (common table expressions, the last named `changed`
/// returning a row per invitation it touched), then the board's new
/// version if it touched any: one statement, so both or neither happen.
macro_rules! then_new_version {
    ($($changes:expr),+) => {
        concat!(
            "WITH ", $($changes,)+ " ", sql::new_invitations_version!(),
            " AND EXISTS (SELECT 1 FROM changed) RETURNING version"
        )
    };
}

/// Adds the invitations in `$2`… and `$9` (arrays, one element each)
/// unless the board would then hold more than `$8`; under the board's row lock.
const ADD_INVITATIONS: &str = then_new_version!(
    "locked AS (SELECT id FROM boards WHERE id = $1 FOR UPDATE),
    held AS (SELECT COUNT(*) AS n FROM invitations WHERE board_id = $1),
    changed AS (
        INSERT INTO invitations (board_id, id, token_hash, name, email, group_name, created_at, role)
        SELECT locked.id, i.id, i.token_hash, i.name, i.email, i.group_name, $7, i.role
        FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $9::text[])
            AS i(id, token_hash, name, email, group_name, role), locked, held
        WHERE held.n + cardinality($2::text[]) <= $8
        RETURNING 1
    )"
);

const REISSUE_INVITATION: &str = then_new_version!("changed AS (", sql::reissue_invitation!(), " RETURNING 1)");

const REVOKE_INVITATION: &str = then_new_version!("changed AS (", sql::revoke_invitation!(), " RETURNING 1)");

/// Forgets that the owners were told it answered, and the invitation.
const DELETE_INVITATION: &str = then_new_version!(
    "forgotten AS (DELETE FROM participation_shown WHERE board_id = $1 AND invitation_id = $2),
    changed AS (",
    sql::delete_invitation!(),
    " RETURNING 1)"
);

/// Replaces what the owners are told answered a round with `$3`: what
/// leaves and what joins are different rows, so one statement does both.
const SHOW_PARTICIPATION: &str = "WITH gone AS (
        DELETE FROM participation_shown
        WHERE board_id = $1 AND round = $2 AND NOT (invitation_id = ANY($3::text[]))
    )
    INSERT INTO participation_shown (board_id, round, invitation_id)
    SELECT $1, $2, unnest($3::text[]) ON CONFLICT DO NOTHING";

#[async_trait]
impl Invitations for PostgresStore {
    async fn add_invitations(&self, board: &str, new: Vec<NewInvitation>, max: usize) -> Result<u64, TallyError> {
        let column = |pick: fn(&NewInvitation) -> Option<String>| new.iter().map(pick).collect::<Vec<_>>();
        let ids = column(|i| Some(i.id.clone()));
        let hashes = column(|i| Some(i.token_hash.clone()));
        let names = column(|i| Some(i.name.clone()));
        let emails = column(|i| Some(i.email.clone()));
        let (groups, roles) = (column(|i| i.group.clone()), column(|i| i.role.clone()));
        let now = new.first().map_or(0, |i| i.created_at);
        let values: [&(dyn ToSql + Sync); 9] =
            [&board, &ids, &hashes, &names, &emails, &groups, &now, &(max as i64), &roles];
        if let Some(version) = self.change_board("storing invitations", board, ADD_INVITATIONS, &values).await? {
            return Ok(version);
        }
        let client = self.requests.get().await?;
        let held: i64 =
            client.query_one(sql::INVITATION_COUNT, &[&board]).await.map_err(failed("counting invitations"))?.get(0);
        Err(too_many_invitations(held as usize, new.len(), max))
    }

    async fn invitations(&self, board: &str) -> Result<Vec<StoredInvitation>, TallyError> {
        let client = self.requests.get().await?;
        let rows = client.query(sql::INVITATIONS, &[&board]).await.map_err(failed("reading invitations"))?;
        Ok(rows.iter().map(invitation).collect())
    }

    async fn invitation_by_token(&self, token_hash: &str) -> Result<Option<StoredInvitation>, TallyError> {
        let client = self.requests.get().await?;
        let row = client.query_opt(sql::INVITATION_BY_TOKEN, &[&token_hash]).await;
        Ok(row.map_err(failed("finding an invitation"))?.as_ref().map(invitation))
    }

    async fn change_invitation(
        &self,
        board: &str,
        id: &str,
        change: InvitationChange,
    ) -> Result<Option<u64>, TallyError> {
        let context = "changing an invitation";
        match &change {
            InvitationChange::Reissue { token_hash } => {
                self.change_board(context, board, REISSUE_INVITATION, &[&board, &id, token_hash]).await
            }
            InvitationChange::Revoke => self.change_board(context, board, REVOKE_INVITATION, &[&board, &id]).await,
            InvitationChange::Delete => self.change_board(context, board, DELETE_INVITATION, &[&board, &id]).await,
        }
    }

    async fn round_respondents(&self, board: &str, round: u32) -> Result<Vec<String>, TallyError> {
        let client = self.requests.get().await?;
        let rows = client.query(sql::ROUND_RESPONDENTS, &[&board, &(round as i32)]).await;
        Ok(rows.map_err(failed("reading who answered a round"))?.iter().map(|r| r.get(0)).collect())
    }

    async fn participation_shown(&self, board: &str, round: u32) -> Result<Vec<String>, TallyError> {
        let client = self.requests.get().await?;
        let rows = client.query(sql::PARTICIPATION_SHOWN, &[&board, &(round as i32)]).await;
        Ok(rows.map_err(failed("reading participation"))?.iter().map(|r| r.get(0)).collect())
    }

    async fn show_participation(&self, board: &str, round: u32, ids: Vec<String>) -> Result<(), TallyError> {
        let client = self.requests.get().await?;
        let values: [&(dyn ToSql + Sync); 3] = [&board, &(round as i32), &ids];
        client.execute(SHOW_PARTICIPATION, &values).await.map_err(failed("publishing participation"))?;
        Ok(())
    }
}

fn invitation(r: &Row) -> StoredInvitation {
    StoredInvitation {
        board: r.get(0),
        id: r.get(1),
        token_hash: r.get(2),
        name: r.get(3),
        email: r.get(4),
        group: r.get(5),
        created_at: r.get(6),
        generation: r.get::<_, i32>(7) as u32,
        revoked: r.get(8),
        role: r.get(9),
    }
}
