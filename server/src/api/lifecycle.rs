//! The end of a board's data and who touched it: deleting a board, its
//! audit trail, and a respondent's own data.

use super::document::ErrorBody;
use super::export::{attachment, Format};
use super::extract::{ApiAdmin, ApiCaller, FormAdmin, KeyForm, OnBoard};
use app::audit::AuditEntry;
use app::backend::use_cases::personal_data::MyData;
use app::backend::use_cases::Tally;
use app::error::TallyError;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;

/// `DELETE /api/boards/{board}`: `204`; the board and every row of it are
/// gone, open pages are told, and the board answers `410` from then on.
#[utoipa::path(delete, path = "/{board}", tag = "boards", params(OnBoard), security(("admin_key" = [])),
    responses(
        (status = 204, description = "Deleted, with every round, answer, invitation, owner, webhook and audit entry"),
        (status = 404, description = "No such board", body = ErrorBody),
        (status = 410, description = "Already deleted", body = ErrorBody),
    ))]
pub async fn delete_board(
    State(tally): State<Tally>,
    Path(board): Path<String>,
    ApiAdmin(caller): ApiAdmin,
) -> Result<Response, TallyError> {
    tally.delete_board(&caller, &board).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// `GET /api/boards/{board}/audit`: the newest 200 admin actions, newest first.
#[utoipa::path(get, path = "/{board}/audit", tag = "boards", params(OnBoard), security(("admin_key" = [])),
    responses(
        (status = 200, description = "What was done, when and with which credential", body = Vec<AuditEntry>),
        (status = 404, description = "No such board", body = ErrorBody),
    ))]
pub async fn audit(
    State(tally): State<Tally>,
    Path(board): Path<String>,
    ApiAdmin(caller): ApiAdmin,
) -> Result<Response, TallyError> {
    Ok(Json(tally.audit_trail(&caller, &board).await?).into_response())
}

/// `GET /api/boards/{board}/audit/{format}`: the whole trail as a file,
/// oldest first.
#[utoipa::path(get, path = "/{board}/audit/{format}", tag = "boards", params(OnBoard, Format),
    security(("admin_key" = [])),
    responses(
        (status = 200, description = "Every entry: at (UTC), action, credential, owner_email, detail", content(
            (Vec<AuditEntry> = "application/json"), (String = "text/csv"),
        )),
        (status = 400, description = "Not json or csv", body = ErrorBody),
    ))]
pub async fn audit_download_with_header(
    State(tally): State<Tally>,
    Path((board, format)): Path<(String, String)>,
    ApiAdmin(caller): ApiAdmin,
) -> Result<Response, TallyError> {
    Ok(attachment(tally.audit_download(&caller, &board, &format).await?))
}

/// The same with the key in a form field `key`, for the admin panel's button.
#[utoipa::path(post, path = "/{board}/audit/{format}", tag = "boards", params(OnBoard, Format),
    request_body(content = KeyForm, content_type = "application/x-www-form-urlencoded"),
    responses(
        (status = 200, description = "As with GET", content((Vec<AuditEntry> = "application/json"), (String = "text/csv"))),
        (status = 403, description = "Not this board's admin key", body = ErrorBody),
    ))]
pub async fn audit_download_with_form(
    State(tally): State<Tally>,
    Path((board, format)): Path<(String, String)>,
    FormAdmin(caller): FormAdmin,
) -> Result<Response, TallyError> {
    Ok(attachment(tally.audit_download(&caller, &board, &format).await?))
}

/// `GET /api/boards/{board}/respondents/me`: everything the board holds
/// about the caller (their respondent cookie, or their invitation), as a
/// file to keep.
#[utoipa::path(get, path = "/{board}/respondents/me", tag = "answers", params(OnBoard),
    security((), ("respondent" = []), ("session" = [])),
    responses(
        (status = 200, description = "Their answers in every round, with when, group and role", body = MyData),
        (status = 403, description = "The board's access rule keeps the caller out", body = ErrorBody),
        (status = 404, description = "No such board", body = ErrorBody),
    ))]
pub async fn my_data(
    State(tally): State<Tally>,
    Path(board): Path<String>,
    ApiCaller(caller): ApiCaller,
) -> Result<Response, TallyError> {
    let data = tally.my_data(&caller, &board).await?;
    let disposition = format!("attachment; filename=\"tally-{}-my-data.json\"", data.board);
    Ok(([(axum::http::header::CONTENT_DISPOSITION, disposition)], Json(data)).into_response())
}
