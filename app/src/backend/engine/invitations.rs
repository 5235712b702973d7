//! Who may answer a board, in the engine: the access setting and the
//! board's invitations. Both are board versions like any setting, so every
//! page and instance hears of a change. A served board keeps its
//! invitations in memory ([`KnownInvitations`]), read from the store on
//! first use after each change: a submission on a board open to invited
//! people only then costs no more reads than one open to anyone.

use super::{Engine, ServedBoard};
use crate::access::AccessMode;
use crate::backend::store::{InvitationChange, Invitations, NewInvitation, StoredInvitation};
use crate::error::TallyError;
use crate::stats::Stats;
use std::collections::HashMap;
use std::sync::Arc;

/// A board's invitations by id, as read at one `admission_rev`.
pub type InvitationsById = Arc<HashMap<String, StoredInvitation>>;

/// What a served board knows of who may answer it, besides the access
/// setting its figures carry.
#[derive(Default)]
pub(super) struct KnownAdmission {
    /// The board version at which who may answer last changed, as last heard.
    rev: u64,
    /// On a board open to members, the email domains it takes (empty: any).
    domains: Arc<Vec<String>>,
    /// The invitations as read at `rev`; `None` until asked for, or after a change.
    by_id: Option<InvitationsById>,
}

impl KnownAdmission {
    pub fn new(rev: u64, domains: Vec<String>) -> KnownAdmission {
        KnownAdmission { rev, domains: Arc::new(domains), by_id: None }
    }

    pub fn domains(&self) -> Arc<Vec<String>> {
        self.domains.clone()
    }

    /// The revision, and the list as read at it if it is.
    pub fn get(&self) -> (u64, Option<InvitationsById>) {
        (self.rev, self.by_id.clone())
    }

    /// Keeps `by_id`, read after `rev` was current, unless a change was
    /// heard since (it may then predate the change).
    pub fn remember(&mut self, rev: u64, by_id: InvitationsById) {
        if self.rev == rev {
            self.by_id = Some(by_id);
        }
    }

    /// Hears that who may answer changed at `rev`, to `domains`: forgets
    /// the invitations if that is news.
    pub fn changed_at(&mut self, rev: u64, domains: &[String]) {
        if rev > self.rev {
            *self = KnownAdmission::new(rev, domains.to_vec());
        }
    }
}

impl Engine {
    /// Sets who may answer the board; a new version, heard by every page
    /// and instance.
    pub async fn set_access(
        &self,
        board: &ServedBoard,
        access: AccessMode,
        domains: &[String],
    ) -> Result<Arc<Stats>, TallyError> {
        self.state.store.set_access(&board.info.id, access, domains).await?;
        self.state.reload(&board.info.id).await;
        Ok(board.stats())
    }

    /// Invites every one of `new`, unless the board would then hold more
    /// than `max` (nothing added).
    pub async fn add_invitations(
        &self,
        board: &ServedBoard,
        new: Vec<NewInvitation>,
        max: usize,
    ) -> Result<(), TallyError> {
        self.state.store.add_invitations(&board.info.id, new, max).await?;
        self.state.reload(&board.info.id).await;
        Ok(())
    }

    /// Changes one invitation; `false` when the board has no such invitation.
    pub async fn change_invitation(
        &self,
        board: &ServedBoard,
        id: &str,
        change: InvitationChange,
    ) -> Result<bool, TallyError> {
        let changed = self.state.store.change_invitation(&board.info.id, id, change).await?;
        if changed.is_some() {
            self.state.reload(&board.info.id).await;
        }
        Ok(changed.is_some())
    }

    /// The board's invitations by id, from memory (read from the store
    /// once after each change), with the admission revision they are of.
    pub async fn invitations_by_id(&self, board: &ServedBoard) -> Result<(u64, InvitationsById), TallyError> {
        let rev = match board.known_invitations() {
            (rev, Some(by_id)) => return Ok((rev, by_id)),
            (rev, None) => rev,
        };
        let list = self.state.store.invitations(&board.info.id).await?;
        let by_id: InvitationsById = Arc::new(list.into_iter().map(|i| (i.id.clone(), i)).collect());
        board.remember_invitations(rev, by_id.clone());
        Ok((rev, by_id))
    }

    /// Reads the board again, after a commit found who may answer it
    /// changed by another instance that this one has not heard from yet.
    pub async fn refresh_admission(&self, board: &ServedBoard) {
        self.state.reload(&board.info.id).await;
    }

    /// What the store holds of invitations: the owners' list, links by
    /// token, and participation.
    pub fn invitations(&self) -> &dyn Invitations {
        &*self.state.store
    }
}
