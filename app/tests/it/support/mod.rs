//! A fresh database per test: a SQLite file in its own temporary directory,
//! or a PostgreSQL database created on the server at `TALLY_TEST_POSTGRES`
//! (default `postgres://postgres@127.0.0.1:5432/postgres`). Both are removed
//! when the test ends, even when it fails.
//!
//! Shared by the app's engine tests and the server's tests (by path).

#![allow(dead_code)] // each test crate uses a different part of this

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

pub struct TestDatabase {
    /// What to put in `DATABASE_URL`.
    pub url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    Directory(std::path::PathBuf),
    Database { admin: String, name: String },
}

fn admin_url() -> String {
    std::env::var("TALLY_TEST_POSTGRES").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

fn unique_name() -> String {
    use std::hash::{BuildHasher, RandomState};
    let salt = RandomState::new().hash_one(std::time::SystemTime::now());
    format!("tally_test_{}_{:x}", std::process::id(), salt)
}

impl TestDatabase {
    pub async fn create(backend: Backend) -> TestDatabase {
        let name = unique_name();
        match backend {
            Backend::Sqlite => {
                let dir = std::env::temp_dir().join(name);
                std::fs::create_dir_all(&dir).unwrap();
                TestDatabase {
                    url: format!("sqlite://{}", dir.join("tally.db").display()),
                    cleanup: Cleanup::Directory(dir),
                }
            }
            Backend::Postgres => {
                let admin = admin_url();
                let client = connect(&admin).await;
                client.batch_execute(&format!("CREATE DATABASE {name}")).await.unwrap();
                let base = admin.rsplit_once('/').map(|(base, _)| base).unwrap();
                TestDatabase { url: format!("{base}/{name}"), cleanup: Cleanup::Database { admin, name } }
            }
        }
    }

    /// A connection to the server's admin database (not this test's).
    pub async fn admin() -> tokio_postgres::Client {
        connect(&admin_url()).await
    }

    /// Runs SQL on this test's PostgreSQL database as the admin user.
    pub async fn execute(&self, sql: &str) -> Vec<tokio_postgres::Row> {
        connect(&self.url).await.query(sql, &[]).await.unwrap()
    }

    /// Runs several `;`-separated statements on this test's PostgreSQL
    /// database as the admin user.
    pub async fn execute_batch(&self, sql: &str) {
        connect(&self.url).await.batch_execute(sql).await.unwrap()
    }
}

async fn connect(url: &str) -> tokio_postgres::Client {
    let (client, connection) = tokio_postgres::connect(url, tokio_postgres::NoTls)
        .await
        .unwrap_or_else(|e| panic!("PostgreSQL at {url} is reachable (scripts/bootstrap.sh starts it): {e}"));
    tokio::spawn(connection);
    client
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        match &self.cleanup {
            Cleanup::Directory(dir) => {
                let _ = std::fs::remove_dir_all(dir);
            }
            Cleanup::Database { admin, name } => {
                // Drop may run inside the test's runtime, which cannot be
                // blocked on, so the drop gets a thread and runtime of its own.
                let (admin, name) = (admin.clone(), name.clone());
                let _ = std::thread::spawn(move || {
                    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
                    runtime.block_on(async {
                        let client = connect(&admin).await;
                        let _ = client.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).await;
                    });
                })
                .join();
            }
        }
    }
}
