//! Who may answer a board, and who the caller answers as. Every use case
//! that answers, shows figures or shows the page asks here: an invited
//! person is their invitation (the same on every device that opened its
//! link), a signed-in person their account, anyone else their browser's
//! respondent token. A board open to invited people only keeps out whoever
//! holds no invitation that still holds; one open to members, whoever is
//! not signed in (with an address of its domains, if it lists any). The
//! admin (by key) is never kept out.

use super::{Caller, Tally};
use crate::access::AccessMode;
use crate::backend::engine::ServedBoard;
use crate::backend::invited;
use crate::backend::respondent::Token;
use crate::backend::store::StoredInvitation;
use crate::error::TallyError;
use crate::i18n::{t, t_with};

/// Who the caller answers as on one board.
pub(super) enum Respondent {
    /// Through a personal link: the invitation, and the id derived from it.
    Invited { id: String, invitation: StoredInvitation },
    /// Signed in: their account, its verified email (maybe empty), and the
    /// id derived from the account.
    Member { id: String, account: String, email: String },
    /// Through the browser's token (a verified one, if they sent any).
    Anonymous(Option<Token>),
}

impl Respondent {
    /// The id the board stores their answers under, if they have one yet.
    pub fn id(&self, tally: &Tally, board: &str) -> Option<String> {
        match self {
            Respondent::Invited { id, .. } | Respondent::Member { id, .. } => Some(id.clone()),
            Respondent::Anonymous(token) => token.as_ref().map(|t| tally.respondents.on_board(t, board)),
        }
    }
}

impl Tally {
    /// Sets who may answer the board, with its admin key; every open page
    /// hears of it live. `domains`: for `members`, the email domains taken
    /// (none: any signed-in person).
    pub async fn set_access(
        &self,
        caller: &Caller,
        board: &str,
        access: AccessMode,
        domains: Vec<String>,
    ) -> Result<AccessMode, TallyError> {
        let served = self.authorize(caller, board).await?;
        if access == AccessMode::Members && !self.offers_sign_in() {
            return Err(TallyError::BadRequest(
                "\"members\" needs sign-in, which this server does not offer: use \"anyone\" or \"invited\"".into(),
            ));
        }
        let domains = member_domains(access, domains)?;
        let access = self.engine.set_access(&served, access, &domains).await?.access;
        let detail = [access.as_str().to_string(), domains.join(", ")].join(" ").trim().to_string();
        self.audit(caller, &served, crate::audit::AuditAction::AccessChanged, detail).await;
        Ok(access)
    }

    /// Who the caller answers as on `served`: the invitation their browser
    /// opened for it, while that still holds, or else their token.
    pub(super) async fn respondent(&self, caller: &Caller, served: &ServedBoard) -> Result<Respondent, TallyError> {
        Ok(self.respondent_as_of(caller, served).await?.1)
    }

    /// [`Self::respondent`], with the board's admission revision it was
    /// decided at (read before the access setting [`Self::admit`] reads):
    /// what a commit checks.
    pub(super) async fn respondent_as_of(
        &self,
        caller: &Caller,
        served: &ServedBoard,
    ) -> Result<(u64, Respondent), TallyError> {
        let board = &served.info.id;
        let mut rev = served.admission_rev();
        if let Some(opened) = invited::for_board(&self.respondents, caller.invited.as_deref(), board) {
            let (read_at, invitations) = self.engine.invitations_by_id(served).await?;
            rev = read_at;
            let holds = |i: &&StoredInvitation| !i.revoked && i.generation == opened.generation;
            if let Some(invitation) = invitations.get(&opened.invitation).filter(holds) {
                let id = self.respondents.invitee_on_board(board, &invitation.id);
                return Ok((rev, Respondent::Invited { id, invitation: invitation.clone() }));
            }
        }
        if let Some(account) = self.account(caller).await? {
            let id = self.respondents.member_on_board(board, &account.id);
            return Ok((rev, Respondent::Member { id, account: account.id, email: account.email }));
        }
        let token = caller.respondent.as_deref().and_then(|text| self.respondents.verify(text));
        Ok((rev, Respondent::Anonymous(token)))
    }

    /// Refuses, with the way in, whoever the board's rule keeps out (the
    /// admin never is).
    pub(super) async fn enter(&self, caller: &Caller, served: &ServedBoard) -> Result<(), TallyError> {
        if served.stats().access != AccessMode::Anyone {
            self.entering_viewer(caller, served).await?;
        }
        Ok(())
    }

    /// Lets a signed-in person into a board open to members, if it takes
    /// their address's domain.
    fn admit_member(&self, served: &ServedBoard, email: &str) -> Result<(), TallyError> {
        let domains = served.member_domains();
        let domain = email.rsplit_once('@').map(|(_, domain)| domain).unwrap_or_default();
        if domains.is_empty() || domains.iter().any(|d| d == domain) {
            return Ok(());
        }
        let you = if email.is_empty() { t("access-no-address") } else { email.to_string() };
        let domains = domains.join(", ");
        Err(TallyError::NotAdmitted(t_with(
            "access-members-domain",
            &[("domains", domains.into()), ("you", you.into())],
        )))
    }

    /// Refuses, with the way in, a respondent the board's rule keeps out.
    pub(super) fn admit(&self, served: &ServedBoard, respondent: &Respondent) -> Result<(), TallyError> {
        match (served.stats().access, respondent) {
            (AccessMode::Anyone, _) | (_, Respondent::Invited { .. }) => Ok(()),
            (AccessMode::Members, Respondent::Member { email, .. }) => self.admit_member(served, email),
            (AccessMode::Invited, _) => Err(TallyError::NotAdmitted(t("access-invited-only"))),
            (AccessMode::Members, _) if self.offers_sign_in() => {
                Err(TallyError::NotAdmitted(t("access-members-sign-in")))
            }
            (AccessMode::Members, _) => Err(TallyError::NotAdmitted(t("access-members-no-sign-in"))),
        }
    }
}

/// The member domains to store: lowercase, without `@`, at most 20; only
/// a board open to members keeps any.
fn member_domains(access: AccessMode, domains: Vec<String>) -> Result<Vec<String>, TallyError> {
    if access != AccessMode::Members {
        return Ok(Vec::new());
    }
    let mut kept: Vec<String> = Vec::new();
    for given in domains {
        let domain = given.trim().trim_start_matches('@').to_lowercase();
        let plausible = domain.contains('.')
            && domain.len() <= 253
            && domain.chars().all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-');
        if !plausible {
            let shown: String = given.chars().take(60).collect();
            return Err(TallyError::BadRequest(format!("'{shown}' is not an email domain (like example.org)")));
        }
        if !kept.contains(&domain) {
            kept.push(domain);
        }
    }
    match kept.len() {
        0..=20 => Ok(kept),
        n => Err(TallyError::BadRequest(format!("{n} domains are too many: at most 20"))),
    }
}
