//! One respondent's answers, and the rules a submission must satisfy before
//! the engine sees it. The web form and the JSON API both come through
//! [`validate`], so they accept and reject exactly the same things.

use crate::error::TallyError;
use crate::matrix::Matrix;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Row id -> chosen level index. Keyed by id rather than position so stored
/// answers survive a matrix file gaining or reordering rows.
pub type Answers = BTreeMap<String, u8>;

/// A respondent's latest answers, to preselect them when they return.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PreviousAnswers {
    pub answers: Answers,
    /// Unix seconds.
    pub submitted_at: i64,
}

/// A level as it arrived on the wire, before we know it is a valid index.
#[derive(Clone, Debug, PartialEq)]
pub enum RawLevel {
    Index(u64),
    /// Anything that was not a whole number, kept to quote it back.
    Other(String),
}

impl RawLevel {
    /// Form fields are text: a decimal number is an index, anything else is not.
    pub fn from_text(text: &str) -> Self {
        match text.trim().parse::<u64>() {
            Ok(n) => RawLevel::Index(n),
            Err(_) => RawLevel::Other(format!("\"{}\"", text.chars().take(40).collect::<String>())),
        }
    }
}

/// Checks every answer against the matrix and reports all problems at once,
/// each naming its row, so a person can fix the whole form in one go.
pub fn validate(matrix: &Matrix, raw: impl IntoIterator<Item = (String, RawLevel)>) -> Result<Answers, TallyError> {
    let mut answers = Answers::new();
    let mut problems = Vec::new();
    let max = matrix.levels.len() - 1;
    for (row_id, level) in raw {
        let Some(row) = matrix.row(&row_id) else {
            let shown: String = row_id.chars().take(64).collect();
            problems.push(format!("unknown row '{shown}'"));
            continue;
        };
        match level {
            RawLevel::Index(n) if n as usize <= max => {
                answers.insert(row.id.clone(), n as u8);
            }
            RawLevel::Index(n) => {
                problems.push(format!("{} ({}): level {n} does not exist (levels are 0 to {max})", row.title, row.id))
            }
            RawLevel::Other(text) => problems
                .push(format!("{} ({}): level must be a whole number from 0 to {max}, got {text}", row.title, row.id)),
        }
    }
    if !matrix.allow_partial {
        for row in matrix.rows().filter(|r| !answers.contains_key(&r.id)) {
            if !problems.iter().any(|p| p.starts_with(&format!("{} ({})", row.title, row.id))) {
                problems.push(format!("{} ({}): no level chosen", row.title, row.id));
            }
        }
    } else if answers.is_empty() && problems.is_empty() {
        problems.push("no row was answered".into());
    }
    if problems.is_empty() {
        Ok(answers)
    } else {
        Err(TallyError::InvalidSubmission(problems))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matrix::tests::sample;

    fn raw(pairs: &[(&str, RawLevel)]) -> Vec<(String, RawLevel)> {
        pairs.iter().map(|(r, l)| (r.to_string(), l.clone())).collect()
    }

    #[test]
    fn complete_answers_pass() {
        let answers = validate(
            &sample(),
            raw(&[("r1", RawLevel::Index(0)), ("r2", RawLevel::Index(2)), ("r3", RawLevel::from_text("1"))]),
        )
        .unwrap();
        assert_eq!(answers, Answers::from([("r1".into(), 0), ("r2".into(), 2), ("r3".into(), 1)]));
    }

    #[test]
    fn every_problem_is_named() {
        let err = validate(
            &sample(),
            raw(&[("r1", RawLevel::Index(3)), ("nope", RawLevel::Index(0)), ("r2", RawLevel::from_text("x"))]),
        )
        .unwrap_err();
        assert_eq!(
            err,
            TallyError::InvalidSubmission(vec![
                "Row r1 (r1): level 3 does not exist (levels are 0 to 2)".into(),
                "unknown row 'nope'".into(),
                "Row r2 (r2): level must be a whole number from 0 to 2, got \"x\"".into(),
                "Row r3 (r3): no level chosen".into(),
            ])
        );
        assert_eq!(err.status(), 422);
    }

    #[test]
    fn huge_numbers_are_out_of_range_not_wrapped() {
        let err = validate(
            &sample(),
            raw(&[("r1", RawLevel::Index(256)), ("r2", RawLevel::Index(0)), ("r3", RawLevel::Index(0))]),
        );
        assert!(matches!(err, Err(TallyError::InvalidSubmission(p)) if p[0].contains("level 256 does not exist")));
    }

    #[test]
    fn partial_matrices_accept_skipped_rows_but_not_nothing() {
        let mut m = sample();
        m.allow_partial = true;
        assert_eq!(validate(&m, raw(&[("r2", RawLevel::Index(1))])).unwrap().len(), 1);
        assert_eq!(validate(&m, Vec::new()), Err(TallyError::InvalidSubmission(vec!["no row was answered".into()])));
    }
}
