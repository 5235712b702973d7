//! Headers every response carries. Pages get their own Content-Security-Policy
//! while they render (it needs the response's nonce, see
//! `app/src/content_policy.rs`); everything else (JSON, errors, static files)
//! gets a policy that allows nothing, which also forbids framing. A site
//! whose public address is `https://` also tells browsers to use nothing
//! else for a year (HSTS). Each header is tower-http's `SetResponseHeader`.

use axum::http::{header, HeaderValue};
use tower::layer::util::{Identity, Stack};
use tower::util::Either;
use tower::ServiceBuilder;
use tower_http::set_header::SetResponseHeaderLayer;

type Set = SetResponseHeaderLayer<HeaderValue>;

/// The headers' layers, outermost first.
pub type Layers =
    ServiceBuilder<Stack<Set, Stack<Set, Stack<Set, Stack<Set, Stack<Either<Set, Identity>, Identity>>>>>>;

/// `https`: whether the site's public address is an HTTPS one.
pub fn layers(https: bool) -> Layers {
    let hsts =
        https.then(|| Set::overriding(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=31536000")));
    ServiceBuilder::new()
        .option_layer(hsts)
        .layer(Set::overriding(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")))
        .layer(Set::overriding(header::REFERRER_POLICY, HeaderValue::from_static("same-origin")))
        .layer(Set::overriding(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")))
        .layer(Set::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static("default-src 'none'; frame-ancestors 'none'"),
        ))
}
