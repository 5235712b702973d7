//! How long browsers may keep what the server sends. An asset whose name
//! carries a hash of its content (cargo-leptos' `hash-files`: the wasm, its
//! JavaScript glue and the stylesheet) never changes under that name, so it
//! is cached for a year and never asked for again; everything else — pages,
//! figures, the API, files without a hash — is `no-cache`: figures are live,
//! and a page must name the current assets.

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use leptos::config::LeptosOptions;
use std::sync::Arc;

const FOR_A_YEAR: HeaderValue = HeaderValue::from_static("public, max-age=31536000, immutable");
const REVALIDATE: HeaderValue = HeaderValue::from_static("no-cache");

/// The hashes cargo-leptos gave this build's assets.
#[derive(Clone, Default)]
pub struct HashedAssets {
    /// `/pkg/`, the directory they are served under.
    prefix: String,
    /// As written in the hash file, one per asset.
    hashes: Arc<Vec<String>>,
}

impl HashedAssets {
    /// The hashes in the file cargo-leptos writes beside the binary (where
    /// Leptos looks for it too), if this build has one; with it, pages name
    /// the hashed files.
    pub fn read(options: &mut LeptosOptions) -> HashedAssets {
        let beside_binary = std::env::current_exe().ok().and_then(|exe| exe.parent().map(|dir| dir.to_path_buf()));
        let path = beside_binary.unwrap_or_default().join(options.hash_file.as_ref());
        let Ok(text) = std::fs::read_to_string(&path) else {
            return HashedAssets::default();
        };
        options.hash_files = true;
        let hashes = text.lines().filter_map(|line| line.split_once(':')).map(|(_, hash)| hash.trim().to_string());
        HashedAssets {
            prefix: format!("/{}/", options.site_pkg_dir.trim_matches('/')),
            hashes: Arc::new(hashes.filter(|hash| !hash.is_empty()).collect()),
        }
    }

    fn is_hashed(&self, path: &str) -> bool {
        let Some(name) = path.strip_prefix(&self.prefix) else { return false };
        self.hashes.iter().any(|hash| name.contains(&format!(".{hash}.")))
    }
}

/// Adds `Cache-Control` where a handler did not set its own.
pub async fn add(State(assets): State<HashedAssets>, request: Request, next: Next) -> Response {
    let hashed = assets.is_hashed(request.uri().path());
    let mut response = next.run(request).await;
    let lifetime = if hashed && response.status().is_success() { FOR_A_YEAR } else { REVALIDATE };
    response.headers_mut().entry(header::CACHE_CONTROL).or_insert(lifetime);
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_this_builds_hashed_names_are_kept_for_a_year() {
        let assets = HashedAssets { prefix: "/pkg/".into(), hashes: Arc::new(vec!["Ab_c-1".into()]) };
        assert!(assets.is_hashed("/pkg/tally.Ab_c-1.wasm"));
        assert!(!assets.is_hashed("/pkg/tally.wasm"));
        assert!(!assets.is_hashed("/pkg/tally.Zz9.wasm"));
        assert!(!assets.is_hashed("/b/tally.Ab_c-1.wasm"), "only under the package directory");
        assert!(!HashedAssets::default().is_hashed("/pkg/tally.Ab_c-1.wasm"));
    }
}
