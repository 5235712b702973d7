//! The public JSON API (see docs/API.md): the second door onto the use
//! cases (`app::backend::use_cases`), beside the page's server functions.
//! Handlers only decode a request into a caller and arguments, call one use
//! case, and encode its outcome; errors become responses in one place
//! (`app::backend::http_error`).

use app::backend::client_addr::ClientAddr;
use app::backend::matrix_body;
use app::backend::submission_body::SubmissionBody;
use app::backend::use_cases::boards::{MatrixChoice, NewBoard};
use app::backend::use_cases::{Caller, Tally};
use app::error::TallyError;
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, FormRejection, QueryRejection};
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post, put};
use axum::{Extension, Form};
use axum::{Json, Router};
use futures_util::StreamExt;
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::json;

mod matrices;
mod rounds;

pub use matrices::templates;

/// The largest request body the API reads, documented in docs/API.md.
pub const BODY_LIMIT: usize = 64 * 1024;
/// A body that carries a whole matrix (a new board's, a matrix edit).
pub const MATRIX_LIMIT: usize = 512 * 1024;

/// The editor's server functions, which carry a whole matrix.
const EDITOR_FUNCTIONS: [&str; 5] =
    ["/api/check_matrix", "/api/import_matrix", "/api/export_matrix", "/api/create_custom_board", "/api/edit_matrix"];

/// The largest body a request may carry: a new board's, a matrix edit's
/// and the editor's may hold a matrix.
pub fn body_limit(method: &Method, path: &str) -> usize {
    let path = path.trim_end_matches('/');
    let new_board = method == Method::POST && path == "/api/boards";
    let matrix_edit = method == Method::PUT && path.starts_with("/api/boards/") && path.ends_with("/matrix");
    let editor = method == Method::POST && EDITOR_FUNCTIONS.contains(&path);
    if new_board || matrix_edit || editor {
        MATRIX_LIMIT
    } else {
        BODY_LIMIT
    }
}

pub fn router<S>(tally: Tally) -> Router<S> {
    Router::new()
        .route("/", post(create_board).layer(DefaultBodyLimit::max(MATRIX_LIMIT)))
        .route(
            "/{board}/matrix",
            get(matrices::board_matrix).put(matrices::edit_matrix).layer(DefaultBodyLimit::max(MATRIX_LIMIT)),
        )
        .route("/{board}/stats", get(stats))
        .route("/{board}/rounds", get(rounds::list).post(rounds::start))
        .route("/{board}/groups", get(rounds::groups).put(rounds::set_groups))
        .route("/{board}/settings", put(rounds::set_reveal))
        .route("/{board}/qr.svg", get(rounds::qr_code))
        .route("/{board}/respondents/me", delete(withdraw))
        .route("/{board}/submissions", post(submit))
        .route("/{board}/{action}", post(close_or_reopen))
        .route("/{board}/export/{format}", get(export).post(export))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(tally)
}

/// `POST /api/respondents`: a respondent token to answer with.
pub fn respondents<S>(tally: Tally) -> Router<S> {
    Router::new().route("/", post(issue_respondent)).with_state(tally)
}

async fn issue_respondent(
    State(tally): State<Tally>,
    Extension(client): Extension<ClientAddr>,
    headers: HeaderMap,
) -> Result<Response, TallyError> {
    let token = tally.issue_respondent(&caller(&tally, client, &headers))?;
    Ok((StatusCode::CREATED, Json(json!({ "respondent": token.as_str() }))).into_response())
}

/// The caller as an API request presents them: address, the respondent
/// cookie if any, and the admin key from `Authorization: Bearer <key>`.
fn caller(tally: &Tally, client: ClientAddr, headers: &HeaderMap) -> Caller {
    let admin_key = bearer(headers).map(|key| key.trim().to_string());
    Caller { ip: Some(client.0), respondent: tally.respondent_cookie(headers), admin_key }
}

/// The token of `Authorization: Bearer <token>`, as sent.
pub fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).and_then(|v| v.strip_prefix("Bearer "))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StatsQuery {
    /// A round's number; the open round when left out.
    round: Option<u32>,
    /// One of the board's groups; everyone when left out.
    group: Option<String>,
}

/// The figures, or what of them the caller may see: the respondent cookie
/// of someone who answered, or the admin key, may show what a board hides.
async fn stats(
    State(tally): State<Tally>,
    Path(board): Path<String>,
    Extension(client): Extension<ClientAddr>,
    headers: HeaderMap,
    query: Result<Query<StatsQuery>, QueryRejection>,
) -> Result<Response, TallyError> {
    let Query(StatsQuery { round, group }) = query.map_err(|e| TallyError::BadRequest(e.body_text()))?;
    let caller = caller(&tally, client, &headers);
    match group {
        Some(group) => Ok(Json(tally.group_stats(&caller, &board, round, &group).await?).into_response()),
        None => Ok(Json(tally.stats(&caller, &board, round).await?).into_response()),
    }
}

async fn submit(
    State(tally): State<Tally>,
    Path(board): Path<String>,
    Extension(client): Extension<ClientAddr>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, TallyError> {
    let body = SubmissionBody::decode(&read(body, BODY_LIMIT)?)?;
    let mut caller = caller(&tally, client, &headers);
    caller.respondent = body.respondent.clone().or(caller.respondent);
    let group = body.group.clone();
    let submitted = tally.submit(&caller, &board, body.raw_answers(), group).await?;
    let receipt = &submitted.receipt;
    let reply = json!({
        "version": receipt.version,
        "round": receipt.round,
        "respondent": submitted.token.as_str(),
        "pass": submitted.pass,
    });
    let mut response = Json(reply).into_response();
    if submitted.issued {
        response.headers_mut().insert(header::SET_COOKIE, tally.respondents.set_cookie(&submitted.token));
    }
    Ok(response)
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Withdrawal {
    /// The respondent token, when not sent as the cookie.
    respondent: Option<String>,
    /// `current` (the default) or `all`.
    rounds: Option<String>,
}

/// `DELETE /api/boards/{board}/respondents/me`: the caller's answers taken
/// out of the open round, or of every round with `{"rounds": "all"}`.
pub async fn withdraw(
    State(tally): State<Tally>,
    Path(board): Path<String>,
    Extension(client): Extension<ClientAddr>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, TallyError> {
    let Withdrawal { respondent, rounds } = optional_json(body, BODY_LIMIT)?;
    let every_round = match rounds.as_deref() {
        None | Some("current") => false,
        Some("all") => true,
        Some(other) => {
            let shown: String = other.chars().take(20).collect();
            return Err(TallyError::BadRequest(format!("rounds must be \"current\" or \"all\", not '{shown}'")));
        }
    };
    let mut caller = caller(&tally, client, &headers);
    caller.respondent = respondent.or(caller.respondent);
    let withdrawn = tally.withdraw(&caller, &board, every_round).await?;
    Ok(Json(json!({ "withdrawn_rounds": withdrawn })).into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewBoardBody {
    /// A template's id, or a whole matrix.
    matrix: serde_json::Value,
    slug: Option<String>,
    title: Option<String>,
}

async fn create_board(
    State(tally): State<Tally>,
    Extension(client): Extension<ClientAddr>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, TallyError> {
    let NewBoardBody { matrix, slug, title } = parse_json(body, MATRIX_LIMIT)?;
    let matrix = match matrix {
        serde_json::Value::String(id) => MatrixChoice::Template(id),
        value @ serde_json::Value::Object(_) => MatrixChoice::Custom(matrix_body::decode(value)?),
        _ => return Err(TallyError::BadRequest("matrix must be a template's id or a matrix object".into())),
    };
    let created = tally.create_board(&caller(&tally, client, &headers), NewBoard { matrix, slug, title }).await?;
    let reply = json!({
        "id": created.info.id,
        "url": created.url(),
        "private": created.info.private,
        "title": created.info.title,
        "admin_key": created.admin_key,
        "admin_url": created.admin_url(),
    });
    Ok((StatusCode::CREATED, Json(reply)).into_response())
}

/// `POST /{board}/close` and `POST /{board}/reopen`.
async fn close_or_reopen(
    State(tally): State<Tally>,
    Path((board, action)): Path<(String, String)>,
    Extension(client): Extension<ClientAddr>,
    headers: HeaderMap,
) -> Result<Response, TallyError> {
    let closed = match action.as_str() {
        "close" => true,
        "reopen" => false,
        _ => return Ok(StatusCode::NOT_FOUND.into_response()),
    };
    Ok(Json(&*tally.set_closed(&caller(&tally, client, &headers), &board, closed).await?).into_response())
}

#[derive(Deserialize)]
struct KeyForm {
    key: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExportQuery {
    /// Only this round; every round when left out.
    round: Option<u32>,
}

/// `GET` with the admin key in `Authorization`, or `POST` with it in a form
/// field `key`: the admin panel's download buttons post a form, since a
/// plain link cannot carry a header.
async fn export(
    State(tally): State<Tally>,
    Path((board, format)): Path<(String, String)>,
    Extension(client): Extension<ClientAddr>,
    method: Method,
    headers: HeaderMap,
    query: Result<Query<ExportQuery>, QueryRejection>,
    form: Result<Form<KeyForm>, FormRejection>,
) -> Result<Response, TallyError> {
    let Query(ExportQuery { round }) = query.map_err(|e| TallyError::BadRequest(e.body_text()))?;
    let mut caller = caller(&tally, client, &headers);
    if method == Method::POST {
        let Form(KeyForm { key }) =
            form.map_err(|e| TallyError::BadRequest(format!("expected a form with the admin key: {}", e.body_text())))?;
        caller.admin_key = Some(key);
    }
    let download = tally.export(&caller, &board, &format, round).await?;
    let disposition = format!("attachment; filename=\"{}\"", download.filename);
    let headers =
        [(header::CONTENT_TYPE, download.content_type.to_string()), (header::CONTENT_DISPOSITION, disposition)];
    // A failure after the first bytes can only cut the file short; it is logged.
    let body = download.body.inspect(|chunk| {
        if let Err(error) = chunk {
            tracing::error!(%error, "an export stopped part way");
        }
    });
    Ok((headers, axum::body::Body::from_stream(body)).into_response())
}

/// The body's bytes, or a 4xx saying why they could not be read; `limit`
/// is the route's, for the message.
fn read(body: Result<Bytes, BytesRejection>, limit: usize) -> Result<Bytes, TallyError> {
    body.map_err(|rejection| match rejection.status() {
        StatusCode::PAYLOAD_TOO_LARGE => TallyError::TooLarge(limit),
        _ => TallyError::BadRequest(format!("could not read the request body: {}", rejection.body_text())),
    })
}

/// A JSON body that may be left out: an empty one is `T::default()`.
fn optional_json<T: DeserializeOwned + Default>(
    body: Result<Bytes, BytesRejection>,
    limit: usize,
) -> Result<T, TallyError> {
    let bytes = read(body, limit)?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(T::default());
    }
    serde_json::from_slice(&bytes).map_err(|e| TallyError::BadRequest(format!("invalid JSON body: {e}")))
}

/// Reads a JSON body, turning every way it can be wrong into a 4xx that says what.
fn parse_json<T: DeserializeOwned>(body: Result<Bytes, BytesRejection>, limit: usize) -> Result<T, TallyError> {
    serde_json::from_slice(&read(body, limit)?).map_err(|e| TallyError::BadRequest(format!("invalid JSON body: {e}")))
}
