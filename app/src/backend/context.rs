//! What a server function needs from the request it runs in: the
//! application, who is calling, and a way to set the response's status and
//! headers. Missing context is reported as an error rather than a panic.
//! Every server function goes through [`run`], so none can forget its
//! caller or its status.

use super::client_addr::ClientAddr;
use super::http_error;
use super::use_cases::{Caller, Tally};
use crate::error::TallyError;
use axum::http::{header, request::Parts, HeaderName, HeaderValue, Method};
use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;
use std::future::Future;

/// What a server function's use case is given.
pub struct Door {
    pub tally: Tally,
    /// As the request presents them (see [`caller`]), with the admin key
    /// the function was given, if any.
    pub caller: Caller,
    pub request: Parts,
}

/// Runs a server function's use case with its [`Door`], then gives the
/// outcome its HTTP status (see [`with_status`]).
pub async fn run<T, Work>(admin_key: Option<String>, work: impl FnOnce(Door) -> Work) -> Result<T, TallyError>
where
    Work: Future<Output = Result<T, TallyError>>,
{
    let request = request()?;
    let result = async {
        let tally = tally()?;
        let caller = Caller { admin_key, ..caller(&tally, &request) };
        work(Door { tally, caller, request: request.clone() }).await
    }
    .await;
    with_status(&request, result)
}

fn tally() -> Result<Tally, TallyError> {
    use_context::<Tally>().ok_or_else(|| TallyError::Internal("no application in the server function context".into()))
}

fn request() -> Result<Parts, TallyError> {
    use_context::<Parts>().ok_or_else(|| TallyError::Internal("no request in the server function context".into()))
}

/// The caller as the page presents them: address as the accept loop
/// resolved it, respondent from the cookie.
fn caller(tally: &Tally, request: &Parts) -> Caller {
    let ip = request.extensions.get::<ClientAddr>().map(|client| client.0);
    Caller { ip, ..tally.caller_from_cookies(&request.headers) }
}

/// Whether the request is a plain HTML form's post (no JavaScript): its
/// answer is a redirect to a page, never a status to read.
fn is_form_post(request: &Parts) -> bool {
    request.method == Method::POST
        && request.headers.get(header::ACCEPT).and_then(|v| v.to_str().ok()).is_some_and(|v| v.contains("text/html"))
}

/// [`is_form_post`] for the server function running now.
pub fn plain_form_post() -> bool {
    request().is_ok_and(|request| is_form_post(&request))
}

pub fn add_header(name: HeaderName, value: HeaderValue) {
    if let Some(response) = use_context::<ResponseOptions>() {
        response.append_header(name, value);
    }
}

/// Gives an error its HTTP status and headers (also to a page rendered on
/// the server) and hides an internal error's detail, except for plain HTML
/// form posts (which keep only the hiding): those must stay a
/// redirect back to the page, which then shows the error.
fn with_status<T>(request: &Parts, result: Result<T, TallyError>) -> Result<T, TallyError> {
    let result = result.map_err(http_error::public);
    if let Err(error) = &result {
        if let (false, Some(response)) = (is_form_post(request), use_context::<ResponseOptions>()) {
            let (status, headers) = http_error::head(error);
            response.set_status(status);
            for (name, value) in &headers {
                response.insert_header(name.clone(), value.clone());
            }
        }
    }
    result
}
