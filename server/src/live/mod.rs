//! Live push: `GET /api/boards/{board}/live` upgrades to a WebSocket that
//! receives the board's latest figures whenever they change.
//!
//! [`hub`] turns each board's snapshots into ready-encoded frames, at most
//! one per interval, shared by every connection; [`socket`] runs one
//! connection: send the latest frame, keep the heartbeat, refuse client data.
//!
//! **Fan-out has threads of its own.** Connections and broadcasters run on a
//! separate runtime ([`runtime`], `TALLY_LIVE_THREADS`, half the cores by
//! default), not on the one that serves requests. On one runtime, a frame
//! for ten thousand sockets wakes ten thousand tasks, and a submission that
//! arrives meanwhile waits in the same queue behind all of them: its
//! acknowledgement took as long as a whole fan-out. With two runtimes the
//! operating system shares the cores between their threads, so requests get
//! their share however many sockets wait, and fan-out can use at most its
//! own threads: that is its CPU budget. Latest-wins frames (see [`hub`])
//! make a fan-out that takes longer than the interval cost latency, not
//! memory: each connection sends the newest frame when its turn comes.
//! Chosen over an interval that adapts to the fan-out's measured cost,
//! which would bound the CPU spent on frames but not where a submission
//! waits in the queue. Its threads also run at a lower priority (nice 5
//! above the process's own), so when the cores are short the operating
//! system runs a waiting request first: frames are latest-wins and lose
//! nothing by waiting, a person waiting for an acknowledgement does
//! (README, live push).

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
use axum::Extension;
use std::sync::Arc;
use tokio::runtime::Handle;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;
use viewer::Credentials;

/// Starts the runtime live connections run on, with `threads` workers; it
/// lives as long as the process (a runtime cannot be dropped from inside
/// another one, and there is nothing to gain from stopping it sooner).
pub fn runtime(threads: usize) -> std::io::Result<Handle> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(threads)
        .thread_name("tally-live")
        .on_thread_start(|| {
            // On Linux the nice value is per thread, and 0 means this one. A
            // new thread starts at its creator's value (the process's, which
            // may be niced itself); these go 5 below it, never above it.
            // SAFETY: getpriority and setpriority only read their arguments;
            // a failure leaves the thread at the process's priority, which
            // is still correct.
            unsafe {
                let own = libc::getpriority(libc::PRIO_PROCESS, 0);
                libc::setpriority(libc::PRIO_PROCESS, 0, (own + 5).min(19));
            }
        })
        .enable_all()
        .build()?;
    Ok(Box::leak(Box::new(runtime)).handle().clone())
}

pub fn router<S: Clone + Send + Sync + 'static>(hub: Hub) -> OpenApiRouter<S> {
    OpenApiRouter::new().routes(routes!(upgrade)).with_state(hub)
}

/// The board's figures as they change: a WebSocket (docs/API.md has the frames).
#[utoipa::path(get, path = "/{board}/live", tag = "boards",
    params(("board" = String, Path, description = "The board's public address or id")),
    security((), ("respondent" = []), ("admin_key" = [])),
    responses(
        (status = 101, description = "Upgraded to a WebSocket: one JSON frame per change of the figures"),
        (status = 403, description = "An origin that may not open live connections, or a board the caller may not see", body = crate::api::document::ErrorBody),
        (status = 404, description = "No such board", body = crate::api::document::ErrorBody),
        (status = 426, description = "Not a WebSocket upgrade"),
    ))]
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
    let (credentials, viewer) = Credentials::at_upgrade(hub.tally(), board.clone(), client.0, &headers).await?;
    // Counted from here: a board's channel stays while this is alive.
    let watcher = hub.watch(board);
    let (config, tasks) = (hub.config().clone(), hub.tasks().clone());
    Ok(ws
        // Small buffers: a live connection only ever receives; tungstenite's
        // default 128 KiB read buffer per connection would dominate memory.
        .read_buffer_size(config.read_buffer)
        .write_buffer_size(0)
        .max_message_size(config.max_client_message)
        .max_frame_size(config.max_client_message)
        .on_upgrade(move |ws| async move {
            socket::start(&tasks, ws, watcher, &config, viewer, credentials, (open, place.map(|p| p.0)));
        }))
}
