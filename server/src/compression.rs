//! Responses compressed with brotli or gzip, whichever the client's
//! `Accept-Encoding` prefers: pages, JSON, CSS, JS and the wasm bundle. This
//! is tower-http's layer; its default predicate already skips images, small
//! bodies and event streams, and it adds `Vary: Accept-Encoding`. A
//! WebSocket upgrade (101) is left alone: live frames are not HTTP bodies.

use axum::http::{Extensions, HeaderMap, StatusCode, Version};
use tower_http::compression::predicate::{DefaultPredicate, Predicate};
use tower_http::compression::CompressionLayer;

pub fn layer() -> CompressionLayer<impl Predicate> {
    let not_an_upgrade =
        |status: StatusCode, _: Version, _: &HeaderMap, _: &Extensions| status != StatusCode::SWITCHING_PROTOCOLS;
    CompressionLayer::new().br(true).gzip(true).compress_when(DefaultPredicate::new().and(not_an_upgrade))
}
