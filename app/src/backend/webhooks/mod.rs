//! Sending a board's events to the endpoints its admin registered.
//!
//! An event is queued in the database, one delivery per endpoint that
//! wants it ([`Outbox::queue`]), in the request that caused it; nothing is
//! sent there, so a slow endpoint never delays anyone. A task on every
//! instance ([`Outbox::deliver_forever`], in [`sender`]) takes due
//! deliveries (each instance its own, leased: see the store's
//! `Webhooks::take_due`), sends each signed ([`signature`]) with a time
//! limit, and records the outcome: delivered, or tried again with
//! exponential backoff until a day has passed. Queued deliveries outlive a
//! restart; the task also notices participation numbers reached.
//!
//! Where a delivery may go is [`address`]'s rule; what it says is
//! [`payload`]'s.

pub mod address;
pub mod payload;
mod sender;
pub mod signature;

use crate::backend::store::{NewDelivery, StoredWebhook, Webhooks};
use crate::error::TallyError;
use payload::Occurrence;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::{Notify, Semaphore};

/// How webhooks are sent (`tally --help`, "Webhooks").
#[derive(Clone, Debug)]
pub struct WebhookSettings {
    /// Lets endpoints use `http` and reach loopback, private and link-local addresses.
    pub allow_private: bool,
    /// How long one attempt may take, connecting included.
    pub timeout: Duration,
    /// The first retry's delay; each next one doubles, up to six hours.
    pub retry_base: Duration,
    /// How long after its event a delivery is still tried.
    pub retry_for: Duration,
}

impl Default for WebhookSettings {
    fn default() -> Self {
        WebhookSettings {
            allow_private: false,
            timeout: Duration::from_secs(10),
            retry_base: Duration::from_secs(30),
            retry_for: Duration::from_secs(24 * 3600),
        }
    }
}

/// Endpoints one board may have.
pub const MAX_WEBHOOKS: usize = 10;

/// Attempts in flight at once on one instance.
const IN_FLIGHT: usize = 16;

/// The instance's side of webhooks: its settings, its client and its
/// sending task's wake-up. Shared by every door.
pub struct Outbox {
    pub settings: WebhookSettings,
    client: reqwest::Client,
    /// Rings when something was queued here, so it is sent without waiting for the next look.
    wake: Notify,
    in_flight: Arc<Semaphore>,
}

impl Outbox {
    pub fn new(settings: WebhookSettings) -> Result<Outbox, TallyError> {
        let builder = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(settings.timeout)
            .connect_timeout(settings.timeout.min(Duration::from_secs(5)))
            .no_proxy()
            .user_agent(concat!("Tally-Webhooks/", env!("CARGO_PKG_VERSION")));
        let builder = match settings.allow_private {
            true => builder,
            false => builder.https_only(true).dns_resolver(Arc::new(address::PublicOnly)),
        };
        let client = builder.build().map_err(|e| TallyError::Internal(format!("making the webhook client: {e}")))?;
        Ok(Outbox { settings, client, wake: Notify::new(), in_flight: Arc::new(Semaphore::new(IN_FLIGHT)) })
    }

    /// Queues `what` for every endpoint of its board that wants it.
    pub async fn queue(&self, store: &dyn Webhooks, what: &Occurrence) -> Result<(), TallyError> {
        let wanted: Vec<NewDelivery> = store
            .webhooks(&what.board)
            .await?
            .into_iter()
            .filter(|hook| hook.webhook.events.contains(&what.event))
            .map(|hook| delivery(&hook, what))
            .collect();
        if !wanted.is_empty() {
            store.queue_deliveries(wanted, what.at).await?;
            self.wake.notify_one();
        }
        Ok(())
    }

    /// Sends what is due now rather than at the next look.
    pub fn wake(&self) {
        self.wake.notify_one();
    }
}

/// `what` as a delivery to `hook`.
fn delivery(hook: &StoredWebhook, what: &Occurrence) -> NewDelivery {
    NewDelivery {
        board: what.board.clone(),
        webhook: hook.webhook.id.clone(),
        url: hook.webhook.url.clone(),
        event: what.event,
        body: what.body(hook.webhook.format),
    }
}
