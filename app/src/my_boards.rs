//! A signed-in person's boards, as their "My boards" page and a board's
//! owners list show them. An owner manages a board without its admin link
//! (which keeps working); what they answered elsewhere is listed by board,
//! never by answer.

use crate::access::AccessMode;
use serde::{Deserialize, Serialize};

/// One board a person owns, with what its owner wants at a glance.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct OwnedBoard {
    pub board: String,
    pub title: String,
    /// The open round's number.
    pub round: u32,
    pub access: AccessMode,
    /// How many answered the open round.
    pub respondents: u64,
    pub closed: bool,
    /// The board's address with a pass that manages it (in the fragment,
    /// like the admin link; it lasts a day).
    pub manage: String,
}

/// One board a person answered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AnsweredBoard {
    pub board: String,
    pub title: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MyBoards {
    pub owned: Vec<OwnedBoard>,
    pub answered: Vec<AnsweredBoard>,
}

/// One owner of a board, as its owners list shows them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Owner {
    /// As added, or the creator's verified address (empty when their
    /// provider gave none).
    pub email: String,
    /// Whether they have signed in as this owner yet.
    pub signed_in: bool,
}
