//! A competency matrix: ordered proficiency levels, and rows grouped in
//! categories, each row describing what every level means for it.
//!
//! Matrices are data (TOML files under `matrices/`), so [`Matrix::validate`]
//! is strict: a typo in a content file must stop the server at start-up, not
//! surface later as a confusing page.

use serde::{Deserialize, Serialize};
use std::collections::HashSet;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Matrix {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// Whether a submission may leave rows unanswered.
    #[serde(default)]
    pub allow_partial: bool,
    pub levels: Vec<Level>,
    pub categories: Vec<Category>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    pub id: String,
    pub label: String,
    /// The compact heading used in narrow columns, e.g. `n²`.
    pub short: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    pub id: String,
    pub title: String,
    pub rows: Vec<Row>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Row {
    pub id: String,
    pub title: String,
    /// One description per level, in level order.
    pub descriptions: Vec<String>,
}

/// Levels travel as one byte in answers; more than this many makes no sense
/// for a self-assessment anyway.
pub const MAX_LEVELS: usize = 16;

impl Matrix {
    pub fn rows(&self) -> impl Iterator<Item = &Row> {
        self.categories.iter().flat_map(|c| c.rows.iter())
    }

    pub fn row(&self, id: &str) -> Option<&Row> {
        self.rows().find(|r| r.id == id)
    }

    /// Every problem found, each naming where it is; empty means valid.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        if !is_identifier(&self.id) {
            problems.push(format!("matrix id '{}' must be 1-64 characters of a-z, 0-9, '-' or '_'", self.id));
        }
        if self.title.trim().is_empty() {
            problems.push("matrix title is empty".into());
        }
        if !(2..=MAX_LEVELS).contains(&self.levels.len()) {
            problems.push(format!("a matrix needs 2 to {MAX_LEVELS} levels, this one has {}", self.levels.len()));
        }
        let mut level_ids = HashSet::new();
        for (i, level) in self.levels.iter().enumerate() {
            if !is_identifier(&level.id) {
                problems.push(format!("level {i}: id '{}' must be 1-64 characters of a-z, 0-9, '-' or '_'", level.id));
            }
            if !level_ids.insert(level.id.as_str()) {
                problems.push(format!("level {i}: id '{}' is used twice", level.id));
            }
            if level.label.trim().is_empty() || level.short.trim().is_empty() {
                problems.push(format!("level '{}': label and short label must not be empty", level.id));
            }
        }
        if self.categories.is_empty() {
            problems.push("a matrix needs at least one category".into());
        }
        let mut category_ids = HashSet::new();
        let mut row_ids = HashSet::new();
        for category in &self.categories {
            if !is_identifier(&category.id) {
                problems
                    .push(format!("category '{}': id must be 1-64 characters of a-z, 0-9, '-' or '_'", category.id));
            }
            if !category_ids.insert(category.id.as_str()) {
                problems.push(format!("category '{}': id is used twice", category.id));
            }
            if category.rows.is_empty() {
                problems.push(format!("category '{}' has no rows", category.id));
            }
            for row in &category.rows {
                problems.extend(row_problems(row, self.levels.len()));
                if !row_ids.insert(row.id.as_str()) {
                    problems.push(format!("row '{}': id is used twice", row.id));
                }
            }
        }
        problems
    }
}

fn row_problems(row: &Row, levels: usize) -> Vec<String> {
    let mut problems = Vec::new();
    if !is_identifier(&row.id) {
        problems.push(format!("row '{}': id must be 1-64 characters of a-z, 0-9, '-' or '_'", row.id));
    }
    if row.title.trim().is_empty() {
        problems.push(format!("row '{}': title is empty", row.id));
    }
    if row.descriptions.len() != levels {
        problems.push(format!(
            "row '{}': has {} descriptions but the matrix has {levels} levels",
            row.id,
            row.descriptions.len()
        ));
    }
    if let Some(i) = row.descriptions.iter().position(|d| d.trim().is_empty()) {
        problems.push(format!("row '{}': description {i} is empty", row.id));
    }
    problems
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
        }
    }

    #[test]
    fn sample_is_valid() {
        assert_eq!(sample().problems(), Vec::<String>::new());
        assert_eq!(sample().rows().count(), 3);
    }

    #[test]
    fn description_count_must_match_levels() {
        let mut m = sample();
        m.categories[0].rows[1].descriptions.pop();
        assert_eq!(m.problems(), vec!["row 'r2': has 2 descriptions but the matrix has 3 levels"]);
    }

    #[test]
    fn duplicate_row_ids_across_categories_are_reported() {
        let mut m = sample();
        m.categories[1].rows[0].id = "r1".into();
        assert_eq!(m.problems(), vec!["row 'r1': id is used twice"]);
    }

    #[test]
    fn bad_ids_empty_texts_and_level_counts_are_reported() {
        let mut m = sample();
        m.id = "Has Spaces".into();
        m.levels.truncate(1);
        m.categories[0].rows[0].title = " ".into();
        m.categories[1].rows.clear();
        let problems = m.problems();
        assert!(problems.iter().any(|p| p.contains("matrix id 'Has Spaces'")), "{problems:?}");
        assert!(problems.iter().any(|p| p.contains("needs 2 to 16 levels")), "{problems:?}");
        assert!(problems.iter().any(|p| p == "row 'r1': title is empty"), "{problems:?}");
        assert!(problems.iter().any(|p| p == "category 'two' has no rows"), "{problems:?}");
    }

    #[test]
    fn duplicate_level_ids_are_reported() {
        let mut m = sample();
        m.levels[2].id = "a".into();
        assert_eq!(m.problems(), vec!["level 2: id 'a' is used twice"]);
    }
}
