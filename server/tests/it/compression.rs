//! Compressed responses: a client that accepts brotli or gzip gets the page
//! and the JSON API compressed, says so in `Content-Encoding`, and caches
//! by `Vary: Accept-Encoding`; one that asks for neither gets plain bodies;
//! live sockets still open.

use crate::common;

use common::TestServer;

/// (Content-Encoding, Vary, body length) of `path` fetched with `accept`.
async fn fetched(server: &TestServer, path: &str, accept: &str) -> (String, String, usize) {
    let response = reqwest::Client::new().get(server.url(path)).header("accept-encoding", accept).send().await.unwrap();
    assert_eq!(response.status(), 200, "{path}");
    // Every value of the header: `Vary` comes once per layer that adds to it.
    let header = |name: &str| {
        let values: Vec<&str> = response.headers().get_all(name).iter().map(|v| v.to_str().unwrap()).collect();
        values.join(", ")
    };
    let (encoding, vary) = (header("content-encoding"), header("vary"));
    (encoding, vary, response.bytes().await.unwrap().len())
}

#[tokio::test]
async fn pages_and_json_are_compressed_as_the_client_asks() {
    let server = TestServer::start();
    for path in ["/", "/api/boards/default/matrix"] {
        let (plain_encoding, _, plain) = fetched(&server, path, "identity").await;
        assert_eq!(plain_encoding, "", "{path} uncompressed when not asked");
        for (accept, expected) in [("br", "br"), ("gzip", "gzip"), ("gzip, br", "br")] {
            let (encoding, vary, size) = fetched(&server, path, accept).await;
            assert_eq!(encoding, expected, "{path} with Accept-Encoding: {accept}");
            assert!(vary.to_ascii_lowercase().contains("accept-encoding"), "{path}: Vary is {vary:?}");
            assert!(size * 2 < plain, "{path}: {size} compressed bytes against {plain}");
        }
    }
}
