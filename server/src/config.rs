//! Settings from the environment. The listen address and site paths are
//! cargo-leptos' own (`LEPTOS_SITE_ADDR`, `LEPTOS_SITE_ROOT`, ...).

use crate::live::LiveConfig;
use crate::origin::Origins;
use crate::request_body::BodyDeadline;
use app::rate_limit::{parse_limit, Limits, Rate};
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
    /// `TALLY_HEADER_TIMEOUT_MS`, default 10000: a request's headers must
    /// arrive within this time of its first byte.
    pub header_timeout: Duration,
    /// `TALLY_BODY_TIMEOUT_MS`, default 10000: a request's body must arrive
    /// within this time.
    pub body_deadline: BodyDeadline,
    /// `TALLY_LIMIT_SUBMIT_IP` (default `20/s:200`), `TALLY_LIMIT_SUBMIT_RESPONDENT`
    /// (`30/m:10`), `TALLY_LIMIT_CONNECT_IP` (`10/s:100`), `TALLY_MAX_SOCKETS_PER_IP`
    /// (`500`); each may be `off`. See `app/src/rate_limit.rs` for the syntax.
    pub limits: Limits,
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
            limits: Limits::new(
                limit("TALLY_LIMIT_SUBMIT_IP", "20/s:200")?,
                limit("TALLY_LIMIT_SUBMIT_RESPONDENT", "30/m:10")?,
                limit("TALLY_LIMIT_CONNECT_IP", "10/s:100")?,
                match var("TALLY_MAX_SOCKETS_PER_IP", "500").as_str() {
                    "off" => None,
                    _ => Some(number("TALLY_MAX_SOCKETS_PER_IP", 500)? as usize),
                },
            ),
            header_timeout: Duration::from_millis(number("TALLY_HEADER_TIMEOUT_MS", 10_000)?),
            body_deadline: BodyDeadline(Duration::from_millis(number("TALLY_BODY_TIMEOUT_MS", 10_000)?)),
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

fn limit(name: &str, default: &str) -> Result<Option<Rate>, String> {
    parse_limit(&std::env::var(name).unwrap_or_else(|_| default.to_string())).map_err(|e| format!("{name}: {e}"))
}

fn number(name: &str, default: u64) -> Result<u64, String> {
    match std::env::var(name) {
        Ok(text) => text.parse().map_err(|_| format!("{name} must be a whole number, got '{text}'")),
        Err(_) => Ok(default),
    }
}
