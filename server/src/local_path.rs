//! Paths this server sends browsers to: always on this site, and without
//! a trailing slash. `/b/team/` is redirected to `/b/team` (the pages have
//! no routes ending in a slash, and asking for one once gave a 500).

use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};

/// `path` with exactly one leading slash: `//host/x` or `/\host/x` in a
/// `Location` would send the browser to another site.
pub fn on_this_site(path: &str) -> String {
    format!("/{}", path.trim_start_matches(['/', '\\']))
}

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

#[cfg(test)]
mod tests {
    use super::on_this_site;

    #[test]
    fn a_path_stays_on_this_site() {
        assert_eq!(on_this_site("//other.host/login"), "/other.host/login");
        assert_eq!(on_this_site("/\\h/x"), "/h/x");
        assert_eq!(on_this_site("/b/team"), "/b/team");
        assert_eq!(on_this_site(""), "/");
    }
}
