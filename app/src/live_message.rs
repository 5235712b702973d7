//! What travels on a board's live socket, both ways. Shared so the browser
//! decodes exactly what the server encodes.

use crate::stats::Stats;
use serde::{Deserialize, Serialize};

/// What the server sends, named by its `type` field.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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

/// What a page may send on its live socket: a credential that lets it see
/// figures the board hides from others. Nothing else flows that way.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum ClientMessage {
    /// The pass a submission's reply carries: its sender answered the round.
    Pass(String),
    /// The board's admin key.
    Admin(String),
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
        assert_eq!(serde_json::from_value::<LiveMessage>(json).unwrap(), message);
    }

    #[test]
    fn a_refusal_says_why() {
        let refused = LiveMessage::Refused { message: "that pass is not valid".into() };
        let json = serde_json::to_value(&refused).unwrap();
        assert_eq!(json, serde_json::json!({ "type": "refused", "message": "that pass is not valid" }));
        assert_eq!(serde_json::from_value::<LiveMessage>(json).unwrap(), refused);
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
