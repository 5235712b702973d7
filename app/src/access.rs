//! Who may answer a board, and the people invited to it. A board is open
//! to anyone with its link (the default), to invited people only (each with
//! a personal link), or to members signed in through the site's identity
//! provider. The server applies the rule at every door; the browser only
//! reads it to say how to get in.
//!
//! An invitation names a person to the board's owners, and to nobody else:
//! answers are stored under an id derived from the invitation with the
//! server's secret, so no table relates a name to what was answered.

use crate::i18n::{say, Say};
use serde::{Deserialize, Serialize};

/// Who may answer (and see) a board.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum AccessMode {
    /// Anyone with the board's link.
    #[default]
    Anyone,
    /// Only people who opened a personal invitation link.
    Invited,
    /// Only people signed in through the site's identity provider.
    Members,
}

impl AccessMode {
    pub const ALL: [AccessMode; 3] = [AccessMode::Anyone, AccessMode::Invited, AccessMode::Members];

    /// As stored and as the API spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            AccessMode::Anyone => "anyone",
            AccessMode::Invited => "invited",
            AccessMode::Members => "members",
        }
    }

    pub fn parse(text: &str) -> Option<AccessMode> {
        AccessMode::ALL.into_iter().find(|mode| mode.as_str() == text)
    }

    /// How the admin panel offers it.
    pub fn describe(self) -> Say {
        match self {
            AccessMode::Anyone => Say::AccessAnyone,
            AccessMode::Invited => Say::AccessInvited,
            AccessMode::Members => Say::AccessMembers,
        }
    }
}

/// The heading of the page that keeps a visitor out, for the server's
/// `refusal` (worded in the same language as the page).
pub fn kept_out_heading(refusal: &str) -> Say {
    match refusal.starts_with(&say(Say::MembersOnly)) {
        true => Say::RefusedMembers,
        false => Say::RefusedInvited,
    }
}

/// One invited person, as the board's owners see them. Whether they
/// answered is told only in batches (see `participation`), never as it
/// happens, and never what.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Invitation {
    /// The invitation's handle in the admin's requests (not its link).
    pub id: String,
    pub name: String,
    /// Blank when none was given.
    pub email: String,
    /// Preselected in the form, when given.
    pub group: Option<String>,
    /// A role's id, preselected in the form, when given.
    #[serde(default)]
    pub role: Option<String>,
    /// Unix seconds.
    pub created_at: i64,
    /// Its link no longer opens the board (it can be issued again).
    pub revoked: bool,
    /// Answered in the open round, as of the last published batch.
    pub answered: bool,
}

/// A new invitation's personal link: shown once, when it is made or made
/// again. Tally keeps only a keyed hash of it, so it cannot show it later.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct IssuedLink {
    pub id: String,
    pub name: String,
    pub email: String,
    /// Absolute: `https://tally.example.org/i/<token>`.
    pub link: String,
}

/// The invitation list of a board, with its participation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct InvitationList {
    pub access: AccessMode,
    pub invitations: Vec<Invitation>,
    /// Invitations (not revoked) whose person answered the open round, as
    /// of now: only a count, so it may move as answers arrive.
    pub answered: u64,
    /// Invitations not revoked.
    pub invited: u64,
    /// Each `answered` changes only with at least this many others (the
    /// board's group threshold).
    pub batch: u32,
    /// Whether this server offers sign-in, so `members` can be chosen.
    pub sign_in: bool,
    /// On a board open to members, the email domains it takes (empty: any).
    pub domains: Vec<String>,
}
