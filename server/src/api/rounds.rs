//! A board's rounds and settings over the API: the list of rounds, the
//! admin starting the next, the groups respondents choose from, who sees
//! the figures, and the QR code a facilitator shows so the room joins the
//! session.

use app::backend::client_addr::ClientAddr;
use app::backend::use_cases::reveal::RevealChange;
use app::backend::use_cases::Tally;
use app::error::TallyError;
use app::groups::GroupSettings;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use serde::Deserialize;

/// `GET /api/boards/{board}/rounds`: every round, oldest first.
pub async fn list(State(tally): State<Tally>, Path(board): Path<String>) -> Result<Response, TallyError> {
    Ok(Json(tally.rounds(&board).await?).into_response())
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct NewRound {
    /// What to call it ("2026 Q4"); "Round N" when left out.
    label: Option<String>,
}

/// `POST /api/boards/{board}/rounds` with the admin key: freezes the open
/// round and opens the next. An empty body is a round without a label.
pub async fn start(
    State(tally): State<Tally>,
    Path(board): Path<String>,
    Extension(client): Extension<ClientAddr>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, TallyError> {
    let NewRound { label } = super::optional_json(body, super::BODY_LIMIT)?;
    let round = tally.start_round(&super::caller(&tally, client, &headers), &board, label).await?;
    Ok((StatusCode::CREATED, Json(round)).into_response())
}

/// `GET /api/boards/{board}/groups`: the groups and the threshold.
pub async fn groups(State(tally): State<Tally>, Path(board): Path<String>) -> Result<Response, TallyError> {
    Ok(Json(tally.groups(&board).await?).into_response())
}

/// `PUT /api/boards/{board}/groups` with the admin key:
/// `{"groups": [...], "min_group_size": 3}`.
pub async fn set_groups(
    State(tally): State<Tally>,
    Path(board): Path<String>,
    Extension(client): Extension<ClientAddr>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, TallyError> {
    let settings: GroupSettings = super::parse_json(body, super::BODY_LIMIT)?;
    let settings = tally.set_groups(&super::caller(&tally, client, &headers), &board, settings).await?;
    Ok(Json(settings).into_response())
}

/// `PUT /api/boards/{board}/settings` with the admin key:
/// `{"reveal": "live" | "after_submit" | "facilitator", "revealed": bool}`,
/// either or both; answers with the settings now in force.
pub async fn set_reveal(
    State(tally): State<Tally>,
    Path(board): Path<String>,
    Extension(client): Extension<ClientAddr>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, TallyError> {
    let change: RevealChange = super::parse_json(body, super::BODY_LIMIT)?;
    let settings = tally.set_reveal(&super::caller(&tally, client, &headers), &board, change).await?;
    Ok(Json(settings).into_response())
}

/// `GET /api/boards/{board}/qr.svg`: the board's address as a QR code.
/// Without `TALLY_PUBLIC_URL` the address is the one this request came to.
pub async fn qr_code(
    State(tally): State<Tally>,
    Path(board): Path<String>,
    headers: HeaderMap,
) -> Result<Response, TallyError> {
    let svg = tally.join_qr(&board, &headers).await?;
    Ok(([(header::CONTENT_TYPE, "image/svg+xml")], svg).into_response())
}
