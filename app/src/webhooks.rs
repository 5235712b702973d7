//! Webhooks as the admin sees them: where a board's events are sent, and
//! what became of each delivery. Shared with the browser (the admin
//! panel lists them); sending them is server-side, in `backend::webhooks`.

use crate::i18n::Say;
use serde::{Deserialize, Serialize};

/// Something that happened to a board that other tools may want to hear of.
/// No event carries figures: only how many answered, which is never hidden.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum WebhookEvent {
    RoundOpened,
    FiguresRevealed,
    FiguresHidden,
    BoardClosed,
    BoardReopened,
    /// The open round's respondents reached the endpoint's `participation`.
    ParticipationReached,
    MatrixEdited,
}

impl WebhookEvent {
    pub const ALL: [WebhookEvent; 7] = [
        WebhookEvent::RoundOpened,
        WebhookEvent::FiguresRevealed,
        WebhookEvent::FiguresHidden,
        WebhookEvent::BoardClosed,
        WebhookEvent::BoardReopened,
        WebhookEvent::ParticipationReached,
        WebhookEvent::MatrixEdited,
    ];

    /// As stored, sent in `Tally-Event` and spelt by the API.
    pub fn as_str(self) -> &'static str {
        match self {
            WebhookEvent::RoundOpened => "round_opened",
            WebhookEvent::FiguresRevealed => "figures_revealed",
            WebhookEvent::FiguresHidden => "figures_hidden",
            WebhookEvent::BoardClosed => "board_closed",
            WebhookEvent::BoardReopened => "board_reopened",
            WebhookEvent::ParticipationReached => "participation_reached",
            WebhookEvent::MatrixEdited => "matrix_edited",
        }
    }

    pub fn parse(text: &str) -> Option<WebhookEvent> {
        WebhookEvent::ALL.into_iter().find(|event| event.as_str() == text)
    }

    /// How the admin panel names it.
    pub fn describe(self) -> Say {
        match self {
            WebhookEvent::RoundOpened => Say::HookRoundOpened,
            WebhookEvent::FiguresRevealed => Say::HookFiguresRevealed,
            WebhookEvent::FiguresHidden => Say::HookFiguresHidden,
            WebhookEvent::BoardClosed => Say::HookBoardClosed,
            WebhookEvent::BoardReopened => Say::HookBoardReopened,
            WebhookEvent::ParticipationReached => Say::HookParticipation,
            WebhookEvent::MatrixEdited => Say::HookMatrixEdited,
        }
    }
}

/// The body's shape: Tally's JSON, or a Slack-style `{"text": …}`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum WebhookFormat {
    #[default]
    Json,
    Slack,
}

impl WebhookFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            WebhookFormat::Json => "json",
            WebhookFormat::Slack => "slack",
        }
    }

    pub fn parse(text: &str) -> Option<WebhookFormat> {
        [WebhookFormat::Json, WebhookFormat::Slack].into_iter().find(|f| f.as_str() == text)
    }
}

/// One endpoint a board sends events to. Its secret is shown once, when
/// it is added, and never listed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Webhook {
    pub id: String,
    pub url: String,
    pub events: Vec<WebhookEvent>,
    pub format: WebhookFormat,
    /// Sends `participation_reached` once per round when this many have answered.
    pub participation: Option<u32>,
    /// Unix seconds.
    pub created_at: i64,
}

/// What the admin asks for when adding an endpoint.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "ssr", schema(example = json!({
    "url": "https://hooks.example.com/tally",
    "events": ["round_opened", "participation_reached"],
    "format": "json",
    "participation": 10
})))]
pub struct NewWebhook {
    /// `https` only, unless the server allows private addresses.
    #[cfg_attr(feature = "ssr", schema(max_length = 2000, pattern = "^https?://"))]
    pub url: String,
    #[cfg_attr(feature = "ssr", schema(min_items = 1))]
    pub events: Vec<WebhookEvent>,
    #[serde(default)]
    pub format: WebhookFormat,
    /// Needed with `participation_reached`, and only with it.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(minimum = 1, maximum = 1000000))]
    pub participation: Option<u32>,
    /// The signing secret (16 to 200 visible ASCII characters); one is made when left out.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(min_length = 16, max_length = 200, pattern = "^[!-~]+$"))]
    pub secret: Option<String>,
}

/// An added endpoint and its signing secret, shown this once.
#[derive(Clone, Debug, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AddedWebhook {
    pub webhook: Webhook,
    pub secret: String,
}

/// Where a delivery stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum DeliveryState {
    /// Waiting for its first or next attempt.
    Pending,
    /// The endpoint answered 2xx.
    Delivered,
    /// Given up: a day of retries failed, or the endpoint was removed.
    Failed,
}

impl DeliveryState {
    pub fn as_str(self) -> &'static str {
        match self {
            DeliveryState::Pending => "pending",
            DeliveryState::Delivered => "delivered",
            DeliveryState::Failed => "failed",
        }
    }

    pub fn parse(text: &str) -> Option<DeliveryState> {
        [DeliveryState::Pending, DeliveryState::Delivered, DeliveryState::Failed]
            .into_iter()
            .find(|s| s.as_str() == text)
    }
}

/// One event sent (or being sent) to one endpoint, as the log shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Delivery {
    /// Also sent as `Tally-Delivery`, for receivers to drop repeats.
    pub id: i64,
    pub webhook: String,
    pub url: String,
    pub event: WebhookEvent,
    pub state: DeliveryState,
    pub attempts: u32,
    /// The endpoint's last HTTP status, if it answered.
    pub last_status: Option<u16>,
    /// Why the last attempt failed; empty when it did not.
    pub last_error: String,
    /// Unix seconds, as all times here.
    pub created_at: i64,
    /// When it is tried next, while pending.
    pub next_attempt_at: Option<i64>,
}

/// A board's endpoints and its latest deliveries, newest first.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct WebhookLog {
    pub webhooks: Vec<Webhook>,
    pub deliveries: Vec<Delivery>,
}
