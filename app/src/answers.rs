//! One respondent's answers, and the rules a submission must satisfy before
//! the engine sees it. The web form and the JSON API both come through
//! [`validate`], so they accept and reject exactly the same things.

use crate::error::{Problem, TallyError};
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
    /// The label of the earlier round they were given in, when the
    /// respondent has not answered the open round yet: the page starts from
    /// them, and nothing counts until they submit.
    #[serde(default)]
    pub from_round: Option<String>,
    /// The group they gave, if any.
    #[serde(default)]
    pub group: Option<String>,
    /// The role they gave (a role's id in the matrix), if any.
    #[serde(default)]
    pub role: Option<String>,
}

/// Where a respondent says they belong, each optional: one of the board's
/// groups and one of its matrix's roles (by id).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Belonging {
    pub group: Option<String>,
    pub role: Option<String>,
}

/// The choices of a form the server refused, posted without JavaScript
/// (see `backend::form_draft`): the page it goes back to starts from them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub answers: Answers,
    /// The group picked (blank: none).
    pub group: String,
    /// The role picked, by id (blank: none).
    #[serde(default)]
    pub role: String,
}

impl From<PreviousAnswers> for Draft {
    fn from(previous: PreviousAnswers) -> Draft {
        Draft {
            answers: previous.answers,
            group: previous.group.unwrap_or_default(),
            role: previous.role.unwrap_or_default(),
        }
    }
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

/// Unknown rows named one by one in an error; past this, only counted, so
/// a submission of thousands of made-up rows gets a short answer.
const UNKNOWN_ROWS_NAMED: usize = 10;

/// Checks every answer against the matrix and reports all problems at once,
/// each naming its row, so a person can fix the whole form in one go.
pub fn validate(matrix: &Matrix, raw: impl IntoIterator<Item = (String, RawLevel)>) -> Result<Answers, TallyError> {
    let mut answers = Answers::new();
    let mut problems = Vec::new();
    let mut unknown = 0;
    let max = matrix.levels.len() - 1;
    for (row_id, level) in raw {
        let Some(row) = matrix.row(&row_id) else {
            unknown += 1;
            if unknown <= UNKNOWN_ROWS_NAMED {
                let shown: String = row_id.chars().take(64).collect();
                problems.push(Problem::overall(format!("unknown row '{shown}'")));
            }
            continue;
        };
        match level {
            RawLevel::Index(n) if n as usize <= max => {
                answers.insert(row.id.clone(), n as u8);
            }
            RawLevel::Index(n) => problems.push(Problem::in_row(
                &row.id,
                format!("{} ({}): level {n} does not exist (levels are 0 to {max})", row.title, row.id),
            )),
            RawLevel::Other(text) => problems.push(Problem::in_row(
                &row.id,
                format!("{} ({}): level must be a whole number from 0 to {max}, got {text}", row.title, row.id),
            )),
        }
    }
    if unknown > UNKNOWN_ROWS_NAMED {
        problems.push(Problem::overall(format!("and {} more unknown rows", unknown - UNKNOWN_ROWS_NAMED)));
    }
    if !matrix.allow_partial {
        for row in matrix.rows().filter(|r| !answers.contains_key(&r.id)) {
            if !problems.iter().any(|p| p.row.as_ref() == Some(&row.id)) {
                problems.push(Problem::in_row(&row.id, format!("{} ({}): no level chosen", row.title, row.id)));
            }
        }
    } else if answers.is_empty() && problems.is_empty() {
        problems.push(Problem::overall("no row was answered"));
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

    /// The sample matrix's verdict on these answers.
    fn judge(pairs: &[(&str, RawLevel)]) -> Result<Answers, TallyError> {
        validate(&sample(), raw(pairs))
    }

    #[test]
    fn complete_answers_pass() {
        let answers =
            judge(&[("r1", RawLevel::Index(0)), ("r2", RawLevel::Index(2)), ("r3", RawLevel::from_text("1"))]).unwrap();
        assert_eq!(answers, Answers::from([("r1".into(), 0), ("r2".into(), 2), ("r3".into(), 1)]));
    }

    #[test]
    fn every_problem_is_named() {
        let err = judge(&[("r1", RawLevel::Index(3)), ("nope", RawLevel::Index(0)), ("r2", RawLevel::from_text("x"))])
            .unwrap_err();
        assert_eq!(
            err,
            TallyError::InvalidSubmission(vec![
                Problem::in_row("r1", "Row r1 (r1): level 3 does not exist (levels are 0 to 2)".into()),
                Problem::overall("unknown row 'nope'"),
                Problem::in_row("r2", "Row r2 (r2): level must be a whole number from 0 to 2, got \"x\"".into()),
                Problem::in_row("r3", "Row r3 (r3): no level chosen".into()),
            ])
        );
        assert_eq!(err.status(), 422);
    }

    #[test]
    fn thousands_of_unknown_rows_get_a_short_answer() {
        let many: Vec<(String, RawLevel)> = (0..5000).map(|i| (format!("made-up-{i}"), RawLevel::Index(0))).collect();
        let Err(TallyError::InvalidSubmission(problems)) = validate(&sample(), many) else { panic!("refused") };
        assert_eq!(problems.len(), UNKNOWN_ROWS_NAMED + 1 + 3, "ten named, the rest counted, three rows missing");
        assert_eq!(problems[UNKNOWN_ROWS_NAMED].message, "and 4990 more unknown rows");
    }

    #[test]
    fn huge_numbers_are_out_of_range_not_wrapped() {
        let err = validate(
            &sample(),
            raw(&[("r1", RawLevel::Index(256)), ("r2", RawLevel::Index(0)), ("r3", RawLevel::Index(0))]),
        );
        assert!(
            matches!(err, Err(TallyError::InvalidSubmission(p)) if p[0].message.contains("level 256 does not exist"))
        );
    }

    #[test]
    fn partial_matrices_accept_skipped_rows_but_not_nothing() {
        let mut m = sample();
        m.allow_partial = true;
        assert_eq!(validate(&m, raw(&[("r2", RawLevel::Index(1))])).unwrap().len(), 1);
        assert_eq!(
            validate(&m, Vec::new()),
            Err(TallyError::InvalidSubmission(vec![Problem::overall("no row was answered")]))
        );
    }
}
