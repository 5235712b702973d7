//! A board's rounds over the API: the list, and the admin starting the next.

use super::document::ErrorBody;
use super::extract::{ApiAdmin, ApiCaller, OnBoard, OptionalJson};
use app::backend::use_cases::Tally;
use app::error::TallyError;
use app::rounds::RoundInfo;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use utoipa::ToSchema;

/// `GET /api/boards/{board}/rounds`: every round, oldest first.
#[utoipa::path(get, path = "/{board}/rounds", tag = "rounds", params(OnBoard), responses(
    (status = 200, description = "Every round, oldest first", body = Vec<RoundInfo>),
    (status = 403, description = "A private board, to someone who may not see it", body = ErrorBody),
))]
pub async fn list(
    State(tally): State<Tally>,
    Path(board): Path<String>,
    ApiCaller(caller): ApiCaller,
) -> Result<Response, TallyError> {
    Ok(Json(tally.rounds(&caller, &board).await?).into_response())
}

#[derive(Deserialize, Default, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({ "label": "2026 Q4" }))]
pub struct NewRound {
    /// What to call it ("2026 Q4"); "Round N" when left out.
    #[schema(max_length = 80)]
    label: Option<String>,
}

/// `POST /api/boards/{board}/rounds` with the admin key: freezes the open
/// round and opens the next. An empty body is a round without a label.
#[utoipa::path(post, path = "/{board}/rounds", tag = "rounds", params(OnBoard), security(("admin_key" = [])),
    request_body(content = Option<NewRound>, description = "Optional: the new round's label"),
    responses(
        (status = 201, description = "The round now open", body = RoundInfo),
        (status = 409, description = "The board has had as many rounds as it may (`TALLY_MAX_ROUNDS`)", body = ErrorBody),
    ))]
pub async fn start(
    State(tally): State<Tally>,
    Path(board): Path<String>,
    ApiAdmin(caller): ApiAdmin,
    OptionalJson(NewRound { label }): OptionalJson<NewRound>,
) -> Result<Response, TallyError> {
    let round = tally.start_round(&caller, &board, label).await?;
    Ok((StatusCode::CREATED, Json(round)).into_response())
}
