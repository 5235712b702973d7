//! What an organisation keeps, and for how long: off unless set.

use app::backend::retention::Retention;
use std::time::Duration;

#[derive(clap::Args, Debug)]
pub struct RetentionArgs {
    /// Delete boards nobody answered and no admin changed for this long, as their admin would (e.g. "400d",
    /// "2years"); unset, boards are kept
    #[arg(long, env = "TALLY_RETAIN_IDLE_BOARDS", value_parser = humantime::parse_duration)]
    retain_idle_boards: Option<Duration>,
    /// Delete earlier rounds (never the open one) that ended this long ago, with their answers (e.g. "730d");
    /// unset, rounds are kept
    #[arg(long, env = "TALLY_RETAIN_ROUNDS", value_parser = humantime::parse_duration)]
    retain_rounds: Option<Duration>,
    /// How often retention looks for what is due
    #[arg(long, env = "TALLY_RETENTION_EVERY", default_value = "1h", value_parser = humantime::parse_duration)]
    retention_every: Duration,
}

impl RetentionArgs {
    pub fn retention(&self) -> Retention {
        Retention {
            idle_boards: self.retain_idle_boards,
            rounds: self.retain_rounds,
            every: self.retention_every.max(Duration::from_secs(1)),
        }
    }
}
