//! Start-up refuses content it cannot trust, and says why.

use crate::common;

use std::path::Path;
use std::process::Command;

#[test]
fn an_invalid_matrix_file_stops_the_server_naming_file_row_and_problem() {
    let dir = std::env::temp_dir().join(format!("tally-bad-matrix-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../matrices/programmer.toml")).unwrap();
    let broken = good.replacen(
        "  \"Knows the basic sorting and searching routines and roughly how fast each one is.\",\n",
        "",
        1,
    );
    assert_ne!(good, broken, "the test removed one description");
    std::fs::write(dir.join("programmer.toml"), broken).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_server"))
        .env("TALLY_MATRICES", &dir)
        .env("DATABASE_URL", format!("sqlite://{}", dir.join("tally.db").display()))
        .env("LEPTOS_SITE_ADDR", "127.0.0.1:0")
        .env("LEPTOS_OUTPUT_NAME", "tally")
        .output()
        .unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("programmer.toml")
            && stderr.contains("row 'algorithms': has 3 descriptions but the matrix has 4 levels"),
        "{stderr}"
    );
}

#[test]
fn an_unsupported_database_url_is_refused() {
    let output = Command::new(env!("CARGO_BIN_EXE_server"))
        .env("DATABASE_URL", "mysql://somewhere")
        .env("LEPTOS_OUTPUT_NAME", "tally")
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("DATABASE_URL 'mysql://somewhere' is not supported"));
}

#[test]
fn a_wrong_setting_is_named_and_help_lists_every_setting() {
    let run = |args: &[&str], env: &[(&str, &str)]| {
        Command::new(env!("CARGO_BIN_EXE_server")).args(args).envs(env.iter().copied()).output().unwrap()
    };
    let wrong = run(&[], &[("TALLY_LIMIT_SUBMIT_IP", "lots")]);
    assert!(!wrong.status.success());
    let stderr = String::from_utf8_lossy(&wrong.stderr);
    assert!(stderr.contains("--limit-submit-ip") && stderr.contains("'lots' is not a limit"), "{stderr}");
    let help = String::from_utf8_lossy(&run(&["--help"], &[]).stdout).to_string();
    for setting in ["DATABASE_URL", "TALLY_LIMIT_SUBMIT_RESPONDENT", "TALLY_MAX_SOCKETS_PER_IP", "TALLY_LOG_JSON"] {
        assert!(help.contains(setting), "--help names {setting}:\n{help}");
    }
}

#[test]
fn requests_are_logged_as_json_with_their_id() {
    use std::io::{BufRead, BufReader, Read, Write};
    let dir = std::env::temp_dir().join(format!("tally-log-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_server"))
        .env("DATABASE_URL", format!("sqlite://{}", dir.join("tally.db").display()))
        .env("TALLY_MATRICES", Path::new(env!("CARGO_MANIFEST_DIR")).join("../matrices"))
        .env("LEPTOS_SITE_ADDR", "127.0.0.1:0")
        .env("LEPTOS_OUTPUT_NAME", "tally")
        .env("TALLY_LOG_JSON", "true")
        .env("RUST_LOG", "info")
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Logs go to standard output, with the address line among them.
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let (mut line, mut logs) = (String::new(), String::new());
    while !line.contains("open http://") {
        line.clear();
        assert!(stdout.read_line(&mut line).unwrap() > 0, "the server printed its address");
        logs.push_str(&line);
    }
    let address = line.split("open http://").nth(1).unwrap().trim().trim_end_matches('/').to_string();
    let mut stream = std::net::TcpStream::connect(&address).unwrap();
    write!(stream, "GET /api/boards/default/stats HTTP/1.1\r\nHost: {address}\r\nX-Request-Id: trace-me-42\r\nConnection: close\r\n\r\n").unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    assert!(response.to_ascii_lowercase().contains("x-request-id: trace-me-42"), "{response}");
    std::thread::sleep(std::time::Duration::from_millis(200));
    child.kill().unwrap();
    child.wait().unwrap();
    stdout.read_to_string(&mut logs).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    let entries: Vec<serde_json::Value> = logs.lines().filter_map(|l| serde_json::from_str(l).ok()).collect();
    let handled = entries
        .iter()
        .find(|e| e["fields"]["message"] == "handled" && e["span"]["request_id"] == "trace-me-42")
        .unwrap_or_else(|| panic!("a JSON line for the request in:\n{logs}"));
    assert_eq!(handled["fields"]["status"], 200);
    assert_eq!(handled["span"]["board"], "default");
    assert!(handled["fields"]["latency_ms"].as_f64().is_some());
    let settings =
        entries.iter().find(|e| e["fields"]["message"] == "starting").expect("settings are logged at start-up");
    assert!(settings["fields"]["settings"].as_str().unwrap().contains("limit_submit_ip=20/s:200"));
}

/// Values that parse but would break the server later (a zero heartbeat, a
/// rate whose refill time overflows) are refused at start, naming the setting.
#[test]
fn settings_out_of_range_are_refused_at_start() {
    for (setting, value, flag) in [
        ("TALLY_PING_SECONDS", "0", "--ping-seconds"),
        ("TALLY_LIVE_INTERVAL_MS", "0", "--live-interval-ms"),
        ("TALLY_HEADER_TIMEOUT_MS", "0", "--header-timeout-ms"),
        ("TALLY_BODY_TIMEOUT_MS", "99999999999", "--body-timeout-ms"),
        ("TALLY_LIMIT_SUBMIT_IP", "1e-300/s", "--limit-submit-ip"),
        ("TALLY_LIMIT_CONNECT_IP", "5/s:1e300", "--limit-connect-ip"),
        ("TALLY_MAX_CONNECTIONS", "0", "--max-connections"),
        ("TALLY_COMMIT_TIMEOUT_MS", "0", "--commit-timeout-ms"),
        ("TALLY_PG_LOCK_TIMEOUT_MS", "0", "--pg-lock-timeout-ms"),
        ("TALLY_PG_CA_FILE", "/no/such/ca.pem", "--pg-ca-file"),
        ("TALLY_PUBLIC_URL", "ftp://tally.example", "--public-url"),
    ] {
        let output = Command::new(env!("CARGO_BIN_EXE_server")).env(setting, value).output().unwrap();
        assert!(!output.status.success(), "{setting}={value} must stop the server");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(flag) && stderr.contains(value), "{setting}={value}: {stderr}");
    }
}

/// A second instance on the same SQLite file would serve stale figures, so
/// it refuses to start, saying why.
#[tokio::test]
async fn a_second_instance_on_one_sqlite_file_is_refused() {
    let first = common::TestServer::start();
    let output = Command::new(env!("CARGO_BIN_EXE_server"))
        .env("DATABASE_URL", format!("sqlite://{}", first.dir.join("tally.db").display()))
        .env("TALLY_MATRICES", Path::new(env!("CARGO_MANIFEST_DIR")).join("../matrices"))
        .env("LEPTOS_SITE_ADDR", "127.0.0.1:0")
        .env("LEPTOS_OUTPUT_NAME", "tally")
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("another Tally instance is using") && stderr.contains("tally.db.lock"), "{stderr}");
    assert_eq!(reqwest::get(first.url("/healthz")).await.unwrap().status(), 200, "the first one goes on serving");
}

/// The settings logged at start-up name every setting but keep secrets
/// out: the database password and the metrics token.
#[tokio::test]
async fn the_logged_settings_leave_secrets_out() {
    let db = common::TestDatabase::create(common::Backend::Postgres).await;
    let with_password = db.url.replacen("://postgres@", "://postgres:hunter2@", 1);
    assert_ne!(with_password, db.url, "the test's address gained a password");
    let server = common::TestServer::start_with(&[
        ("DATABASE_URL", &with_password),
        ("TALLY_METRICS_TOKEN", "token-that-stays-secret"),
        ("RUST_LOG", "info"),
    ]);
    let log = server.log();
    let settings = log.lines().find(|l| l.contains("starting")).expect("settings are logged at start-up");
    assert!(settings.contains("metrics_token=set") && settings.contains("max_rounds=100"), "{settings}");
    assert!(settings.contains("database_url=postgres://postgres@"), "{settings}");
    assert!(!log.contains("hunter2") && !log.contains("token-that-stays-secret"), "{log}");
}
