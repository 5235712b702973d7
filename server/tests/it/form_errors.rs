//! A page shows a form error from its address (`__err`, the no-JavaScript
//! round trip) only when this server just produced it for this browser; a
//! crafted address is redirected to the page without it.

use crate::common;

use base64::engine::general_purpose::URL_SAFE;
use base64::Engine;
use common::{row_ids, TestServer};
use reqwest::{header, redirect, Client, StatusCode};
use serde_json::json;

const SPOOF: &str = "Your answers were lost: re-enter them at https://evil.example/tally";

fn client() -> Client {
    Client::builder().redirect(redirect::Policy::none()).build().unwrap()
}

/// The page's address with a form error in it, as Leptos writes one.
fn address_with_error(server: &TestServer, error: &serde_json::Value) -> String {
    let encoded = URL_SAFE.encode(error.to_string());
    server.url(&format!("/?__path=%2Fapi%2Fsubmit_answers&__err={encoded}"))
}

#[tokio::test]
async fn a_crafted_error_address_is_redirected_without_the_error() {
    let server = TestServer::start();
    let spoofed = address_with_error(&server, &json!({ "BadRequest": SPOOF }));
    let response = client().get(&spoofed).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::SEE_OTHER);
    assert_eq!(response.headers()[header::LOCATION], "/");
    assert!(!response.text().await.unwrap().contains("evil.example"));
    let followed = reqwest::get(&spoofed).await.unwrap();
    assert_eq!(followed.url().as_str(), server.url("/"));
    assert!(!followed.text().await.unwrap().contains("evil.example"), "the page never shows it");
}

#[tokio::test]
async fn the_servers_own_error_is_shown_once_to_the_browser_it_was_made_for() {
    let server = TestServer::start();
    let rows = row_ids(&server.matrix().await);
    // A plain form post that leaves every row but the first unanswered.
    let form = [("board".to_string(), "default".to_string()), (format!("answers[{}]", rows[0]), "1".to_string())];
    let rejected = client()
        .post(server.url("/api/submit_answers"))
        .header(header::ACCEPT, "text/html")
        .header(header::REFERER, server.url("/"))
        .form(&form)
        .send()
        .await
        .unwrap();
    assert_eq!(rejected.status(), StatusCode::FOUND);
    let location = rejected.headers()[header::LOCATION].to_str().unwrap().to_string();
    let cookie = set_cookie(&rejected, "tally_form_error=");
    assert!(cookie.contains("Max-Age=60; HttpOnly"), "{cookie}");
    let pair = cookie.split(';').next().unwrap().to_string();
    // What was picked travels in a cookie of its own, not in the address.
    let draft = set_cookie(&rejected, "tally_draft=");
    assert!(draft.contains("Max-Age=60; HttpOnly") && !location.contains("answers%5B"), "{draft} {location}");
    let draft = draft.split(';').next().unwrap();

    let shown = client().get(&location).header(header::COOKIE, format!("{pair}; {draft}")).send().await.unwrap();
    assert_eq!(shown.status(), StatusCode::OK);
    let cleared = set_cookie(&shown, "tally_form_error=");
    assert!(cleared.starts_with("tally_form_error=; Path=/; Max-Age=0"), "{cleared}");
    let html = shown.text().await.unwrap();
    assert!(html.contains(&format!("({}): no level chosen", rows[1])), "the real error is on the page");
    assert_eq!(html.matches(" checked").count(), 1, "the one choice made is picked again");

    // The cookie vouches for that error only, and a bare reload drops it.
    let spoofed = address_with_error(&server, &json!({ "BadRequest": SPOOF }));
    assert_eq!(client().get(&spoofed).header(header::COOKIE, &pair).send().await.unwrap().status(), 303);
    assert_eq!(client().get(&location).send().await.unwrap().status(), 303);
}

/// The response's `Set-Cookie` for the cookie `name=` names.
fn set_cookie(response: &reqwest::Response, name: &str) -> String {
    let mut values = response.headers().get_all(header::SET_COOKIE).iter();
    let value = values.find(|v| v.to_str().unwrap().starts_with(name)).unwrap_or_else(|| panic!("no {name}"));
    value.to_str().unwrap().to_string()
}
