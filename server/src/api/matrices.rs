//! Matrices over the API: the built-in templates a board can start from,
//! a board's own matrix as JSON or as a TOML file (the templates' format,
//! which `POST /api/boards` takes back as JSON unchanged), and its admin's
//! edits. A board's matrix carries its revision as an `ETag`; an edit sent
//! with `If-Match` applies only to that revision.

use super::extract::{ApiCaller, JsonBody};
use app::backend::engine::BoardMatrix;
use app::backend::use_cases::Tally;
use app::backend::{matrix_body, matrix_file};
use app::error::TallyError;
use app::matrix::Matrix;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::{Deserialize, Serialize};

/// `GET /api/templates` and `GET /api/templates/{id}`.
pub fn templates<S>(tally: Tally) -> Router<S> {
    Router::new().route("/", get(list)).route("/{id}", get(one)).with_state(tally)
}

/// What the template gallery shows of one.
#[derive(Serialize)]
struct TemplateSummary {
    /// What `POST /api/boards` takes as `matrix`.
    id: String,
    title: String,
    description: String,
    /// How many rows, across all categories.
    rows: usize,
    /// How many levels (columns).
    levels: usize,
}

async fn list(State(tally): State<Tally>) -> Json<Vec<TemplateSummary>> {
    let summary = |m: &Matrix| TemplateSummary {
        id: m.id.clone(),
        title: m.title.clone(),
        description: m.description.clone(),
        rows: m.rows().count(),
        levels: m.levels.len(),
    };
    Json(tally.templates().iter().map(|m| summary(m)).collect())
}

async fn one(State(tally): State<Tally>, Path(id): Path<String>) -> Result<Response, TallyError> {
    let template = tally.template(&id).map_err(|_| TallyError::UnknownTemplate(id.clone()))?;
    Ok(Json(&*template).into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatrixFormat {
    /// `json` (the default) or `toml`.
    format: Option<String>,
}

/// `GET /api/boards/{board}/matrix[?format=toml]`.
pub async fn board_matrix(
    State(tally): State<Tally>,
    Path(board): Path<String>,
    ApiCaller(caller): ApiCaller,
    query: Result<Query<MatrixFormat>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, TallyError> {
    let Query(MatrixFormat { format }) = query.map_err(|e| TallyError::BadRequest(e.body_text()))?;
    let BoardMatrix { matrix, rev, .. } = tally.matrix(&caller, &board).await?;
    let etag = [(header::ETAG, format!("\"{rev}\""))];
    match format.as_deref().unwrap_or("json") {
        "json" => Ok((etag, Json(&*matrix)).into_response()),
        "toml" => {
            let text = matrix_file::write(&matrix)?;
            let disposition = format!("attachment; filename=\"{}.toml\"", matrix.id);
            let headers =
                [(header::CONTENT_TYPE, "application/toml".to_string()), (header::CONTENT_DISPOSITION, disposition)];
            Ok((etag, headers, text).into_response())
        }
        other => Err(TallyError::BadRequest(format!("format '{other}' is not one of json, toml"))),
    }
}

/// `PUT /api/boards/{board}/matrix` with the admin key: replaces the
/// board's matrix; answers with the board's figures and the new `ETag`.
pub async fn edit_matrix(
    State(tally): State<Tally>,
    Path(board): Path<String>,
    ApiCaller(caller): ApiCaller,
    headers: HeaderMap,
    JsonBody(value): JsonBody<serde_json::Value>,
) -> Result<Response, TallyError> {
    let base = match headers.get(header::IF_MATCH) {
        Some(value) => Some(revision(value)?),
        None => None,
    };
    let stats = tally.edit_matrix(&caller, &board, matrix_body::decode(value)?, base).await?;
    let etag = [(header::ETAG, format!("\"{}\"", stats.matrix_rev))];
    Ok((etag, Json(&*stats)).into_response())
}

/// The revision in an `If-Match` header: `"12"` (or `12`, `W/"12"`).
fn revision(value: &HeaderValue) -> Result<u64, TallyError> {
    let text = value.to_str().unwrap_or_default().trim();
    let bare = text.trim_start_matches("W/").trim_matches('"');
    bare.parse().map_err(|_| {
        let shown: String = text.chars().take(40).collect();
        TallyError::BadRequest(format!(
            "If-Match '{shown}' is not a matrix revision (send the ETag of GET /api/boards/{{board}}/matrix)"
        ))
    })
}
