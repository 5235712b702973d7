//! A board's owners over the API (see `app::backend::use_cases::owners`),
//! with the board's admin key or an owner's pass; and the boards of the
//! signed-in caller.

use super::extract::{ApiCaller, JsonBody};
use app::backend::use_cases::Tally;
use app::error::TallyError;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewOwner {
    email: String,
}

/// `GET /api/boards/{board}/owners`: `[{"email", "signed_in"}]`.
pub async fn list(
    State(tally): State<Tally>,
    Path(board): Path<String>,
    ApiCaller(caller): ApiCaller,
) -> Result<Response, TallyError> {
    Ok(Json(tally.owners(&caller, &board).await?).into_response())
}

/// `POST /api/boards/{board}/owners` with `{"email"}`: `201` and the owners.
pub async fn add(
    State(tally): State<Tally>,
    Path(board): Path<String>,
    ApiCaller(caller): ApiCaller,
    JsonBody(NewOwner { email }): JsonBody<NewOwner>,
) -> Result<Response, TallyError> {
    Ok((StatusCode::CREATED, Json(tally.add_owner(&caller, &board, &email).await?)).into_response())
}

/// `DELETE /api/boards/{board}/owners/{email}`: the owners left.
pub async fn remove(
    State(tally): State<Tally>,
    Path((board, email)): Path<(String, String)>,
    ApiCaller(caller): ApiCaller,
) -> Result<Response, TallyError> {
    Ok(Json(tally.remove_owner(&caller, &board, &email).await?).into_response())
}

/// `GET /api/me/boards`: the boards the signed-in caller owns (each with a
/// link that manages it) and answered; `401` when not signed in.
pub async fn my_boards(State(tally): State<Tally>, ApiCaller(caller): ApiCaller) -> Result<Response, TallyError> {
    Ok(Json(tally.my_boards(&caller).await?).into_response())
}
