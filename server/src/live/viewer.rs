//! Who is at the other end of a live connection, as far as a board that
//! hides its figures cares (`app::reveal`): resolved from the respondent
//! cookie at the upgrade, and moved on by what the page sends afterwards —
//! the pass of its own submission, or the admin key. A connection learns
//! it may see the figures without reconnecting.

use app::backend::engine::ServedBoard;
use app::backend::use_cases::Tally;
use app::error::TallyError;
use app::live_message::ClientMessage;
use app::reveal::Viewer;
use axum::http::HeaderMap;
use std::net::IpAddr;
use std::sync::Arc;

/// Checks what a connection's client sends, for one board.
#[derive(Clone)]
pub struct Credentials {
    /// Verifies passes and admin keys.
    tally: Tally,
    /// The board the connection watches.
    board: Arc<ServedBoard>,
    /// The client's address, which wrong admin keys count against.
    ip: IpAddr,
}

/// Why a client's message changed nothing.
pub enum Refusal {
    /// Not a message of this protocol: the connection is closed (1008).
    Malformed,
    /// A credential that does not hold; said to the client, which stays connected.
    Wrong(&'static str),
}

impl Credentials {
    /// The viewer the request's cookie makes of its sender, and what checks
    /// the rest; the admin key never travels in a request's headers here
    /// (a page keeps it in its address's fragment), only in a message.
    pub async fn at_upgrade(
        tally: &Tally,
        board: Arc<ServedBoard>,
        ip: IpAddr,
        headers: &HeaderMap,
    ) -> Result<(Credentials, Viewer), TallyError> {
        let caller = tally.caller_from_cookies(headers);
        let (viewer, _) = tally.viewer(&caller, &board).await?;
        Ok((Credentials { tally: tally.clone(), board, ip }, viewer))
    }

    /// `viewer` with what `text` proves added.
    pub async fn check(&self, viewer: Viewer, text: &str) -> Result<Viewer, Refusal> {
        match serde_json::from_str::<ClientMessage>(text).map_err(|_| Refusal::Malformed)? {
            ClientMessage::Pass(pass) => match self.tally.pass_round(&self.board, &pass).await {
                Ok(Some(round)) => Ok(Viewer { answered_round: Some(round), ..viewer }),
                Ok(None) => {
                    Err(Refusal::Wrong("this pass does not hold on this board (or its answers were withdrawn)"))
                }
                Err(_) => Err(Refusal::Wrong("this pass could not be checked; try again")),
            },
            ClientMessage::Admin(key) => Ok(Viewer { admin: true, ..self.key_holds(viewer, &key).await? }),
            // A room view is let in, and sees what the room may see.
            ClientMessage::Room(key) => Ok(Viewer { admitted: true, ..self.key_holds(viewer, &key).await? }),
        }
    }

    /// `viewer`, if `key` is the board's admin key.
    async fn key_holds(&self, viewer: Viewer, key: &str) -> Result<Viewer, Refusal> {
        match self.tally.admin_board(Some(self.ip), &self.board.info.id, key).await {
            Ok(_) => Ok(viewer),
            Err(TallyError::RateLimited { .. }) => Err(Refusal::Wrong("too many wrong admin keys; wait a while")),
            Err(_) => Err(Refusal::Wrong("the admin key does not match this board")),
        }
    }
}
