//! Cache lifetimes: the assets a page names carry a hash of their content
//! and are kept for a year (`immutable`), so a second visit downloads none
//! of them again; pages, the API and anything without a hash are
//! `no-cache`. Precompressed copies (as `make release` writes them) go to
//! the clients that accept them, as they are. The test builds a small site
//! of its own with a hash file, as cargo-leptos writes them, so it does not
//! depend on a front-end build.

use crate::common;

use common::TestServer;
use std::path::Path;

const YEAR: &str = "public, max-age=31536000, immutable";

/// A site whose assets are named with the hashes in `hash.txt`.
fn hashed_site(dir: &Path) -> std::path::PathBuf {
    let pkg = dir.join("site/pkg");
    std::fs::create_dir_all(&pkg).unwrap();
    // The wasm file's name depends on how the binary was built: both are there.
    // A lazy island's chunk is hashed too, though `hash.txt` does not list it.
    for name in ["tally.Js1.js", "tally.Wasm2.wasm", "tally_bg.Wasm2.wasm", "tally.Css3.css", "chunk_7.Chunk4.wasm"] {
        std::fs::write(pkg.join(name), "x".repeat(4096)).unwrap();
    }
    // What scripts/precompress.sh leaves beside the wasm; any bytes will do.
    std::fs::write(pkg.join("tally.Wasm2.wasm.br"), b"brotli bytes").unwrap();
    std::fs::write(pkg.join("tally.Wasm2.wasm.gz"), b"gzip bytes").unwrap();
    let hash_file = dir.join("hash.txt");
    std::fs::write(&hash_file, "js: Js1\nwasm: Wasm2\ncss: Css3\n").unwrap();
    hash_file
}

async fn get(server: &TestServer, path: &str) -> (u16, String, String) {
    let response = reqwest::Client::new().get(server.url(path)).send().await.unwrap();
    let cache = response.headers().get("cache-control").map(|v| v.to_str().unwrap().to_string()).unwrap_or_default();
    (response.status().as_u16(), cache, response.text().await.unwrap_or_default())
}

#[tokio::test]
async fn hashed_assets_are_kept_for_a_year_and_everything_else_is_revalidated() {
    let dir = std::env::temp_dir().join(format!("tally-caching-{}", std::process::id()));
    let hash_file = hashed_site(&dir);
    let site = dir.join("site");
    let server = TestServer::start_with(&[
        ("LEPTOS_SITE_ROOT", site.to_str().unwrap()),
        ("LEPTOS_HASH_FILE_NAME", hash_file.to_str().unwrap()),
    ]);

    let (status, cache, page) = get(&server, "/b/default").await;
    assert_eq!((status, cache.as_str()), (200, "no-cache"), "a page is live");
    let named: Vec<&str> = page.split('"').filter(|part| part.starts_with("/pkg/")).collect();
    assert!(named.len() >= 3, "the page names its stylesheet, script and wasm: {named:?}");
    for path in named {
        assert!(["Js1", "Wasm2", "Css3"].iter().any(|hash| path.contains(hash)), "{path} is the hashed name");
        let (status, cache, _) = get(&server, path).await;
        assert_eq!((status, cache.as_str()), (200, YEAR), "{path}");
    }
    assert_eq!(get(&server, "/pkg/chunk_7.Chunk4.wasm").await.1, YEAR, "a lazy island's chunk");
    for path in ["/api/boards/default/stats", "/api/boards/default/matrix", "/readyz"] {
        assert_eq!(get(&server, path).await.1, "no-cache", "{path}");
    }
    for (accept, encoding, body) in [("br", "br", "brotli bytes"), ("gzip", "gzip", "gzip bytes"), ("identity", "", "")]
    {
        let response = reqwest::Client::new()
            .get(server.url("/pkg/tally.Wasm2.wasm"))
            .header("accept-encoding", accept)
            .send()
            .await
            .unwrap();
        let header =
            |name: &str| response.headers().get(name).map(|v| v.to_str().unwrap().to_string()).unwrap_or_default();
        assert_eq!(header("content-encoding"), encoding, "Accept-Encoding: {accept}");
        assert_eq!(header("content-type"), "application/wasm");
        assert_eq!(header("cache-control"), YEAR);
        assert!(header("vary").to_ascii_lowercase().contains("accept-encoding"));
        let sent = response.bytes().await.unwrap();
        match body {
            "" => assert_eq!(sent.len(), 4096, "the file itself"),
            copy => assert_eq!(sent, copy.as_bytes(), "the precompressed copy, as it is"),
        }
    }
    let (status, cache, _) = get(&server, "/pkg/tally.Js1.map").await;
    assert_eq!((status, cache.as_str()), (404, "no-cache"), "a missing file is never kept");
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
}
