//! [`SignIns`] on SQLite.

use super::super::contract::SignIns;
use super::super::sql;
use super::super::types::{PendingSignIn, Session};
use super::{failed, numbered, SqliteStore};
use crate::error::TallyError;
use async_trait::async_trait;
use rusqlite::{OptionalExtension, Row, ToSql};

const ADD_SIGN_IN: &str =
    "INSERT INTO sign_ins (state_hash, verifier, nonce, return_to, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)";
const SWEEP_SIGN_INS: &str = "DELETE FROM sign_ins WHERE expires_at < ?1";
const ADD_SESSION: &str =
    "INSERT INTO sessions (id_hash, account, email, name, expires_at) VALUES (?1, ?2, ?3, ?4, ?5)";
const SWEEP_SESSIONS: &str = "DELETE FROM sessions WHERE expires_at < ?1";

#[async_trait]
impl SignIns for SqliteStore {
    async fn begin_sign_in(&self, pending: PendingSignIn, now: i64) -> Result<(), TallyError> {
        self.write(move |conn| {
            let tx = conn.transaction().map_err(failed("starting a sign-in"))?;
            tx.execute(SWEEP_SIGN_INS, [&now]).map_err(failed("forgetting old sign-ins"))?;
            let PendingSignIn { state_hash, verifier, nonce, return_to, expires_at } = &pending;
            let values: [&dyn ToSql; 5] = [state_hash, verifier, nonce, return_to, expires_at];
            tx.execute(ADD_SIGN_IN, values.as_slice()).map_err(failed("starting a sign-in"))?;
            tx.commit().map_err(failed("committing a sign-in"))
        })
        .await
    }

    async fn take_sign_in(&self, state_hash: &str, now: i64) -> Result<Option<PendingSignIn>, TallyError> {
        let state_hash = state_hash.to_string();
        let taken = self
            .write(move |conn| {
                conn.query_row(sql::TAKE_SIGN_IN, numbered(&[&state_hash]).as_slice(), pending)
                    .optional()
                    .map_err(failed("finishing a sign-in"))
            })
            .await?;
        Ok(taken.filter(|p| p.expires_at > now))
    }

    async fn add_session(&self, session: Session, now: i64) -> Result<(), TallyError> {
        self.write(move |conn| {
            let tx = conn.transaction().map_err(failed("signing in"))?;
            tx.execute(SWEEP_SESSIONS, [&now]).map_err(failed("forgetting old sessions"))?;
            let Session { id_hash, account, email, name, expires_at } = &session;
            let values: [&dyn ToSql; 5] = [id_hash, account, email, name, expires_at];
            tx.execute(ADD_SESSION, values.as_slice()).map_err(failed("signing in"))?;
            tx.commit().map_err(failed("committing a session"))
        })
        .await
    }

    async fn session(&self, id_hash: &str, now: i64) -> Result<Option<Session>, TallyError> {
        let id_hash = id_hash.to_string();
        self.read(move |conn| {
            conn.query_row(sql::SESSION, numbered(&[&id_hash, &now]).as_slice(), session)
                .optional()
                .map_err(failed("reading a session"))
        })
        .await
    }

    async fn end_session(&self, id_hash: &str) -> Result<(), TallyError> {
        let id_hash = id_hash.to_string();
        self.write(move |conn| {
            conn.execute(sql::END_SESSION, numbered(&[&id_hash]).as_slice()).map_err(failed("signing out"))?;
            Ok(())
        })
        .await
    }
}

fn pending(r: &Row) -> rusqlite::Result<PendingSignIn> {
    Ok(PendingSignIn {
        state_hash: r.get(0)?,
        verifier: r.get(1)?,
        nonce: r.get(2)?,
        return_to: r.get(3)?,
        expires_at: r.get(4)?,
    })
}

fn session(r: &Row) -> rusqlite::Result<Session> {
    Ok(Session { id_hash: r.get(0)?, account: r.get(1)?, email: r.get(2)?, name: r.get(3)?, expires_at: r.get(4)? })
}
