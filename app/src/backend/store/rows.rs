//! Turning stored rows into the engine's records, the same on both databases.

use super::{BoardInfo, StoredBoard};
use crate::access::AccessMode;
use crate::answers::Answers;
use crate::error::TallyError;
use crate::groups::GroupSettings;
use crate::reveal::{RevealMode, RevealSettings};

/// One row of "a board joined with its non-zero counts", the shape both
/// backends read a board in; [`gather`] folds them into a [`StoredBoard`].
pub(crate) struct CountRow {
    /// The board's own columns, repeated on each of its rows.
    pub info: BoardInfo,
    pub version: u64,
    pub respondents: u64,
    pub closed: bool,
    pub matrix_rev: u64,
    pub shape: u64,
    pub round: u32,
    /// `groups` as stored (a JSON array) and `min_group_size`.
    pub groups: (String, u32),
    /// `reveal` as stored (`live`, `after_submit`, `facilitator`) and `revealed`.
    pub reveal: (String, bool),
    /// `access` as stored (`anyone`, `invited`, `members`).
    pub access: String,
    pub admission_rev: u64,
    /// `member_domains` as stored (a JSON list).
    pub member_domains: String,
    pub cell: Option<(String, u8, u64)>,
}

/// Folds one board's rows into its [`StoredBoard`], with `matrix` (JSON)
/// as its own; `None` when there are no rows (no such board).
pub(crate) fn gather(rows: impl IntoIterator<Item = CountRow>, matrix: Option<String>) -> Option<StoredBoard> {
    let mut rows = rows.into_iter();
    let first = rows.next()?;
    let names = serde_json::from_str(&first.groups.0).unwrap_or_else(|error| {
        tracing::error!(board = %first.info.id, %error, "stored groups are not a JSON list; none offered");
        Vec::new()
    });
    let mode = RevealMode::parse(&first.reveal.0).unwrap_or_else(|| {
        // Hiding is the safe side of a setting nobody can read.
        tracing::error!(board = %first.info.id, reveal = %first.reveal.0, "unknown reveal mode; figures hidden");
        RevealMode::Facilitator
    });
    let access = AccessMode::parse(&first.access).unwrap_or_else(|| {
        // Admitting nobody is the safe side of a setting nobody can read.
        tracing::error!(board = %first.info.id, access = %first.access, "unknown access mode; invited only");
        AccessMode::Invited
    });
    let member_domains = serde_json::from_str(&first.member_domains).unwrap_or_else(|error| {
        // Taking no one is the safe side of a list nobody can read.
        tracing::error!(board = %first.info.id, %error, "stored member domains are not a JSON list");
        vec!["unreadable.invalid".into()]
    });
    let counts = first.cell.into_iter().chain(rows.filter_map(|row| row.cell)).collect();
    Some(StoredBoard {
        info: first.info,
        version: first.version,
        respondents: first.respondents,
        closed: first.closed,
        matrix_rev: first.matrix_rev,
        shape: first.shape,
        round: first.round,
        groups: GroupSettings { groups: names, min_group_size: first.groups.1 },
        reveal: RevealSettings { reveal: mode, revealed: first.reveal.1 },
        access,
        admission_rev: first.admission_rev,
        member_domains,
        counts,
        matrix,
    })
}

/// One place where a board's stored aggregates and its recount disagree,
/// in words; `slice` is the (group, role) of the count, `''` for none.
pub(super) fn mismatch(
    board: &str,
    round: i64,
    (row, slice): (&str, &(String, String)),
    level: i64,
    stored: i64,
    recounted: i64,
) -> String {
    let within = match slice {
        (group, role) if group.is_empty() && role.is_empty() => String::new(),
        (group, role) => format!(" (group '{group}', role '{role}')"),
    };
    format!("board '{board}', round {round}, row '{row}'{within}, level {level}: stored {stored} but recount gives {recounted}")
}

pub(super) fn decode_answers(text: &str) -> Result<Answers, TallyError> {
    serde_json::from_str(text).map_err(|e| TallyError::Internal(format!("stored answers are not valid JSON: {e}")))
}

pub(super) fn encode_answers(answers: &Answers) -> String {
    serde_json::to_string(answers).expect("a map of strings to numbers always serialises")
}

/// A board's group names as stored: a JSON list.
pub(super) fn encode_group_names(groups: &GroupSettings) -> String {
    encode_names(&groups.groups)
}

/// Names (groups, domains) as stored: a JSON list.
pub(super) fn encode_names(names: &[String]) -> String {
    serde_json::to_string(names).expect("a list of names serialises")
}

/// A stored endpoint's columns, as [`super::sql::WEBHOOKS`] reads them.
pub(crate) struct WebhookRow {
    pub id: String,
    pub board: String,
    pub url: String,
    /// Event names, comma-separated.
    pub events: String,
    pub format: String,
    pub secret: String,
    pub participation: Option<i64>,
    pub created_at: i64,
}

impl WebhookRow {
    pub fn record(self) -> super::StoredWebhook {
        use crate::webhooks::{Webhook, WebhookEvent, WebhookFormat};
        let webhook = Webhook {
            id: self.id,
            url: self.url,
            events: self.events.split(',').filter_map(WebhookEvent::parse).collect(),
            format: WebhookFormat::parse(&self.format).unwrap_or_default(),
            participation: self.participation.map(|n| n.clamp(0, u32::MAX as i64) as u32),
            created_at: self.created_at,
        };
        super::StoredWebhook { board: self.board, webhook, secret: self.secret }
    }
}

/// Event names as stored: comma-separated.
pub(crate) fn stored_events(events: &[crate::webhooks::WebhookEvent]) -> String {
    events.iter().map(|e| e.as_str()).collect::<Vec<_>>().join(",")
}

/// A delivery's columns, in `sql::delivery_columns!`'s order.
pub(crate) struct DeliveryRow {
    pub id: i64,
    pub webhook: String,
    pub url: String,
    pub event: String,
    pub state: String,
    pub attempts: i64,
    pub last_status: Option<i64>,
    pub last_error: String,
    pub created_at: i64,
    pub next_at: i64,
}

impl DeliveryRow {
    pub fn record(self) -> crate::webhooks::Delivery {
        use crate::webhooks::{Delivery, DeliveryState};
        let state = DeliveryState::parse(&self.state).unwrap_or(DeliveryState::Failed);
        Delivery {
            id: self.id,
            webhook: self.webhook,
            url: self.url,
            event: stored_event(&self.event),
            state,
            attempts: self.attempts.clamp(0, u32::MAX as i64) as u32,
            last_status: self.last_status.and_then(|s| u16::try_from(s).ok()),
            last_error: self.last_error,
            created_at: self.created_at,
            next_attempt_at: (state == DeliveryState::Pending).then_some(self.next_at),
        }
    }
}

/// What [`super::sql::RECORD_ATTEMPT`] stores for an attempt: (state,
/// status, error, next attempt at).
pub(crate) fn attempt_columns(attempt: super::Attempt) -> (&'static str, Option<i64>, String, i64) {
    use super::Attempt;
    match attempt {
        Attempt::Delivered { status } => ("delivered", Some(status.into()), String::new(), 0),
        Attempt::Retry { status, error, at } => ("pending", status.map(i64::from), error, at),
        Attempt::GaveUp { status, error } => ("failed", status.map(i64::from), error, 0),
    }
}

/// An audit row as the admin sees it; `None` (logged) for an action this
/// server does not know, which only a newer server could have written.
pub(super) fn audit_entry(at: i64, action: &str, credential: &str, detail: String) -> Option<crate::audit::AuditEntry> {
    let Some(action) = crate::audit::AuditAction::parse(action) else {
        tracing::error!(action, "an audit entry names an action this server does not know; it is left out");
        return None;
    };
    Some(crate::audit::AuditEntry { at, action, by: crate::audit::Credential::from_stored(credential), detail })
}

/// A delivery's stored event. Only Tally writes these names, so one this
/// server does not know (written by a newer one) is logged as an error; the
/// delivery goes on under the first event's name, its body as stored.
pub(super) fn stored_event(name: &str) -> crate::webhooks::WebhookEvent {
    crate::webhooks::WebhookEvent::parse(name).unwrap_or_else(|| {
        tracing::error!(event = name, "a stored webhook delivery names an event this server does not know");
        crate::webhooks::WebhookEvent::RoundOpened
    })
}
