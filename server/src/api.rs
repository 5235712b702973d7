//! The public JSON API (see docs/API.md): the second door onto the use
//! cases (`app::backend::use_cases`), beside the page's server functions.
//! Handlers only decode a request into a caller and arguments, call one use
//! case, and encode its outcome; errors become responses in one place
//! (`app::backend::http_error`).

use app::backend::client_addr::ClientAddr;
use app::backend::respondent;
use app::backend::submission_body::SubmissionBody;
use app::backend::use_cases::boards::NewBoard;
use app::backend::use_cases::{Caller, Tally};
use app::error::TallyError;
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, FormRejection};
use axum::extract::{DefaultBodyLimit, Path, State};
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Form};
use axum::{Json, Router};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::json;

/// The largest request body the API reads, documented in docs/API.md.
pub const BODY_LIMIT: usize = 64 * 1024;

pub fn router<S>(tally: Tally) -> Router<S> {
    Router::new()
        .route("/", post(create_board))
        .route("/{board}/matrix", get(matrix))
        .route("/{board}/stats", get(stats))
        .route("/{board}/submissions", post(submit))
        .route("/{board}/{action}", post(close_or_reopen))
        .route("/{board}/export/{format}", get(export).post(export))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(tally)
}

/// The caller as an API request presents them: address, the respondent
/// cookie if any, and the admin key from `Authorization: Bearer <key>`.
fn caller(client: ClientAddr, headers: &HeaderMap) -> Caller {
    let admin_key = bearer(headers).map(|key| key.trim().to_string());
    Caller { ip: Some(client.0), respondent: respondent::from_cookie(headers), admin_key }
}

/// The token of `Authorization: Bearer <token>`, as sent.
pub fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).and_then(|v| v.strip_prefix("Bearer "))
}

async fn matrix(State(tally): State<Tally>, Path(board): Path<String>) -> Result<Response, TallyError> {
    Ok(Json(&*tally.matrix(&board).await?).into_response())
}

async fn stats(State(tally): State<Tally>, Path(board): Path<String>) -> Result<Response, TallyError> {
    Ok(Json(&*tally.stats(&board).await?).into_response())
}

async fn submit(
    State(tally): State<Tally>,
    Path(board): Path<String>,
    Extension(client): Extension<ClientAddr>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, TallyError> {
    let body = SubmissionBody::decode(&read(body)?)?;
    let mut caller = caller(client, &headers);
    caller.respondent = body.respondent.clone().or(caller.respondent);
    let submitted = tally.submit(&caller, &board, body.raw_answers()).await?;
    let mut response = Json(&submitted.receipt).into_response();
    if submitted.issued {
        response.headers_mut().insert(header::SET_COOKIE, respondent::set_cookie(&submitted.receipt.respondent));
    }
    Ok(response)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewBoardBody {
    matrix: String,
    slug: Option<String>,
    title: Option<String>,
}

async fn create_board(
    State(tally): State<Tally>,
    Extension(client): Extension<ClientAddr>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, TallyError> {
    let NewBoardBody { matrix, slug, title } = parse_json(body)?;
    let created = tally.create_board(&caller(client, &headers), NewBoard { matrix, slug, title }).await?;
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
    Ok(Json(&*tally.set_closed(&caller(client, &headers), &board, closed).await?).into_response())
}

#[derive(Deserialize)]
struct KeyForm {
    key: String,
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
    form: Result<Form<KeyForm>, FormRejection>,
) -> Result<Response, TallyError> {
    let mut caller = caller(client, &headers);
    if method == Method::POST {
        let Form(KeyForm { key }) =
            form.map_err(|e| TallyError::BadRequest(format!("expected a form with the admin key: {}", e.body_text())))?;
        caller.admin_key = Some(key);
    }
    let download = tally.export(&caller, &board, &format).await?;
    let disposition = format!("attachment; filename=\"{}\"", download.filename);
    let headers =
        [(header::CONTENT_TYPE, download.content_type.to_string()), (header::CONTENT_DISPOSITION, disposition)];
    Ok((headers, download.body).into_response())
}

/// The body's bytes, or a 4xx saying why they could not be read.
fn read(body: Result<Bytes, BytesRejection>) -> Result<Bytes, TallyError> {
    body.map_err(|rejection| match rejection.status() {
        StatusCode::PAYLOAD_TOO_LARGE => TallyError::TooLarge(BODY_LIMIT),
        _ => TallyError::BadRequest(format!("could not read the request body: {}", rejection.body_text())),
    })
}

/// Reads a JSON body, turning every way it can be wrong into a 4xx that says what.
fn parse_json<T: DeserializeOwned>(body: Result<Bytes, BytesRejection>) -> Result<T, TallyError> {
    serde_json::from_slice(&read(body)?).map_err(|e| TallyError::BadRequest(format!("invalid JSON body: {e}")))
}
