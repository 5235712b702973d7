//! TLS to PostgreSQL, against a server of the test's own that takes TCP
//! connections only over TLS, with a certificate made here: `sslmode`
//! decides whether to encrypt, `TALLY_PG_CA_FILE` whether the server must
//! prove who it is.

use crate::common;

use common::private_postgres::{Certificates, PrivatePostgres};
use common::{answers, row_ids, TestServer};
use std::process::Command;

fn url(server: &PrivatePostgres, sslmode: &str) -> String {
    format!("postgres://postgres@localhost:{}/postgres?sslmode={sslmode}", server.port)
}

/// Starts Tally expecting it to fail; its error output.
fn refused(env: &[(&str, &str)]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_server"))
        .env("LEPTOS_SITE_ADDR", "127.0.0.1:0")
        .env("LEPTOS_OUTPUT_NAME", "tally")
        .env("TALLY_MATRICES", concat!(env!("CARGO_MANIFEST_DIR"), "/../matrices"))
        .envs(env.iter().copied())
        .output()
        .unwrap();
    assert!(!output.status.success());
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[tokio::test]
async fn a_verified_tls_connection_serves_and_nothing_else_gets_in() {
    let certificates = Certificates::new();
    let postgres = PrivatePostgres::start(&certificates);
    let dir = std::env::temp_dir().join(format!("tally-ca-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let ca = dir.join("ca.pem");
    std::fs::write(&ca, &certificates.ca_pem).unwrap();
    let stranger = dir.join("stranger.pem");
    std::fs::write(&stranger, Certificates::new().ca_pem).unwrap();

    let tally = TestServer::start_with(&[
        ("DATABASE_URL", &url(&postgres, "require")),
        ("TALLY_PG_CA_FILE", ca.to_str().unwrap()),
    ]);
    let rows = row_ids(&tally.matrix().await);
    let body = serde_json::json!({ "answers": answers(&rows, |_| 2) });
    let client = reqwest::Client::new();
    let response = client.post(tally.url("/api/boards/default/submissions")).body(body.to_string()).send().await;
    assert_eq!(response.unwrap().status(), 200);
    assert_eq!(reqwest::get(tally.url("/readyz")).await.unwrap().status(), 200);
    // Every one of Tally's sessions is encrypted, as the server sees them.
    let sessions = postgres
        .connect()
        .await
        .query(
            "SELECT a.application_name, s.ssl FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid)
             WHERE a.application_name LIKE 'tally-%'",
            &[],
        )
        .await
        .unwrap();
    let roles: Vec<(String, bool)> = sessions.iter().map(|r| (r.get(0), r.get(1))).collect();
    assert!(roles.len() >= 3, "writer, reader and listener: {roles:?}");
    assert!(roles.iter().all(|(_, ssl)| *ssl), "{roles:?}");
    drop(tally);

    // A certificate from another authority is not this server's.
    let stderr =
        refused(&[("DATABASE_URL", &url(&postgres, "require")), ("TALLY_PG_CA_FILE", stranger.to_str().unwrap())]);
    assert!(stderr.contains("opening the database") && stderr.contains("invalid peer certificate"), "{stderr}");
    // Without TLS this server lets nobody in.
    let stderr = refused(&[("DATABASE_URL", &url(&postgres, "disable"))]);
    assert!(stderr.contains("no encryption"), "{stderr}");
    // Without a CA file the session is encrypted, the server taken on trust.
    let trusting = TestServer::start_with(&[("DATABASE_URL", &url(&postgres, "require"))]);
    assert_eq!(reqwest::get(trusting.url("/readyz")).await.unwrap().status(), 200);
    std::fs::remove_dir_all(&dir).unwrap();
}
