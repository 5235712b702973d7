//! A matrix as a file: read from TOML (the templates' format) or JSON, and
//! written as TOML. One place for both, so the editor and the API read and
//! write the same files and refuse them with the same words.

use super::matrix_body;
use crate::error::TallyError;
use crate::matrix::Matrix;

/// A matrix file's text as a matrix, for the editor to show and fix: only a
/// file that is not a matrix at all is refused.
pub fn read(text: &str) -> Result<Matrix, TallyError> {
    let value: serde_json::Value = match text.trim_start().starts_with('{') {
        true => serde_json::from_str(text).map_err(|e| TallyError::BadRequest(format!("not valid JSON: {e}")))?,
        false => toml::from_str(text).map_err(|e| not_toml(text, &e))?,
    };
    matrix_body::read(value)
}

/// The matrix as a TOML file's text.
pub fn write(matrix: &Matrix) -> Result<String, TallyError> {
    toml::to_string(matrix).map_err(|e| TallyError::BadRequest(format!("this matrix cannot be written as TOML: {e}")))
}

/// Where the TOML went wrong and why, without echoing the offending line
/// (which may be any length) as the parser's own message does.
fn not_toml(text: &str, error: &toml::de::Error) -> TallyError {
    let reason: String = error.message().chars().take(200).collect();
    let Some(span) = error.span() else { return TallyError::BadRequest(format!("not valid TOML: {reason}")) };
    let before = &text[..span.start.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    TallyError::BadRequest(format!("not valid TOML at line {line}, column {column}: {reason}"))
}
