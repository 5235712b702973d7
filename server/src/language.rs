//! Every request's language, decided once (see `app::i18n::negotiate`) and
//! put in the request's extensions, where pages and server functions find
//! it. An address that asks for a language (`?lang=`) has it remembered
//! in a cookie; since the same address can answer in several languages,
//! answers say they vary by the headers that chose.

use app::backend::site_cookie::SiteCookie;
use app::i18n::negotiate;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

/// Middleware, with the language cookie as its state.
pub async fn choose(State(cookie): State<SiteCookie>, mut request: Request, next: Next) -> Response {
    let (locale, asked) = negotiate::choose(request.uri().query(), request.headers(), &cookie);
    request.extensions_mut().insert(locale);
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    if asked {
        headers.append(header::SET_COOKIE, cookie.set(locale.tag(), negotiate::REMEMBERED_FOR));
    }
    headers.append(header::VARY, HeaderValue::from_static("Accept-Language, Cookie"));
    response
}
