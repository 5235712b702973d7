//! A board's owners over the API (see `app::backend::use_cases::owners`),
//! with the board's admin key or an owner's pass; and the boards of the
//! signed-in caller.

use super::document::ErrorBody;
use super::extract::{ApiAdmin, ApiCaller, JsonBody, OnBoard};
use app::backend::use_cases::Tally;
use app::error::TallyError;
use app::my_boards::{MyBoards, Owner};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use utoipa::ToSchema;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({ "email": "lead@example.org" }))]
pub struct NewOwner {
    /// Whoever signs in with this (provider-verified) address owns the board.
    email: String,
}

/// `GET /api/boards/{board}/owners`: `[{"email", "signed_in"}]`.
#[utoipa::path(get, path = "/{board}/owners", tag = "access", params(OnBoard), security(("admin_key" = [])),
    responses(
        (status = 200, description = "The board's owners", body = Vec<Owner>),
    ))]
pub async fn list(
    State(tally): State<Tally>,
    Path(board): Path<String>,
    ApiAdmin(caller): ApiAdmin,
) -> Result<Response, TallyError> {
    Ok(Json(tally.owners(&caller, &board).await?).into_response())
}

/// `POST /api/boards/{board}/owners` with `{"email"}`: `201` and the owners.
#[utoipa::path(post, path = "/{board}/owners", tag = "access", params(OnBoard), security(("admin_key" = [])),
    request_body = NewOwner,
    responses(
        (status = 201, description = "The owners, the new one included", body = Vec<Owner>),
    ))]
pub async fn add(
    State(tally): State<Tally>,
    Path(board): Path<String>,
    ApiAdmin(caller): ApiAdmin,
    JsonBody(NewOwner { email }): JsonBody<NewOwner>,
) -> Result<Response, TallyError> {
    Ok((StatusCode::CREATED, Json(tally.add_owner(&caller, &board, &email).await?)).into_response())
}

/// `DELETE /api/boards/{board}/owners/{email}`: the owners left.
#[utoipa::path(delete, path = "/{board}/owners/{email}", tag = "access", security(("admin_key" = [])),
    params(OnBoard, ("email" = String, Path, description = "The owner's address, as added")),
    responses(
        (status = 200, description = "The owners left", body = Vec<Owner>),
    ))]
pub async fn remove(
    State(tally): State<Tally>,
    Path((board, email)): Path<(String, String)>,
    ApiAdmin(caller): ApiAdmin,
) -> Result<Response, TallyError> {
    Ok(Json(tally.remove_owner(&caller, &board, &email).await?).into_response())
}

/// `GET /api/me/boards`: the boards the signed-in caller owns (each with a
/// link that manages it) and answered; `401` when not signed in.
#[utoipa::path(get, path = "/boards", tag = "access", security(("session" = [])), responses(
    (status = 200, description = "The boards the caller owns and answered", body = MyBoards),
    (status = 401, description = "Not signed in", body = ErrorBody),
))]
pub async fn my_boards(State(tally): State<Tally>, ApiCaller(caller): ApiCaller) -> Result<Response, TallyError> {
    Ok(Json(tally.my_boards(&caller).await?).into_response())
}
