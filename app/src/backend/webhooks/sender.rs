//! The sending task: takes due deliveries, sends each in a task of its own
//! (at most [`super::IN_FLIGHT`] at once), and records what became of it.

use super::payload::Occurrence;
use super::{address, signature, Outbox};
use crate::backend::engine::{now, Engine};
use crate::backend::store::{Attempt, DueDelivery, Webhooks};
use crate::error::TallyError;
use crate::webhooks::WebhookEvent;
use serde_json::json;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

/// How often the task looks for due deliveries when nothing wakes it.
const LOOK_EVERY: Duration = Duration::from_secs(1);

/// The longest wait between two attempts.
const MAX_DELAY: Duration = Duration::from_secs(6 * 3600);

/// The most of an endpoint's refusal kept in the log, in characters.
const KEPT_ANSWER: usize = 200;

impl Outbox {
    /// Sends deliveries until `stop` completes. `base_url` begins the board
    /// addresses participation events carry.
    pub async fn deliver_forever(self: Arc<Self>, engine: Engine, base_url: String, stop: impl Future<Output = ()>) {
        tokio::pin!(stop);
        loop {
            tokio::select! {
                _ = &mut stop => return,
                _ = self.wake.notified() => {}
                _ = tokio::time::sleep(LOOK_EVERY) => {}
            }
            if let Err(error) = self.queue_participation(&engine, &base_url).await {
                tracing::warn!(%error, "webhooks: checking participation failed; trying again shortly");
            }
            if let Err(error) = self.send_due(&engine).await {
                tracing::warn!(%error, "webhooks: taking due deliveries failed; trying again shortly");
            }
        }
    }

    /// Starts an attempt at each due delivery there is room for.
    async fn send_due(self: &Arc<Self>, engine: &Engine) -> Result<(), TallyError> {
        let room = self.in_flight.available_permits();
        if room == 0 {
            return Ok(());
        }
        let lease = self.settings.timeout + Duration::from_secs(60);
        let due = engine.webhooks().take_due(now(), now() + lease.as_secs() as i64, room).await?;
        for delivery in due {
            let Ok(permit) = self.in_flight.clone().acquire_owned().await else { return Ok(()) };
            let (outbox, engine) = (self.clone(), engine.clone());
            tokio::spawn(async move {
                let attempt = outbox.attempt(&delivery).await;
                if let Err(error) = engine.webhooks().record_attempt(delivery.id, attempt).await {
                    tracing::warn!(%error, delivery = delivery.id, "webhooks: recording an attempt failed");
                }
                drop(permit);
            });
        }
        Ok(())
    }

    /// One attempt at `delivery`, and what comes next.
    async fn attempt(&self, delivery: &DueDelivery) -> Attempt {
        match self.send(delivery).await {
            Ok(status) => Attempt::Delivered { status },
            Err((status, error)) => {
                let settings = &self.settings;
                next_attempt(delivery, now(), settings.retry_base, settings.retry_for, status, error)
            }
        }
    }

    /// Sends it once: the endpoint's 2xx status, or its status and what went wrong.
    async fn send(&self, delivery: &DueDelivery) -> Result<u16, (Option<u16>, String)> {
        let url = address::checked_url(&delivery.url, self.settings.allow_private)
            .map_err(|refused| (None, format!("the URL {refused}")))?;
        let request = self
            .client
            .post(url)
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .header("Tally-Event", delivery.event.as_str())
            .header("Tally-Delivery", delivery.id.to_string())
            .header("Tally-Signature", signature::header(&delivery.secret, now(), &delivery.body))
            .body(delivery.body.clone());
        let response = request.send().await.map_err(|e| (None, described(&e)))?;
        let status = response.status().as_u16();
        if response.status().is_success() {
            return Ok(status);
        }
        let answer = first_bytes(response).await;
        let answer: String = answer.chars().filter(|c| !c.is_control()).take(KEPT_ANSWER).collect();
        Err((Some(status), format!("answered {status} {answer}").trim_end().to_string()))
    }

    /// Queues a participation event for each endpoint whose number its
    /// board's open round reached; once per round, whichever instance sees it first.
    async fn queue_participation(&self, engine: &Engine, base_url: &str) -> Result<(), TallyError> {
        let store: &dyn Webhooks = engine.webhooks();
        for reached in store.participation_reached().await? {
            let hooks = store.webhooks(&reached.board).await?;
            let Some(hook) = hooks.iter().find(|h| h.webhook.id == reached.webhook) else { continue };
            let what = Occurrence {
                event: WebhookEvent::ParticipationReached,
                board: reached.board.clone(),
                title: reached.title.clone(),
                url: format!("{base_url}/b/{}", reached.board),
                data: json!({"round": reached.round, "respondents": reached.respondents,
                             "participation": hook.webhook.participation}),
                at: now(),
            };
            if store.queue_participation(reached.round, super::delivery(hook, &what), what.at).await? {
                self.wake.notify_one();
            }
        }
        Ok(())
    }
}

/// After a failed attempt: when to try again, or to give up once the next
/// try would fall past `retry_for` after the event.
fn next_attempt(
    delivery: &DueDelivery,
    at: i64,
    base: Duration,
    retry_for: Duration,
    status: Option<u16>,
    error: String,
) -> Attempt {
    let doubled = base.saturating_mul(1u32 << delivery.attempts.min(20));
    let next = at + doubled.min(MAX_DELAY).as_secs().max(1) as i64;
    match next > delivery.created_at + retry_for.as_secs() as i64 {
        true => {
            Attempt::GaveUp { status, error: format!("{error} (given up after {} attempts)", delivery.attempts + 1) }
        }
        false => Attempt::Retry { status, error, at: next },
    }
}

/// The start of a refusal's body, as text: never more than a few KiB is
/// read, however much the endpoint sends.
async fn first_bytes(mut response: reqwest::Response) -> String {
    let mut kept = Vec::new();
    while kept.len() < KEPT_ANSWER * 4 {
        match response.chunk().await {
            Ok(Some(chunk)) => kept.extend_from_slice(&chunk[..chunk.len().min(KEPT_ANSWER * 4 - kept.len())]),
            _ => break,
        }
    }
    String::from_utf8_lossy(&kept).into_owned()
}

/// A client error with its causes, which say what actually failed (a
/// refused address, a timeout, a certificate).
fn described(error: &reqwest::Error) -> String {
    if error.is_timeout() {
        return "no answer in time".into();
    }
    let mut text = error.to_string();
    let mut cause = std::error::Error::source(error);
    while let Some(inner) = cause {
        text = format!("{text}: {inner}");
        cause = inner.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn delivery(attempts: u32) -> DueDelivery {
        DueDelivery {
            id: 1,
            url: String::new(),
            secret: String::new(),
            event: WebhookEvent::BoardClosed,
            body: String::new(),
            attempts,
            created_at: 0,
        }
    }

    #[test]
    fn retries_double_their_wait_and_stop_after_a_day() {
        let (base, day) = (Duration::from_secs(30), Duration::from_secs(86_400));
        let wait = |attempts, at| match next_attempt(&delivery(attempts), at, base, day, Some(500), "x".into()) {
            Attempt::Retry { at: next, .. } => Some(next - at),
            _ => None,
        };
        assert_eq!(wait(0, 0), Some(30));
        assert_eq!(wait(1, 100), Some(60));
        assert_eq!(wait(4, 1000), Some(480));
        assert_eq!(wait(15, 1000), Some(6 * 3600), "capped");
        assert_eq!(wait(3, 86_300), None, "past a day: given up");
    }
}
