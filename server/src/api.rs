//! The public JSON API (see docs/API.md). Handlers only translate HTTP to
//! engine calls and back; the rules live in the engine, shared with the page.

use app::engine::Engine;
use app::error::TallyError;
use app::rate_limit::Limits;
use app::respondent;
use app::submission_body::SubmissionBody;
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, FormRejection};
use axum::extract::{ConnectInfo, DefaultBodyLimit, Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Form;
use axum::{Json, Router};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::json;
use std::net::SocketAddr;
use std::sync::Arc;

/// The largest request body the API reads, documented in docs/API.md.
pub const BODY_LIMIT: usize = 64 * 1024;

/// What the handlers share.
#[derive(Clone)]
struct Api {
    engine: Engine,
    limits: Arc<Limits>,
}

pub fn router<S>(engine: Engine, limits: Arc<Limits>) -> Router<S> {
    Router::new()
        .route("/", post(create_board))
        .route("/{board}/matrix", get(matrix))
        .route("/{board}/stats", get(stats))
        .route("/{board}/submissions", post(submit))
        .route("/{board}/close", post(close))
        .route("/{board}/reopen", post(reopen))
        .route("/{board}/export/{format}", get(export_requested).post(export_posted))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(Api { engine, limits })
}

async fn matrix(State(Api { engine, .. }): State<Api>, Path(board): Path<String>) -> Result<Response, TallyError> {
    Ok(Json(&*engine.board(&board).await?.matrix).into_response())
}

async fn stats(State(Api { engine, .. }): State<Api>, Path(board): Path<String>) -> Result<Response, TallyError> {
    Ok(Json(&*engine.board(&board).await?.stats()).into_response())
}

async fn submit(
    State(Api { engine, limits }): State<Api>,
    Path(board): Path<String>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, TallyError> {
    engine.board(&board).await?;
    let body = SubmissionBody::decode(&read(body)?)?;
    let (respondent, issued) = match &body.respondent {
        Some(id) if respondent::is_valid_id(id) => (id.clone(), false),
        Some(_) => {
            return Err(TallyError::BadRequest(
                "respondent must be 16-64 characters of A-Z, a-z, 0-9, '-' or '_'".into(),
            ))
        }
        None => match respondent::from_cookie(&headers) {
            Some(id) => (id, false),
            None => (respondent::new_id(), true),
        },
    };
    limits.submission(Some(peer.ip()), &respondent)?;
    let receipt = engine.submit(&board, &respondent, body.raw_answers()).await?;
    let mut response = Json(receipt).into_response();
    if issued {
        response.headers_mut().insert(header::SET_COOKIE, respondent::set_cookie(&respondent));
    }
    Ok(response)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewBoard {
    matrix: String,
    slug: Option<String>,
    title: Option<String>,
}

async fn create_board(
    State(Api { engine, .. }): State<Api>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, TallyError> {
    let body: NewBoard = parse_json(body)?;
    let (info, key) = engine.create_board(&body.matrix, body.slug, body.title).await?;
    let url = format!("/b/{}", info.id);
    let reply = json!({
        "id": info.id,
        "url": url,
        "private": info.private,
        "title": info.title,
        "admin_key": key,
        "admin_url": format!("{url}#admin={key}"),
    });
    Ok((StatusCode::CREATED, Json(reply)).into_response())
}

/// The admin key from `Authorization: Bearer <key>`.
fn admin_key(headers: &HeaderMap) -> Result<&str, TallyError> {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .ok_or_else(|| TallyError::Forbidden("send the board's admin key as 'Authorization: Bearer <key>'".into()))
}

async fn close(
    State(Api { engine, .. }): State<Api>,
    Path(board): Path<String>,
    headers: HeaderMap,
) -> Result<Response, TallyError> {
    Ok(Json(&*engine.set_closed(&board, admin_key(&headers)?, true).await?).into_response())
}

async fn reopen(
    State(Api { engine, .. }): State<Api>,
    Path(board): Path<String>,
    headers: HeaderMap,
) -> Result<Response, TallyError> {
    Ok(Json(&*engine.set_closed(&board, admin_key(&headers)?, false).await?).into_response())
}

/// The admin panel's download buttons post the key in a form, since a plain
/// link cannot carry an Authorization header.
#[derive(Deserialize)]
struct KeyForm {
    key: String,
}

async fn export_posted(
    State(Api { engine, .. }): State<Api>,
    Path((board, format)): Path<(String, String)>,
    form: Result<Form<KeyForm>, FormRejection>,
) -> Result<Response, TallyError> {
    let Form(KeyForm { key }) =
        form.map_err(|e| TallyError::BadRequest(format!("expected a form with the admin key: {}", e.body_text())))?;
    export(&engine, &board, &format, &key).await
}

async fn export_requested(
    State(Api { engine, .. }): State<Api>,
    Path((board, format)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, TallyError> {
    export(&engine, &board, &format, admin_key(&headers)?).await
}

/// Aggregates only, with the matrix's names: never anyone's answers.
async fn export(engine: &Engine, board: &str, format: &str, key: &str) -> Result<Response, TallyError> {
    let board = engine.authorize(board, key).await?;
    let report = crate::export::Report::new(&board);
    let filename = format!("attachment; filename=\"tally-{}.{format}\"", board.info.id);
    let (content_type, body) = match format {
        "json" => ("application/json", serde_json::to_string_pretty(&report).expect("reports serialise")),
        "csv" => ("text/csv; charset=utf-8", report.csv()),
        _ => {
            return Err(TallyError::BadRequest(format!(
                "unknown export format '{}' (use json or csv)",
                format.chars().take(20).collect::<String>()
            )))
        }
    };
    Ok(([(header::CONTENT_TYPE, content_type.to_string()), (header::CONTENT_DISPOSITION, filename)], body)
        .into_response())
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
