//! Downloads over the API: a board's figures as CSV or a spreadsheet,
//! streamed a round at a time.

use super::document::ErrorBody;
use super::extract::{ApiAdmin, FormAdmin, KeyForm, OnBoard};
use app::backend::use_cases::admin::Download;
use app::backend::use_cases::{Caller, Tally};
use app::error::TallyError;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt;
use serde::Deserialize;
use utoipa::IntoParams;

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ExportQuery {
    /// Only this round; every round when left out.
    round: Option<u32>,
}

/// `GET /api/boards/{board}/export/{format}`: the board's aggregates as
/// JSON or CSV, with the admin key in `Authorization`.
#[utoipa::path(get, path = "/{board}/export/{format}", tag = "boards", security(("admin_key" = [])),
    params(OnBoard, Format, ExportQuery),
    responses(
        (status = 200, description = "The aggregates per round, group, row and level (docs/API.md has the columns)", content(
            (Object = "application/json"), (String = "text/csv"),
        )),
        (status = 404, description = "No such board or round", body = ErrorBody),
    ))]
pub async fn export_with_header(
    State(tally): State<Tally>,
    Path((board, format)): Path<(String, String)>,
    ApiAdmin(caller): ApiAdmin,
    query: Result<Query<ExportQuery>, QueryRejection>,
) -> Result<Response, TallyError> {
    download(&tally, &caller, &board, &format, query).await
}

/// The same with the key in a form field `key`: the admin panel's download
/// buttons post a form, since a plain link cannot carry a header.
#[utoipa::path(post, path = "/{board}/export/{format}", tag = "boards", params(OnBoard, Format, ExportQuery),
    request_body(content = KeyForm, content_type = "application/x-www-form-urlencoded"),
    responses(
        (status = 200, description = "As with GET", content((Object = "application/json"), (String = "text/csv"))),
        (status = 403, description = "Not this board's admin key", body = ErrorBody),
        (status = 404, description = "No such board or round", body = ErrorBody),
    ))]
pub async fn export_with_form(
    State(tally): State<Tally>,
    Path((board, format)): Path<(String, String)>,
    query: Result<Query<ExportQuery>, QueryRejection>,
    FormAdmin(caller): FormAdmin,
) -> Result<Response, TallyError> {
    download(&tally, &caller, &board, &format, query).await
}

/// `{format}`, for the document.
#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)] // Read with `Path`; this only describes it.
pub struct Format {
    /// `json` or `csv`.
    #[param(pattern = "^(json|csv)$")]
    pub(super) format: String,
}

async fn download(
    tally: &Tally,
    caller: &Caller,
    board: &str,
    format: &str,
    query: Result<Query<ExportQuery>, QueryRejection>,
) -> Result<Response, TallyError> {
    let Query(ExportQuery { round }) = query.map_err(|e| TallyError::BadRequest(e.body_text()))?;
    Ok(attachment(tally.export(caller, board, format, round).await?))
}

/// A download as a file to save, streamed.
pub(super) fn attachment(download: Download) -> Response {
    let disposition = format!("attachment; filename=\"{}\"", download.filename);
    let headers =
        [(header::CONTENT_TYPE, download.content_type.to_string()), (header::CONTENT_DISPOSITION, disposition)];
    // A failure after the first bytes can only cut the file short; it is logged.
    let body = download.body.inspect(|chunk| {
        if let Err(error) = chunk {
            tracing::error!(%error, "a download stopped part way");
        }
    });
    (headers, axum::body::Body::from_stream(body)).into_response()
}
