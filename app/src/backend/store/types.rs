//! The records the store hands the engine and takes from it.

use crate::access::AccessMode;
use crate::answers::Answers;
use crate::groups::GroupSettings;
use crate::reveal::RevealSettings;
use serde::{Deserialize, Serialize};

/// What a board is, as stored and as shown by the API.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardInfo {
    pub id: String,
    pub matrix_id: String,
    pub title: String,
    /// Private boards have an unguessable id and are not listed anywhere.
    pub private: bool,
    pub created_at: i64,
}

/// One accepted, validated submission on its way to disk.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Submission {
    pub board: String,
    pub respondent: String,
    pub answers: Answers,
    /// Unix seconds.
    pub submitted_at: i64,
    /// The board's matrix shape the answers were checked against: the
    /// commit refuses them if a structural edit has happened since.
    pub shape: u64,
    /// The group the respondent said they are in, if the board has groups.
    pub group: Option<String>,
    /// The role (its id) the respondent said they hold, if the matrix has roles.
    pub role: Option<String>,
    /// The board's `admission_rev` when the respondent was let in: the
    /// commit refuses the answers if who may answer has changed since.
    pub admitted_at: u64,
}

/// A board with its aggregates as they are on disk, for start-up.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredBoard {
    pub info: BoardInfo,
    pub version: u64,
    pub respondents: u64,
    pub closed: bool,
    /// The version at which the board's matrix last changed.
    pub matrix_rev: u64,
    /// How many structural changes the matrix has had (see [`Submission::shape`]).
    pub shape: u64,
    /// The open round; `respondents` and `counts` are its own.
    pub round: u32,
    /// The groups respondents choose from, and the anonymity threshold.
    pub groups: GroupSettings,
    /// Who sees the figures, and whether the admin has revealed them.
    pub reveal: RevealSettings,
    /// Who may answer.
    pub access: AccessMode,
    /// The version at which who may answer last changed (the access
    /// setting or an invitation).
    pub admission_rev: u64,
    /// On a board open to members, the email domains it takes (empty: any).
    pub member_domains: Vec<String>,
    /// (row id, level index, count), zero counts omitted.
    pub counts: Vec<(String, u8, u64)>,
    /// The board's own matrix, JSON; `None` for a board from before boards
    /// kept their matrix (filled in at start-up).
    pub matrix: Option<String>,
}

/// What another instance did, as heard through a shared database.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// The board has reached this version.
    Board { id: String, version: u64 },
    /// Notices may have been missed (the listener reconnected, or the
    /// periodic check is due): compare every board's version.
    Resync,
}

/// A board as a person's "My boards" lists it: read with the listing, so
/// listing boards loads none of them into the engine.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListedBoard {
    pub id: String,
    pub title: String,
    /// The open round.
    pub round: u32,
    /// `access` as stored (`anyone`, `invited`, `members`).
    pub access: String,
    /// How many answered the open round.
    pub respondents: u64,
    pub closed: bool,
}

/// A sign-in under way, while the person is at the identity provider.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingSignIn {
    /// The keyed hash of the `state` sent to the provider.
    pub state_hash: String,
    /// The PKCE verifier the token request must carry.
    pub verifier: String,
    /// What the ID token must echo.
    pub nonce: String,
    /// Where on this site to go once signed in (a path).
    pub return_to: String,
    /// Unix seconds.
    pub expires_at: i64,
}

/// A signed-in person's session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session {
    /// The keyed hash of the session cookie's token.
    pub id_hash: String,
    /// Who they are: derived from the provider's issuer and subject.
    pub account: String,
    /// As the provider vouched for it (empty when it did not).
    pub email: String,
    pub name: String,
    /// Unix seconds.
    pub expires_at: i64,
}

/// An invitation on its way into the store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewInvitation {
    pub id: String,
    /// The keyed hash of its link's token; the token itself is never stored.
    pub token_hash: String,
    pub name: String,
    pub email: String,
    pub group: Option<String>,
    /// A role's id.
    pub role: Option<String>,
    pub created_at: i64,
}

/// An invitation as stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredInvitation {
    pub board: String,
    pub id: String,
    pub token_hash: String,
    pub name: String,
    pub email: String,
    pub group: Option<String>,
    pub created_at: i64,
    /// Raised each time its link is issued again.
    pub generation: u32,
    pub revoked: bool,
    /// A role's id.
    pub role: Option<String>,
}

/// What can happen to an invitation after it is made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InvitationChange {
    /// A new link (this keyed hash), which also lifts a revocation.
    Reissue { token_hash: String },
    /// Its link stops opening the board; what its person answered stays.
    Revoke,
    /// Gone from the list; what its person answered stays, anonymous.
    Delete,
}

/// A webhook endpoint as stored: the admin's view of it and its secret.
#[derive(Clone, Debug)]
pub struct StoredWebhook {
    pub board: String,
    pub webhook: crate::webhooks::Webhook,
    pub secret: String,
}

/// A delivery to queue: `body` is the request body as the endpoint's format wants it.
#[derive(Clone, Debug)]
pub struct NewDelivery {
    pub board: String,
    pub webhook: String,
    pub url: String,
    pub event: crate::webhooks::WebhookEvent,
    pub body: String,
}

/// A delivery an instance took to send, with what signing it needs.
#[derive(Clone, Debug)]
pub struct DueDelivery {
    pub id: i64,
    pub url: String,
    pub secret: String,
    pub event: crate::webhooks::WebhookEvent,
    pub body: String,
    /// Attempts made before this one.
    pub attempts: u32,
    pub created_at: i64,
}

/// What one attempt at a delivery came to.
#[derive(Clone, Debug, PartialEq)]
pub enum Attempt {
    Delivered {
        status: u16,
    },
    /// Failed; tried again at `at` (unix seconds).
    Retry {
        status: Option<u16>,
        error: String,
        at: i64,
    },
    /// Failed, and given up.
    GaveUp {
        status: Option<u16>,
        error: String,
    },
}

/// An endpoint whose board's open round reached its participation number.
#[derive(Clone, Debug)]
pub struct ParticipationReached {
    pub webhook: String,
    pub board: String,
    pub title: String,
    pub round: u32,
    pub respondents: u64,
}

/// One round a respondent answered, with everything stored of their answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnsweredRound {
    pub round: u32,
    /// The round's label as stored (blank: "Round N").
    pub label: String,
    pub answers: crate::answers::Answers,
    /// Unix seconds.
    pub submitted_at: i64,
    pub group: Option<String>,
    /// A role's id in the board's matrix.
    pub role: Option<String>,
}
