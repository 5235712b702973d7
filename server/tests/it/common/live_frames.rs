//! Reading a board's live socket the way a page does: its text frames, as
//! JSON, with control frames skipped.

use futures_util::StreamExt;
use serde_json::Value;
use std::time::Duration;
use tokio::net::TcpStream;
use tokio::time::timeout;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

pub type Socket = WebSocketStream<MaybeTlsStream<TcpStream>>;

/// The next stats message, skipping control frames; fails after 10 s.
pub async fn next_stats(socket: &mut Socket) -> Value {
    loop {
        match timeout(Duration::from_secs(10), socket.next()).await.expect("a message within 10 s") {
            Some(Ok(Message::Text(text))) => return serde_json::from_str(&text).unwrap(),
            Some(Ok(Message::Ping(_) | Message::Pong(_))) => continue,
            other => panic!("expected a stats message, got {other:?}"),
        }
    }
}
