//! Headers every response carries. Pages get their own Content-Security-Policy
//! while they render (it needs the response's nonce, see
//! `app/src/content_policy.rs`); everything else (JSON, errors, static files)
//! gets a policy that allows nothing, which also forbids framing. A site
//! whose public address is `https://` also tells browsers to use nothing
//! else for a year (HSTS).

use axum::extract::State;
use axum::http::{header, HeaderValue};
use axum::response::Response;

/// `https`: whether the site's public address is an HTTPS one.
pub async fn add(State(https): State<bool>, mut response: Response) -> Response {
    let headers = response.headers_mut();
    if https {
        headers.insert(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=31536000"));
    }
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers
        .entry(header::CONTENT_SECURITY_POLICY)
        .or_insert(HeaderValue::from_static("default-src 'none'; frame-ancestors 'none'"));
    response
}
