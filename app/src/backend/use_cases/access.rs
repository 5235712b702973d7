//! Who may answer a board, and who the caller answers as. Every use case
//! that answers, shows figures or shows the page asks here: an invited
//! person is their invitation (the same on every device that opened its
//! link), anyone else their browser's respondent token, and a board open
//! to invited people only keeps out whoever holds no invitation that still
//! holds. The admin (by key) is never kept out.

use super::{Caller, Tally};
use crate::access::AccessMode;
use crate::backend::engine::ServedBoard;
use crate::backend::invited;
use crate::backend::respondent::Token;
use crate::backend::store::StoredInvitation;
use crate::error::TallyError;

/// Who the caller answers as on one board.
pub(super) enum Respondent {
    /// Through a personal link: the invitation, and the id derived from it.
    Invited { id: String, invitation: StoredInvitation },
    /// Through the browser's token (a verified one, if they sent any).
    Anonymous(Option<Token>),
}

impl Respondent {
    /// The id the board stores their answers under, if they have one yet.
    pub fn id(&self, tally: &Tally, board: &str) -> Option<String> {
        match self {
            Respondent::Invited { id, .. } => Some(id.clone()),
            Respondent::Anonymous(token) => token.as_ref().map(|t| tally.respondents.on_board(t, board)),
        }
    }
}

impl Tally {
    /// Sets who may answer the board, with its admin key; every open page
    /// hears of it live.
    pub async fn set_access(&self, caller: &Caller, board: &str, access: AccessMode) -> Result<AccessMode, TallyError> {
        let served = self.authorize(caller, board).await?;
        if access == AccessMode::Members {
            return Err(TallyError::BadRequest(
                "\"members\" needs sign-in, which this server does not offer: use \"anyone\" or \"invited\"".into(),
            ));
        }
        Ok(self.engine.set_access(&served, access).await?.access)
    }

    /// Who the caller answers as on `served`: the invitation their browser
    /// opened for it, while that still holds, or else their token.
    pub(super) async fn respondent(&self, caller: &Caller, served: &ServedBoard) -> Result<Respondent, TallyError> {
        let board = &served.info.id;
        if let Some(opened) = invited::for_board(&self.respondents, caller.invited.as_deref(), board) {
            let stored = self.engine.invitations().invitation(board, &opened.invitation).await?;
            if let Some(invitation) = stored.filter(|i| !i.revoked && i.generation == opened.generation) {
                let id = self.respondents.invitee_on_board(board, &invitation.id);
                return Ok(Respondent::Invited { id, invitation });
            }
        }
        let token = caller.respondent.as_deref().and_then(|text| self.respondents.verify(text));
        Ok(Respondent::Anonymous(token))
    }

    /// Refuses, with the way in, whoever the board's rule keeps out (the
    /// admin never is).
    pub(super) async fn enter(&self, caller: &Caller, served: &ServedBoard) -> Result<(), TallyError> {
        if served.stats().access != AccessMode::Anyone {
            self.entering_viewer(caller, served).await?;
        }
        Ok(())
    }

    /// Refuses, with the way in, a respondent the board's rule keeps out.
    pub(super) fn admit(&self, served: &ServedBoard, respondent: &Respondent) -> Result<(), TallyError> {
        match (served.stats().access, respondent) {
            (AccessMode::Anyone, _) | (_, Respondent::Invited { .. }) => Ok(()),
            (AccessMode::Invited, Respondent::Anonymous(_)) => Err(TallyError::NotAdmitted(
                "This board is for invited people only: open the personal link you were sent \
                 (on this device), or ask the board's organiser for one."
                    .into(),
            )),
            (AccessMode::Members, Respondent::Anonymous(_)) => Err(TallyError::NotAdmitted(
                "This board is for signed-in members only, and this server does not offer sign-in.".into(),
            )),
        }
    }
}
