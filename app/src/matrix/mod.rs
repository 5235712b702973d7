//! A competency matrix: ordered proficiency levels, and rows grouped in
//! categories, each row describing what every level means for it; and,
//! optionally, roles and the level each expects in each row ([`roles`]).
//!
//! A matrix comes from a template (a TOML file under `matrices/`) or from
//! whoever creates a board; either way [`Matrix::problems`] is strict and
//! names where each problem is ([`check`]), and ids left out are made from
//! titles ([`ids`]). It may carry its text in other languages
//! ([`translations`]). A board keeps its own copy, so a template changed
//! later never changes a board.

mod check;
mod edit;
#[cfg(feature = "ssr")]
mod ids;
mod roles;
mod translations;

pub use check::{MatrixProblem, MAX_CATEGORIES, MAX_DESCRIPTION, MAX_LEVELS, MAX_ROWS, MAX_TITLE};
pub use edit::Direction;
pub use roles::{Role, MAX_ROLES};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
pub use translations::{LevelWords, RowWords, Shown, Translation, LANGUAGES, SOURCE_LANGUAGE};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "ssr", schema(example = json!({
    "title": "Team skills",
    "levels": [{"label": "Starting out", "short": "1"}, {"label": "Fluent", "short": "2"}],
    "categories": [{"title": "Craft", "rows": [
        {"title": "Testing", "descriptions": ["Writes tests when asked", "Tests first, and teaches others"]}
    ]}]
})))]
// The schema's bounds are `check.rs`'s (MAX_TITLE, MAX_LEVELS, MAX_ROWS, …);
// rules across fields (a description per level, ids used once) are the server's.
pub struct Matrix {
    /// Made from the title when left out.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(pattern = "^[a-z0-9_-]{0,64}$"))]
    pub id: String,
    #[cfg_attr(feature = "ssr", schema(min_length = 1, max_length = 200, pattern = "\\S"))]
    pub title: String,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(max_length = 2000))]
    pub description: String,
    /// Whether a submission may leave rows unanswered.
    #[serde(default)]
    pub allow_partial: bool,
    #[cfg_attr(feature = "ssr", schema(min_items = 2, max_items = 16))]
    pub levels: Vec<Level>,
    #[cfg_attr(feature = "ssr", schema(min_items = 1, max_items = 50))]
    pub categories: Vec<Category>,
    /// What each role expects ([`Role`]); most matrices declare none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
    /// The language its text is written in ([`LANGUAGES`]; English unless
    /// it says).
    #[serde(default = "source_language", skip_serializing_if = "is_source_language")]
    pub language: String,
    /// Its text in other languages, by language tag ([`translations`]).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<String, Translation>,
}

fn source_language() -> String {
    SOURCE_LANGUAGE.to_string()
}

fn is_source_language(language: &str) -> bool {
    language == SOURCE_LANGUAGE
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Level {
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(pattern = "^[a-z0-9_-]{0,64}$"))]
    pub id: String,
    #[cfg_attr(feature = "ssr", schema(min_length = 1, max_length = 200, pattern = "\\S"))]
    pub label: String,
    /// The compact heading used in narrow columns, e.g. `n²`.
    #[cfg_attr(feature = "ssr", schema(min_length = 1, max_length = 200, pattern = "\\S"))]
    pub short: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Category {
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(pattern = "^[a-z0-9_-]{0,64}$"))]
    pub id: String,
    #[cfg_attr(feature = "ssr", schema(min_length = 1, max_length = 200, pattern = "\\S"))]
    pub title: String,
    #[cfg_attr(feature = "ssr", schema(min_items = 1, max_items = 300))]
    pub rows: Vec<Row>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Row {
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(pattern = "^[a-z0-9_-]{0,64}$"))]
    pub id: String,
    #[cfg_attr(feature = "ssr", schema(min_length = 1, max_length = 200, pattern = "\\S"))]
    pub title: String,
    /// One description per level, in level order.
    #[cfg_attr(feature = "ssr", schema(min_items = 2, max_items = 16))]
    pub descriptions: Vec<String>,
}

impl Matrix {
    pub fn rows(&self) -> impl Iterator<Item = &Row> {
        self.categories.iter().flat_map(|c| c.rows.iter())
    }

    pub fn row(&self, id: &str) -> Option<&Row> {
        self.rows().find(|r| r.id == id)
    }

    /// Whether `other` has the same levels, categories and rows, by id and
    /// in the same order, and the same rule on skipped rows: then answers
    /// given on one mean the same on the other, and only text differs.
    pub fn same_shape(&self, other: &Matrix) -> bool {
        let levels = |m: &Matrix| m.levels.iter().map(|l| l.id.clone()).collect::<Vec<_>>();
        let rows = |c: &Category| c.rows.iter().map(|r| r.id.clone()).collect::<Vec<_>>();
        let categories = |m: &Matrix| m.categories.iter().map(|c| (c.id.clone(), rows(c))).collect::<Vec<_>>();
        self.allow_partial == other.allow_partial
            && levels(self) == levels(other)
            && categories(self) == categories(other)
    }
}

/// Ids end up in URLs, form field names and JSON keys, so keep them plain.
pub fn is_identifier(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A small valid matrix for tests across the crate.
    pub fn sample() -> Matrix {
        let level = |id: &str| Level { id: id.into(), label: format!("Level {id}"), short: id.into() };
        let row = |id: &str| Row {
            id: id.into(),
            title: format!("Row {id}"),
            descriptions: vec!["low".into(), "mid".into(), "high".into()],
        };
        Matrix {
            id: "sample".into(),
            title: "Sample".into(),
            description: String::new(),
            allow_partial: false,
            levels: vec![level("a"), level("b"), level("c")],
            categories: vec![
                Category { id: "one".into(), title: "One".into(), rows: vec![row("r1"), row("r2")] },
                Category { id: "two".into(), title: "Two".into(), rows: vec![row("r3")] },
            ],
            roles: Vec::new(),
            language: SOURCE_LANGUAGE.into(),
            translations: BTreeMap::new(),
        }
    }

    /// [`sample`] with two roles: `junior` expects `a` in r1 and `b` in r2;
    /// `senior` expects `c` in r1 and `b` in r3.
    pub fn sample_with_roles() -> Matrix {
        let role = |id: &str, expects: [(&str, &str); 2]| Role {
            id: id.into(),
            title: id.to_uppercase(),
            expects: expects.map(|(r, l)| (r.to_string(), l.to_string())).into(),
        };
        let mut m = sample();
        m.roles = vec![role("junior", [("r1", "a"), ("r2", "b")]), role("senior", [("r1", "c"), ("r3", "b")])];
        m
    }

    fn messages(m: &Matrix) -> Vec<String> {
        m.problems().into_iter().map(|p| p.message).collect()
    }

    #[test]
    fn sample_is_valid() {
        assert_eq!(messages(&sample()), Vec::<String>::new());
        assert_eq!(sample().rows().count(), 3);
    }

    #[test]
    fn description_count_must_match_levels() {
        let mut m = sample();
        m.categories[0].rows[1].descriptions.pop();
        assert_eq!(messages(&m), vec!["row 'r2': has 2 descriptions but the matrix has 3 levels"]);
    }

    #[test]
    fn duplicate_row_ids_across_categories_are_reported() {
        let mut m = sample();
        m.categories[1].rows[0].id = "r1".into();
        assert_eq!(messages(&m), vec!["row 'r1': id 'r1' is used twice"]);
    }

    #[test]
    fn bad_ids_empty_texts_and_level_counts_are_reported() {
        let mut m = sample();
        m.id = "Has Spaces".into();
        m.levels.truncate(1);
        m.categories[0].rows[0].title = " ".into();
        m.categories[1].rows.clear();
        let problems = messages(&m);
        assert!(problems.iter().any(|p| p.contains("matrix id 'Has Spaces'")), "{problems:?}");
        assert!(problems.iter().any(|p| p.contains("needs 2 to 16 levels")), "{problems:?}");
        assert!(problems.iter().any(|p| p == "row 'r1': title is empty"), "{problems:?}");
        assert!(problems.iter().any(|p| p == "category 'two' has no rows"), "{problems:?}");
    }

    #[test]
    fn text_edits_keep_the_shape_and_moves_do_not() {
        let mut edited = sample();
        edited.title = "Renamed".into();
        edited.levels[0].label = "First".into();
        edited.categories[1].title = "Deux".into();
        edited.categories[0].rows[1].descriptions[2] = "very high".into();
        assert!(sample().same_shape(&edited));
        let mut moved = sample();
        moved.categories[0].rows.swap(0, 1);
        assert!(!sample().same_shape(&moved));
        let mut fewer = sample();
        fewer.levels.pop();
        assert!(!sample().same_shape(&fewer));
        let mut partial = sample();
        partial.allow_partial = true;
        assert!(!sample().same_shape(&partial));
    }

    #[test]
    fn duplicate_level_ids_are_reported() {
        let mut m = sample();
        m.levels[2].id = "a".into();
        assert_eq!(messages(&m), vec!["level 2: id 'a' is used twice"]);
    }
}
