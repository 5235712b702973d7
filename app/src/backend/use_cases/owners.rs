//! Boards owned by signed-in people: the creator owns a board they create
//! while signed in, and may add co-owners by email; an owner manages it
//! without the admin link (which keeps working), through a pass their
//! "My boards" page hands them. And the boards a person answered.

use super::sign_in::Account;
use super::{Caller, Tally};
use crate::access::AccessMode;
use crate::backend::engine::{now, ServedBoard};
use crate::backend::respondent::OWNER_PASS;
use crate::error::TallyError;
use crate::my_boards::{AnsweredBoard, MyBoards, OwnedBoard, Owner};
use std::sync::Arc;

/// How long an owner's pass lasts, in seconds (a day).
const PASS_SECONDS: i64 = 24 * 3600;

impl Tally {
    /// The signed-in caller's boards: those they own, each with a pass to
    /// manage it, and those they answered.
    pub async fn my_boards(&self, caller: &Caller) -> Result<MyBoards, TallyError> {
        let account = self.signed_in_account(caller).await?;
        let owners = self.engine.owners();
        let mut mine = MyBoards::default();
        for listed in owners.owned_boards(&account.id, &account.email).await? {
            let pass = self.respondents.owner_pass(&listed.id, &account.id, now() + PASS_SECONDS);
            mine.owned.push(OwnedBoard {
                title: listed.title,
                round: listed.round,
                // As the board's loader reads it: an unknown mode is the safe one.
                access: AccessMode::parse(&listed.access).unwrap_or(AccessMode::Invited),
                respondents: listed.respondents,
                closed: listed.closed,
                manage: format!("/b/{}#admin={pass}", listed.id),
                board: listed.id,
            });
        }
        for listed in owners.answered_boards(&account.id).await? {
            mine.answered.push(AnsweredBoard { title: listed.title, board: listed.id });
        }
        Ok(mine)
    }

    /// The board's owners, with its admin key (or as an owner).
    pub async fn owners(&self, caller: &Caller, board: &str) -> Result<Vec<Owner>, TallyError> {
        let served = self.authorize(caller, board).await?;
        let listed = self.engine.owners().owners(&served.info.id).await?;
        Ok(listed.into_iter().map(|(email, account)| Owner { email, signed_in: !account.is_empty() }).collect())
    }

    /// Adds a co-owner by email: whoever signs in with that (verified)
    /// address owns the board from then on.
    pub async fn add_owner(&self, caller: &Caller, board: &str, email: &str) -> Result<Vec<Owner>, TallyError> {
        let served = self.authorize(caller, board).await?;
        let email = email.trim().to_lowercase();
        let plausible =
            email.len() <= 254 && email.split_once('@').is_some_and(|(a, d)| !a.is_empty() && d.contains('.'));
        if !plausible || email.chars().any(|c| c.is_whitespace() || c.is_control()) {
            let shown: String = email.chars().take(60).collect();
            return Err(TallyError::BadRequest(format!("'{shown}' is not an email address")));
        }
        self.engine.owners().add_owner(&served.info.id, &email, "").await?;
        self.audit(caller, &served, crate::audit::AuditAction::OwnerAdded, email).await;
        self.owners(caller, board).await
    }

    /// Removes the owners added as `email` (the admin link keeps working).
    pub async fn remove_owner(&self, caller: &Caller, board: &str, email: &str) -> Result<Vec<Owner>, TallyError> {
        let served = self.authorize(caller, board).await?;
        let email = email.trim().to_lowercase();
        if !self.engine.owners().remove_owner(&served.info.id, &email).await? {
            return Err(TallyError::BadRequest(format!("no owner of this board has the address '{email}'")));
        }
        self.audit(caller, &served, crate::audit::AuditAction::OwnerRemoved, email).await;
        self.owners(caller, board).await
    }

    /// The board, if `pass` is an owner's pass for it whose account still
    /// owns it.
    pub(super) async fn owned_board(&self, board: &str, pass: &str) -> Result<Arc<ServedBoard>, TallyError> {
        let served = self.engine.board(board).await?;
        let refused = || TallyError::Forbidden("this owner's pass does not hold: open the board from My boards".into());
        let account = self.respondents.check_owner_pass(&served.info.id, pass, now()).ok_or_else(refused)?;
        match self.engine.owners().is_owner(&served.info.id, &account).await? {
            true => Ok(served),
            false => Err(refused()),
        }
    }

    /// Makes the signed-in caller an owner of a board they just created.
    pub(super) async fn own_new_board(&self, caller: &Caller, board: &str) -> Result<(), TallyError> {
        if let Some(account) = self.account(caller).await? {
            self.engine.owners().add_owner(board, &account.email, &account.id).await?;
        }
        Ok(())
    }

    async fn signed_in_account(&self, caller: &Caller) -> Result<Account, TallyError> {
        self.account(caller).await?.ok_or_else(|| TallyError::SignInRefused(crate::i18n::t("my-boards-sign-in")))
    }
}

/// Whether an admin credential is an owner's pass rather than a key.
pub fn is_owner_pass(key: &str) -> bool {
    key.starts_with(OWNER_PASS)
}
