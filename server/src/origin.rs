//! Which web pages may act on this site. A browser names the page a request
//! comes from in `Origin` (always on WebSocket upgrades and cross-site
//! POSTs) and in `Sec-Fetch-Site`. Only this site itself, or an origin on
//! the allow-list (`TALLY_ALLOWED_ORIGINS`), may open live sockets or send
//! requests that change anything (server functions, API POSTs): otherwise
//! any page on the web could submit answers in a visitor's name.
//! Clients that are not browsers send neither header and are let through.

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;
use std::sync::Arc;

#[derive(Clone, Debug, Default)]
pub struct Origins {
    allowed: Arc<Vec<String>>,
}

impl Origins {
    /// `allowed`: full origins such as `https://tally.example.com`.
    pub fn new(allowed: Vec<String>) -> Origins {
        Origins { allowed: Arc::new(allowed) }
    }

    pub fn allows(&self, headers: &HeaderMap) -> bool {
        let text = |name| headers.get(name).and_then(|v| v.to_str().ok());
        match text(header::ORIGIN) {
            Some(origin) => {
                let host = text(header::HOST).unwrap_or_default();
                let origin_host = origin.split_once("://").map(|(_, rest)| rest).unwrap_or(origin);
                (!host.is_empty() && origin_host == host) || self.allowed.iter().any(|o| o == origin)
            }
            // Without Origin, a browser still says where a request came from here.
            None => {
                !matches!(text(header::HeaderName::from_static("sec-fetch-site")), Some("cross-site" | "same-site"))
            }
        }
    }

    /// Middleware: refuses state-changing requests from pages of other sites.
    pub async fn guard(State(origins): State<Origins>, request: Request, next: Next) -> Response {
        let safe = matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS);
        if safe || origins.allows(request.headers()) {
            return next.run(request).await;
        }
        let origin = request.headers().get(header::ORIGIN).and_then(|o| o.to_str().ok()).unwrap_or("another site");
        let message =
            format!("requests from {} may not change anything here", origin.chars().take(100).collect::<String>());
        (StatusCode::FORBIDDEN, Json(json!({ "error": message, "code": "cross_site" }))).into_response()
    }
}
