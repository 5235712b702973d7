//! Settings from the environment. The listen address and site paths are
//! cargo-leptos' own (`LEPTOS_SITE_ADDR`, `LEPTOS_SITE_ROOT`, ...).

use crate::live::LiveConfig;
use crate::origin::Origins;
use app::store::DatabaseUrl;
use std::path::PathBuf;
use std::time::Duration;

pub struct Config {
    /// `DATABASE_URL`, default `sqlite://data/tally.db`; `postgres://...` to
    /// share the data between several instances.
    pub database: DatabaseUrl,
    /// `TALLY_MATRICES`, default `matrices`: the directory of matrix files.
    pub matrices_dir: PathBuf,
    /// `TALLY_DEFAULT_MATRIX`, default `programmer`: the default board's matrix.
    pub default_matrix: String,
    pub live: LiveConfig,
    /// `TALLY_ALLOWED_ORIGINS`: origins besides the site's own whose pages may
    /// open live sockets and send changes, comma-separated.
    pub origins: Origins,
}

impl Config {
    pub fn from_env() -> Result<Config, String> {
        let var = |name: &str, default: &str| std::env::var(name).unwrap_or_else(|_| default.to_string());
        Ok(Config {
            database: DatabaseUrl::parse(&var("DATABASE_URL", "sqlite://data/tally.db"))?,
            matrices_dir: PathBuf::from(var("TALLY_MATRICES", "matrices")),
            default_matrix: var("TALLY_DEFAULT_MATRIX", "programmer"),
            live: LiveConfig {
                interval: Duration::from_millis(number("TALLY_LIVE_INTERVAL_MS", 50)?),
                ping_every: Duration::from_secs(number("TALLY_PING_SECONDS", 20)?),
                read_buffer: 4096,
                max_client_message: 1024,
            },
            origins: Origins::new(
                var("TALLY_ALLOWED_ORIGINS", "")
                    .split(',')
                    .map(|o| o.trim().trim_end_matches('/').to_string())
                    .filter(|o| !o.is_empty())
                    .collect(),
            ),
        })
    }
}

fn number(name: &str, default: u64) -> Result<u64, String> {
    match std::env::var(name) {
        Ok(text) => text.parse().map_err(|_| format!("{name} must be a whole number, got '{text}'")),
        Err(_) => Ok(default),
    }
}
