//! The build's own files under `/pkg`: the wasm, its script and the
//! stylesheet. Where the release build wrote brotli or gzip copies beside
//! them (`scripts/precompress.sh`), a client that accepts one gets that copy
//! as it is, compressed once at the best level (the wasm: a quarter smaller
//! than the compression layer's fast level makes it); without them the
//! compression layer compresses on the fly. tower-http's `ServeDir` does the
//! choosing; caches are told the answer depends on `Accept-Encoding`.

use axum::body::Body;
use axum::http::{header, HeaderValue, Request, Response};
use leptos::config::LeptosOptions;
use std::convert::Infallible;
use std::path::Path;
use tower::{Layer, Service};
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

/// The site's other files (`public/`: the favicon), and `not_found` for
/// any other address. Not leptos_axum's `file_and_error_handler`, which
/// serves a file inside a reactive owner made from whichever owner the
/// thread last had current: under load a file's response took the headers
/// of a page rendering at the same moment (seen: the favicon got a page's
/// Content-Security-Policy and the page went out with none, unstyled).
pub fn site_files<NotFound>(options: &LeptosOptions, not_found: NotFound) -> ServeDir<NotFound>
where
    NotFound: Service<Request<Body>, Response = Response<Body>, Error = Infallible> + Clone,
{
    ServeDir::new(options.site_root.as_ref())
        .append_index_html_on_directories(false)
        .call_fallback_on_method_not_allowed(true)
        .fallback(not_found)
}
