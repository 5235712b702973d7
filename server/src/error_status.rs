//! Server functions whose arguments cannot be decoded fail before our code
//! runs, and Leptos answers every such failure with 500. Their body is still
//! a [`TallyError`] (decoding problems become `BadRequest`), so this gives
//! such a response the status its error carries: a malformed form is the
//! client's fault (4xx), and only `Internal` stays 500.

use app::backend::http_error;
use app::error::TallyError;
use axum::body::Body;
use axum::http::StatusCode;
use axum::response::Response;

/// Error bodies are small; anything larger is left alone.
const LIMIT: usize = 64 * 1024;

pub async fn from_body(response: Response) -> Response {
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, LIMIT).await else {
        return Response::from_parts(parts, Body::empty());
    };
    if let Ok(error) = serde_json::from_slice::<TallyError>(&bytes) {
        let (status, headers) = http_error::head(&error);
        parts.status = status;
        parts.headers.extend(headers);
    }
    Response::from_parts(parts, Body::from(bytes))
}
