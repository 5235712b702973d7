//! Boards over the API: making one, closing and reopening it.

use super::document::ErrorBody;
use super::extract::{ApiAdmin, ApiCaller, JsonBody, OnBoard};
use app::backend::matrix_body;
use app::backend::use_cases::boards::{MatrixChoice, NewBoard};
use app::backend::use_cases::Tally;
use app::error::TallyError;
use app::stats::Stats;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({ "matrix": "programmer", "slug": "team-a", "title": "Team A, 2026" }))]
pub struct NewBoardBody {
    /// A template's id (`GET /api/templates`), or a whole matrix.
    #[schema(schema_with = template_or_matrix)]
    matrix: serde_json::Value,
    /// A public address (`/b/<slug>`); without one the board is private.
    slug: Option<String>,
    /// The board's title; the matrix's when left out.
    title: Option<String>,
}

fn template_or_matrix() -> utoipa::openapi::schema::Schema {
    let template = utoipa::openapi::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::String)
        .description(Some("A template's id"));
    utoipa::openapi::schema::OneOfBuilder::new()
        .item(template)
        .item(utoipa::openapi::Ref::from_schema_name("Matrix"))
        .build()
        .into()
}

/// A new board, and its admin's credentials: shown this once.
#[derive(Serialize, ToSchema)]
pub struct CreatedBoard {
    id: String,
    /// Where people answer it.
    url: String,
    private: bool,
    title: String,
    /// Send as `Authorization: Bearer <admin_key>` to manage the board.
    admin_key: String,
    /// The board's page with the key in its fragment: the admin panel.
    admin_url: String,
}

/// `POST /api/boards`: a new board on a template or a matrix of its own.
#[utoipa::path(post, path = "/", tag = "boards", request_body = NewBoardBody, responses(
    (status = 201, description = "The board, and its admin key (shown this once)", body = CreatedBoard),
    (status = 404, description = "No such template", body = ErrorBody),
    (status = 409, description = "The address is taken", body = ErrorBody),
    (status = 413, description = "The body is larger than 512 KiB", body = ErrorBody),
    (status = 422, description = "The matrix breaks a rule; `problems` has each, at its path", body = ErrorBody),
))]
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
    let reply = CreatedBoard {
        url: created.url(),
        admin_url: created.admin_url(),
        id: created.info.id,
        private: created.info.private,
        title: created.info.title,
        admin_key: created.admin_key,
    };
    Ok((StatusCode::CREATED, Json(reply)).into_response())
}

/// `POST /api/boards/{board}/close`: submissions are refused from now on;
/// the figures stay visible.
#[utoipa::path(post, path = "/{board}/close", tag = "boards", params(OnBoard), security(("admin_key" = [])),
    responses(
        (status = 200, description = "The figures, now with `closed: true`", body = Stats),
    ))]
pub async fn close(state: State<Tally>, board: Path<String>, caller: ApiAdmin) -> Result<Response, TallyError> {
    set_closed(state, board, caller, true).await
}

/// `POST /api/boards/{board}/reopen`: submissions are taken again.
#[utoipa::path(post, path = "/{board}/reopen", tag = "boards", params(OnBoard), security(("admin_key" = [])),
    responses(
        (status = 200, description = "The figures, now with `closed: false`", body = Stats),
    ))]
pub async fn reopen(state: State<Tally>, board: Path<String>, caller: ApiAdmin) -> Result<Response, TallyError> {
    set_closed(state, board, caller, false).await
}

async fn set_closed(
    State(tally): State<Tally>,
    Path(board): Path<String>,
    ApiAdmin(caller): ApiAdmin,
    closed: bool,
) -> Result<Response, TallyError> {
    Ok(Json(&*tally.set_closed(&caller, &board, closed).await?).into_response())
}
