//! How a [`TallyError`] goes over HTTP, decided here for every door: the
//! JSON API's responses, the server functions' responses (whose bodies
//! Leptos encodes) and the fix-up for server-function decoding failures
//! (`server/src/error_status.rs`).

use crate::error::TallyError;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

tokio::task_local! {
    /// The id of the request being served: the server's request log sets it
    /// around each request, so an internal error can be quoted by its id.
    pub static REQUEST_ID: String;
}

/// The error as the client may see it. An internal failure's detail (a
/// database's message, a file name) goes to the log with the request's id;
/// the client is told only that id, to quote to whoever runs the server.
pub fn public(error: TallyError) -> TallyError {
    match error {
        TallyError::Internal(detail) => {
            let id = REQUEST_ID.try_with(Clone::clone).unwrap_or_else(|_| "unknown".into());
            tracing::error!(request_id = %id, %detail, "internal error");
            TallyError::Internal(format!("see request {id} in the server's log"))
        }
        other => other,
    }
}

/// The status line and headers an error is sent with: its variant's status,
/// and `Retry-After` when a limit refused the request or the database was
/// too busy to take it.
pub fn head(error: &TallyError) -> (StatusCode, HeaderMap) {
    let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut headers = HeaderMap::new();
    if let TallyError::RateLimited { retry_after, .. } | TallyError::Unavailable { retry_after, .. } = error {
        headers.insert(header::RETRY_AFTER, (*retry_after).into());
    }
    if let TallyError::Unauthenticated(_) = error {
        headers.insert(header::WWW_AUTHENTICATE, header::HeaderValue::from_static("Bearer"));
    }
    (status, headers)
}

/// The error's stable name, for clients to branch on: the `error` text is
/// for people and may be reworded, these never change (docs/API.md lists
/// them).
pub fn code(error: &TallyError) -> &'static str {
    match error {
        TallyError::UnknownBoard(_) => "unknown_board",
        TallyError::BoardDeleted(_) => "board_deleted",
        TallyError::UnknownRound { .. } => "unknown_round",
        TallyError::UnknownGroup { .. } => "unknown_group",
        TallyError::UnknownInvitation(_) => "unknown_invitation",
        TallyError::RevokedInvitation => "revoked_invitation",
        TallyError::UnknownTemplate(_) => "unknown_template",
        TallyError::UnknownWebhook(_) => "unknown_webhook",
        TallyError::InvalidSubmission(_) => "invalid_submission",
        TallyError::InvalidMatrix(_) => "invalid_matrix",
        TallyError::InvalidList(_) => "invalid_list",
        TallyError::BadRequest(_) => "bad_request",
        TallyError::TooLarge(_) => "too_large",
        TallyError::Conflict(_) => "conflict",
        TallyError::AdmissionChanged(_) => "admission_changed",
        TallyError::SignInRefused(_) => "sign_in_refused",
        TallyError::BoardClosed(_) => "board_closed",
        TallyError::Unauthenticated(_) => "unauthenticated",
        TallyError::Forbidden(_) => "forbidden",
        TallyError::NotAdmitted(_) => "not_admitted",
        TallyError::RateLimited { .. } => "rate_limited",
        TallyError::Unavailable { .. } => "unavailable",
        TallyError::Internal(_) => "internal",
    }
}

/// The JSON API's error: `{"error": "<message>", "code": "<name>"}`, plus `problems` for an
/// invalid submission (each with its `row`, if any, and `message`) or
/// matrix (each with its JSON-pointer `path` and `message`).
impl IntoResponse for TallyError {
    fn into_response(self) -> Response {
        let error = public(self);
        let (status, headers) = head(&error);
        let mut body = serde_json::json!({ "error": error.to_string(), "code": code(&error) });
        match &error {
            TallyError::InvalidSubmission(problems) | TallyError::InvalidList(problems) => {
                body["problems"] = serde_json::json!(problems)
            }
            TallyError::InvalidMatrix(problems) => body["problems"] = serde_json::json!(problems),
            _ => {}
        }
        (status, headers, axum::Json(body)).into_response()
    }
}
