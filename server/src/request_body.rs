//! Every request body is read up front, within a size limit and a deadline:
//! a body that trickles in (a slow-POST attack) gets 408 instead of holding a
//! connection and a task for as long as the sender likes, and an oversized
//! one gets 413 before any handler sees it.

use crate::api::body_limit;
use app::error::TallyError;
use axum::body::Body;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;
use std::time::Duration;

/// How long a body may take to arrive (`TALLY_BODY_TIMEOUT_MS`, default 10 s).
#[derive(Clone, Copy)]
pub struct BodyDeadline(pub Duration);

pub async fn read_first(
    axum::extract::State(BodyDeadline(deadline)): axum::extract::State<BodyDeadline>,
    request: Request,
    next: Next,
) -> Response {
    let (parts, body) = request.into_parts();
    let limit = body_limit(&parts.method, parts.uri.path());
    match tokio::time::timeout(deadline, axum::body::to_bytes(body, limit)).await {
        Ok(Ok(bytes)) => next.run(Request::from_parts(parts, Body::from(bytes))).await,
        Ok(Err(_)) => TallyError::TooLarge(limit).into_response(),
        Err(_) => {
            let message = format!("the request body did not arrive within {} ms", deadline.as_millis());
            (StatusCode::REQUEST_TIMEOUT, Json(json!({ "error": message, "code": "body_timeout" }))).into_response()
        }
    }
}
