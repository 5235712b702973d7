//! How to reach the database (`DATABASE_URL`) and how long it may take
//! (the commit deadline and PostgreSQL's timeouts, with the TLS trust).

use std::path::PathBuf;
use std::time::Duration;

/// Where the data lives, parsed from `DATABASE_URL`.
#[derive(Clone, Debug)]
pub enum DatabaseUrl {
    Sqlite(PathBuf),
    Postgres(Box<tokio_postgres::Config>),
}

impl DatabaseUrl {
    pub fn parse(url: &str) -> Result<Self, String> {
        match url.split_once("://") {
            Some(("sqlite", path)) if !path.is_empty() => Ok(DatabaseUrl::Sqlite(PathBuf::from(path))),
            Some(("postgres" | "postgresql", _)) => url
                .parse()
                .map(|config| DatabaseUrl::Postgres(Box::new(config)))
                .map_err(|e| format!("DATABASE_URL is not a valid PostgreSQL address: {e}")),
            _ => Err(format!(
                "DATABASE_URL '{}' is not supported; use sqlite://<path> or postgres://<user>@<host>/<database>",
                url.chars().take(200).collect::<String>()
            )),
        }
    }

    /// For logs: never includes a password.
    pub fn label(&self) -> String {
        match self {
            DatabaseUrl::Sqlite(path) => format!("sqlite://{}", path.display()),
            DatabaseUrl::Postgres(config) => format!(
                "postgres://{}@{}/{}",
                config.get_user().unwrap_or("-"),
                config
                    .get_hosts()
                    .iter()
                    .map(|h| match h {
                        tokio_postgres::config::Host::Tcp(name) => name.clone(),
                        tokio_postgres::config::Host::Unix(path) => path.display().to_string(),
                    })
                    .collect::<Vec<_>>()
                    .join(","),
                config.get_dbname().unwrap_or("-")
            ),
        }
    }
}

/// How long the database may take, and which certificates TLS trusts.
#[derive(Clone, Debug)]
pub struct DatabaseOptions {
    /// A batch's commit is interrupted past this (both stores).
    pub commit_timeout: Duration,
    /// PostgreSQL's `statement_timeout` for every session.
    pub statement_timeout: Duration,
    /// PostgreSQL's `lock_timeout`: a row lock held elsewhere fails the
    /// waiting statement after this instead of stalling it.
    pub lock_timeout: Duration,
    /// Whom a PostgreSQL server's certificate must chain to; `None` takes
    /// an encrypting server on trust (see `postgres/connection.rs`).
    pub ca: Option<CaSource>,
}

/// Where `TALLY_PG_CA_FILE` points: a PEM file, or `system` for the
/// machine's own roots.
#[derive(Clone, Debug)]
pub enum CaSource {
    System,
    File(PathBuf),
}

impl Default for DatabaseOptions {
    fn default() -> Self {
        DatabaseOptions {
            commit_timeout: Duration::from_secs(5),
            statement_timeout: Duration::from_secs(30),
            lock_timeout: Duration::from_secs(2),
            ca: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::DatabaseUrl;

    #[test]
    fn database_labels_leave_the_password_out() {
        let url = DatabaseUrl::parse("postgres://tally:hunter2@db.internal:5433/tally").unwrap();
        assert_eq!(url.label(), "postgres://tally@db.internal/tally");
        assert_eq!(DatabaseUrl::parse("sqlite://data/t.db").unwrap().label(), "sqlite://data/t.db");
        let refused = DatabaseUrl::parse("mysql://x").unwrap_err();
        assert!(refused.contains("not supported"), "{refused}");
    }
}
