//! One live connection: the latest frame whenever it changes, a ping every
//! `ping_every`, and a close when the client misses two pongs or sends data
//! (this protocol only flows from server to client).

use super::hub::{Channel, LiveConfig};
use axum::extract::ws::{close_code, CloseFrame, Message, WebSocket};
use futures_util::{SinkExt, StreamExt};
use std::sync::Arc;

pub async fn serve(ws: WebSocket, channel: Arc<Channel>, config: LiveConfig) {
    let _watcher = channel.watch();
    let mut frames = channel.frames();
    let (mut sink, mut stream) = ws.split();
    let mut heartbeat = tokio::time::interval(config.ping_every);
    heartbeat.tick().await; // the first tick is immediate
    let mut unanswered_pings = 0u32;

    frames.borrow_and_update();
    if sink.send(Message::Text(channel.current().text)).await.is_err() {
        return;
    }
    loop {
        tokio::select! {
            changed = frames.changed() => {
                if changed.is_err() { break }
                let frame = frames.borrow_and_update().text.clone();
                if sink.send(Message::Text(frame)).await.is_err() { break }
            }
            _ = heartbeat.tick() => {
                if unanswered_pings >= 2 {
                    let _ = sink.send(close(close_code::AWAY, "no pong received")).await;
                    break;
                }
                unanswered_pings += 1;
                if sink.send(Message::Ping(Default::default())).await.is_err() { break }
            }
            incoming = stream.next() => match incoming {
                Some(Ok(Message::Pong(_))) => unanswered_pings = 0,
                Some(Ok(Message::Ping(_))) => {} // tungstenite answers pings itself
                Some(Ok(Message::Text(_) | Message::Binary(_))) => {
                    let _ = sink.send(close(close_code::POLICY, "clients may not send data")).await;
                    break;
                }
                // A frame over the size limit arrives as an error: close as a policy violation too.
                Some(Err(_)) => {
                    let _ = sink.send(close(close_code::POLICY, "frame too large or malformed")).await;
                    break;
                }
                Some(Ok(Message::Close(_))) | None => break,
            }
        }
    }
}

fn close(code: u16, reason: &'static str) -> Message {
    Message::Close(Some(CloseFrame { code, reason: reason.into() }))
}
