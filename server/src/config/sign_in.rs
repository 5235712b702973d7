//! Sign-in with an OpenID Connect provider: off unless an issuer is set.

use app::backend::oidc::OidcSettings;

#[derive(clap::Args, Debug)]
pub struct SignInArgs {
    /// The OpenID Connect provider people sign in with (its issuer URL); sign-in is off without it
    #[arg(long, env = "TALLY_OIDC_ISSUER")]
    oidc_issuer: Option<String>,
    /// This server's client id at that provider
    #[arg(long, env = "TALLY_OIDC_CLIENT_ID", requires = "oidc_issuer")]
    oidc_client_id: Option<String>,
    /// This server's client secret at that provider, if it has one
    #[arg(long, env = "TALLY_OIDC_CLIENT_SECRET", requires = "oidc_issuer", hide_env_values = true)]
    oidc_client_secret: Option<String>,
}

impl SignInArgs {
    /// The provider's settings; the way back is `<public URL>/auth/callback`,
    /// so sign-in needs `TALLY_PUBLIC_URL` too.
    pub fn settings(self, public_url: Option<&str>) -> Result<Option<OidcSettings>, String> {
        let Some(issuer) = self.oidc_issuer else { return Ok(None) };
        let client_id = self.oidc_client_id.ok_or("TALLY_OIDC_ISSUER is set, so TALLY_OIDC_CLIENT_ID must be too")?;
        let public_url = public_url
            .ok_or("TALLY_OIDC_ISSUER is set, so TALLY_PUBLIC_URL must be too: the provider sends people back to it")?;
        let redirect_url = format!("{public_url}/auth/callback");
        Ok(Some(OidcSettings { issuer, client_id, client_secret: self.oidc_client_secret, redirect_url }))
    }
}
