//! A board's rounds over the API: the list, and the admin starting the next.

use super::extract::{ApiCaller, OptionalJson};
use app::backend::use_cases::Tally;
use app::error::TallyError;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;

/// `GET /api/boards/{board}/rounds`: every round, oldest first.
pub async fn list(
    State(tally): State<Tally>,
    Path(board): Path<String>,
    ApiCaller(caller): ApiCaller,
) -> Result<Response, TallyError> {
    Ok(Json(tally.rounds(&caller, &board).await?).into_response())
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct NewRound {
    /// What to call it ("2026 Q4"); "Round N" when left out.
    label: Option<String>,
}

/// `POST /api/boards/{board}/rounds` with the admin key: freezes the open
/// round and opens the next. An empty body is a round without a label.
pub async fn start(
    State(tally): State<Tally>,
    Path(board): Path<String>,
    ApiCaller(caller): ApiCaller,
    OptionalJson(NewRound { label }): OptionalJson<NewRound>,
) -> Result<Response, TallyError> {
    let round = tally.start_round(&caller, &board, label).await?;
    Ok((StatusCode::CREATED, Json(round)).into_response())
}
