//! Matrices over the API: the built-in templates a board can start from,
//! and a board's own matrix as JSON or as a TOML file (the templates'
//! format, which `POST /api/boards` takes back as JSON unchanged).

use app::backend::use_cases::Tally;
use app::error::TallyError;
use app::matrix::Matrix;
use axum::extract::{Path, Query, State};
use axum::http::header;
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
    query: Result<Query<MatrixFormat>, axum::extract::rejection::QueryRejection>,
) -> Result<Response, TallyError> {
    let Query(MatrixFormat { format }) = query.map_err(|e| TallyError::BadRequest(e.body_text()))?;
    let matrix = tally.matrix(&board).await?;
    match format.as_deref().unwrap_or("json") {
        "json" => Ok(Json(&*matrix).into_response()),
        "toml" => {
            let text = toml::to_string(&*matrix)
                .map_err(|e| TallyError::Internal(format!("writing board '{board}' as TOML: {e}")))?;
            let disposition = format!("attachment; filename=\"{}.toml\"", matrix.id);
            let headers =
                [(header::CONTENT_TYPE, "application/toml".to_string()), (header::CONTENT_DISPOSITION, disposition)];
            Ok((headers, text).into_response())
        }
        other => Err(TallyError::BadRequest(format!("format '{other}' is not one of json, toml"))),
    }
}
