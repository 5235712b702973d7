//! The one error type every layer returns. Each variant knows its HTTP status
//! (how it goes over HTTP is `backend::http_error`'s), so the JSON API, the
//! server functions and the page report the same thing.

use crate::matrix::MatrixProblem;
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

/// One thing wrong with a submission (a matrix has [`MatrixProblem`]): the
/// row it is about, if any, and what is wrong, in words a person can act on. The page
/// marks rows from `row`; the message names the row too, for the API.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Problem {
    /// The id of the row at fault; `None` for the submission as a whole.
    pub row: Option<String>,
    pub message: String,
}

impl Problem {
    pub(crate) fn in_row(row: &str, message: String) -> Problem {
        Problem { row: Some(row.to_string()), message }
    }

    pub(crate) fn overall(message: impl Into<String>) -> Problem {
        Problem { row: None, message: message.into() }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(into = "Wire", from = "Wire")]
pub enum TallyError {
    /// The request named a board that does not exist.
    #[error("unknown board '{0}'")]
    UnknownBoard(String),
    /// The board was deleted (by its admin, or by retention): its address
    /// answers "gone" for good.
    #[error("board '{0}' was deleted; nothing of it is kept")]
    BoardDeleted(String),
    /// The request named a round the board has not had.
    #[error("board '{board}' has no round {round}")]
    UnknownRound { board: String, round: u32 },
    /// The request named a group the board does not have.
    #[error("board '{board}' has no group '{group}'")]
    UnknownGroup { board: String, group: String },
    /// No invitation has this id on the board, or this link.
    #[error("unknown invitation: {0} is not known here (check it was copied whole)")]
    UnknownInvitation(String),
    /// The invitation's link was withdrawn by the board's organiser.
    #[error("this invitation link was withdrawn by the board's organiser: ask them for a new one")]
    RevokedInvitation,
    /// The request named a template that is not loaded.
    #[error("unknown template '{0}'")]
    UnknownTemplate(String),
    /// No webhook endpoint or delivery of the board has that id; the text says which.
    #[error("{0}")]
    UnknownWebhook(String),
    /// A submission broke one or more rules; each problem names its row.
    #[error("submission rejected: {}", join(.0))]
    InvalidSubmission(Vec<Problem>),
    /// A matrix broke one or more rules; each problem points at its field.
    #[error("matrix rejected: {}", .0.iter().map(|p| format!("{} ({})", p.message, p.path)).collect::<Vec<_>>().join("; "))]
    InvalidMatrix(Vec<MatrixProblem>),
    /// A list of people to invite broke one or more rules; each problem
    /// names its line.
    #[error("list refused: {}", join(.0))]
    InvalidList(Vec<Problem>),
    /// The request could not be understood at all (malformed body, bad field).
    #[error("{0}")]
    BadRequest(String),
    /// The body is larger than the documented limit.
    #[error("request body is larger than {0} bytes")]
    TooLarge(usize),
    /// Creating something whose id is taken.
    #[error("{0}")]
    Conflict(String),
    /// Who may answer the board changed (by any instance) between letting
    /// the respondent in and committing; sending again decides afresh.
    #[error("who may answer board '{0}' changed while these answers were on their way; send them again")]
    AdmissionChanged(String),
    /// The identity provider's answer does not prove who the person is, or
    /// the sign-in it answers is unknown, used or expired.
    #[error("{0}")]
    SignInRefused(String),
    /// The board's admin closed it.
    #[error("board '{0}' is closed to new answers; its figures stay visible")]
    BoardClosed(String),
    /// No admin key where one is needed (HTTP's 401, with
    /// `WWW-Authenticate: Bearer`); a wrong one is `Forbidden`.
    #[error("{0}")]
    Unauthenticated(String),
    /// A wrong admin key, or one that may not do this.
    #[error("{0}")]
    Forbidden(String),
    /// The board's access rule keeps the caller out; the message says how
    /// to get in.
    #[error("{0}")]
    NotAdmitted(String),
    /// A limit was hit; `retry_after` is in whole seconds.
    #[error("{what}; try again in {retry_after} s")]
    RateLimited { what: String, retry_after: u64 },
    /// The database is busy or slow; retrying later may well succeed.
    #[error("{what}; try again in {retry_after} s")]
    Unavailable { what: String, retry_after: u64 },
    /// The server failed; the message is for logs and carries no user input.
    #[error("internal error: {0}")]
    Internal(String),
}

/// How an error travels from a server function to the page: its kind and
/// its fields, flat. (Derived on the enum itself, serde's code for its
/// twenty variants was the largest part of the errors in the page's wasm.)
#[derive(Clone, Default, Serialize, Deserialize)]
struct Wire {
    /// The variant's name.
    kind: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    text: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    more: String,
    #[serde(default, skip_serializing_if = "is_zero")]
    number: u64,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    problems: Vec<Problem>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    matrix_problems: Vec<MatrixProblem>,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

impl From<TallyError> for Wire {
    fn from(error: TallyError) -> Wire {
        use TallyError::*;
        let text = |kind: &str, text| Wire { kind: kind.into(), text, ..Wire::default() };
        match error {
            UnknownBoard(t) => text("UnknownBoard", t),
            BoardDeleted(t) => text("BoardDeleted", t),
            UnknownRound { board, round } => {
                Wire { kind: "UnknownRound".into(), text: board, number: round.into(), ..Wire::default() }
            }
            UnknownGroup { board, group } => {
                Wire { kind: "UnknownGroup".into(), text: board, more: group, ..Wire::default() }
            }
            UnknownInvitation(t) => text("UnknownInvitation", t),
            RevokedInvitation => text("RevokedInvitation", String::new()),
            UnknownTemplate(t) => text("UnknownTemplate", t),
            UnknownWebhook(t) => text("UnknownWebhook", t),
            InvalidSubmission(problems) => Wire { kind: "InvalidSubmission".into(), problems, ..Wire::default() },
            InvalidMatrix(matrix_problems) => Wire { kind: "InvalidMatrix".into(), matrix_problems, ..Wire::default() },
            InvalidList(problems) => Wire { kind: "InvalidList".into(), problems, ..Wire::default() },
            BadRequest(t) => text("BadRequest", t),
            TooLarge(n) => Wire { kind: "TooLarge".into(), number: n as u64, ..Wire::default() },
            Conflict(t) => text("Conflict", t),
            AdmissionChanged(t) => text("AdmissionChanged", t),
            SignInRefused(t) => text("SignInRefused", t),
            BoardClosed(t) => text("BoardClosed", t),
            Unauthenticated(t) => text("Unauthenticated", t),
            Forbidden(t) => text("Forbidden", t),
            NotAdmitted(t) => text("NotAdmitted", t),
            RateLimited { what, retry_after } => {
                Wire { kind: "RateLimited".into(), text: what, number: retry_after, ..Wire::default() }
            }
            Unavailable { what, retry_after } => {
                Wire { kind: "Unavailable".into(), text: what, number: retry_after, ..Wire::default() }
            }
            Internal(t) => text("Internal", t),
        }
    }
}

impl From<Wire> for TallyError {
    fn from(w: Wire) -> TallyError {
        use TallyError::*;
        match w.kind.as_str() {
            "UnknownBoard" => UnknownBoard(w.text),
            "BoardDeleted" => BoardDeleted(w.text),
            "UnknownRound" => UnknownRound { board: w.text, round: w.number as u32 },
            "UnknownGroup" => UnknownGroup { board: w.text, group: w.more },
            "UnknownInvitation" => UnknownInvitation(w.text),
            "RevokedInvitation" => RevokedInvitation,
            "UnknownTemplate" => UnknownTemplate(w.text),
            "UnknownWebhook" => UnknownWebhook(w.text),
            "InvalidSubmission" => InvalidSubmission(w.problems),
            "InvalidMatrix" => InvalidMatrix(w.matrix_problems),
            "InvalidList" => InvalidList(w.problems),
            "BadRequest" => BadRequest(w.text),
            "TooLarge" => TooLarge(w.number as usize),
            "Conflict" => Conflict(w.text),
            "AdmissionChanged" => AdmissionChanged(w.text),
            "SignInRefused" => SignInRefused(w.text),
            "BoardClosed" => BoardClosed(w.text),
            "Unauthenticated" => Unauthenticated(w.text),
            "Forbidden" => Forbidden(w.text),
            "NotAdmitted" => NotAdmitted(w.text),
            "RateLimited" => RateLimited { what: w.text, retry_after: w.number },
            "Unavailable" => Unavailable { what: w.text, retry_after: w.number },
            _ => Internal(w.text),
        }
    }
}

impl TallyError {
    pub fn status(&self) -> u16 {
        match self {
            TallyError::UnknownBoard(_)
            | TallyError::UnknownTemplate(_)
            | TallyError::UnknownWebhook(_)
            | TallyError::UnknownRound { .. }
            | TallyError::UnknownGroup { .. }
            | TallyError::UnknownInvitation(_) => 404,
            TallyError::RevokedInvitation | TallyError::BoardDeleted(_) => 410,
            TallyError::InvalidSubmission(_) | TallyError::InvalidMatrix(_) | TallyError::InvalidList(_) => 422,
            TallyError::BadRequest(_) => 400,
            TallyError::TooLarge(_) => 413,
            TallyError::Conflict(_) | TallyError::AdmissionChanged(_) => 409,
            TallyError::SignInRefused(_) | TallyError::Unauthenticated(_) => 401,
            TallyError::RateLimited { .. } => 429,
            TallyError::BoardClosed(_) => 409,
            TallyError::Forbidden(_) | TallyError::NotAdmitted(_) => 403,
            TallyError::Unavailable { .. } => 503,
            TallyError::Internal(_) => 500,
        }
    }
}

/// Failures of the server-function plumbing itself (an undecodable form, a
/// lost connection) become `BadRequest` so the page can show them.
impl FromServerFnError for TallyError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        TallyError::BadRequest(value.to_string())
    }
}

fn join(problems: &[Problem]) -> String {
    problems.iter().map(|p| p.message.as_str()).collect::<Vec<_>>().join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matrix::MatrixProblem;

    #[test]
    fn every_error_reads_back_as_it_was_sent() {
        let problem = Problem { row: Some("r1".into()), message: "too high".into() };
        let matrix_problem = MatrixProblem { path: "levels[0]".into(), message: "empty".into() };
        let text = || "some text".to_string();
        let every = [
            TallyError::UnknownBoard(text()),
            TallyError::BoardDeleted(text()),
            TallyError::UnknownRound { board: text(), round: 3 },
            TallyError::UnknownGroup { board: text(), group: "Backend".into() },
            TallyError::UnknownInvitation(text()),
            TallyError::RevokedInvitation,
            TallyError::UnknownTemplate(text()),
            TallyError::UnknownWebhook(text()),
            TallyError::InvalidSubmission(vec![problem.clone()]),
            TallyError::InvalidMatrix(vec![matrix_problem]),
            TallyError::InvalidList(vec![problem]),
            TallyError::BadRequest(text()),
            TallyError::TooLarge(65_536),
            TallyError::Conflict(text()),
            TallyError::AdmissionChanged(text()),
            TallyError::SignInRefused(text()),
            TallyError::BoardClosed(text()),
            TallyError::Unauthenticated(text()),
            TallyError::Forbidden(text()),
            TallyError::NotAdmitted(text()),
            TallyError::RateLimited { what: text(), retry_after: 7 },
            TallyError::Unavailable { what: text(), retry_after: 30 },
            TallyError::Internal(text()),
        ];
        for error in every {
            let sent = serde_json::to_string(&error).unwrap();
            assert_eq!(serde_json::from_str::<TallyError>(&sent).unwrap(), error, "{sent}");
        }
    }
}
