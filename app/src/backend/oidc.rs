//! Sign-in through the server's OpenID Connect provider, with the
//! `openidconnect` crate: the authorization-code flow with PKCE, `state`
//! and `nonce`, and the ID token verified by the crate (signature against
//! the provider's keys, issuer, audience, expiry, nonce). Nothing here
//! parses or checks a JWT by hand.
//!
//! The provider's endpoints are discovered once; its keys (JWKS) are read
//! again on every sign-in. Sign-ins are rare, and reading them each time
//! means a key the provider has just added is accepted at once, and one it
//! has withdrawn is refused at once, with no cache to go stale.

use crate::error::TallyError;
use openidconnect::core::{CoreAuthenticationFlow, CoreClient, CoreProviderMetadata};
use openidconnect::reqwest;
use openidconnect::{
    AuthorizationCode, ClientId, ClientSecret, CsrfToken, IssuerUrl, JsonWebKeySet, Nonce, PkceCodeChallenge,
    PkceCodeVerifier, RedirectUrl, Scope, TokenResponse,
};
use std::time::Duration;
use tokio::sync::RwLock;

/// Where the provider is and who this server is to it
/// (`TALLY_OIDC_ISSUER`, `TALLY_OIDC_CLIENT_ID`, `TALLY_OIDC_CLIENT_SECRET`).
#[derive(Clone, Debug)]
pub struct OidcSettings {
    pub issuer: String,
    pub client_id: String,
    pub client_secret: Option<String>,
    /// `TALLY_PUBLIC_URL` + `/auth/callback`: registered with the provider.
    pub redirect_url: String,
}

/// A sign-in sent to the provider: where to send the browser, and what the
/// way back must match.
pub struct Started {
    pub url: String,
    pub state: String,
    pub verifier: String,
    pub nonce: String,
}

/// Who the provider vouched for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Identity {
    pub issuer: String,
    pub subject: String,
    /// Only when the provider says it verified the address; else empty.
    pub email: String,
    pub name: String,
}

pub struct Provider {
    settings: OidcSettings,
    http: reqwest::Client,
    /// The provider's endpoints, once discovered.
    metadata: RwLock<Option<CoreProviderMetadata>>,
}

impl Provider {
    pub fn new(settings: OidcSettings) -> Result<Provider, TallyError> {
        IssuerUrl::new(settings.issuer.clone()).map_err(|e| config_error("TALLY_OIDC_ISSUER", e))?;
        RedirectUrl::new(settings.redirect_url.clone()).map_err(|e| config_error("TALLY_PUBLIC_URL", e))?;
        let http = reqwest::ClientBuilder::new()
            // Following redirects would let a provider's answer send this
            // server anywhere.
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(10))
            .build()
            .map_err(|e| TallyError::Internal(format!("the sign-in HTTP client: {e}")))?;
        Ok(Provider { settings, http, metadata: RwLock::new(None) })
    }

    /// A new sign-in: the provider's address with a fresh PKCE challenge,
    /// state and nonce.
    pub async fn start(&self) -> Result<Started, TallyError> {
        let client = self.client(self.metadata().await?);
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let (url, state, nonce) = client
            .authorize_url(CoreAuthenticationFlow::AuthorizationCode, CsrfToken::new_random, Nonce::new_random)
            .add_scope(Scope::new("email".into()))
            .add_scope(Scope::new("profile".into()))
            .set_pkce_challenge(challenge)
            .url();
        Ok(Started {
            url: url.to_string(),
            state: state.secret().clone(),
            verifier: verifier.secret().clone(),
            nonce: nonce.secret().clone(),
        })
    }

    /// Exchanges `code` for tokens and verifies the ID token against the
    /// provider's current keys and the sign-in's `nonce`.
    pub async fn finish(&self, code: &str, verifier: &str, nonce: &str) -> Result<Identity, TallyError> {
        let mut metadata = self.metadata().await?;
        let keys = JsonWebKeySet::fetch_async(metadata.jwks_uri(), &self.http).await.map_err(unreachable)?;
        metadata = metadata.set_jwks(keys);
        let client = self.client(metadata);
        let exchange = client.exchange_code(AuthorizationCode::new(code.into())).map_err(refused)?;
        let tokens = exchange
            .set_pkce_verifier(PkceCodeVerifier::new(verifier.into()))
            .request_async(&self.http)
            .await
            .map_err(refused)?;
        let token = tokens.id_token().ok_or_else(|| refused("the provider sent no ID token"))?;
        let claims = token.claims(&client.id_token_verifier(), &Nonce::new(nonce.into())).map_err(refused)?;
        let email = match (claims.email(), claims.email_verified()) {
            (Some(email), Some(true)) => email.as_str().to_lowercase(),
            _ => String::new(),
        };
        let name = claims.name().and_then(|n| n.get(None)).map(|n| n.as_str().to_string()).unwrap_or_default();
        Ok(Identity {
            issuer: claims.issuer().as_str().to_string(),
            subject: claims.subject().as_str().to_string(),
            email,
            name,
        })
    }

    fn client(
        &self,
        metadata: CoreProviderMetadata,
    ) -> openidconnect::core::CoreClient<
        openidconnect::EndpointSet,
        openidconnect::EndpointNotSet,
        openidconnect::EndpointNotSet,
        openidconnect::EndpointNotSet,
        openidconnect::EndpointMaybeSet,
        openidconnect::EndpointMaybeSet,
    > {
        let secret = self.settings.client_secret.clone().map(ClientSecret::new);
        CoreClient::from_provider_metadata(metadata, ClientId::new(self.settings.client_id.clone()), secret)
            .set_redirect_uri(RedirectUrl::new(self.settings.redirect_url.clone()).expect("checked in new"))
    }

    /// The provider's discovery document, fetched on first use (and again
    /// after a failure, so a provider down at start-up is found later).
    async fn metadata(&self) -> Result<CoreProviderMetadata, TallyError> {
        if let Some(known) = self.metadata.read().await.as_ref() {
            return Ok(known.clone());
        }
        let issuer = IssuerUrl::new(self.settings.issuer.clone()).expect("checked in new");
        let found = CoreProviderMetadata::discover_async(issuer, &self.http).await.map_err(unreachable)?;
        *self.metadata.write().await = Some(found.clone());
        Ok(found)
    }
}

fn config_error(setting: &str, error: impl std::fmt::Display) -> TallyError {
    TallyError::Internal(format!("{setting} is not a usable URL for sign-in: {error}"))
}

/// The provider could not be asked: worth trying again later.
fn unreachable(error: impl std::fmt::Display) -> TallyError {
    tracing::warn!(%error, "the sign-in provider could not be reached");
    TallyError::Unavailable { what: "the sign-in provider cannot be reached".into(), retry_after: 30 }
}

/// The provider's answer does not prove who the person is.
fn refused(error: impl std::fmt::Display) -> TallyError {
    TallyError::SignInRefused(format!("sign-in refused: {error}"))
}
