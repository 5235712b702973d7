//! Paths this server sends browsers to: always on this site, and without
//! a trailing slash. `/b/team/` is redirected to `/b/team` (the pages have
//! no routes ending in a slash, and asking for one once gave a 500).

use app::backend::local_path::on_this_site;
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};

/// Middleware: a GET or HEAD for a page path ending in `/` is redirected
/// (308) to the same path without it, query kept.
pub async fn drop_trailing_slash(request: Request, next: Next) -> Response {
    let path = request.uri().path();
    let page = request.method() == axum::http::Method::GET || request.method() == axum::http::Method::HEAD;
    if !page || path.len() < 2 || !path.ends_with('/') {
        return next.run(request).await;
    }
    let trimmed = on_this_site(path.trim_end_matches('/'));
    let target = match request.uri().query() {
        Some(query) => format!("{trimmed}?{query}"),
        None => trimmed,
    };
    Redirect::permanent(&target).into_response()
}
