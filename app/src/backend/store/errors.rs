//! Database errors in words: what was being done, then what the database
//! said. Every call into either driver maps its error through one of these,
//! with the context, so no database error reaches a log without it.

use crate::error::TallyError;
use tokio_postgres::error::SqlState;

/// A SQLite failure while doing `context` ("reading a board").
pub(super) fn sqlite(context: &str) -> impl Fn(rusqlite::Error) -> TallyError + '_ {
    move |e| TallyError::Internal(format!("{context}: {}", with_causes(&e)))
}

/// A PostgreSQL failure while doing `context`. A lock held too long
/// elsewhere, or a statement cancelled at its deadline, is the database
/// being busy, not broken: worth a retry.
pub(super) fn postgres(context: &str) -> impl Fn(tokio_postgres::Error) -> TallyError + '_ {
    move |e| match e.code() {
        Some(code) if *code == SqlState::LOCK_NOT_AVAILABLE || *code == SqlState::QUERY_CANCELED => {
            tracing::warn!(error = %with_causes(&e), "PostgreSQL statement timed out while {context}");
            TallyError::Unavailable { what: "the database is busy".into(), retry_after: 1 }
        }
        _ => TallyError::Internal(format!("PostgreSQL, {context}: {}", with_causes(&e))),
    }
}

/// An error's message followed by each of its causes', so the log line says
/// what the database said (PostgreSQL's own message is a cause of the
/// driver's "db error"). `TallyError` travels to the browser as data, so it
/// keeps this text rather than the error value.
fn with_causes(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut cause = error.source();
    while let Some(inner) = cause {
        text.push_str(": ");
        text.push_str(&inner.to_string());
        cause = inner.source();
    }
    text
}
