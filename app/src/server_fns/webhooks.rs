//! The admin panel's webhooks: what `…/webhooks` in the JSON API does, for
//! the page's door.

use crate::error::TallyError;
use crate::webhooks::{AddedWebhook, Delivery, WebhookLog};
use leptos::prelude::*;

/// Served at `/api/load_webhooks`: the board's endpoints and latest deliveries.
#[server(endpoint = "load_webhooks")]
pub async fn load_webhooks(board: String, key: String) -> Result<WebhookLog, TallyError> {
    crate::backend::context::run(Some(key), |door| async move { door.tally.webhook_log(&door.caller, &board).await })
        .await
}

/// Served at `/api/add_webhook`: `events` are the events' names, separated
/// by commas; `participation` a number, or blank; `secret` blank for one
/// made by the server.
#[server(endpoint = "add_webhook")]
pub async fn add_webhook(
    board: String,
    key: String,
    url: String,
    #[server(default)] events: String,
    #[server(default)] format: String,
    #[server(default)] participation: String,
    #[server(default)] secret: String,
) -> Result<AddedWebhook, TallyError> {
    use crate::webhooks::{NewWebhook, WebhookEvent, WebhookFormat};
    let mut picked = Vec::new();
    for name in events.split(',').map(str::trim).filter(|n| !n.is_empty()) {
        let event = WebhookEvent::parse(name);
        picked.push(event.ok_or_else(|| TallyError::BadRequest(format!("events: no event is called '{name}'")))?);
    }
    let format = match format.trim() {
        "" => WebhookFormat::Json,
        name => WebhookFormat::parse(name).ok_or_else(|| TallyError::BadRequest("format: json or slack".into()))?,
    };
    let participation = match participation.trim() {
        "" => None,
        n => Some(n.parse().map_err(|_| TallyError::BadRequest("participation: must be a whole number".into()))?),
    };
    let secret = Some(secret.trim().to_string()).filter(|s| !s.is_empty());
    let new = NewWebhook { url, events: picked, format, participation, secret };
    crate::backend::context::run(
        Some(key),
        |door| async move { door.tally.add_webhook(&door.caller, &board, new).await },
    )
    .await
}

/// Served at `/api/remove_webhook`.
#[server(endpoint = "remove_webhook")]
pub async fn remove_webhook(board: String, key: String, id: String) -> Result<(), TallyError> {
    crate::backend::context::run(
        Some(key),
        |door| async move { door.tally.remove_webhook(&door.caller, &board, &id).await },
    )
    .await
}

/// Served at `/api/resend_delivery`: sends a delivery again now.
#[server(endpoint = "resend_delivery")]
pub async fn resend_delivery(board: String, key: String, id: i64) -> Result<Delivery, TallyError> {
    crate::backend::context::run(
        Some(key),
        |door| async move { door.tally.resend_delivery(&door.caller, &board, id).await },
    )
    .await
}
