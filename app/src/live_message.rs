//! The message live push sends: the stats snapshot plus how many people are
//! watching the board. Shared so the browser decodes exactly what the server
//! encodes.

use crate::stats::Stats;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LiveMessage {
    /// Always `"stats"`; there to let the protocol grow other messages.
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(flatten)]
    pub stats: Stats,
    /// Open live connections to the board, across this server.
    pub watching: u64,
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

impl LiveMessage {
    pub fn new(stats: Stats, watching: u64) -> Self {
        LiveMessage { kind: "stats".into(), stats, watching }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matrix::tests::sample;

    #[test]
    fn the_stats_fields_sit_beside_type_and_watching() {
        let message = LiveMessage::new(Stats::empty("b", &sample()), 3);
        let json: serde_json::Value = serde_json::to_value(&message).unwrap();
        assert_eq!(json["type"], "stats");
        assert_eq!(json["board"], "b");
        assert_eq!(json["watching"], 3);
        assert_eq!(json["counts"]["r1"], serde_json::json!([0, 0, 0]));
        assert_eq!(serde_json::from_value::<LiveMessage>(json).unwrap(), message);
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
