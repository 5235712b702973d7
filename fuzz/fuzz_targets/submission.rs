//! Any bytes as a submission body: decoding and validation must answer with
//! a value or an error, never a panic, and whatever they accept must fit the
//! matrix (known rows, levels in range).
#![no_main]

use app::answers::validate;
use app::backend::catalog::parse;
use app::backend::submission_body::SubmissionBody;
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn matrix() -> &'static app::matrix::Matrix {
    static MATRIX: OnceLock<app::matrix::Matrix> = OnceLock::new();
    MATRIX.get_or_init(|| parse(include_str!("../../matrices/programmer.toml")).expect("the shipped matrix is valid"))
}

fuzz_target!(|bytes: &[u8]| {
    let Ok(body) = SubmissionBody::decode(bytes) else { return };
    if let Ok(answers) = validate(matrix(), body.raw_answers()) {
        for (row, level) in &answers {
            assert!(matrix().row(row).is_some(), "accepted an unknown row");
            assert!((*level as usize) < matrix().levels.len(), "accepted a level out of range");
        }
    }
});
