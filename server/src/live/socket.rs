//! One live connection: the latest frame whenever it changes, a ping every
//! `ping_every`, and a close when the client misses two pongs or sends
//! anything but a credential (`ClientMessage`, at most
//! [`MAX_CLIENT_MESSAGES`]), or when the server shuts down (1001, going
//! away: the board's frames end). A credential that holds makes the
//! connection send the figures its viewer may now see, at once.
//!
//! Sending a frame is the hot path, ten thousand times per frame on a busy
//! board, so it does as little as possible: reading runs in its own task
//! (polling the read half on every outgoing frame would cost a buffer fill),
//! shutdown arrives through the frames rather than as a wait of its own, and
//! frames are polled first, since nearly every wake-up is for one.

use super::hub::{LiveConfig, Watcher};
use super::viewer::{Credentials, Refusal};
use crate::connection_cap::Admitted;
use app::backend::limits::SocketGuard;
use app::backend::metrics;
use app::live_message::LiveMessage;
use app::reveal::Viewer;
use axum::extract::ws::{close_code, CloseFrame, Message, WebSocket};
use futures_util::stream::{SplitSink, SplitStream};
use futures_util::{SinkExt, StreamExt};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::runtime::Handle;
use tokio::sync::Notify;
use tokio::task::JoinHandle;
use tokio::time::Interval;

/// Credentials a client may send on one connection; a page sends one or
/// two (its pass, the admin key), so more is abuse.
pub const MAX_CLIENT_MESSAGES: u32 = 16;

/// The sending half of a live connection.
type Sink = SplitSink<WebSocket, Message>;

/// What the reading task shares with the sending loop: one small
/// allocation per connection (a channel would cost a block of slots each).
#[derive(Default)]
struct FromClient {
    /// Pings sent and not answered yet.
    unanswered_pings: AtomicU32,
    /// What the client's credentials have done since the loop last looked.
    heard: Mutex<Heard>,
    /// Wakes the sending loop when `heard` changed.
    news: Notify,
}

#[derive(Default)]
struct Heard {
    /// Who the client has proved to be, if that changed.
    viewer: Option<Viewer>,
    /// A credential that did not hold, to be said back.
    refused: Option<&'static str>,
}

/// What a connection holds until it ends: its places under the per-address
/// and per-server connection caps.
pub type Places = (SocketGuard, Option<Arc<Admitted>>);

/// Starts one connection on `tasks` (the live runtime). The set-up runs
/// here, before the connection's task exists, so that the task keeps only
/// what its loop uses: an async function keeps its arguments for its whole
/// life, and every byte of the task is paid once per open connection (the
/// task is about 800 bytes smaller than one that received the socket:
/// README, live push).
pub fn start(
    tasks: &Handle,
    ws: WebSocket,
    watcher: Watcher,
    config: &LiveConfig,
    viewer: Viewer,
    credentials: Credentials,
    places: Places,
) {
    let (sink, stream) = ws.split();
    let from_client = Arc::new(FromClient::default());
    let reader = tasks.spawn(read(stream, from_client.clone(), viewer, credentials));
    let connection = Connection { sink, watcher, viewer, from_client, reader, _places: places };
    tasks.spawn(connection.run(config.ping_every));
}

/// What one connection's sending loop owns.
struct Connection {
    sink: Sink,
    /// Its place among the board's watchers: the board's channel stays while it lives.
    watcher: Watcher,
    /// Who the client has proved to be so far.
    viewer: Viewer,
    /// What the reading task has heard.
    from_client: Arc<FromClient>,
    /// The reading task; aborted when the loop ends first.
    reader: JoinHandle<Option<Message>>,
    /// Let go when the connection ends.
    _places: Places,
}

impl Connection {
    async fn run(mut self, ping_every: Duration) {
        let channel = self.watcher.channel().clone();
        let mut frames = channel.frames();
        let mut heartbeat = tokio::time::interval(ping_every);
        heartbeat.tick().await; // the first tick is immediate
        let sink = &mut self.sink;

        frames.borrow_and_update();
        // What this connection last sent: (version, watching, with figures). The
        // first frame may be encoded for this connection alone, ahead of the
        // broadcaster; a later frame that is older or says the same again (also
        // when watchers came and went within one interval) is skipped, so
        // versions never go back and no message repeats.
        let first = channel.current();
        let (text, whole) = first.for_viewer(&self.viewer);
        let mut sent = (first.version, first.watching, whole);
        if send_or_drop(sink, &mut heartbeat, Message::Text(text.clone())).await.is_err() {
            self.reader.abort();
            return;
        }
        loop {
            tokio::select! {
                biased;
                changed = frames.changed() => {
                    if changed.is_err() {
                        let _ = send_or_drop(sink, &mut heartbeat, close(close_code::AWAY, "the server is shutting down")).await;
                        break;
                    }
                    let (text, published, said) = {
                        let frame = frames.borrow_and_update();
                        let (text, whole) = frame.for_viewer(&self.viewer);
                        (text.clone(), frame.published, (frame.version, frame.watching, whole))
                    };
                    if said.0 < sent.0 || said == sent { continue }
                    sent = said;
                    if send_or_drop(sink, &mut heartbeat, Message::Text(text)).await.is_err() { break }
                    channel.fan_out.record(published.elapsed());
                }
                _ = self.from_client.news.notified() => {
                    let Heard { viewer: proved, refused } = std::mem::take(&mut *self.from_client.heard.lock().unwrap_or_else(|e| e.into_inner()));
                    if let Some(reason) = refused {
                        let said = serde_json::to_string(&LiveMessage::Refused { message: reason.to_string() }).expect("a refusal serialises");
                        if send_or_drop(sink, &mut heartbeat, Message::Text(said.into())).await.is_err() { break }
                    }
                    let Some(now) = proved else { continue };
                    self.viewer = now;
                    // The same version again, now with the figures if they may be seen.
                    let frame = channel.current();
                    let (text, whole) = frame.for_viewer(&self.viewer);
                    if frame.version < sent.0 || (frame.version, frame.watching, whole) == sent { continue }
                    sent = (frame.version, frame.watching, whole);
                    if send_or_drop(sink, &mut heartbeat, Message::Text(text.clone())).await.is_err() { break }
                }
                _ = heartbeat.tick() => {
                    if self.from_client.unanswered_pings.fetch_add(1, Ordering::Relaxed) >= 2 {
                        let _ = send_or_drop(sink, &mut heartbeat, close(close_code::AWAY, "no pong received")).await;
                        break;
                    }
                    if send_or_drop(sink, &mut heartbeat, Message::Ping(Default::default())).await.is_err() { break }
                }
                ended = &mut self.reader => {
                    if let Ok(Some(reason)) = ended {
                        let _ = send_or_drop(sink, &mut heartbeat, reason).await;
                    }
                    return;
                }
            }
        }
        self.reader.abort();
    }
}

/// Sends `message`, or gives up when the heartbeat ticks twice while the
/// send waits: a client that stops reading fills the kernel's buffer, and
/// then a send would wait for ever and the heartbeat never run. Such a
/// connection is dropped (no close frame could reach it) and counted. The
/// heartbeat's own timer is the deadline, so a send costs no timer of its
/// own; nearly every send finishes on its first poll, before the heartbeat
/// is even looked at.
async fn send_or_drop(sink: &mut Sink, heartbeat: &mut Interval, message: Message) -> Result<(), ()> {
    let mut send = std::pin::pin!(sink.send(message));
    let mut ticks = 0;
    loop {
        tokio::select! {
            biased;
            sent = &mut send => return sent.map_err(drop),
            _ = heartbeat.tick() => {
                ticks += 1;
                if ticks == 2 {
                    metrics::slow_client_dropped();
                    return Err(());
                }
            }
        }
    }
}

/// Reads until the client leaves or breaks the protocol; returns the close
/// frame to answer a violation with. Credentials are checked here, off the
/// sending loop, and what they prove is handed over in `from_client`.
async fn read(
    mut stream: SplitStream<WebSocket>,
    from_client: Arc<FromClient>,
    mut viewer: Viewer,
    credentials: Credentials,
) -> Option<Message> {
    let mut messages = 0;
    loop {
        match stream.next().await {
            Some(Ok(Message::Pong(_))) => from_client.unanswered_pings.store(0, Ordering::Relaxed),
            Some(Ok(Message::Ping(_))) => {} // tungstenite answers pings itself
            Some(Ok(Message::Text(text))) if messages < MAX_CLIENT_MESSAGES => {
                messages += 1;
                // Boxed: the check's future (a database look-up for an admin
                // key) would otherwise sit inside every connection's reader.
                let checked = Box::pin(credentials.check(viewer, &text)).await;
                let mut heard = from_client.heard.lock().unwrap_or_else(|e| e.into_inner());
                match checked {
                    Ok(now) => (viewer, heard.viewer) = (now, Some(now)),
                    Err(Refusal::Wrong(reason)) => heard.refused = Some(reason),
                    Err(Refusal::Malformed) => {
                        return Some(close(close_code::POLICY, "clients may send only {\"pass\"} or {\"admin\"}"))
                    }
                }
                from_client.news.notify_one();
            }
            Some(Ok(Message::Text(_))) => return Some(close(close_code::POLICY, "too many messages")),
            Some(Ok(Message::Binary(_))) => return Some(close(close_code::POLICY, "clients may not send binary data")),
            // A frame over the size limit arrives as an error: a policy violation too.
            Some(Err(_)) => return Some(close(close_code::POLICY, "frame too large or malformed")),
            Some(Ok(Message::Close(_))) | None => return None,
        }
    }
}

fn close(code: u16, reason: &'static str) -> Message {
    Message::Close(Some(CloseFrame { code, reason: reason.into() }))
}
