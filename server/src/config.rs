//! Settings, from flags or the environment (`tally --help` lists them). The
//! listen address and site paths are cargo-leptos' own (`LEPTOS_SITE_ADDR`,
//! `LEPTOS_SITE_ROOT`, ...). Every value is checked here, before anything
//! starts, and a wrong one stops the server with a message naming it.

use crate::allowed_hosts::AllowedHosts;
use crate::connection_cap::ConnectionCaps;
use crate::live::LiveConfig;
use crate::origin::Origins;
use crate::request_body::BodyDeadline;
use app::backend::client_addr::TrustedProxies;
use app::backend::engine::CachePolicy;
use app::backend::limits::{parse_limit, LimitSettings, Limits, Rate};
use app::backend::store::{CaSource, DatabaseOptions, DatabaseUrl};
use app::backend::use_cases::Bounds;
use clap::Parser;
use std::path::PathBuf;
use std::time::Duration;

/// A limit or `off`. An alias, so clap takes it as a value that is always
/// there rather than as an optional flag.
type RateSetting = Option<Rate>;
/// A count or `off` (see [`RateSetting`]).
type CapSetting = Option<usize>;

#[derive(Parser, Debug)]
#[command(name = "tally", about = "Tally: a live competency matrix")]
struct Args {
    /// sqlite://<file>, or postgres://... to share the data between several instances
    #[arg(long, env = "DATABASE_URL", default_value = "sqlite://data/tally.db", value_parser = DatabaseUrl::parse)]
    database_url: DatabaseUrl,
    /// Directory of matrix files, validated at start-up
    #[arg(long, env = "TALLY_MATRICES", default_value = "matrices")]
    matrices: PathBuf,
    /// Matrix of the board at /
    #[arg(long, env = "TALLY_DEFAULT_MATRIX", default_value = "programmer")]
    default_matrix: String,
    /// At most one live message per connection per this many ms
    #[arg(long, env = "TALLY_LIVE_INTERVAL_MS", default_value_t = 50, value_parser = clap::value_parser!(u64).range(1..=60_000))]
    live_interval_ms: u64,
    /// Threads for live connections, apart from those serving requests; default: half the cores
    #[arg(long, env = "TALLY_LIVE_THREADS", default_value_t = half_the_cores(), value_parser = clap::value_parser!(u64).range(1..=256))]
    live_threads: u64,
    /// Live heartbeat; two missed pongs close the connection
    #[arg(long, env = "TALLY_PING_SECONDS", default_value_t = 20, value_parser = clap::value_parser!(u64).range(1..=3600))]
    ping_seconds: u64,
    /// Origins besides the site's own whose pages may open live sockets and send changes, comma-separated
    #[arg(long, env = "TALLY_ALLOWED_ORIGINS", default_value = "")]
    allowed_origins: String,
    /// Host names (host or host:port) this site answers to, comma-separated; unset: any
    #[arg(long, env = "TALLY_ALLOWED_HOSTS", default_value = "")]
    allowed_hosts: String,
    /// Proxies (CIDRs or addresses, comma-separated) whose X-Forwarded-For names the client; unset: none
    #[arg(long, env = "TALLY_TRUSTED_PROXIES", default_value = "", value_parser = TrustedProxies::parse)]
    trusted_proxies: TrustedProxies,
    /// A request's headers must arrive within this many ms
    #[arg(long, env = "TALLY_HEADER_TIMEOUT_MS", default_value_t = 10_000, value_parser = clap::value_parser!(u64).range(1..=600_000))]
    header_timeout_ms: u64,
    /// A request's body must arrive within this many ms
    #[arg(long, env = "TALLY_BODY_TIMEOUT_MS", default_value_t = 10_000, value_parser = clap::value_parser!(u64).range(1..=600_000))]
    body_timeout_ms: u64,
    /// Submissions per client IP: <count>/<s|m|h>[:<burst>] or off
    #[arg(long, env = "TALLY_LIMIT_SUBMIT_IP", default_value = "20/s:200", value_parser = parse_limit)]
    limit_submit_ip: RateSetting,
    /// Respondents the server makes up (answers without a cookie) per client IP and board
    #[arg(long, env = "TALLY_LIMIT_NEW_RESPONDENTS_IP", default_value = "120/h:60", value_parser = parse_limit)]
    limit_new_respondents_ip: RateSetting,
    /// Submissions per respondent
    #[arg(long, env = "TALLY_LIMIT_SUBMIT_RESPONDENT", default_value = "30/m:10", value_parser = parse_limit)]
    limit_submit_respondent: RateSetting,
    /// Live-socket connects per client IP
    #[arg(long, env = "TALLY_LIMIT_CONNECT_IP", default_value = "10/s:100", value_parser = parse_limit)]
    limit_connect_ip: RateSetting,
    /// Open live sockets per client IP, or off
    #[arg(long, env = "TALLY_MAX_SOCKETS_PER_IP", default_value = "500", value_parser = parse_cap)]
    max_sockets_per_ip: CapSetting,
    /// Open TCP connections (live sockets included), all clients together, or off
    #[arg(long, env = "TALLY_MAX_CONNECTIONS", default_value = "20000", value_parser = parse_cap)]
    max_connections: CapSetting,
    /// Open TCP connections from one client IP, or off
    #[arg(long, env = "TALLY_MAX_CONNECTIONS_PER_IP", default_value = "1000", value_parser = parse_cap)]
    max_connections_per_ip: CapSetting,
    /// New boards per client network (an IPv4 /24, an IPv6 /48)
    #[arg(long, env = "TALLY_LIMIT_CREATE_IP", default_value = "20/h:10", value_parser = parse_limit)]
    limit_create_ip: RateSetting,
    /// Wrong admin keys per client IP; past it every admin request from that IP gets 429 for a while
    #[arg(long, env = "TALLY_LIMIT_ADMIN_GUESSES_IP", default_value = "60/h:30", value_parser = parse_limit)]
    limit_admin_guesses_ip: RateSetting,
    /// Rounds one board may have
    #[arg(long, env = "TALLY_MAX_ROUNDS", default_value_t = 100, value_parser = clap::value_parser!(u32).range(1..=10_000))]
    max_rounds: u32,
    /// Group figures (groups x rounds) the comparison page offers to choose from (exports carry all, streamed)
    #[arg(long, env = "TALLY_MAX_GROUP_FIGURES", default_value_t = 1000, value_parser = clap::value_parser!(u64).range(1..=1_000_000))]
    max_group_figures: u64,
    /// New boards per hour from everyone together, or off
    #[arg(long, env = "TALLY_MAX_BOARDS_PER_HOUR", default_value = "1000", value_parser = parse_cap)]
    max_boards_per_hour: CapSetting,
    /// When set, `/metrics` answers only requests with `Authorization: Bearer <this token>`
    #[arg(long, env = "TALLY_METRICS_TOKEN", hide_env_values = true)]
    metrics_token: Option<String>,
    /// When set, `/metrics` is served on this address only (e.g. 127.0.0.1:9100), not on the site's
    #[arg(long, env = "TALLY_METRICS_ADDR")]
    metrics_addr: Option<std::net::SocketAddr>,
    /// The site's public address (https://tally.example.com): links handed out are absolute, and with
    /// https the respondent cookie is Secure and __Host- prefixed and pages send HSTS
    #[arg(long, env = "TALLY_PUBLIC_URL", value_parser = parse_public_url)]
    public_url: Option<String>,
    /// A group commit still running after this many ms is interrupted (and rolled back); a submitter waits
    /// at most twice this for its acknowledgement
    #[arg(long, env = "TALLY_COMMIT_TIMEOUT_MS", default_value_t = 5000, value_parser = clap::value_parser!(u64).range(100..=600_000))]
    commit_timeout_ms: u64,
    /// PostgreSQL statement_timeout for every session, in ms
    #[arg(long, env = "TALLY_PG_STATEMENT_TIMEOUT_MS", default_value_t = 30_000, value_parser = clap::value_parser!(u64).range(100..=3_600_000))]
    pg_statement_timeout_ms: u64,
    /// PostgreSQL lock_timeout for every session, in ms: how long a statement waits for a row lock held elsewhere
    #[arg(long, env = "TALLY_PG_LOCK_TIMEOUT_MS", default_value_t = 2000, value_parser = clap::value_parser!(u64).range(10..=3_600_000))]
    pg_lock_timeout_ms: u64,
    /// PEM file of the CA a PostgreSQL server's certificate must chain to (and name the host), or `system`
    /// for the machine's roots; unset: TLS (as sslmode asks) encrypts without authenticating the server
    #[arg(long, env = "TALLY_PG_CA_FILE", value_parser = parse_ca)]
    pg_ca_file: Option<CaSource>,
    /// A board held in memory that nobody asked for or wrote to for this many seconds is dropped (and read
    /// again, and checked, on its next use)
    #[arg(long, env = "TALLY_BOARD_IDLE_SECONDS", default_value_t = 300, value_parser = clap::value_parser!(u64).range(1..=86_400))]
    board_idle_seconds: u64,
    /// At most this many boards held in memory; past it the least recently used are dropped (never one in use)
    #[arg(long, env = "TALLY_MAX_LOADED_BOARDS", default_value_t = 10_000, value_parser = clap::value_parser!(u64).range(1..=10_000_000))]
    max_loaded_boards: u64,
    /// Log lines as JSON objects instead of text
    #[arg(long, env = "TALLY_LOG_JSON", default_value_t = false)]
    log_json: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

/// What to do instead of serving.
#[derive(clap::Subcommand, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// Recount every board's stored answers and compare them with the stored figures; exits with 1 on any
    /// mismatch. It only reads, so it can run beside a server on the same data
    Verify,
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
    /// `verify` instead of serving, when given.
    pub command: Option<Command>,
    /// What the settings are, for the log at start-up; no secrets.
    pub summary: String,
}

impl Config {
    /// Reads flags and environment; `--help` and wrong values exit here.
    pub fn load() -> Config {
        let args = Args::parse();
        let summary = format!(
            "database={} matrices={} default_matrix={} live_threads={} live_interval_ms={} ping_seconds={} allowed_origins=[{}] allowed_hosts=[{}] trusted_proxies=[{}] \
             header_timeout_ms={} body_timeout_ms={} limit_submit_ip={} limit_new_respondents_ip={} limit_submit_respondent={} limit_connect_ip={} \
             max_sockets_per_ip={} max_connections={} max_connections_per_ip={} limit_create_ip={} limit_admin_guesses_ip={} max_rounds={} max_group_figures={} max_boards_per_hour={} metrics_token={} metrics_addr={} public_url={} \
             commit_timeout_ms={} pg_statement_timeout_ms={} pg_lock_timeout_ms={} pg_ca_file={} board_idle_seconds={} max_loaded_boards={}",
            args.database_url.label(),
            args.matrices.display(),
            args.default_matrix,
            args.live_threads,
            args.live_interval_ms,
            args.ping_seconds,
            args.allowed_origins,
            args.allowed_hosts,
            args.trusted_proxies,
            args.header_timeout_ms,
            args.body_timeout_ms,
            show(args.limit_submit_ip),
            show(args.limit_new_respondents_ip),
            show(args.limit_submit_respondent),
            show(args.limit_connect_ip),
            show_cap(args.max_sockets_per_ip),
            show_cap(args.max_connections),
            show_cap(args.max_connections_per_ip),
            show(args.limit_create_ip),
            show(args.limit_admin_guesses_ip),
            args.max_rounds,
            args.max_group_figures,
            show_cap(args.max_boards_per_hour),
            if args.metrics_token.is_some() { "set" } else { "none" },
            args.metrics_addr.map_or("site".to_string(), |a| a.to_string()),
            args.public_url.as_deref().unwrap_or("none"),
            args.commit_timeout_ms,
            args.pg_statement_timeout_ms,
            args.pg_lock_timeout_ms,
            match &args.pg_ca_file {
                None => "none".to_string(),
                Some(CaSource::System) => "system".to_string(),
                Some(CaSource::File(path)) => path.display().to_string(),
            },
            args.board_idle_seconds,
            args.max_loaded_boards,
        );
        Config {
            database: args.database_url,
            database_options: DatabaseOptions {
                commit_timeout: Duration::from_millis(args.commit_timeout_ms),
                statement_timeout: Duration::from_millis(args.pg_statement_timeout_ms),
                lock_timeout: Duration::from_millis(args.pg_lock_timeout_ms),
                ca: args.pg_ca_file,
            },
            matrices_dir: args.matrices,
            default_matrix: args.default_matrix,
            live_threads: args.live_threads as usize,
            live: LiveConfig {
                interval: Duration::from_millis(args.live_interval_ms),
                ping_every: Duration::from_secs(args.ping_seconds),
                read_buffer: 256,
                max_client_message: 1024,
            },
            origins: Origins::new(
                args.allowed_origins
                    .split(',')
                    .map(|o| o.trim().trim_end_matches('/').to_string())
                    .filter(|o| !o.is_empty())
                    .collect(),
            ),
            hosts: AllowedHosts::parse(&args.allowed_hosts),
            proxies: args.trusted_proxies.clone(),
            header_timeout: Duration::from_millis(args.header_timeout_ms),
            connections: ConnectionCaps { total: args.max_connections, per_ip: args.max_connections_per_ip },
            body_deadline: BodyDeadline(Duration::from_millis(args.body_timeout_ms)),
            limits: Limits::new(LimitSettings {
                submissions_per_ip: args.limit_submit_ip,
                new_respondents_per_ip: args.limit_new_respondents_ip,
                submissions_per_respondent: args.limit_submit_respondent,
                connects_per_ip: args.limit_connect_ip,
                sockets_per_ip: args.max_sockets_per_ip,
                boards_per_ip: args.limit_create_ip,
                admin_guesses_per_ip: args.limit_admin_guesses_ip,
                boards_per_hour: args.max_boards_per_hour,
            }),
            bounds: Bounds { max_rounds: args.max_rounds, max_group_figures: args.max_group_figures as usize },
            log_json: args.log_json,
            public_url: args.public_url,
            metrics: MetricsAccess { token: args.metrics_token.filter(|t| !t.is_empty()), address: args.metrics_addr },
            boards: CachePolicy {
                idle_after: Duration::from_secs(args.board_idle_seconds),
                max_loaded: args.max_loaded_boards as usize,
            },
            command: args.command,
            summary,
        }
    }
}

/// Who may read `/metrics`: anyone who can reach it (the default), or only
/// holders of a bearer token, and on the site's address or one of its own.
#[derive(Clone, Debug)]
pub struct MetricsAccess {
    /// Required as `Authorization: Bearer <token>` when set.
    pub token: Option<String>,
    /// Served there instead of on the site's address, when set.
    pub address: Option<std::net::SocketAddr>,
}

impl Config {
    /// Whether browsers reach the site over HTTPS (`TALLY_PUBLIC_URL`).
    pub fn https(&self) -> bool {
        self.public_url.as_deref().is_some_and(|url| url.starts_with("https://"))
    }
}

/// `http(s)://host[:port][/path]`, kept without its trailing slash.
fn parse_public_url(text: &str) -> Result<String, String> {
    let url = text.trim().trim_end_matches('/');
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://"));
    let fine = |rest: &str| {
        let host = rest.split('/').next().unwrap_or_default();
        !host.is_empty() && !rest.contains(['?', '#', '@']) && rest.bytes().all(|b| b.is_ascii_graphic())
    };
    match rest {
        Some(rest) if fine(rest) => Ok(url.to_string()),
        _ => Err(format!("'{text}' is not an http:// or https:// address without query, fragment or user")),
    }
}

fn parse_ca(text: &str) -> Result<CaSource, String> {
    match text.trim() {
        "system" => Ok(CaSource::System),
        "" => Err("empty: give a PEM file or `system`".to_string()),
        path if std::path::Path::new(path).is_file() => Ok(CaSource::File(PathBuf::from(path))),
        path => Err(format!("'{path}' is not a file")),
    }
}

fn half_the_cores() -> u64 {
    std::thread::available_parallelism().map_or(1, |n| (n.get() as u64 / 2).max(1))
}

fn parse_cap(text: &str) -> Result<CapSetting, String> {
    match text.trim() {
        "off" => Ok(None),
        other => match other.parse() {
            Ok(0) | Err(_) => Err(format!("'{other}' is not a whole number from 1 up, or off")),
            Ok(n) => Ok(Some(n)),
        },
    }
}

fn show_cap(cap: CapSetting) -> String {
    cap.map_or("off".to_string(), |n| n.to_string())
}

fn show(rate: RateSetting) -> String {
    rate.map_or("off".to_string(), |r| format!("{:.3}/s:{}", r.per_second, r.burst))
}
