//! The build's own files under `/pkg`: the wasm, its script and the
//! stylesheet. Where the release build wrote brotli or gzip copies beside
//! them (`scripts/precompress.sh`), a client that accepts one gets that copy
//! as it is, compressed once at the best level (the wasm: a quarter smaller
//! than the compression layer's fast level makes it); without them the
//! compression layer compresses on the fly. tower-http's `ServeDir` does the
//! choosing; caches are told the answer depends on `Accept-Encoding`.

use axum::http::{header, HeaderValue};
use leptos::config::LeptosOptions;
use std::path::Path;
use tower::Layer;
use tower_http::services::ServeDir;
use tower_http::set_header::{SetResponseHeader, SetResponseHeaderLayer};

/// The path the files are served under (`/pkg`) and the service.
pub fn service(options: &LeptosOptions) -> (String, SetResponseHeader<ServeDir, HeaderValue>) {
    let pkg = options.site_pkg_dir.trim_matches('/');
    let dir = Path::new(options.site_root.as_ref()).join(pkg);
    let files = ServeDir::new(dir).precompressed_br().precompressed_gzip();
    let vary = SetResponseHeaderLayer::if_not_present(header::VARY, HeaderValue::from_static("accept-encoding"));
    (format!("/{pkg}"), vary.layer(files))
}
