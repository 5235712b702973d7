//! One live connection: the latest frame whenever it changes, a ping every
//! `ping_every`, and a close when the client misses two pongs or sends data
//! (this protocol only flows from server to client), or when the server
//! shuts down (1001, going away: the board's frames end).
//!
//! Sending a frame is the hot path, ten thousand times per frame on a busy
//! board, so it does as little as possible: reading runs in its own task
//! (polling the read half on every outgoing frame would cost a buffer fill),
//! shutdown arrives through the frames rather than as a wait of its own, and
//! frames are polled first, since nearly every wake-up is for one.

use super::hub::{Channel, LiveConfig};
use app::backend::metrics;
use axum::extract::ws::{close_code, CloseFrame, Message, WebSocket};
use futures_util::stream::{SplitSink, SplitStream};
use futures_util::{SinkExt, StreamExt};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Arc;
use tokio::time::Interval;

/// The sending half of a live connection.
type Sink = SplitSink<WebSocket, Message>;

pub async fn serve(ws: WebSocket, channel: Arc<Channel>, config: LiveConfig) {
    let _watcher = channel.watch();
    let mut frames = channel.frames();
    let (mut sink, stream) = ws.split();
    let unanswered_pings = Arc::new(AtomicU32::new(0));
    let mut reader = tokio::spawn(read(stream, unanswered_pings.clone()));
    let mut heartbeat = tokio::time::interval(config.ping_every);
    heartbeat.tick().await; // the first tick is immediate

    frames.borrow_and_update();
    // What this connection last sent. The first frame may be encoded for this
    // connection alone, ahead of the broadcaster; a later frame that is older
    // or says the same again (also when watchers came and went within one
    // interval) is skipped, so versions never go back and no message repeats.
    let first = channel.current();
    let mut sent = (first.version, first.watching);
    if send_or_drop(&mut sink, &mut heartbeat, Message::Text(first.text)).await.is_err() {
        reader.abort();
        return;
    }
    loop {
        tokio::select! {
            biased;
            changed = frames.changed() => {
                if changed.is_err() {
                    let _ = send_or_drop(&mut sink, &mut heartbeat, close(close_code::AWAY, "the server is shutting down")).await;
                    break;
                }
                let (text, published, said) = {
                    let frame = frames.borrow_and_update();
                    (frame.text.clone(), frame.published, (frame.version, frame.watching))
                };
                if said.0 < sent.0 || said == sent { continue }
                sent = said;
                if send_or_drop(&mut sink, &mut heartbeat, Message::Text(text)).await.is_err() { break }
                channel.fan_out.record(published.elapsed());
            }
            _ = heartbeat.tick() => {
                if unanswered_pings.fetch_add(1, Ordering::Relaxed) >= 2 {
                    let _ = send_or_drop(&mut sink, &mut heartbeat, close(close_code::AWAY, "no pong received")).await;
                    break;
                }
                if send_or_drop(&mut sink, &mut heartbeat, Message::Ping(Default::default())).await.is_err() { break }
            }
            ended = &mut reader => {
                if let Ok(Some(reason)) = ended {
                    let _ = send_or_drop(&mut sink, &mut heartbeat, reason).await;
                }
                return;
            }
        }
    }
    reader.abort();
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
/// frame to answer a violation with.
async fn read(mut stream: SplitStream<WebSocket>, unanswered_pings: Arc<AtomicU32>) -> Option<Message> {
    loop {
        match stream.next().await {
            Some(Ok(Message::Pong(_))) => unanswered_pings.store(0, Ordering::Relaxed),
            Some(Ok(Message::Ping(_))) => {} // tungstenite answers pings itself
            Some(Ok(Message::Text(_) | Message::Binary(_))) => {
                return Some(close(close_code::POLICY, "clients may not send data"))
            }
            // A frame over the size limit arrives as an error: a policy violation too.
            Some(Err(_)) => return Some(close(close_code::POLICY, "frame too large or malformed")),
            Some(Ok(Message::Close(_))) | None => return None,
        }
    }
}

fn close(code: u16, reason: &'static str) -> Message {
    Message::Close(Some(CloseFrame { code, reason: reason.into() }))
}
