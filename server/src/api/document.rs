//! The API's OpenAPI 3.1 document, made from the code: each handler's
//! `#[utoipa::path]` and the types it sends (`derive(ToSchema)`, in `app`
//! too), collected by utoipa-axum's `routes!` as the routes are registered,
//! so no route is served without its entry in the document. Served at
//! `GET /api/openapi.json`.
//!
//! utoipa rather than aide: it builds offline on stable Rust with axum 0.8,
//! and `routes!` registers a handler and documents it in one step.
//!
//! What every operation shares is added here once, after the routes are
//! collected ([`finish`]): the error body, the `X-Request-Id` header, and
//! the refusals any request may meet (a limit, a busy database, a failure).

use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use axum::Router;
use std::sync::{Arc, OnceLock};
use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::path::Operation;
use utoipa::openapi::security::{
    ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme,
};
use utoipa::openapi::{Content, OpenApi as Document, Ref, RefOr, Response, ResponseBuilder};
use utoipa::{Modify, OpenApi, PartialSchema, ToSchema};
use utoipa_axum::router::{OpenApiRouter, UtoipaMethodRouterExt};
use utoipa_axum::routes;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Tally",
        description = "A live competency matrix: boards, their matrices and figures, rounds, groups, \
            roles and gaps, who may answer, and a board's admin. The prose, with examples and the \
            rules behind each answer, is docs/API.md. The page's own server functions \
            (`POST /api/<name>`) are not part of this API and may change with the pages."
    ),
    modifiers(&Credentials),
    components(schemas(ErrorBody)),
    tags(
        (name = "boards", description = "Making a board, its figures, closing and reopening"),
        (name = "answers", description = "A respondent's own answers"),
        (name = "matrices", description = "Templates, and a board's own matrix"),
        (name = "rounds", description = "A board's rounds"),
        (name = "groups and roles", description = "Groups, their threshold, and a role's gaps"),
        (name = "access", description = "Who may answer, invitations and owners"),
        (name = "webhooks", description = "Where a board's events are sent, and what became of each delivery"),
        (name = "operations", description = "Health, readiness, metrics and this document"),
    )
)]
pub struct Outline;

/// Every JSON error the API sends.
#[derive(ToSchema)]
#[allow(dead_code)] // Only its schema is used: the body is written by `app::backend::http_error`.
pub struct ErrorBody {
    /// What was wrong, for people (English; may be reworded).
    error: String,
    /// Its stable name, for programs: docs/API.md lists them.
    #[schema(example = "unknown_board")]
    code: String,
    /// An invalid submission's or list's problems (`row`, `message`), or an
    /// invalid matrix's (`path`, a JSON pointer, and `message`).
    #[schema(value_type = Option<Vec<Object>>)]
    problems: Option<Vec<serde_json::Value>>,
}

/// The credentials an operation may take.
struct Credentials;

impl Modify for Credentials {
    fn modify(&self, document: &mut Document) {
        let components = document.components.get_or_insert_with(Default::default);
        let bearer = |description: &str| {
            let scheme = HttpBuilder::new().scheme(HttpAuthScheme::Bearer).description(Some(description)).build();
            SecurityScheme::Http(scheme)
        };
        let cookie = |name: &str, description: &str| {
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(name, description)))
        };
        components.add_security_scheme(
            "admin_key",
            bearer("The board's admin key (the `admin_key` its creation answered), or an owner's pass."),
        );
        components.add_security_scheme(
            "respondent",
            cookie("tally_respondent", "The respondent token: set by the first submission, or `POST /api/respondents`; `__Host-tally_respondent` under https."),
        );
        components.add_security_scheme(
            "session",
            cookie(
                "tally_session",
                "A signed-in person's session (OpenID Connect); `__Host-tally_session` under https.",
            ),
        );
        components.add_security_scheme("metrics_token", bearer("`TALLY_METRICS_TOKEN`, when it is set."));
    }
}

/// Adds what every operation shares: `X-Request-Id` on each response, and
/// the refusals any request may meet, each with the error body: a board
/// that does not exist, a missing (401) or wrong (403) admin key where one is needed,
/// a limit, a busy database, a failure.
fn finish(document: &mut Document) {
    for (path, item) in document.paths.paths.iter_mut() {
        let operations =
            [("get", &mut item.get), ("put", &mut item.put), ("post", &mut item.post), ("delete", &mut item.delete)];
        for (method, operation) in operations.into_iter().filter_map(|(m, o)| Some((m, o.as_mut()?))) {
            // The handlers' names repeat across files (`list`); ids must not.
            operation.operation_id = Some(operation_id(method, path));
            shared_responses(path.contains("{board}"), operation);
            if let Some(summary) = &mut operation.summary {
                *summary = without_the_route(summary);
            }
        }
    }
}

fn shared_responses(on_a_board: bool, operation: &mut Operation) {
    let admin_only = operation.security.as_ref().is_some_and(|ways| ways.iter().all(|way| asks_for(way, "admin_key")));
    let responses = &mut operation.responses.responses;
    if on_a_board {
        responses.entry("404".into()).or_insert_with(|| RefOr::T(error("No such board")));
    }
    if admin_only {
        let missing = "No admin key: send `Authorization: Bearer <key>` (`WWW-Authenticate: Bearer`)";
        responses.entry("401".into()).or_insert_with(|| RefOr::T(error(missing)));
        responses.entry("403".into()).or_insert_with(|| RefOr::T(error("Not this board's admin key")));
    }
    for (status, description) in [
        ("400", "The request could not be understood: the message says what was wrong"),
        ("429", "A limit was reached; `Retry-After` says when to try again"),
        ("500", "The server failed; the message quotes the request's id for its log"),
        ("503", "The database is busy; `Retry-After` says when to try again"),
    ] {
        responses.entry(status.to_string()).or_insert_with(|| RefOr::T(error(description)));
    }
    for response in responses.values_mut() {
        let RefOr::T(response) = response else { continue };
        let id = HeaderBuilder::new()
            .schema(String::schema())
            .description(Some("This request's id, as the server's log has it"))
            .build();
        response.headers.insert("X-Request-Id".into(), id);
        if response.description.contains("Retry-After") {
            let wait = HeaderBuilder::new().schema(u64::schema()).description(Some("Seconds to wait")).build();
            response.headers.insert("Retry-After".into(), wait);
        }
    }
}

/// `get_api_boards_board_stats` for `GET /api/boards/{board}/stats`.
fn operation_id(method: &str, path: &str) -> String {
    let words = path.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty());
    std::iter::once(method).chain(words).collect::<Vec<_>>().join("_")
}

/// A handler's first doc line without the route it starts with, which the
/// page already shows: "`POST /api/boards`: a new board…" → "A new board…".
fn without_the_route(summary: &str) -> String {
    let quoted = summary.strip_prefix('`').and_then(|rest| rest.split_once('`'));
    let Some((route, rest)) = quoted.filter(|(route, _)| route.starts_with(['G', 'P', 'D'])) else {
        return summary.to_string();
    };
    let rest = rest.trim_start_matches([':', ' ']);
    let mut letters = rest.chars();
    match letters.next() {
        Some(first) if route.contains(' ') => first.to_uppercase().chain(letters).collect(),
        _ => summary.to_string(),
    }
}

/// Whether a way to call an operation takes `scheme` (read from its JSON,
/// a map of scheme to scopes: utoipa keeps the map private).
fn asks_for(way: &SecurityRequirement, scheme: &str) -> bool {
    serde_json::to_value(way).is_ok_and(|map| map.get(scheme).is_some())
}

/// A response with the error body.
fn error(description: &str) -> Response {
    let body = Content::new(Some(Ref::from_schema_name("ErrorBody")));
    ResponseBuilder::new().description(description).content("application/json", body).build()
}

/// `GET /api/openapi.json`'s document, written once the routes are known.
#[derive(Clone, Default)]
struct Published(Arc<OnceLock<String>>);

/// The API's routes, and `GET /api/openapi.json` serving their document
/// (itself included) and `GET /api/docs` drawing it.
pub fn published<S: Clone + Send + Sync + 'static>(api: OpenApiRouter<S>) -> Router<S> {
    let published = Published::default();
    let api = api.routes(routes!(openapi_json).with_state(published.clone())).routes(routes!(super::docs_page::page));
    let (router, mut document) = api.split_for_parts();
    finish(&mut document);
    let text = document.to_pretty_json().expect("the document is JSON");
    published.0.set(text).expect("written once");
    router
}

/// This document.
#[utoipa::path(get, path = "/api/openapi.json", tag = "operations", responses(
    (status = 200, description = "The API's OpenAPI 3.1 document", body = Object),
))]
async fn openapi_json(State(published): State<Published>) -> impl IntoResponse {
    let text = published.0.get().cloned().unwrap_or_default();
    ([(header::CONTENT_TYPE, "application/json")], text)
}

#[cfg(test)]
mod tests {
    use super::without_the_route;

    #[test]
    fn a_summary_loses_the_route_it_starts_with_and_keeps_the_rest() {
        let said = without_the_route("`POST /api/boards`: a new board on a template.");
        assert_eq!(said, "A new board on a template.");
        assert_eq!(without_the_route("`GET /api/boards/{board}/export/{format}` with the key"), "With the key");
        assert_eq!(without_the_route("The figures, or what of them"), "The figures, or what of them");
        assert_eq!(without_the_route("`Path` holds it"), "`Path` holds it", "not a route");
    }

    #[test]
    fn an_operation_is_named_after_its_method_and_path() {
        assert_eq!(super::operation_id("get", "/api/boards/{board}/qr.svg"), "get_api_boards_board_qr_svg");
    }
}
