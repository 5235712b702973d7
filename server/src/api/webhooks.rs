//! A board's webhooks over the API (see `app::backend::use_cases::webhooks`),
//! with its admin key: endpoints, and the log of what was sent to them.

use super::extract::{ApiAdmin, JsonBody, OnBoard};
use app::backend::use_cases::Tally;
use app::error::TallyError;
use app::webhooks::{AddedWebhook, Delivery, NewWebhook, Webhook, WebhookLog};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;

/// `GET /api/boards/{board}/webhooks`: the endpoints (never their secrets).
#[utoipa::path(get, path = "/{board}/webhooks", tag = "webhooks", params(OnBoard), security(("admin_key" = [])),
    responses(
        (status = 200, description = "The board's endpoints, oldest first", body = Vec<Webhook>),
    ))]
pub async fn list(
    State(tally): State<Tally>,
    Path(board): Path<String>,
    ApiAdmin(caller): ApiAdmin,
) -> Result<Response, TallyError> {
    Ok(Json(tally.webhook_log(&caller, &board).await?.webhooks).into_response())
}

/// `POST /api/boards/{board}/webhooks`: `201`, the endpoint and its signing
/// secret (shown this once).
#[utoipa::path(post, path = "/{board}/webhooks", tag = "webhooks", params(OnBoard), security(("admin_key" = [])),
    request_body = NewWebhook,
    responses(
        (status = 201, description = "The endpoint, and its secret, shown this once", body = AddedWebhook),
        (status = 409, description = "The board has ten endpoints already", body = super::document::ErrorBody),
    ))]
pub async fn add(
    State(tally): State<Tally>,
    Path(board): Path<String>,
    ApiAdmin(caller): ApiAdmin,
    JsonBody(new): JsonBody<NewWebhook>,
) -> Result<Response, TallyError> {
    Ok((StatusCode::CREATED, Json(tally.add_webhook(&caller, &board, new).await?)).into_response())
}

/// `DELETE /api/boards/{board}/webhooks/{webhook}`: `204`; its pending deliveries fail.
#[utoipa::path(delete, path = "/{board}/webhooks/{webhook}", tag = "webhooks", security(("admin_key" = [])),
    params(OnBoard, ("webhook" = String, Path, description = "The endpoint's id")),
    responses(
        (status = 204, description = "Removed"),
        (status = 404, description = "No such endpoint on this board", body = super::document::ErrorBody),
    ))]
pub async fn remove(
    State(tally): State<Tally>,
    Path((board, webhook)): Path<(String, String)>,
    ApiAdmin(caller): ApiAdmin,
) -> Result<Response, TallyError> {
    tally.remove_webhook(&caller, &board, &webhook).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// `GET /api/boards/{board}/webhooks/deliveries`: the latest 50, newest first.
#[utoipa::path(get, path = "/{board}/webhooks/deliveries", tag = "webhooks", params(OnBoard),
    security(("admin_key" = [])),
    responses(
        (status = 200, description = "The latest deliveries, newest first", body = Vec<Delivery>),
    ))]
pub async fn deliveries(
    State(tally): State<Tally>,
    Path(board): Path<String>,
    ApiAdmin(caller): ApiAdmin,
) -> Result<Response, TallyError> {
    let WebhookLog { deliveries, .. } = tally.webhook_log(&caller, &board).await?;
    Ok(Json(deliveries).into_response())
}

/// `POST /api/boards/{board}/webhooks/deliveries/{delivery}/resend`: `202`,
/// the delivery, pending again.
#[utoipa::path(post, path = "/{board}/webhooks/deliveries/{delivery}/resend", tag = "webhooks",
    security(("admin_key" = [])),
    params(OnBoard, ("delivery" = i64, Path, description = "The delivery's id")),
    responses(
        (status = 202, description = "Queued to be sent again now", body = Delivery),
        (status = 404, description = "No such delivery on this board", body = super::document::ErrorBody),
        (status = 409, description = "Its endpoint was removed", body = super::document::ErrorBody),
    ))]
pub async fn resend(
    State(tally): State<Tally>,
    Path((board, delivery)): Path<(String, String)>,
    ApiAdmin(caller): ApiAdmin,
) -> Result<Response, TallyError> {
    let delivery = delivery.parse().map_err(|_| TallyError::BadRequest("delivery: must be a whole number".into()))?;
    Ok((StatusCode::ACCEPTED, Json(tally.resend_delivery(&caller, &board, delivery).await?)).into_response())
}
