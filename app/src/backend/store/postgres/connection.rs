//! Connecting to PostgreSQL: TLS as `DATABASE_URL`'s `sslmode` asks, the
//! time limits every session runs under, and one connection per role, made
//! again on its next use after it breaks.
//!
//! TLS. `sslmode=disable` never encrypts; `prefer` (the default) encrypts
//! when the server offers it; `require` refuses a server that does not.
//! Whether the server is *authenticated* is `TALLY_PG_CA_FILE`'s: with a
//! CA file (or `system`, the machine's roots) its certificate must chain to
//! it and name the host (libpq's `verify-full`); without one the session is
//! encrypted but the server is taken on trust, as libpq does for `require`.

use crate::backend::store::{CaSource, DatabaseOptions};
use crate::error::TallyError;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::{verify_tls12_signature, verify_tls13_signature, CryptoProvider};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{ClientConfig, DigitallySignedStruct, RootCertStore, SignatureScheme};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Mutex;
use tokio_postgres::{Client, Config};
use tokio_postgres_rustls::MakeRustlsConnect;

/// How often PostgreSQL checks, during a long statement, that the client is
/// still there, so a transaction abandoned mid-way ends within this.
const CLIENT_CHECK_MS: u64 = 1000;

/// Everything a connection needs besides its role: the address with the
/// session settings added, and the TLS connector.
#[derive(Clone)]
pub struct Connector {
    /// `DATABASE_URL` with the session's time limits added to its options.
    pub config: Config,
    /// Used whenever `sslmode` asks for TLS; ignored with `disable`.
    pub tls: MakeRustlsConnect,
}

impl Connector {
    pub fn new(config: &Config, options: &DatabaseOptions) -> Result<Connector, TallyError> {
        let mut config = config.clone();
        let limits = format!(
            "-c statement_timeout={} -c lock_timeout={} -c client_connection_check_interval={CLIENT_CHECK_MS}",
            options.statement_timeout.as_millis(),
            options.lock_timeout.as_millis()
        );
        let all = match config.get_options() {
            Some(theirs) if !theirs.is_empty() => format!("{theirs} {limits}"),
            _ => limits,
        };
        config.options(&all);
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(Duration::from_secs(10));
        }
        // Unacknowledged data for this long means the peer is gone.
        config.tcp_user_timeout(Duration::from_secs(30));
        Ok(Connector { config, tls: MakeRustlsConnect::new(tls_config(options.ca.as_ref())?) })
    }

    /// A new session named `tally-<role>-<pid>` (as `pg_stat_activity` shows it).
    pub async fn connect(&self, role: &str) -> Result<Client, tokio_postgres::Error> {
        let mut config = self.config.clone();
        config.application_name(format!("tally-{role}-{}", std::process::id()));
        let (client, connection) = config.connect(self.tls.clone()).await?;
        tokio::spawn(async move {
            if let Err(error) = connection.await {
                tracing::warn!(%error, "PostgreSQL connection lost");
            }
        });
        Ok(client)
    }
}

/// One connection, made again on the next use after it breaks.
pub struct Link {
    /// How to make the connection again.
    connector: Connector,
    /// What `pg_stat_activity` calls it: commits, requests or probe.
    role: &'static str,
    /// The connection, once made and while it holds.
    client: Mutex<Option<Arc<Client>>>,
}

impl Link {
    pub fn new(connector: &Connector, role: &'static str) -> Link {
        Link { connector: connector.clone(), role, client: Mutex::new(None) }
    }

    pub async fn get(&self) -> Result<Arc<Client>, TallyError> {
        let mut slot = self.client.lock().await;
        if let Some(client) = slot.as_ref().filter(|c| !c.is_closed()) {
            return Ok(client.clone());
        }
        let connecting = format!("connecting the {} connection", self.role);
        let client = self.connector.connect(self.role).await.map_err(super::failed(&connecting))?;
        let client = Arc::new(client);
        *slot = Some(client.clone());
        Ok(client)
    }

    /// Asks the server to cancel what `client` is running, on a connection
    /// of its own; the statement then fails, and so does its transaction.
    pub fn cancel(&self, client: &Client) {
        let (token, tls) = (client.cancel_token(), self.connector.tls.clone());
        tokio::spawn(async move {
            if let Err(error) = token.cancel_query(tls).await {
                tracing::warn!(%error, "could not cancel a PostgreSQL statement");
            }
        });
    }
}

fn tls_config(ca: Option<&CaSource>) -> Result<ClientConfig, TallyError> {
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let builder = ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .map_err(|e| TallyError::Internal(format!("TLS set-up: {e}")))?;
    let Some(ca) = ca else {
        return Ok(builder
            .dangerous()
            .with_custom_certificate_verifier(Arc::new(EncryptOnly(provider)))
            .with_no_client_auth());
    };
    let mut roots = RootCertStore::empty();
    let certificates: Vec<CertificateDer<'static>> =
        match ca {
            CaSource::System => rustls_native_certs::load_native_certs().certs,
            CaSource::File(path) => CertificateDer::pem_file_iter(path)
                .and_then(|certs| certs.collect::<Result<_, _>>())
                .map_err(|e| TallyError::Internal(format!("reading TALLY_PG_CA_FILE {}: {e}", path.display())))?,
        };
    let (_, ignored) = roots.add_parsable_certificates(certificates);
    if roots.is_empty() {
        return Err(TallyError::Internal(format!("no usable CA certificate in TALLY_PG_CA_FILE ({ignored} ignored)")));
    }
    Ok(builder.with_root_certificates(roots).with_no_client_auth())
}

/// Accepts any server certificate, but still checks that the server holds
/// its key: the session is private from onlookers, not from an impostor.
/// Used only when no CA is configured (see the module's doc).
#[derive(Debug)]
struct EncryptOnly(Arc<CryptoProvider>);

impl ServerCertVerifier for EncryptOnly {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls12_signature(message, cert, dss, &self.0.signature_verification_algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        verify_tls13_signature(message, cert, dss, &self.0.signature_verification_algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}
