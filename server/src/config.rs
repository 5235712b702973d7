//! Settings from the environment. The listen address and site paths are
//! cargo-leptos' own (`LEPTOS_SITE_ADDR`, `LEPTOS_SITE_ROOT`, ...).

use app::store::DatabaseUrl;
use std::path::PathBuf;

pub struct Config {
    /// `DATABASE_URL`, default `sqlite://data/tally.db`.
    pub database: DatabaseUrl,
    /// `TALLY_MATRICES`, default `matrices`: the directory of matrix files.
    pub matrices_dir: PathBuf,
    /// `TALLY_DEFAULT_MATRIX`, default `programmer`: the default board's matrix.
    pub default_matrix: String,
}

impl Config {
    pub fn from_env() -> Result<Config, String> {
        let var = |name: &str, default: &str| std::env::var(name).unwrap_or_else(|_| default.to_string());
        Ok(Config {
            database: DatabaseUrl::parse(&var("DATABASE_URL", "sqlite://data/tally.db"))?,
            matrices_dir: PathBuf::from(var("TALLY_MATRICES", "matrices")),
            default_matrix: var("TALLY_DEFAULT_MATRIX", "programmer"),
        })
    }

    pub fn database_label(&self) -> String {
        match &self.database {
            DatabaseUrl::Sqlite(path) => format!("sqlite://{}", path.display()),
        }
    }
}
