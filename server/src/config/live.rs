//! Live connections: how often they hear, how they are kept alive, and the
//! threads they run on.

use crate::live::LiveConfig;
use std::time::Duration;

#[derive(clap::Args, Debug)]
pub struct LiveArgs {
    /// At most one live message per connection per this many ms
    #[arg(long, env = "TALLY_LIVE_INTERVAL_MS", default_value_t = 50, value_parser = clap::value_parser!(u64).range(1..=60_000))]
    live_interval_ms: u64,
    /// Threads for live connections, apart from those serving requests; default: half the cores
    #[arg(long, env = "TALLY_LIVE_THREADS", default_value_t = half_the_cores(), value_parser = clap::value_parser!(u64).range(1..=256))]
    pub live_threads: u64,
    /// Live heartbeat; two missed pongs close the connection
    #[arg(long, env = "TALLY_PING_SECONDS", default_value_t = 20, value_parser = clap::value_parser!(u64).range(1..=3600))]
    ping_seconds: u64,
}

impl LiveArgs {
    pub fn live_config(&self) -> LiveConfig {
        LiveConfig {
            interval: Duration::from_millis(self.live_interval_ms),
            ping_every: Duration::from_secs(self.ping_seconds),
            read_buffer: 256,
            max_client_message: 1024,
        }
    }
}

fn half_the_cores() -> u64 {
    std::thread::available_parallelism().map_or(1, |n| (n.get() as u64 / 2).max(1))
}
