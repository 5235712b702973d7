//! Start-up refuses content it cannot trust, and says why.

use std::path::Path;
use std::process::Command;

#[test]
fn an_invalid_matrix_file_stops_the_server_naming_file_row_and_problem() {
    let dir = std::env::temp_dir().join(format!("tally-bad-matrix-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../matrices/programmer.toml")).unwrap();
    let broken = good.replacen("  \"Knows the basic sorting and searching routines and roughly how fast each one is.\",\n", "", 1);
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
        stderr.contains("programmer.toml") && stderr.contains("row 'algorithms': has 3 descriptions but the matrix has 4 levels"),
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
