//! A board's webhooks, with its admin key: adding and removing endpoints,
//! reading the delivery log, sending a delivery again; and announcing the
//! board's events to them (see `backend::webhooks` for how they are sent).

use super::{Caller, Tally};
use crate::audit::AuditAction;
use crate::backend::engine::{now, ServedBoard};
use crate::backend::store::StoredWebhook;
use crate::backend::webhooks::payload::Occurrence;
use crate::backend::webhooks::{address, MAX_WEBHOOKS};
use crate::error::TallyError;
use crate::webhooks::{AddedWebhook, Delivery, NewWebhook, Webhook, WebhookEvent, WebhookLog};

/// Deliveries the log shows, newest first.
const SHOWN_DELIVERIES: usize = 50;

/// The largest participation number.
const MAX_PARTICIPATION: u32 = 1_000_000;

impl Tally {
    /// The board's endpoints and its latest deliveries.
    pub async fn webhook_log(&self, caller: &Caller, board: &str) -> Result<WebhookLog, TallyError> {
        let board = self.authorize(caller, board).await?;
        let store = self.engine.webhooks();
        let webhooks = store.webhooks(&board.info.id).await?.into_iter().map(|hook| hook.webhook).collect();
        let deliveries = store.deliveries(&board.info.id, SHOWN_DELIVERIES).await?;
        Ok(WebhookLog { webhooks, deliveries })
    }

    /// Adds an endpoint; its secret is in the answer, and nowhere after.
    pub async fn add_webhook(&self, caller: &Caller, board: &str, new: NewWebhook) -> Result<AddedWebhook, TallyError> {
        let board = self.authorize(caller, board).await?;
        let (webhook, secret) = self.checked_webhook(new)?;
        let stored = StoredWebhook { board: board.info.id.clone(), webhook: webhook.clone(), secret: secret.clone() };
        self.engine.webhooks().add_webhook(stored, MAX_WEBHOOKS).await?;
        self.audit(caller, &board, AuditAction::WebhookAdded, webhook.url.clone()).await;
        Ok(AddedWebhook { webhook, secret })
    }

    /// Removes an endpoint; what was still to be sent to it is not.
    pub async fn remove_webhook(&self, caller: &Caller, board: &str, id: &str) -> Result<(), TallyError> {
        let board = self.authorize(caller, board).await?;
        if !self.engine.webhooks().remove_webhook(&board.info.id, id).await? {
            return Err(unknown_endpoint(id));
        }
        self.audit(caller, &board, AuditAction::WebhookRemoved, id.to_string()).await;
        Ok(())
    }

    /// Sends a delivery again now (a new attempt, newly signed), if its endpoint is still there.
    pub async fn resend_delivery(&self, caller: &Caller, board: &str, id: i64) -> Result<Delivery, TallyError> {
        let board = self.authorize(caller, board).await?;
        let store = self.engine.webhooks();
        let hooks = store.webhooks(&board.info.id).await?;
        let known = store.deliveries(&board.info.id, crate::backend::store::contract::KEPT_DELIVERIES as usize).await?;
        let delivery = known
            .iter()
            .find(|d| d.id == id)
            .ok_or_else(|| TallyError::UnknownWebhook(format!("this board has no delivery {id}")))?;
        if !hooks.iter().any(|hook| hook.webhook.id == delivery.webhook) {
            return Err(TallyError::Conflict(format!("delivery {id}'s endpoint was removed; add it again first")));
        }
        let resent = store.resend(&board.info.id, id, now()).await?;
        self.outbox.wake();
        let resent = resent.ok_or_else(|| TallyError::UnknownWebhook(format!("this board has no delivery {id}")))?;
        self.audit(caller, &board, AuditAction::DeliveryResent, format!("#{id}")).await;
        Ok(resent)
    }

    /// Queues `event` for the board's endpoints that want it. The change it
    /// reports has been made, so a failure to queue is logged, not returned.
    pub(super) async fn announce(&self, board: &ServedBoard, event: WebhookEvent, data: serde_json::Value) {
        let what = Occurrence {
            event,
            board: board.info.id.clone(),
            title: board.info.title.clone(),
            url: format!("{}/b/{}", self.public_url.as_deref().unwrap_or_default(), board.info.id),
            data,
            at: now(),
        };
        if let Err(error) = self.outbox.queue(self.engine.webhooks(), &what).await {
            tracing::error!(%error, board = %what.board, event = event.as_str(), "webhooks: queueing an event failed");
        }
    }

    /// The endpoint `new` asks for and its secret, or what is wrong with it.
    fn checked_webhook(&self, new: NewWebhook) -> Result<(Webhook, String), TallyError> {
        let bad = |text: String| Err(TallyError::BadRequest(text));
        let url = address::checked_url(&new.url, self.outbox.settings.allow_private)
            .map_err(|problem| TallyError::BadRequest(format!("url: the URL {problem}")))?;
        let mut events = Vec::new();
        for event in new.events {
            if !events.contains(&event) {
                events.push(event);
            }
        }
        if events.is_empty() {
            return bad("events: name at least one event".into());
        }
        let wants_participation = events.contains(&WebhookEvent::ParticipationReached);
        match new.participation {
            None if wants_participation => return bad("participation: participation_reached needs a number".into()),
            Some(_) if !wants_participation => {
                return bad("participation: only for the participation_reached event".into())
            }
            Some(n) if !(1..=MAX_PARTICIPATION).contains(&n) => {
                return bad(format!("participation: must be 1 to {MAX_PARTICIPATION}"))
            }
            _ => {}
        }
        let secret = match new.secret {
            Some(secret) if !(16..=200).contains(&secret.len()) || !secret.chars().all(|c| c.is_ascii_graphic()) => {
                return bad("secret: must be 16 to 200 visible ASCII characters, or left out".into())
            }
            Some(secret) => secret,
            None => (0..2).map(|_| format!("{:032x}", rand::random::<u128>())).collect(),
        };
        let id = format!("{:016x}", rand::random::<u64>());
        let webhook = Webhook {
            id,
            url: url.to_string(),
            events,
            format: new.format,
            participation: new.participation,
            created_at: now(),
        };
        Ok((webhook, secret))
    }
}

fn unknown_endpoint(id: &str) -> TallyError {
    let shown: String = id.chars().filter(|c| c.is_ascii_alphanumeric()).take(40).collect();
    TallyError::UnknownWebhook(format!("this board has no webhook endpoint '{shown}'"))
}
