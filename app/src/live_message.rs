//! What travels on a board's live socket, both ways. Shared so the browser
//! decodes exactly what the server encodes.

use crate::stats::Stats;
use serde::{Deserialize, Serialize};

/// What the server sends, named by its `type` field. Read with
/// [`LiveMessage::from_text`]: serde's derived reading of a tagged enum
/// buffers every frame and costs the browser's bundle kilobytes.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum LiveMessage {
    /// The figures the connection may see (their fields beside `type`),
    /// and how many watch.
    Stats {
        #[serde(flatten)]
        stats: Stats,
        /// Open live connections to the board, across this server.
        watching: u64,
    },
    /// A credential the page sent was not accepted (a forged pass, a wrong
    /// admin key): the figures it sees stay as they were.
    Refused { message: String },
}

impl LiveMessage {
    /// A frame as the server wrote it; `None` for anything else.
    pub fn from_text(text: &str) -> Option<LiveMessage> {
        #[derive(Deserialize)]
        struct Kind {
            #[serde(rename = "type")]
            kind: String,
        }
        #[derive(Deserialize)]
        struct RefusedFrame {
            message: String,
        }
        match serde_json::from_str::<Kind>(text).ok()?.kind.as_str() {
            "stats" => serde_json::from_str::<crate::stats::StatsWire>(text).ok().map(|frame| {
                let watching = frame.watching;
                LiveMessage::Stats { stats: Stats::from(frame), watching }
            }),
            "refused" => {
                serde_json::from_str(text).ok().map(|RefusedFrame { message }| LiveMessage::Refused { message })
            }
            _ => None,
        }
    }
}

/// What a page may send on its live socket: a credential that lets it see
/// figures the board hides from others. Nothing else flows that way.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum ClientMessage {
    /// The pass a submission's reply carries: its sender answered the round.
    Pass(String),
    /// The board's admin key.
    Admin(String),
    /// The board's admin key, sent by a room view (the presenter) of a
    /// board open to invited people only: it lets the socket in, without
    /// the figures only the admin may see.
    Room(String),
}

impl ClientMessage {
    pub fn to_text(&self) -> String {
        serde_json::to_string(self).expect("a credential serialises")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matrix::tests::sample;

    #[test]
    fn the_stats_fields_sit_beside_type_and_watching() {
        let message = LiveMessage::Stats { stats: Stats::empty("b", &sample()), watching: 3 };
        let json: serde_json::Value = serde_json::to_value(&message).unwrap();
        assert_eq!(json["type"], "stats");
        assert_eq!(json["board"], "b");
        assert_eq!(json["watching"], 3);
        assert_eq!(json["counts"]["r1"], serde_json::json!([0, 0, 0]));
        assert_eq!(LiveMessage::from_text(&json.to_string()), Some(message));
    }

    #[test]
    fn a_refusal_says_why() {
        let refused = LiveMessage::Refused { message: "that pass is not valid".into() };
        let json = serde_json::to_value(&refused).unwrap();
        assert_eq!(json, serde_json::json!({ "type": "refused", "message": "that pass is not valid" }));
        assert_eq!(LiveMessage::from_text(&json.to_string()), Some(refused));
        assert_eq!(LiveMessage::from_text(r#"{"type":"gossip"}"#), None);
    }

    #[test]
    fn a_credential_is_one_named_field() {
        assert_eq!(ClientMessage::Pass("1.ab".into()).to_text(), r#"{"pass":"1.ab"}"#);
        assert_eq!(
            serde_json::from_str::<ClientMessage>(r#"{"admin":"k"}"#).unwrap(),
            ClientMessage::Admin("k".into())
        );
        assert!(serde_json::from_str::<ClientMessage>(r#"{"pass":"a","admin":"k"}"#).is_err());
        assert!(serde_json::from_str::<ClientMessage>("flood").is_err());
    }
}
