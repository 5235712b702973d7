//! A board's settings over the API: the groups respondents choose from,
//! and who sees the figures.

use super::extract::{ApiAdmin, JsonBody, OnBoard};
use app::backend::use_cases::reveal::RevealChange;
use app::backend::use_cases::Tally;
use app::error::TallyError;
use app::groups::GroupSettings;
use app::reveal::RevealSettings;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::Json;

/// `GET /api/boards/{board}/groups`: the groups and the threshold.
#[utoipa::path(get, path = "/{board}/groups", tag = "groups and roles", params(OnBoard), responses(
    (status = 200, description = "The groups respondents choose from, and the threshold", body = GroupSettings),
))]
pub async fn groups(State(tally): State<Tally>, Path(board): Path<String>) -> Result<Response, TallyError> {
    Ok(Json(tally.groups(&board).await?).into_response())
}

/// `PUT /api/boards/{board}/groups` with the admin key:
/// `{"groups": [...], "min_group_size": 3}`.
#[utoipa::path(put, path = "/{board}/groups", tag = "groups and roles", params(OnBoard), security(("admin_key" = [])),
    request_body = GroupSettings,
    responses(
        (status = 200, description = "The settings now in force", body = GroupSettings),
    ))]
pub async fn set_groups(
    State(tally): State<Tally>,
    Path(board): Path<String>,
    ApiAdmin(caller): ApiAdmin,
    JsonBody(settings): JsonBody<GroupSettings>,
) -> Result<Response, TallyError> {
    Ok(Json(tally.set_groups(&caller, &board, settings).await?).into_response())
}

/// `PUT /api/boards/{board}/settings` with the admin key:
/// `{"reveal": "live" | "after_submit" | "facilitator", "revealed": bool}`,
/// either or both; answers with the settings now in force.
#[utoipa::path(put, path = "/{board}/settings", tag = "boards", params(OnBoard), security(("admin_key" = [])),
    request_body = RevealChange,
    responses(
        (status = 200, description = "The settings now in force", body = RevealSettings),
    ))]
pub async fn set_reveal(
    State(tally): State<Tally>,
    Path(board): Path<String>,
    ApiAdmin(caller): ApiAdmin,
    JsonBody(change): JsonBody<RevealChange>,
) -> Result<Response, TallyError> {
    Ok(Json(tally.set_reveal(&caller, &board, change).await?).into_response())
}
