//! What a server function needs from the request it runs in: the engine,
//! the request headers, and a way to set the response status and cookies.
//! Missing context is reported as an error rather than a panic.

use crate::engine::Engine;
use crate::error::TallyError;
use crate::rate_limit::Limits;
use axum::extract::ConnectInfo;
use axum::http::{header, request::Parts, HeaderName, HeaderValue, Method, StatusCode};
use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

pub fn engine() -> Result<Engine, TallyError> {
    use_context::<Engine>().ok_or_else(|| TallyError::Internal("no engine in the server function context".into()))
}

pub fn limits() -> Result<Arc<Limits>, TallyError> {
    use_context::<Arc<Limits>>().ok_or_else(|| TallyError::Internal("no limits in the server function context".into()))
}

/// The client's address, as the server's accept loop recorded it.
pub fn peer_ip(request: &Parts) -> Option<IpAddr> {
    request.extensions.get::<ConnectInfo<SocketAddr>>().map(|info| info.0.ip())
}

pub fn request() -> Result<Parts, TallyError> {
    use_context::<Parts>().ok_or_else(|| TallyError::Internal("no request in the server function context".into()))
}

pub fn add_header(name: HeaderName, value: HeaderValue) {
    if let Some(response) = use_context::<ResponseOptions>() {
        response.append_header(name, value);
    }
}

/// Gives an error its HTTP status (also to a page rendered on the server),
/// except for plain HTML form posts: those must stay a redirect back to the
/// page, which then shows the error.
pub fn with_status<T>(request: &Parts, result: Result<T, TallyError>) -> Result<T, TallyError> {
    if let Err(error) = &result {
        let form_post = request.method == Method::POST
            && request
                .headers
                .get(header::ACCEPT)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.contains("text/html"));
        if let (false, Some(response)) = (form_post, use_context::<ResponseOptions>()) {
            response.set_status(StatusCode::from_u16(error.status()).unwrap_or(StatusCode::BAD_REQUEST));
            if let TallyError::RateLimited { retry_after, .. } = error {
                response.insert_header(header::RETRY_AFTER, (*retry_after).into());
            }
        }
    }
    result
}
