//! `/healthz` and `/readyz`, including readiness following the database
//! going away and coming back.

mod common;

use common::{Backend, TestDatabase, TestServer};
use serde_json::Value;

async fn probe(server: &TestServer, path: &str) -> (u16, Value) {
    let response = reqwest::get(server.url(path)).await.unwrap();
    (response.status().as_u16(), response.json().await.unwrap())
}

#[tokio::test]
async fn alive_and_ready_on_the_sqlite_file() {
    let server = TestServer::start();
    assert_eq!(probe(&server, "/healthz").await.0, 200);
    let (status, body) = probe(&server, "/readyz").await;
    assert_eq!((status, body["status"].as_str()), (200, Some("ready")));
    assert!(body["matrices"].as_u64().unwrap() >= 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readiness_follows_the_database() {
    let db = TestDatabase::create(Backend::Postgres).await;
    let server = TestServer::start_with(&[("DATABASE_URL", db.url.as_str())]);
    assert_eq!(probe(&server, "/readyz").await.0, 200);

    let name = db.url.rsplit('/').next().unwrap().to_string();
    let admin = TestDatabase::admin().await;
    admin.batch_execute(&format!("ALTER DATABASE {name} ALLOW_CONNECTIONS false")).await.unwrap();
    admin
        .batch_execute(&format!("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"))
        .await
        .unwrap();
    let (status, body) = probe(&server, "/readyz").await;
    assert_eq!((status, body["reason"].as_str()), (503, Some("the database does not answer")));
    assert_eq!(probe(&server, "/healthz").await.0, 200, "alive all the same");

    admin.batch_execute(&format!("ALTER DATABASE {name} ALLOW_CONNECTIONS true")).await.unwrap();
    assert_eq!(probe(&server, "/readyz").await.0, 200, "ready again once the database is back");
}
