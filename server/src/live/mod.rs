//! Live push: `GET /api/boards/{board}/live` upgrades to a WebSocket that
//! receives the board's latest figures whenever they change.
//!
//! [`hub`] turns each board's snapshots into ready-encoded frames, at most
//! one per interval, shared by every connection; [`socket`] runs one
//! connection: send the latest frame, keep the heartbeat, refuse client data.

mod hub;
mod socket;
mod viewer;

pub use hub::{Hub, LiveConfig};

use crate::connection_cap::Admitted;
use app::backend::client_addr::ClientAddr;
use app::error::TallyError;
use axum::extract::{ws::WebSocketUpgrade, Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Extension, Router};
use std::sync::Arc;
use viewer::Credentials;

pub fn router<S>(hub: Hub) -> Router<S> {
    Router::new().route("/{board}/live", get(upgrade)).with_state(hub)
}

async fn upgrade(
    State(hub): State<Hub>,
    place: Option<Extension<Arc<Admitted>>>,
    Path(board): Path<String>,
    Extension(client): Extension<ClientAddr>,
    headers: HeaderMap,
    ws: WebSocketUpgrade,
) -> Result<Response, TallyError> {
    if !hub.origins().allows(&headers) {
        let origin = headers.get(header::ORIGIN).and_then(|o| o.to_str().ok()).unwrap_or("?");
        return Ok((StatusCode::FORBIDDEN, format!("origin {origin} may not open live connections")).into_response());
    }
    let board = hub.board(&board).await?;
    let open = hub.limits().socket(client.0)?;
    let (credentials, viewer) = Credentials::at_upgrade(hub.tally(), board.clone(), &headers).await?;
    // Counted from here: a board's channel stays while this is alive.
    let watcher = hub.watch(board);
    let config = hub.config().clone();
    Ok(ws
        // Small buffers: a live connection only ever receives; tungstenite's
        // default 128 KiB read buffer per connection would dominate memory.
        .read_buffer_size(config.read_buffer)
        .write_buffer_size(0)
        .max_message_size(config.max_client_message)
        .max_frame_size(config.max_client_message)
        .on_upgrade(move |ws| async move {
            socket::serve(ws, watcher, config, viewer, credentials).await;
            drop((open, place));
        }))
}
