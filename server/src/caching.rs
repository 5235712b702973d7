//! How long browsers may keep what the server sends. An asset whose name
//! carries a hash of its content (cargo-leptos' `hash-files`: the wasm, its
//! JavaScript glue and the stylesheet) never changes under that name, so it
//! is cached for a year and never asked for again; everything else — pages,
//! figures, the API, files without a hash — is `no-cache`: figures are live,
//! and a page must name the current assets.

use app::backend::assets::Assets;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

const FOR_A_YEAR: HeaderValue = HeaderValue::from_static("public, max-age=31536000, immutable");
const REVALIDATE: HeaderValue = HeaderValue::from_static("no-cache");

/// Adds `Cache-Control` where a handler did not set its own.
pub async fn add(State(assets): State<Assets>, request: Request, next: Next) -> Response {
    let hashed = assets.is_hashed(request.uri().path());
    let mut response = next.run(request).await;
    let lifetime = if hashed && response.status().is_success() { FOR_A_YEAR } else { REVALIDATE };
    response.headers_mut().entry(header::CACHE_CONTROL).or_insert(lifetime);
    response
}
