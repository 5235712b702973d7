//! Where the data lives and how long the database may take.

use app::backend::store::{CaSource, DatabaseOptions, DatabaseUrl};
use std::path::PathBuf;
use std::time::Duration;

#[derive(clap::Args, Debug)]
pub struct DatabaseArgs {
    /// sqlite://<file>, or postgres://... to share the data between several instances
    #[arg(long, env = "DATABASE_URL", default_value = "sqlite://data/tally.db", value_parser = DatabaseUrl::parse)]
    database_url: DatabaseUrl,
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
}

impl DatabaseArgs {
    pub fn into_settings(self) -> (DatabaseUrl, DatabaseOptions) {
        let options = DatabaseOptions {
            commit_timeout: Duration::from_millis(self.commit_timeout_ms),
            statement_timeout: Duration::from_millis(self.pg_statement_timeout_ms),
            lock_timeout: Duration::from_millis(self.pg_lock_timeout_ms),
            ca: self.pg_ca_file,
        };
        (self.database_url, options)
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
