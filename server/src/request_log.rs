//! One structured log line per request: request id, method, path, board,
//! status and latency. The id comes from the caller's `X-Request-Id` when it
//! sends a sane one (a load balancer's), otherwise it is made here; it is
//! returned in `X-Request-Id` and carried by every log line the request
//! causes, so one request can be followed through the logs.

use app::backend::http_error::REQUEST_ID;
use axum::extract::Request;
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;
use tracing::Instrument;

static NEXT: AtomicU64 = AtomicU64::new(1);

pub async fn log(request: Request, next: Next) -> Response {
    let id = request
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .filter(|v| {
            !v.is_empty() && v.len() <= 64 && v.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
        .map(str::to_string)
        .unwrap_or_else(|| format!("{:x}-{}", std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed)));
    let (method, path) = (request.method().clone(), logged_path(request.uri().path()));
    let span = tracing::info_span!("request", request_id = %id, %method, %path, board = board_of(&path).unwrap_or(""));
    let started = Instant::now();
    let mut response = REQUEST_ID.scope(id.clone(), next.run(request).instrument(span.clone())).await;
    let status = response.status().as_u16();
    let latency_ms = started.elapsed().as_secs_f64() * 1000.0;
    span.in_scope(|| tracing::info!(status, latency_ms, "handled"));
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert("x-request-id", value);
    }
    response
}

/// The path as logged: a personal invitation link's token is a key to
/// someone's place on a board, so it is left out.
fn logged_path(path: &str) -> String {
    match path.strip_prefix("/i/") {
        Some(_) => "/i/…".to_string(),
        None => path.to_string(),
    }
}

fn board_of(path: &str) -> Option<&str> {
    let rest = path.strip_prefix("/api/boards/").or_else(|| path.strip_prefix("/b/"))?;
    rest.split('/').next().filter(|b| !b.is_empty())
}

#[cfg(test)]
mod tests {
    use super::{board_of, logged_path};

    #[test]
    fn the_board_is_read_from_the_path() {
        assert_eq!(board_of("/api/boards/team-a/stats"), Some("team-a"));
        assert_eq!(board_of("/b/team-a"), Some("team-a"));
        assert_eq!(board_of("/api/submit_answers"), None);
        assert_eq!(board_of("/"), None);
    }

    #[test]
    fn an_invitation_links_token_is_not_logged() {
        assert_eq!(logged_path("/i/0123456789abcdef0123456789abcdef"), "/i/…");
        assert_eq!(logged_path("/b/team-a"), "/b/team-a");
    }
}
