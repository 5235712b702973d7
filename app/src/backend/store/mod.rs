//! Durable storage of boards, submissions and their running aggregates.
//!
//! [`contract`] is the page that defines persistence: the [`Store`] traits
//! the engine talks to, and the promises every database keeps. Each backend
//! applies a whole batch of submissions in one transaction (group commit)
//! and reports how each touched board's figures moved ([`FiguresDelta`] in
//! [`committed`], worked out once in [`plan`]), so the engine moves its in-memory figures
//! by the same deltas without reading them back.
//!
//! SQLite serves one instance. PostgreSQL lets several instances share the
//! data; each then also hears, through [`Commits::changes`], which boards
//! the others moved, so it can reload them.
//!
//! The parts: [`types`] (the records), [`rows`] (stored rows into records),
//! [`sql`] (statements both databases run as they are), [`errors`] (every
//! database error with what was being done), [`deadline`] (the commit
//! deadline), [`settings`] (`DATABASE_URL` and time limits), and one folder
//! per database, holding one file per trait of the contract.

mod committed;
pub mod contract;
mod deadline;
mod errors;
pub mod lifecycle;
mod plan;
mod postgres;
mod rows;
mod settings;
mod sql;
mod sqlite;
mod types;

pub use committed::{Committed, FiguresDelta, Placed, Refusal};
pub use contract::{server_secret, verify_all, Boards, Commits, Invitations, Owners, Rounds, SignIns, Store, Webhooks};
pub use lifecycle::{AuditTrail, ForgottenRound, Lifecycle};
pub use postgres::PostgresStore;
pub use settings::{CaSource, DatabaseOptions, DatabaseUrl};
pub use sqlite::copy::{back_up, put_back};
pub use sqlite::SqliteStore;
pub use types::{
    AnsweredRound, Attempt, BoardInfo, Change, DueDelivery, InvitationChange, ListedBoard, NewDelivery, NewInvitation,
    ParticipationReached, PendingSignIn, Session, StoredBoard, StoredInvitation, StoredWebhook, Submission,
};

use crate::error::TallyError;

/// The database `url` names, migrated to this server's schema.
pub async fn open(url: &DatabaseUrl, options: &DatabaseOptions) -> Result<Box<dyn Store>, TallyError> {
    match url {
        DatabaseUrl::Sqlite(path) => Ok(Box::new(SqliteStore::open(path.clone(), options).await?)),
        DatabaseUrl::Postgres(config) => Ok(Box::new(PostgresStore::open(config, options).await?)),
    }
}

/// For `server verify`: a SQLite file read-only, without its lock or
/// migrations, so a server may run on it; PostgreSQL as usual.
pub async fn open_read_only(url: &DatabaseUrl, options: &DatabaseOptions) -> Result<Box<dyn Store>, TallyError> {
    match url {
        DatabaseUrl::Sqlite(path) => Ok(Box::new(SqliteStore::open_read_only(path.clone(), options).await?)),
        DatabaseUrl::Postgres(_) => open(url, options).await,
    }
}
