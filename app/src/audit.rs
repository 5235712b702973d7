//! A board's audit trail as its admin sees it: what was done to the board,
//! when, and with which credential. Shared with the browser (the admin
//! panel lists it); recording it is `backend::use_cases::audit`'s.
//!
//! An entry never holds a respondent's data, nor a credential itself: only
//! which kind of credential acted, and for an owner, their email.

use crate::i18n::Say;
use serde::{Deserialize, Serialize};

/// What an admin did.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum AuditAction {
    Closed,
    Reopened,
    RoundStarted,
    MatrixEdited,
    GroupsChanged,
    RevealChanged,
    AccessChanged,
    PeopleInvited,
    InvitationChanged,
    OwnerAdded,
    OwnerRemoved,
    WebhookAdded,
    WebhookRemoved,
    DeliveryResent,
    Exported,
    Deleted,
}

impl AuditAction {
    pub const ALL: [AuditAction; 16] = [
        AuditAction::Closed,
        AuditAction::Reopened,
        AuditAction::RoundStarted,
        AuditAction::MatrixEdited,
        AuditAction::GroupsChanged,
        AuditAction::RevealChanged,
        AuditAction::AccessChanged,
        AuditAction::PeopleInvited,
        AuditAction::InvitationChanged,
        AuditAction::OwnerAdded,
        AuditAction::OwnerRemoved,
        AuditAction::WebhookAdded,
        AuditAction::WebhookRemoved,
        AuditAction::DeliveryResent,
        AuditAction::Exported,
        AuditAction::Deleted,
    ];

    /// As stored and as the API spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            AuditAction::Closed => "closed",
            AuditAction::Reopened => "reopened",
            AuditAction::RoundStarted => "round_started",
            AuditAction::MatrixEdited => "matrix_edited",
            AuditAction::GroupsChanged => "groups_changed",
            AuditAction::RevealChanged => "reveal_changed",
            AuditAction::AccessChanged => "access_changed",
            AuditAction::PeopleInvited => "people_invited",
            AuditAction::InvitationChanged => "invitation_changed",
            AuditAction::OwnerAdded => "owner_added",
            AuditAction::OwnerRemoved => "owner_removed",
            AuditAction::WebhookAdded => "webhook_added",
            AuditAction::WebhookRemoved => "webhook_removed",
            AuditAction::DeliveryResent => "delivery_resent",
            AuditAction::Exported => "exported",
            AuditAction::Deleted => "deleted",
        }
    }

    pub fn parse(text: &str) -> Option<AuditAction> {
        AuditAction::ALL.into_iter().find(|action| action.as_str() == text)
    }

    /// How the admin panel names it.
    pub fn describe(self) -> Say {
        match self {
            AuditAction::Closed => Say::AuditClosed,
            AuditAction::Reopened => Say::AuditReopened,
            AuditAction::RoundStarted => Say::AuditRoundStarted,
            AuditAction::MatrixEdited => Say::AuditMatrixEdited,
            AuditAction::GroupsChanged => Say::AuditGroupsChanged,
            AuditAction::RevealChanged => Say::AuditRevealChanged,
            AuditAction::AccessChanged => Say::AuditAccessChanged,
            AuditAction::PeopleInvited => Say::AuditPeopleInvited,
            AuditAction::InvitationChanged => Say::AuditInvitationChanged,
            AuditAction::OwnerAdded => Say::AuditOwnerAdded,
            AuditAction::OwnerRemoved => Say::AuditOwnerRemoved,
            AuditAction::WebhookAdded => Say::AuditWebhookAdded,
            AuditAction::WebhookRemoved => Say::AuditWebhookRemoved,
            AuditAction::DeliveryResent => Say::AuditDeliveryResent,
            AuditAction::Exported => Say::AuditExported,
            AuditAction::Deleted => Say::AuditDeleted,
        }
    }
}

/// Which credential acted: the board's admin link, or an owner signed in
/// with their account (named by its email).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum Credential {
    AdminLink,
    Owner { email: String },
}

impl Credential {
    /// As stored: `admin_link`, or `owner:<email>`.
    pub fn stored(&self) -> String {
        match self {
            Credential::AdminLink => "admin_link".into(),
            Credential::Owner { email } => format!("owner:{email}"),
        }
    }

    pub fn from_stored(text: &str) -> Credential {
        match text.strip_prefix("owner:") {
            Some(email) => Credential::Owner { email: email.to_string() },
            None => Credential::AdminLink,
        }
    }
}

/// One thing an admin did to the board.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AuditEntry {
    /// Unix seconds.
    pub at: i64,
    pub action: AuditAction,
    pub by: Credential,
    /// What changed, in a few words of the server's (a round's label, an
    /// export's format, a webhook's address); never anyone's answers.
    pub detail: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actions_and_credentials_read_back_as_stored() {
        for action in AuditAction::ALL {
            assert_eq!(AuditAction::parse(action.as_str()), Some(action));
        }
        assert_eq!(AuditAction::parse("launched"), None);
        let owner = Credential::Owner { email: "ana@example.com".into() };
        assert_eq!(Credential::from_stored(&owner.stored()), owner);
        assert_eq!(Credential::from_stored("admin_link"), Credential::AdminLink);
        let json = serde_json::to_value(&owner).unwrap();
        assert_eq!(json, serde_json::json!({"kind": "owner", "email": "ana@example.com"}));
    }
}
