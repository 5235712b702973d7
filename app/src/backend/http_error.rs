//! How a [`TallyError`] goes over HTTP, decided here for every door: the
//! JSON API's responses, the server functions' responses (whose bodies
//! Leptos encodes) and the fix-up for server-function decoding failures
//! (`server/src/error_status.rs`).

use crate::error::TallyError;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

/// The status line and headers an error is sent with: its variant's status,
/// and `Retry-After` when a limit refused the request.
pub fn head(error: &TallyError) -> (StatusCode, HeaderMap) {
    let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut headers = HeaderMap::new();
    if let TallyError::RateLimited { retry_after, .. } = error {
        headers.insert(header::RETRY_AFTER, (*retry_after).into());
    }
    (status, headers)
}

/// The JSON API's error: `{"error": "<message>"}`, plus `problems` (each
/// with its `row`, if any, and `message`) for an invalid submission.
impl IntoResponse for TallyError {
    fn into_response(self) -> Response {
        let (status, headers) = head(&self);
        let mut body = serde_json::json!({ "error": self.to_string() });
        if let TallyError::InvalidSubmission(problems) = &self {
            body["problems"] = serde_json::json!(problems);
        }
        (status, headers, axum::Json(body)).into_response()
    }
}
