//! Without JavaScript, a form whose server function fails is redirected
//! back to its page with the error in the address (`?__path=…&__err=…`),
//! and the page shows it. Anyone can write such an address and send it
//! around ("re-enter your answers at https://…"), so a page shows only an
//! error this server has just produced for this browser: the redirect also
//! sets a short-lived cookie holding the error's signature (with the page
//! it is for and when it expires, so a cookie taken from one client vouches
//! for nothing else elsewhere, and not for long), and a page asked for with
//! an `__err` that cookie does not vouch for is redirected to the same
//! address without it.

use app::backend::local_path::on_this_site;
use app::backend::signer::Signer;
use app::backend::site_cookie::SiteCookie;
use axum::extract::{Request, State};
use axum::http::{header, Method, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use std::sync::Arc;

/// Long enough to follow a redirect, short enough not to linger.
const LIFETIME_SECONDS: u64 = 60;

pub struct FormErrors {
    /// Signs the errors this server redirects with.
    signer: Signer,
    /// `tally_form_error`: the signature of the last such error.
    cookie: SiteCookie,
}

impl FormErrors {
    pub fn new(signer: Signer, https: bool) -> Arc<FormErrors> {
        Arc::new(FormErrors { signer, cookie: SiteCookie::new("tally_form_error", https) })
    }

    /// The middleware: vouches for the errors this server redirects with,
    /// and strips from a page's address any it did not.
    pub async fn guard(State(this): State<Arc<FormErrors>>, request: Request, next: Next) -> Response {
        let shown = match *request.method() {
            Method::GET | Method::HEAD => request.uri().query().and_then(error_in),
            _ => None,
        };
        if let Some(error) = &shown {
            let voucher = this.cookie.read(request.headers()).unwrap_or_default();
            if !this.vouches(&voucher, request.uri().path(), error) {
                return Redirect::to(&without_error(request.uri())).into_response();
            }
        }
        let mut response = next.run(request).await;
        // The page the redirect goes to (often the absolute `Referer`).
        let redirected_with = response
            .headers()
            .get(header::LOCATION)
            .and_then(|location| location.to_str().ok()?.parse::<Uri>().ok())
            .and_then(|to| Some((to.path().to_string(), error_in(to.query()?)?)));
        let cookie = match (redirected_with, shown) {
            (Some((path, error)), _) => this.cookie.set(&this.voucher(&path, &error), LIFETIME_SECONDS),
            // Shown once: a reload of the same address drops it.
            (None, Some(_)) => this.cookie.set("", 0),
            (None, None) => return response,
        };
        response.headers_mut().append(header::SET_COOKIE, cookie);
        response
    }
}

impl FormErrors {
    /// `<expiry>.<tag>`: vouches for `error` shown on `path` until expiry
    /// (Unix seconds).
    fn voucher(&self, path: &str, error: &str) -> String {
        let expires = (now() + LIFETIME_SECONDS).to_string();
        let tag = self.signer.tag(&["form-error", &expires, path, error]);
        format!("{expires}.{tag}")
    }

    fn vouches(&self, voucher: &str, path: &str, error: &str) -> bool {
        let Some((expires, tag)) = voucher.split_once('.') else { return false };
        let fresh = expires.parse::<u64>().is_ok_and(|at| at >= now());
        fresh && self.signer.verify(&["form-error", expires, path, error], tag)
    }
}

fn now() -> u64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

/// The `__err` value in a query string, decoded.
fn error_in(query: &str) -> Option<String> {
    form_urlencoded::parse(query.as_bytes()).find(|(key, _)| key == "__err").map(|(_, value)| value.into_owned())
}

/// `uri` without the form-error parameters, everything else kept, on this
/// site whatever its path came as (see [`on_this_site`]).
fn without_error(uri: &Uri) -> String {
    let path = on_this_site(uri.path());
    let kept: Vec<_> = form_urlencoded::parse(uri.query().unwrap_or_default().as_bytes())
        .filter(|(key, _)| key != "__err" && key != "__path")
        .collect();
    if kept.is_empty() {
        return path;
    }
    let query = form_urlencoded::Serializer::new(String::new()).extend_pairs(kept).finish();
    format!("{path}?{query}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_error_parameters_are_removed() {
        let uri: Uri = "/b/team?x=1&__path=%2Fapi%2Fsubmit_answers&__err=abc%3D&y=2".parse().unwrap();
        assert_eq!(error_in(uri.query().unwrap()).as_deref(), Some("abc="));
        assert_eq!(without_error(&uri), "/b/team?x=1&y=2");
        assert_eq!(without_error(&"/?__err=abc".parse().unwrap()), "/");
    }

    #[test]
    fn the_redirect_stays_on_this_site() {
        for (asked, kept) in [("//other.host/login?__err=x", "/other.host/login"), ("/\\\\h/x?__err=x", "/h/x")] {
            assert_eq!(without_error(&asked.parse().unwrap()), kept, "{asked}");
        }
    }

    #[test]
    fn a_voucher_holds_for_its_page_and_error_only() {
        let errors = FormErrors::new(Signer::new([3; 32]), false);
        let voucher = errors.voucher("/b/team", "bad answer");
        assert!(errors.vouches(&voucher, "/b/team", "bad answer"));
        assert!(!errors.vouches(&voucher, "/b/other", "bad answer"), "another page");
        assert!(!errors.vouches(&voucher, "/b/team", "other words"), "another error");
        let (_, tag) = voucher.split_once('.').unwrap();
        assert!(!errors.vouches(&format!("1.{tag}"), "/b/team", "bad answer"), "expired, or its time changed");
    }
}
