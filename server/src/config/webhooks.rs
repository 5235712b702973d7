//! How webhooks are sent: where they may go, and how long they are tried.

use app::backend::webhooks::WebhookSettings;
use std::time::Duration;

#[derive(clap::Args, Debug)]
pub struct WebhookArgs {
    /// Let webhook endpoints use plain http and reach loopback, private and link-local addresses (an
    /// intranet, or a test's receiver); off, only https to public addresses, checked after DNS resolution
    #[arg(long, env = "TALLY_WEBHOOKS_ALLOW_PRIVATE", default_value_t = false)]
    webhooks_allow_private: bool,
    /// Seconds one delivery attempt may take, connecting included
    #[arg(long, env = "TALLY_WEBHOOK_TIMEOUT_SECONDS", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=120))]
    webhook_timeout_seconds: u64,
    /// Seconds before the first retry of a failed delivery; each next wait doubles, up to six hours
    #[arg(long, env = "TALLY_WEBHOOK_RETRY_SECONDS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=3600))]
    webhook_retry_seconds: u64,
    /// Seconds after its event during which a failed delivery is still tried
    #[arg(long, env = "TALLY_WEBHOOK_RETRY_FOR_SECONDS", default_value_t = 86_400, value_parser = clap::value_parser!(u64).range(1..=604_800))]
    webhook_retry_for_seconds: u64,
}

impl WebhookArgs {
    pub fn settings(&self) -> WebhookSettings {
        WebhookSettings {
            allow_private: self.webhooks_allow_private,
            timeout: Duration::from_secs(self.webhook_timeout_seconds),
            retry_base: Duration::from_secs(self.webhook_retry_seconds),
            retry_for: Duration::from_secs(self.webhook_retry_for_seconds),
        }
    }
}
