//! A matrix as a client sends it, inside a JSON body: every way it can be
//! malformed (a missing field, a wrong type, an unknown field) becomes an
//! [`InvalidMatrix`] problem pointing at the field, like the rule checks do.
//! Ids left out are made from titles before the rules and the size limits
//! are checked.
//!
//! [`InvalidMatrix`]: crate::error::TallyError::InvalidMatrix

use crate::error::TallyError;
use crate::matrix::{Matrix, MatrixProblem};
use serde_path_to_error::Segment;

/// The matrix in `value`, with its ids filled in, or every problem with it.
pub fn decode(value: serde_json::Value) -> Result<Matrix, TallyError> {
    checked(read(value)?)
}

/// The matrix in `value` as written, if it has a matrix's fields and
/// types; its rules are not checked (the editor imports a file as it is and
/// shows what to fix).
pub fn read(value: serde_json::Value) -> Result<Matrix, TallyError> {
    serde_path_to_error::deserialize(value).map_err(|error| {
        let path = pointer(error.path());
        let message = error.inner().to_string();
        TallyError::InvalidMatrix(vec![MatrixProblem { path, message }])
    })
}

/// `matrix` with its ids filled in, if it keeps every rule and size limit.
pub fn checked(mut matrix: Matrix) -> Result<Matrix, TallyError> {
    matrix.fill_missing_ids();
    match matrix.problems_as_sent() {
        problems if problems.is_empty() => Ok(matrix),
        problems => Err(TallyError::InvalidMatrix(problems)),
    }
}

/// serde's path (`categories[0].rows`) as a JSON pointer (`/categories/0/rows`).
fn pointer(path: &serde_path_to_error::Path) -> String {
    path.iter()
        .filter_map(|segment| match segment {
            Segment::Seq { index } => Some(index.to_string()),
            Segment::Map { key } | Segment::Enum { variant: key } => Some(key.replace('~', "~0").replace('/', "~1")),
            Segment::Unknown => None,
        })
        .map(|part| format!("/{part}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn problems(value: serde_json::Value) -> Vec<(String, String)> {
        match decode(value) {
            Err(TallyError::InvalidMatrix(problems)) => problems.into_iter().map(|p| (p.path, p.message)).collect(),
            other => panic!("expected problems, got {other:?}"),
        }
    }

    fn small() -> serde_json::Value {
        json!({
            "title": "Small",
            "levels": [{ "label": "Low", "short": "L" }, { "label": "High", "short": "H" }],
            "categories": [{ "title": "Only", "rows": [{ "title": "One", "descriptions": ["a", "b"] }] }]
        })
    }

    #[test]
    fn ids_are_made_and_a_good_matrix_passes() {
        let matrix = decode(small()).unwrap();
        assert_eq!((matrix.id.as_str(), matrix.levels[1].id.as_str()), ("small", "high"));
        assert_eq!(matrix.categories[0].rows[0].id, "one");
    }

    #[test]
    fn shape_errors_point_at_the_field() {
        let mut wrong_type = small();
        wrong_type["categories"][0]["rows"][0]["descriptions"] = json!("not a list");
        let (path, message) = problems(wrong_type).remove(0);
        assert_eq!(path, "/categories/0/rows/0/descriptions");
        assert!(message.starts_with("invalid type: string \"not a list\", expected a sequence"), "{message}");

        let mut missing = small();
        missing["levels"][1].as_object_mut().unwrap().remove("short");
        assert_eq!(problems(missing), vec![("/levels/1".into(), "missing field `short`".into())]);

        let mut unknown = small();
        unknown["colour"] = json!("red");
        assert!(problems(unknown)[0].1.starts_with("unknown field `colour`"));
    }
}
