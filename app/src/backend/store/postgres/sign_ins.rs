//! [`SignIns`] on PostgreSQL: one statement each (the connection is
//! shared, so a transaction of several could interleave with another's).

use super::super::contract::SignIns;
use super::super::sql;
use super::super::types::{PendingSignIn, Session};
use super::{failed, PostgresStore};
use crate::error::TallyError;
use async_trait::async_trait;
use tokio_postgres::types::ToSql;
use tokio_postgres::Row;

/// Forgets expired sign-ins (`$6`: now) as it keeps a new one.
const BEGIN_SIGN_IN: &str = "WITH swept AS (DELETE FROM sign_ins WHERE expires_at < $6)
    INSERT INTO sign_ins (state_hash, verifier, nonce, return_to, expires_at) VALUES ($1, $2, $3, $4, $5)";

/// Forgets expired sessions (`$6`: now) as it keeps a new one.
const ADD_SESSION: &str = "WITH swept AS (DELETE FROM sessions WHERE expires_at < $6)
    INSERT INTO sessions (id_hash, account, email, name, expires_at) VALUES ($1, $2, $3, $4, $5)";

#[async_trait]
impl SignIns for PostgresStore {
    async fn begin_sign_in(&self, pending: PendingSignIn, now: i64) -> Result<(), TallyError> {
        let PendingSignIn { state_hash, verifier, nonce, return_to, expires_at } = &pending;
        let values: [&(dyn ToSql + Sync); 6] = [state_hash, verifier, nonce, return_to, expires_at, &now];
        let client = self.requests.get().await?;
        client.execute(BEGIN_SIGN_IN, &values).await.map_err(failed("starting a sign-in"))?;
        Ok(())
    }

    async fn take_sign_in(&self, state_hash: &str, now: i64) -> Result<Option<PendingSignIn>, TallyError> {
        let client = self.requests.get().await?;
        let row = client.query_opt(sql::TAKE_SIGN_IN, &[&state_hash]).await.map_err(failed("finishing a sign-in"))?;
        Ok(row.as_ref().map(pending).filter(|p| p.expires_at > now))
    }

    async fn add_session(&self, session: Session, now: i64) -> Result<(), TallyError> {
        let Session { id_hash, account, email, name, expires_at } = &session;
        let values: [&(dyn ToSql + Sync); 6] = [id_hash, account, email, name, expires_at, &now];
        let client = self.requests.get().await?;
        client.execute(ADD_SESSION, &values).await.map_err(failed("signing in"))?;
        Ok(())
    }

    async fn session(&self, id_hash: &str, now: i64) -> Result<Option<Session>, TallyError> {
        let client = self.requests.get().await?;
        let row = client.query_opt(sql::SESSION, &[&id_hash, &now]).await.map_err(failed("reading a session"))?;
        Ok(row.as_ref().map(session))
    }

    async fn end_session(&self, id_hash: &str) -> Result<(), TallyError> {
        let client = self.requests.get().await?;
        client.execute(sql::END_SESSION, &[&id_hash]).await.map_err(failed("signing out"))?;
        Ok(())
    }
}

fn pending(r: &Row) -> PendingSignIn {
    PendingSignIn {
        state_hash: r.get(0),
        verifier: r.get(1),
        nonce: r.get(2),
        return_to: r.get(3),
        expires_at: r.get(4),
    }
}

fn session(r: &Row) -> Session {
    Session { id_hash: r.get(0), account: r.get(1), email: r.get(2), name: r.get(3), expires_at: r.get(4) }
}
