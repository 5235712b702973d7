//! Joining a board from across the room: the QR code a facilitator shows.

use super::extract::OnBoard;
use app::backend::use_cases::Tally;
use app::error::TallyError;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};

/// `GET /api/boards/{board}/qr.svg`: the board's address as a QR code.
/// Without `TALLY_PUBLIC_URL` the address is the one this request came to.
#[utoipa::path(get, path = "/{board}/qr.svg", tag = "boards", params(OnBoard), responses(
    (status = 200, description = "The board's address as a QR code", content((String = "image/svg+xml"))),
))]
pub async fn qr_code(
    State(tally): State<Tally>,
    Path(board): Path<String>,
    headers: HeaderMap,
) -> Result<Response, TallyError> {
    let svg = tally.join_qr(&board, &headers).await?;
    Ok(([(header::CONTENT_TYPE, "image/svg+xml")], svg).into_response())
}
