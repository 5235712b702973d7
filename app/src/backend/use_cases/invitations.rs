//! Personal invitations: the admin lists people and gets one link each;
//! opening a link makes that device that person on the board. The admin
//! sees who answered the open round only in batches (see
//! [`Tally::invitation_list`]), so watching the list beside the live
//! figures never tells whose answers moved them.

use super::{Caller, Tally};
use crate::access::{Invitation, InvitationList, IssuedLink};
use crate::backend::engine::ServedBoard;
use crate::backend::invited::{self, Opened};
use crate::backend::people_list::{self, MAX_PEOPLE};
use crate::backend::qr_code;
use crate::backend::store::{InvitationChange, NewInvitation, StoredInvitation};
use crate::error::TallyError;
use axum::http::{HeaderMap, HeaderValue};
use std::collections::HashSet;
use subtle::ConstantTimeEq;

/// What an admin may do to one invitation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InvitationAction {
    /// A new link; the old one (and every device that opened it) stops.
    Reissue,
    Revoke,
    Delete,
}

impl Tally {
    /// Invites the people `text` lists (pasted lines or CSV, see
    /// `people_list`), with the admin key: their personal links, shown
    /// this once (only a keyed hash of each is kept).
    pub async fn invite(
        &self,
        caller: &Caller,
        board: &str,
        text: &str,
        headers: &HeaderMap,
    ) -> Result<Vec<IssuedLink>, TallyError> {
        let served = self.authorize(caller, board).await?;
        let board = served.info.id.clone();
        let existing = self.engine.invitations().invitations(&board).await?;
        let known: HashSet<String> =
            existing.iter().map(|i| i.email.to_lowercase()).filter(|e| !e.is_empty()).collect();
        let roles: Vec<(String, String)> =
            served.matrix().roles.iter().map(|r| (r.id.clone(), r.title.clone())).collect();
        let offered = people_list::Offered { groups: &served.groups().groups, roles: &roles };
        let people = people_list::parse(text, offered, &known)?;
        self.limits.invitations(&board)?;
        let now = crate::backend::engine::now();
        let (mut new, mut links) = (Vec::new(), Vec::new());
        let base = self.site_base(headers)?;
        for person in people {
            let id = format!("{:016x}", rand::random::<u64>());
            let (token, token_hash) = self.respondents.new_link();
            links.push(IssuedLink {
                id: id.clone(),
                name: person.name.clone(),
                email: person.email.clone(),
                link: format!("{base}/i/{token}"),
            });
            let (name, email, group, role) = (person.name, person.email, person.group, person.role);
            new.push(NewInvitation { id, token_hash, name, email, group, role, created_at: now });
        }
        self.engine.add_invitations(&served, new, MAX_PEOPLE).await?;
        let detail = format!("+{}", links.len());
        self.audit(caller, &served, crate::audit::AuditAction::PeopleInvited, detail).await;
        Ok(links)
    }

    /// Re-issues, revokes or deletes one invitation, with the admin key; a
    /// re-issued link is returned, shown this once.
    pub async fn change_invitation(
        &self,
        caller: &Caller,
        board: &str,
        id: &str,
        action: InvitationAction,
        headers: &HeaderMap,
    ) -> Result<Option<IssuedLink>, TallyError> {
        let served = self.authorize(caller, board).await?;
        let board = &served.info.id;
        let unknown = || TallyError::UnknownInvitation(id.chars().take(40).collect());
        let stored = self.engine.invitations_by_id(&served).await?.1.get(id).cloned().ok_or_else(unknown)?;
        let (change, link) = match action {
            InvitationAction::Reissue => {
                self.limits.invitations(board)?;
                let (token, token_hash) = self.respondents.new_link();
                let link = format!("{}/i/{token}", self.site_base(headers)?);
                let issued = IssuedLink { id: stored.id.clone(), name: stored.name.clone(), email: stored.email, link };
                (InvitationChange::Reissue { token_hash }, Some(issued))
            }
            InvitationAction::Revoke => (InvitationChange::Revoke, None),
            InvitationAction::Delete => (InvitationChange::Delete, None),
        };
        if !self.engine.change_invitation(&served, id, change).await? {
            return Err(unknown());
        }
        // As the API names the actions: not words of any language.
        let done = match action {
            InvitationAction::Reissue => "reissue",
            InvitationAction::Revoke => "revoke",
            InvitationAction::Delete => "delete",
        };
        let detail = format!("{id} {done}");
        self.audit(caller, &served, crate::audit::AuditAction::InvitationChanged, detail).await;
        Ok(link)
    }

    /// Opens a personal link: the board it is for, and the `Set-Cookie`
    /// that makes this device its person there. A malformed or unknown
    /// link is 404, a revoked one 410.
    pub async fn open_invitation(&self, token: &str, headers: &HeaderMap) -> Result<(String, HeaderValue), TallyError> {
        let token = token.trim().to_ascii_lowercase();
        let unknown = || TallyError::UnknownInvitation("this link".into());
        if token.len() != 32 || !token.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(unknown());
        }
        let hash = self.respondents.link_hash(&token);
        let stored = self.engine.invitations().invitation_by_token(&hash).await?.ok_or_else(unknown)?;
        if !bool::from(stored.token_hash.as_bytes().ct_eq(hash.as_bytes())) {
            return Err(unknown());
        }
        if stored.revoked {
            return Err(TallyError::RevokedInvitation);
        }
        let opened = Opened { board: stored.board.clone(), invitation: stored.id, generation: stored.generation };
        Ok((stored.board, invited::remember(&self.respondents, headers, &opened)))
    }

    /// How many people are invited to the board (links not withdrawn): a
    /// count, for the presenter, beside how many answered.
    pub async fn invited_count(&self, board: &str) -> Result<u64, TallyError> {
        let stored = self.engine.invitations().invitations(board).await?;
        Ok(stored.iter().filter(|i| !i.revoked).count() as u64)
    }

    /// The board's access rule and invitations, with the admin key. Each
    /// invitation's `answered` moves only in batches of at least the board's
    /// group threshold: a status never changes alone, so the admin cannot
    /// pin a move of the live figures on one person. The count of those who
    /// answered is live (it is the board's respondent count, told anyway).
    pub async fn invitation_list(&self, caller: &Caller, board: &str) -> Result<InvitationList, TallyError> {
        let served = self.authorize(caller, board).await?;
        let stored = self.engine.invitations().invitations(&served.info.id).await?;
        let answered_now = self.answered_now(&served, &stored).await?;
        let shown = self.published_participation(&served, &answered_now).await?;
        let active = stored.iter().filter(|i| !i.revoked);
        let answered = active.clone().filter(|i| answered_now.contains(&i.id)).count() as u64;
        let invited = active.count() as u64;
        let invitations = stored.into_iter().map(|i| listed(i, &shown)).collect();
        let (access, batch, sign_in) = (served.stats().access, batch(&served), self.offers_sign_in());
        let domains = served.member_domains().to_vec();
        Ok(InvitationList { access, invitations, answered, invited, batch, sign_in, domains })
    }

    /// The invitations whose person has answers in the open round now.
    async fn answered_now(
        &self,
        served: &ServedBoard,
        stored: &[StoredInvitation],
    ) -> Result<HashSet<String>, TallyError> {
        let board = &served.info.id;
        let respondents: HashSet<String> =
            self.engine.invitations().round_respondents(board, served.stats().round).await?.into_iter().collect();
        let answered = stored.iter().filter(|i| respondents.contains(&self.respondents.invitee_on_board(board, &i.id)));
        Ok(answered.map(|i| i.id.clone()).collect())
    }

    /// What the owners are told answered the open round: the last batch,
    /// replaced by `now` once they differ by at least the threshold.
    async fn published_participation(
        &self,
        served: &ServedBoard,
        now: &HashSet<String>,
    ) -> Result<HashSet<String>, TallyError> {
        let (board, round) = (&served.info.id, served.stats().round);
        let shown: HashSet<String> =
            self.engine.invitations().participation_shown(board, round).await?.into_iter().collect();
        if shown.symmetric_difference(now).count() < batch(served) as usize {
            return Ok(shown);
        }
        self.engine.invitations().show_participation(board, round, now.iter().cloned().collect()).await?;
        Ok(now.clone())
    }

    /// The site's absolute base: `TALLY_PUBLIC_URL`, or the host the
    /// request came in on.
    pub(super) fn site_base(&self, headers: &HeaderMap) -> Result<String, TallyError> {
        match &self.public_url {
            Some(url) => Ok(url.clone()),
            None => qr_code::request_base(headers),
        }
    }
}

/// How many statuses must change together before the owners see them.
fn batch(served: &ServedBoard) -> u32 {
    served.groups().min_group_size.max(2)
}

fn listed(stored: StoredInvitation, shown: &HashSet<String>) -> Invitation {
    let answered = shown.contains(&stored.id) && !stored.revoked;
    let StoredInvitation { id, name, email, group, role, created_at, revoked, .. } = stored;
    Invitation { id, name, email, group, role, created_at, revoked, answered }
}
