//! Responses compressed with brotli or gzip, whichever the client's
//! `Accept-Encoding` prefers: pages, JSON, CSS, JS and the wasm bundle. This
//! is tower-http's layer; its default predicate already skips images, small
//! bodies and event streams, and it adds `Vary: Accept-Encoding`. A
//! WebSocket upgrade (101) is left alone: live frames are not HTTP bodies.

use axum::http::{Extensions, HeaderMap, StatusCode, Version};
use tower_http::compression::predicate::{DefaultPredicate, Predicate};
use tower_http::compression::{CompressionLayer, CompressionLevel};

/// Brotli (and gzip) level 5 rather than the layer's default 4: the board
/// page's 96 KB of HTML come to 10.1 KB instead of 11.2 KB, for 0.2 ms more
/// per page (0.67 → 0.86 ms, measured with brotli's own library).
const ON_THE_FLY_QUALITY: i32 = 5;

pub fn layer() -> CompressionLayer<impl Predicate> {
    let not_an_upgrade =
        |status: StatusCode, _: Version, _: &HeaderMap, _: &Extensions| status != StatusCode::SWITCHING_PROTOCOLS;
    CompressionLayer::new()
        .br(true)
        .gzip(true)
        .quality(CompressionLevel::Precise(ON_THE_FLY_QUALITY))
        .compress_when(DefaultPredicate::new().and(not_an_upgrade))
}
