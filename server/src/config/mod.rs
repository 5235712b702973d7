//! Settings, from flags or the environment (`tally --help` lists them). The
//! listen address and site paths are cargo-leptos' own (`LEPTOS_SITE_ADDR`,
//! `LEPTOS_SITE_ROOT`, ...). Every value is checked here, before anything
//! starts, and a wrong one stops the server with a message naming it.
//!
//! The flags are grouped by the part of the server they set, one file each
//! ([`database`], [`boards`], [`live`], [`network`], [`limits`],
//! [`sign_in`], [`webhooks`], [`retention`]), and
//! flattened into one command line; each group makes its part's settings.

mod boards;
mod database;
mod limits;
mod live;
mod network;
mod retention;
mod sign_in;
mod webhooks;

use crate::allowed_hosts::AllowedHosts;
use crate::connection_cap::ConnectionCaps;
use crate::live::LiveConfig;
use crate::origin::Origins;
use crate::request_body::BodyDeadline;
use app::backend::client_addr::TrustedProxies;
use app::backend::engine::CachePolicy;
use app::backend::limits::Limits;
use app::backend::oidc::OidcSettings;
use app::backend::retention::Retention;
use app::backend::store::{DatabaseOptions, DatabaseUrl};
use app::backend::use_cases::Bounds;
use app::backend::webhooks::WebhookSettings;
use clap::{ArgMatches, CommandFactory, FromArgMatches, Parser};
pub use network::MetricsAccess;
use std::path::PathBuf;
use std::time::Duration;

#[derive(Parser, Debug)]
#[command(name = "tally", about = "Tally: a live competency matrix")]
struct Args {
    #[command(flatten)]
    database: database::DatabaseArgs,
    #[command(flatten)]
    boards: boards::BoardArgs,
    #[command(flatten)]
    live: live::LiveArgs,
    #[command(flatten)]
    network: network::NetworkArgs,
    #[command(flatten)]
    limits: limits::LimitArgs,
    #[command(flatten)]
    sign_in: sign_in::SignInArgs,
    #[command(flatten)]
    webhooks: webhooks::WebhookArgs,
    #[command(flatten)]
    retention: retention::RetentionArgs,
    /// Log lines as JSON objects instead of text
    #[arg(long, env = "TALLY_LOG_JSON", default_value_t = false)]
    log_json: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

/// What to do instead of serving.
#[derive(clap::Subcommand, Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Recount every board's stored answers and compare them with the stored figures; exits with 1 on any
    /// mismatch. It only reads, so it can run beside a server on the same data
    Verify,
    /// Write a consistent copy of the SQLite database to FILE, while a server serves it or not (PostgreSQL:
    /// pg_dump)
    Backup { file: PathBuf },
    /// Check the copy in FILE by a recount, then put it in the SQLite database's place, keeping the file it
    /// replaces beside it; refused while a server holds the database (PostgreSQL: pg_restore)
    Restore { file: PathBuf },
}

pub struct Config {
    pub database: DatabaseUrl,
    /// Commit deadline, PostgreSQL timeouts and TLS trust.
    pub database_options: DatabaseOptions,
    pub matrices_dir: PathBuf,
    pub default_matrix: String,
    pub live: LiveConfig,
    /// Worker threads of the live connections' own runtime.
    pub live_threads: usize,
    pub origins: Origins,
    /// Host names the site answers to.
    pub hosts: AllowedHosts,
    /// Whose `X-Forwarded-For` names the client.
    pub proxies: TrustedProxies,
    pub header_timeout: Duration,
    /// Caps on open connections, checked on accept.
    pub connections: ConnectionCaps,
    pub body_deadline: BodyDeadline,
    pub limits: Limits,
    /// How far a board may grow, and what one response carries.
    pub bounds: Bounds,
    pub log_json: bool,
    /// The site's public address, without a trailing slash.
    pub public_url: Option<String>,
    /// Who may read `/metrics`, and where.
    pub metrics: MetricsAccess,
    /// Which boards stay in memory.
    pub boards: CachePolicy,
    /// The OpenID Connect provider people sign in with, if any.
    pub oidc: Option<OidcSettings>,
    /// Where webhooks may go, and how long they are tried.
    pub webhooks: WebhookSettings,
    /// What is deleted after how long (nothing, unless set).
    pub retention: Retention,
    /// `verify` instead of serving, when given.
    pub command: Option<Command>,
    /// What the settings are, for the log at start-up; no secrets.
    pub summary: String,
}

impl Config {
    /// Reads flags and environment; `--help` and wrong values exit here.
    pub fn load() -> Config {
        let matches = Args::command().get_matches();
        let args = Args::from_arg_matches(&matches).unwrap_or_else(|error| error.exit());
        let summary = summary(&matches);
        let Args { database, boards, live, network, limits, sign_in, webhooks, retention, log_json, command } = args;
        let oidc = sign_in.settings(network.public_url.as_deref()).unwrap_or_else(|message| {
            Args::command().error(clap::error::ErrorKind::MissingRequiredArgument, message).exit()
        });
        let (database, database_options) = database.into_settings();
        Config {
            database,
            database_options,
            live: live.live_config(),
            live_threads: live.live_threads as usize,
            origins: network.origins(),
            hosts: network.hosts(),
            proxies: network.trusted_proxies.clone(),
            header_timeout: Duration::from_millis(network.header_timeout_ms),
            connections: network.connections(),
            body_deadline: BodyDeadline(Duration::from_millis(network.body_timeout_ms)),
            limits: limits.limits(),
            bounds: limits.bounds(),
            log_json,
            metrics: network.metrics(),
            public_url: network.public_url,
            boards: boards.cache_policy(),
            oidc,
            webhooks: webhooks.settings(),
            retention: retention.retention(),
            matrices_dir: boards.matrices,
            default_matrix: boards.default_matrix,
            command,
            summary,
        }
    }

    /// Whether browsers reach the site over HTTPS (`TALLY_PUBLIC_URL`).
    pub fn https(&self) -> bool {
        self.public_url.as_deref().is_some_and(|url| url.starts_with("https://"))
    }
}

/// Every setting as given (or defaulted), `name=value`, for the log: the
/// metrics token only as `set`, the database address without its password.
fn summary(matches: &ArgMatches) -> String {
    let command = Args::command();
    let settings =
        command.get_arguments().map(|arg| arg.get_id().as_str()).filter(|id| !matches!(*id, "help" | "version"));
    let shown = settings.map(|id| {
        let raw = matches.get_raw(id).map(|values| values.map(|v| v.to_string_lossy()).collect::<Vec<_>>().join(","));
        let value = match (id, raw) {
            (_, None) => "none".to_string(),
            ("metrics_token" | "oidc_client_secret", Some(_)) => "set".to_string(),
            ("database_url", Some(url)) => DatabaseUrl::parse(&url).map(|url| url.label()).unwrap_or_default(),
            (_, Some(value)) => value,
        };
        format!("{id}={value}")
    });
    shown.collect::<Vec<_>>().join(" ")
}
