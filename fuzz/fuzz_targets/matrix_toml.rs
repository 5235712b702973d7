//! Any text as a matrix file: the loader must accept it or say why, never
//! panic, and what it accepts must pass its own checks.
#![no_main]

use app::backend::catalog::parse;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    if let Ok(matrix) = parse(text) {
        assert!(matrix.problems().is_empty());
        assert!(matrix.rows().all(|row| row.descriptions.len() == matrix.levels.len()));
    }
});
