//! Without JavaScript, a form whose server function fails is redirected
//! back to its page with the error in the address (`?__path=…&__err=…`),
//! and the page shows it. Anyone can write such an address and send it
//! around ("re-enter your answers at https://…"), so a page shows only an
//! error this server has just produced for this browser: the redirect also
//! sets a short-lived cookie holding the error's signature, and a page asked
//! for with an `__err` that cookie does not vouch for is redirected to the
//! same address without it.

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
            let signature = this.cookie.read(request.headers()).unwrap_or_default();
            if !this.signer.verify(&["form-error", error], &signature) {
                return Redirect::to(&without_error(request.uri())).into_response();
            }
        }
        let mut response = next.run(request).await;
        let redirected_with = response
            .headers()
            .get(header::LOCATION)
            .and_then(|location| location.to_str().ok())
            .and_then(|location| location.split_once('?'))
            .and_then(|(_, query)| error_in(query));
        let cookie = match (redirected_with, shown) {
            (Some(error), _) => this.cookie.set(&this.signer.tag(&["form-error", &error]), LIFETIME_SECONDS),
            // Shown once: a reload of the same address drops it.
            (None, Some(_)) => this.cookie.set("", 0),
            (None, None) => return response,
        };
        response.headers_mut().append(header::SET_COOKIE, cookie);
        response
    }
}

/// The `__err` value in a query string, decoded.
fn error_in(query: &str) -> Option<String> {
    form_urlencoded::parse(query.as_bytes()).find(|(key, _)| key == "__err").map(|(_, value)| value.into_owned())
}

/// `uri` without the form-error parameters, everything else kept.
fn without_error(uri: &Uri) -> String {
    let kept: Vec<_> = form_urlencoded::parse(uri.query().unwrap_or_default().as_bytes())
        .filter(|(key, _)| key != "__err" && key != "__path")
        .collect();
    if kept.is_empty() {
        return uri.path().to_string();
    }
    let query = form_urlencoded::Serializer::new(String::new()).extend_pairs(kept).finish();
    format!("{}?{query}", uri.path())
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
}
