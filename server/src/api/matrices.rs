//! Matrices over the API: the built-in templates a board can start from,
//! a board's own matrix as JSON, as a TOML file (the templates' format,
//! which `POST /api/boards` takes back as JSON unchanged) or as a
//! spreadsheet (CSV or `.xlsx`), a file of any of these read back into
//! JSON, and the admin's edits. A board's matrix carries its revision as an `ETag`; an edit sent
//! with `If-Match` applies only to that revision.

use super::document::ErrorBody;
use super::extract::{ApiAdmin, ApiCaller, JsonBody, OnBoard, RawBody};
use app::backend::engine::BoardMatrix;
use app::backend::use_cases::Tally;
use app::backend::{matrix_body, matrix_file, spreadsheet};
use app::error::TallyError;
use app::matrix::Matrix;
use app::stats::Stats;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// `GET /api/templates` and `GET /api/templates/{id}`.
pub fn templates<S: Clone + Send + Sync + 'static>(tally: Tally) -> OpenApiRouter<S> {
    OpenApiRouter::new().routes(routes!(list)).routes(routes!(one)).with_state(tally)
}

/// `POST /api/matrices/read`.
pub fn reader<S: Clone + Send + Sync + 'static>() -> OpenApiRouter<S> {
    OpenApiRouter::new().routes(routes!(read)).layer(axum::extract::DefaultBodyLimit::max(super::MATRIX_LIMIT))
}

/// What the template gallery shows of one.
#[derive(Serialize, ToSchema)]
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

#[utoipa::path(get, path = "", tag = "matrices", responses(
    (status = 200, description = "The templates a board can start from", body = Vec<TemplateSummary>),
))]
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

#[utoipa::path(get, path = "/{id}", tag = "matrices",
    params(("id" = String, Path, description = "The template's id"), MatrixFormat),
    responses(
        (status = 200, description = "The template's matrix, translations included (a spreadsheet holds its own language only)",
            content((Matrix = "application/json"), (String = "application/toml"), (String = "text/csv"),
                (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),
        (status = 404, description = "No such template", body = ErrorBody),
    ))]
async fn one(
    State(tally): State<Tally>,
    Path(id): Path<String>,
    query: Result<Query<MatrixFormat>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, TallyError> {
    let Query(MatrixFormat { format }) = query.map_err(|e| TallyError::BadRequest(e.body_text()))?;
    let template = tally.template(&id).map_err(|_| TallyError::UnknownTemplate(id.clone()))?;
    as_file(&template, format.as_deref())
}

/// `POST /api/matrices/read` with a matrix file as the body, its kind in
/// `Content-Type`: the matrix as JSON, checked, to send to `POST
/// /api/boards` or `PUT …/matrix`.
#[utoipa::path(post, path = "/read", tag = "matrices",
    request_body(description = "A matrix file: a spreadsheet in the layout docs/API.md describes, TOML or JSON",
        content((String = "text/csv"), (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            (String = "application/toml"), (Matrix = "application/json"))),
    responses(
        (status = 200, description = "The matrix the file holds, with ids made from titles where it has none", body = Matrix),
        (status = 413, description = "The body is larger than 512 KiB", body = ErrorBody),
        (status = 422, description = "The matrix breaks a rule; in a spreadsheet each problem's `path` is its cell (`Matrix!C5`)", body = ErrorBody),
    ))]
async fn read(headers: HeaderMap, RawBody(body): RawBody) -> Result<Response, TallyError> {
    let kind = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default();
    let matrix = match (spreadsheet::Format::named(kind), kind.split(';').next().unwrap_or_default().trim()) {
        (Some(format), _) => spreadsheet::read(format, &body)?,
        (None, "application/toml" | "application/json") => {
            matrix_body::checked(matrix_file::read(&String::from_utf8_lossy(&body))?)?
        }
        (None, other) => {
            let shown: String = other.chars().take(80).collect();
            return Err(TallyError::BadRequest(format!(
                "Content-Type '{shown}' is not one of text/csv, {}, application/toml, application/json",
                spreadsheet::XLSX_TYPE
            )));
        }
    };
    Ok(Json(matrix).into_response())
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct MatrixFormat {
    /// `json` (the default), `toml`, `csv` or `xlsx`.
    #[param(pattern = "^(json|toml|csv|xlsx)$")]
    format: Option<String>,
}

/// `GET /api/boards/{board}/matrix[?format=toml]`.
#[utoipa::path(get, path = "/{board}/matrix", tag = "matrices", params(OnBoard, MatrixFormat), responses(
    (status = 200, description = "The board's matrix as written, translations included",
        content((Matrix = "application/json"), (String = "application/toml"), (String = "text/csv"),
            (Vec<u8> = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")),
        headers(("ETag" = String, description = "The matrix's revision, for `If-Match` on an edit"))),
    (status = 403, description = "A private board, to someone who may not see it", body = ErrorBody),
))]
pub async fn board_matrix(
    State(tally): State<Tally>,
    Path(board): Path<String>,
    ApiCaller(caller): ApiCaller,
    query: Result<Query<MatrixFormat>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, TallyError> {
    let Query(MatrixFormat { format }) = query.map_err(|e| TallyError::BadRequest(e.body_text()))?;
    let BoardMatrix { matrix, rev, .. } = tally.matrix(&caller, &board).await?;
    let etag = [(header::ETAG, format!("\"{rev}\""))];
    Ok((etag, as_file(&matrix, format.as_deref())?).into_response())
}

/// The matrix as JSON, or as a file of `format` to save.
fn as_file(matrix: &Matrix, format: Option<&str>) -> Result<Response, TallyError> {
    let (media_type, bytes) = match format.unwrap_or("json") {
        "json" => return Ok(Json(matrix).into_response()),
        "toml" => ("application/toml", matrix_file::write(matrix)?.into_bytes()),
        other => match spreadsheet::Format::from_extension(other) {
            Some(sheet) => (sheet.media_type(), spreadsheet::write(sheet, matrix)?),
            None => {
                let shown: String = other.chars().take(20).collect();
                return Err(TallyError::BadRequest(format!("format '{shown}' is not one of json, toml, csv, xlsx")));
            }
        },
    };
    let extension = format.unwrap_or_default();
    let disposition = format!("attachment; filename=\"{}.{extension}\"", matrix.id);
    let headers = [(header::CONTENT_TYPE, media_type.to_string()), (header::CONTENT_DISPOSITION, disposition)];
    Ok((headers, bytes).into_response())
}

/// `PUT /api/boards/{board}/matrix` with the admin key: replaces the
/// board's matrix; answers with the board's figures and the new `ETag`.
#[utoipa::path(put, path = "/{board}/matrix", tag = "matrices", security(("admin_key" = [])),
    params(OnBoard, ("If-Match" = Option<String>, Header, description = "The `ETag` the edit was made on: refused with 409 if another edit came first")),
    request_body = Matrix,
    responses(
        (status = 200, description = "The board's figures", body = Stats,
            headers(("ETag" = String, description = "The new revision"))),
        (status = 409, description = "Edited by someone else since `If-Match`, or rows or levels changed after answers", body = ErrorBody),
        (status = 413, description = "The body is larger than 512 KiB", body = ErrorBody),
        (status = 422, description = "The matrix breaks a rule; `problems` has each, at its path", body = ErrorBody),
    ))]
pub async fn edit_matrix(
    State(tally): State<Tally>,
    Path(board): Path<String>,
    ApiAdmin(caller): ApiAdmin,
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
