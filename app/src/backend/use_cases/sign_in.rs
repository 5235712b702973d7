//! Signing in with the server's OpenID Connect provider, and who a request
//! is signed in as. The flow's checks are the `oidc` module's; here are the
//! parts Tally keeps: a sign-in under way (its state good once, on any
//! instance), the session that follows, and signing out.

use super::{Caller, Tally};
use crate::backend::engine::now;
use crate::backend::store::{PendingSignIn, Session};
use crate::error::TallyError;
use axum::http::HeaderValue;

/// How long a person may take at the provider, in seconds.
const SIGN_IN_SECONDS: i64 = 600;
/// How long a session lasts, in seconds (30 days).
const SESSION_SECONDS: i64 = 30 * 24 * 3600;

/// Who a request is signed in as.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Account {
    /// Derived from the provider's issuer and subject (see
    /// `Respondents::account`).
    pub id: String,
    /// As the provider verified it; empty when it did not.
    pub email: String,
    pub name: String,
}

impl Tally {
    /// Whether this server offers sign-in (`TALLY_OIDC_ISSUER` is set).
    pub fn offers_sign_in(&self) -> bool {
        self.provider.is_some()
    }

    /// Starts signing in: the provider's address to send the browser to.
    /// `return_to` (a path on this site) is where the way back ends.
    pub async fn start_sign_in(&self, caller: &Caller, return_to: &str) -> Result<String, TallyError> {
        let provider = self.provider.as_ref().ok_or_else(no_sign_in)?;
        self.limits.sign_in(caller.ip)?;
        let started = provider.start().await?;
        let now = now();
        let pending = PendingSignIn {
            state_hash: self.respondents.sign_in_hash("state", &started.state),
            verifier: started.verifier,
            nonce: started.nonce,
            return_to: return_to.to_string(),
            expires_at: now + SIGN_IN_SECONDS,
        };
        self.engine.sign_ins().begin_sign_in(pending, now).await?;
        Ok(started.url)
    }

    /// Finishes a sign-in the provider sent back: the `Set-Cookie` of the
    /// new session, and where to go. A state works once, and only for ten
    /// minutes; whatever fails, no session is made.
    pub async fn finish_sign_in(
        &self,
        caller: &Caller,
        state: &str,
        code: &str,
    ) -> Result<(HeaderValue, String), TallyError> {
        let provider = self.provider.as_ref().ok_or_else(no_sign_in)?;
        self.limits.sign_in(caller.ip)?;
        let now = now();
        let state_hash = self.respondents.sign_in_hash("state", state);
        let pending = self.engine.sign_ins().take_sign_in(&state_hash, now).await?.ok_or_else(|| {
            TallyError::SignInRefused("this sign-in is unknown, was used already or took too long: start again".into())
        })?;
        let identity = provider.finish(code, &pending.verifier, &pending.nonce).await?;
        let token = format!("{:032x}", rand::random::<u128>());
        let session = Session {
            id_hash: self.respondents.sign_in_hash("session", &token),
            account: self.respondents.account(&identity.issuer, &identity.subject),
            email: identity.email,
            name: identity.name,
            expires_at: now + SESSION_SECONDS,
        };
        self.engine.sign_ins().add_session(session, now).await?;
        let cookie = self.respondents.session_cookie().set(&token, SESSION_SECONDS as u64);
        Ok((cookie, pending.return_to))
    }

    /// Ends the caller's session, everywhere: the `Set-Cookie` removing it.
    pub async fn sign_out(&self, caller: &Caller) -> Result<HeaderValue, TallyError> {
        if let Some(token) = &caller.session {
            self.engine.sign_ins().end_session(&self.respondents.sign_in_hash("session", token)).await?;
        }
        Ok(self.respondents.session_cookie().set("", 0))
    }

    /// Who the caller is signed in as, if their session still holds.
    pub async fn account(&self, caller: &Caller) -> Result<Option<Account>, TallyError> {
        let Some(token) = caller.session.as_deref().filter(|_| self.provider.is_some()) else { return Ok(None) };
        let id_hash = self.respondents.sign_in_hash("session", token);
        let session = self.engine.sign_ins().session(&id_hash, now()).await?;
        Ok(session.map(|s| Account { id: s.account, email: s.email, name: s.name }))
    }
}

fn no_sign_in() -> TallyError {
    TallyError::BadRequest("this server does not offer sign-in (no TALLY_OIDC_ISSUER is set)".into())
}
