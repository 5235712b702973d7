//! What a delivery's body says. Tally's JSON (`format: json`):
//!
//! ```json
//! {"event": "round_opened", "occurred_at": 1765000000,
//!  "board": {"id": "team", "title": "Team", "url": "https://tally.example/b/team"},
//!  "data": {"round": 2, "label": "Round 2"}}
//! ```
//!
//! or, for Slack's and compatible incoming webhooks (`format: slack`), one
//! `text` in English. Neither carries figures: only how many answered,
//! which no board hides.

use crate::webhooks::{WebhookEvent, WebhookFormat};
use serde_json::{json, Value};

/// One thing that happened to a board, before it is shaped for an endpoint.
#[derive(Clone, Debug)]
pub struct Occurrence {
    pub event: WebhookEvent,
    pub board: String,
    pub title: String,
    /// The board page's address: absolute when the site's public URL is set.
    pub url: String,
    /// The event's own facts (see [`Occurrence::data`]'s callers).
    pub data: Value,
    pub at: i64,
}

impl Occurrence {
    /// The request body for an endpoint of `format`.
    pub fn body(&self, format: WebhookFormat) -> String {
        let value = match format {
            WebhookFormat::Json => json!({
                "event": self.event.as_str(),
                "occurred_at": self.at,
                "board": {"id": self.board, "title": self.title, "url": self.url},
                "data": self.data,
            }),
            WebhookFormat::Slack => json!({ "text": format!("{} {}", self.sentence(), self.url) }),
        };
        value.to_string()
    }

    /// The event in a sentence, for chat.
    fn sentence(&self) -> String {
        let title = &self.title;
        let number = |field: &str| self.data.get(field).and_then(Value::as_u64).unwrap_or_default();
        match self.event {
            WebhookEvent::RoundOpened => {
                let label = self.data.get("label").and_then(Value::as_str).unwrap_or_default();
                format!("Tally: \"{title}\" opened a new round, {label}.")
            }
            WebhookEvent::FiguresRevealed => format!("Tally: the figures of \"{title}\" are revealed."),
            WebhookEvent::FiguresHidden => format!("Tally: the figures of \"{title}\" are hidden again."),
            WebhookEvent::BoardClosed => format!("Tally: \"{title}\" is closed to new answers."),
            WebhookEvent::BoardReopened => format!("Tally: \"{title}\" takes answers again."),
            WebhookEvent::ParticipationReached => {
                format!("Tally: {} people have answered \"{title}\" this round.", number("respondents"))
            }
            WebhookEvent::MatrixEdited => format!("Tally: the matrix of \"{title}\" was edited."),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opened() -> Occurrence {
        Occurrence {
            event: WebhookEvent::RoundOpened,
            board: "team".into(),
            title: "Team \"A\"".into(),
            url: "https://tally.example/b/team".into(),
            data: json!({"round": 2, "label": "Spring"}),
            at: 1_765_000_000,
        }
    }

    #[test]
    fn json_bodies_name_the_event_and_board_and_slack_bodies_are_one_text() {
        let body: Value = serde_json::from_str(&opened().body(WebhookFormat::Json)).unwrap();
        assert_eq!(body["event"], "round_opened");
        assert_eq!(body["board"]["title"], "Team \"A\"");
        assert_eq!(body["data"]["label"], "Spring");
        let slack: Value = serde_json::from_str(&opened().body(WebhookFormat::Slack)).unwrap();
        assert_eq!(slack.as_object().unwrap().len(), 1, "only `text`: {slack}");
        let text = slack["text"].as_str().unwrap();
        assert!(text.contains("Spring") && text.ends_with("https://tally.example/b/team"), "{text}");
    }
}
