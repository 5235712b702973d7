//! Downloads over the API: a board's figures as CSV or a spreadsheet,
//! streamed a round at a time.

use super::extract::ApiCaller;
use app::backend::use_cases::Tally;
use app::error::TallyError;
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{header, Method};
use axum::response::{IntoResponse, Response};
use axum::Form;
use futures_util::StreamExt;
use serde::Deserialize;

#[derive(Deserialize)]
pub struct KeyForm {
    key: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportQuery {
    /// Only this round; every round when left out.
    round: Option<u32>,
}

/// `GET` with the admin key in `Authorization`, or `POST` with it in a form
/// field `key`: the admin panel's download buttons post a form, since a
/// plain link cannot carry a header.
pub async fn export(
    State(tally): State<Tally>,
    Path((board, format)): Path<(String, String)>,
    ApiCaller(mut caller): ApiCaller,
    method: Method,
    query: Result<Query<ExportQuery>, QueryRejection>,
    form: Result<Form<KeyForm>, FormRejection>,
) -> Result<Response, TallyError> {
    let Query(ExportQuery { round }) = query.map_err(|e| TallyError::BadRequest(e.body_text()))?;
    if method == Method::POST {
        let Form(KeyForm { key }) =
            form.map_err(|e| TallyError::BadRequest(format!("expected a form with the admin key: {}", e.body_text())))?;
        caller.admin_key = Some(key);
    }
    let download = tally.export(&caller, &board, &format, round).await?;
    let disposition = format!("attachment; filename=\"{}\"", download.filename);
    let headers =
        [(header::CONTENT_TYPE, download.content_type.to_string()), (header::CONTENT_DISPOSITION, disposition)];
    // A failure after the first bytes can only cut the file short; it is logged.
    let body = download.body.inspect(|chunk| {
        if let Err(error) = chunk {
            tracing::error!(%error, "an export stopped part way");
        }
    });
    Ok((headers, axum::body::Body::from_stream(body)).into_response())
}
