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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matrix::Role;

    #[test]
    fn a_matrix_with_roles_goes_through_toml_and_back_unchanged() {
        let mut matrix = crate::matrix::tests::sample();
        let expects = [("r1", "c"), ("r3", "b")].map(|(r, l)| (r.to_string(), l.to_string())).into();
        matrix.roles.push(Role { id: "senior".into(), title: "Senior engineer".into(), expects });
        let text = write(&matrix).unwrap();
        assert!(text.contains("[[roles]]") && text.contains("[roles.expects]"), "{text}");
        let read_back = read(&text).unwrap();
        assert_eq!(read_back, matrix);
        assert_eq!(write(&read_back).unwrap(), text, "byte for byte");
    }

    #[test]
    fn a_matrix_with_translations_goes_through_toml_and_back_unchanged() {
        use crate::matrix::{LevelWords, RowWords, Translation};
        let mut matrix = crate::matrix::tests::sample();
        matrix.language = "fr".into();
        let mut words = Translation { title: "Muster".into(), ..Translation::default() };
        words.levels.insert("a".into(), LevelWords { label: "Stufe A".into(), short: "A".into() });
        words
            .rows
            .insert("r1".into(), RowWords { title: "Zeile".into(), descriptions: vec!["".into(), "mittel".into()] });
        words.categories.insert("one".into(), "Eins".into());
        matrix.translations.insert("de".into(), words);
        let text = write(&matrix).unwrap();
        assert!(text.contains("language = \"fr\"") && text.contains("[translations.de.rows.r1]"), "{text}");
        let read_back = read(&text).unwrap();
        assert_eq!(read_back, matrix);
        assert!(read_back.problems().is_empty(), "{:?}", read_back.problems());
        assert_eq!(write(&read_back).unwrap(), text, "byte for byte");
    }

    #[test]
    fn a_role_without_an_id_is_given_one_from_its_title_once_accepted() {
        let mut text = write(&crate::matrix::tests::sample()).unwrap();
        text.push_str("\n[[roles]]\ntitle = \"Staff engineer\"\n\n[roles.expects]\nr2 = \"c\"\n");
        let matrix = matrix_body::checked(read(&text).unwrap()).unwrap();
        let role = &matrix.roles[0];
        assert_eq!((role.id.as_str(), matrix.expected_level(role, "r2")), ("staff-engineer", Some(2)));
        text.push_str("unknown = 1\n");
        let refused = read(&text).unwrap_err().to_string();
        assert!(refused.contains("unknown"), "{refused}");
    }
}
