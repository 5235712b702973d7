//! Boards over the API: making one, closing and reopening it.

use super::extract::{ApiCaller, JsonBody};
use app::backend::matrix_body;
use app::backend::use_cases::boards::{MatrixChoice, NewBoard};
use app::backend::use_cases::Tally;
use app::error::TallyError;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::json;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewBoardBody {
    /// A template's id, or a whole matrix.
    matrix: serde_json::Value,
    slug: Option<String>,
    title: Option<String>,
}

/// `POST /api/boards`: a new board on a template or a matrix of its own.
pub async fn create(
    State(tally): State<Tally>,
    ApiCaller(caller): ApiCaller,
    JsonBody(NewBoardBody { matrix, slug, title }): JsonBody<NewBoardBody>,
) -> Result<Response, TallyError> {
    let matrix = match matrix {
        serde_json::Value::String(id) => MatrixChoice::Template(id),
        value @ serde_json::Value::Object(_) => MatrixChoice::Custom(matrix_body::decode(value)?),
        _ => return Err(TallyError::BadRequest("matrix must be a template's id or a matrix object".into())),
    };
    let created = tally.create_board(&caller, NewBoard { matrix, slug, title }).await?;
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
pub async fn close_or_reopen(
    State(tally): State<Tally>,
    Path((board, action)): Path<(String, String)>,
    ApiCaller(caller): ApiCaller,
) -> Result<Response, TallyError> {
    let closed = match action.as_str() {
        "close" => true,
        "reopen" => false,
        _ => return Ok(StatusCode::NOT_FOUND.into_response()),
    };
    Ok(Json(&*tally.set_closed(&caller, &board, closed).await?).into_response())
}
