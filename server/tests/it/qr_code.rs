//! The QR code a presenter shows: drawn as SVG by the server, it must read
//! back (rendered here with resvg and decoded with rqrr, as a phone's camera
//! would) as the board's absolute address.

use crate::common;

use common::TestServer;
use serde_json::json;

/// Fetches the board's QR code and decodes it: the text it carries.
async fn decoded(server: &TestServer, board: &str) -> String {
    let response = reqwest::get(server.url(&format!("/api/boards/{board}/qr.svg"))).await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "image/svg+xml");
    let svg = response.text().await.unwrap();
    let tree = resvg::usvg::Tree::from_str(&svg, &resvg::usvg::Options::default()).unwrap();
    let size = tree.size().to_int_size();
    let mut pixmap = resvg::tiny_skia::Pixmap::new(size.width(), size.height()).unwrap();
    resvg::render(&tree, resvg::tiny_skia::Transform::default(), &mut pixmap.as_mut());
    let (width, pixels) = (pixmap.width() as usize, pixmap.pixels().to_vec());
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(width, pixmap.height() as usize, |x, y| {
        let pixel = pixels[y * width + x];
        // Transparent counts as white, the way a screen shows it.
        if pixel.alpha() == 0 {
            255
        } else {
            pixel.red()
        }
    });
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code in the image");
    grids[0].decode().unwrap().1
}

#[tokio::test]
async fn the_qr_code_carries_the_boards_public_address() {
    let server = TestServer::start_with(&[("TALLY_PUBLIC_URL", "https://tally.example.org/")]);
    server.create_board(json!({ "matrix": "programmer", "slug": "team-a" })).await;
    assert_eq!(decoded(&server, "team-a").await, "https://tally.example.org/b/team-a");
    let missing = reqwest::get(server.url("/api/boards/nobody-here/qr.svg")).await.unwrap();
    assert_eq!(missing.status(), 404);
}

#[tokio::test]
async fn without_a_public_address_the_code_uses_the_requests_host() {
    let server = TestServer::start();
    server.create_board(json!({ "matrix": "programmer", "slug": "team-b" })).await;
    assert_eq!(decoded(&server, "team-b").await, server.url("/b/team-b"));
}
