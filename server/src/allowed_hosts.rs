//! Which host names this site answers to (`TALLY_ALLOWED_HOSTS`). The origin
//! check compares `Origin` with `Host`, so a page on an attacker's domain
//! that points its DNS at this server (DNS rebinding) would pass it, naming
//! its own domain in both. With the setting, a request for any other host is
//! refused with 421 before anything else runs. Unset, every host is served.
//! The probes (`/healthz`, `/readyz`) answer whatever the host, since load
//! balancers often address an instance by its IP.

use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;
use std::sync::Arc;

/// `host` or `host:port` entries, lowercase; empty means any host.
#[derive(Clone, Debug, Default)]
pub struct AllowedHosts(Arc<Vec<String>>);

impl AllowedHosts {
    /// From the setting's comma-separated list.
    pub fn parse(list: &str) -> AllowedHosts {
        let hosts = list.split(',').map(|h| h.trim().to_ascii_lowercase()).filter(|h| !h.is_empty()).collect();
        AllowedHosts(Arc::new(hosts))
    }

    fn allows(&self, host: &str) -> bool {
        self.0.is_empty() || self.0.iter().any(|allowed| allowed.eq_ignore_ascii_case(host))
    }

    /// Middleware: answers 421 for a host not on the list.
    pub async fn guard(State(hosts): State<AllowedHosts>, request: Request, next: Next) -> Response {
        let host = request.headers().get(header::HOST).and_then(|h| h.to_str().ok()).unwrap_or_default();
        let probe = matches!(request.uri().path(), "/healthz" | "/readyz");
        if probe || hosts.allows(host) {
            return next.run(request).await;
        }
        let shown: String = host.chars().take(100).collect();
        let message = format!("this server does not answer for host '{shown}'");
        (StatusCode::MISDIRECTED_REQUEST, Json(json!({ "error": message, "code": "unknown_host" }))).into_response()
    }
}
