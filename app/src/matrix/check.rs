//! What makes a matrix valid, each problem with the JSON pointer of the
//! field it concerns (`/categories/0/rows/2/descriptions`), so an API client
//! or the editor can put it next to that field.
//!
//! The rules ([`Matrix::problems`]) hold for every matrix. The size limits
//! ([`Matrix::size_problems`]) hold for matrices people send: they keep one
//! request from costing the server much. Templates are the operator's own
//! files and may exceed them.

use super::{is_identifier, Level, Matrix, Row, MAX_ROLES};
use crate::plain_text;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// Levels travel as one byte in answers; more than this many makes no
/// sense for a self-assessment anyway.
pub const MAX_LEVELS: usize = 16;
pub const MAX_ROWS: usize = 300;
pub const MAX_CATEGORIES: usize = 50;
/// Rows × levels: the cells of the board page, each with its description
/// and popover. 300 rows of 16 levels made a 3.1 MB page; at this bound the
/// largest page is about a quarter of that (docs/MEASUREMENTS.md, "Bounds").
pub const MAX_CELLS: usize = 1200;
/// Characters in a title, label or short label.
pub const MAX_TITLE: usize = 200;
/// Characters in a description (a row's level, or the matrix's own).
pub const MAX_DESCRIPTION: usize = 2000;

/// One thing wrong with a matrix, and where.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MatrixProblem {
    /// JSON pointer to the field; empty for the matrix as a whole.
    pub path: String,
    pub message: String,
}

/// Collects problems as the walk goes.
struct Found(Vec<MatrixProblem>);

impl Found {
    fn add(&mut self, path: String, message: String) {
        self.0.push(MatrixProblem { path, message });
    }

    /// A text that must be there.
    fn text(&mut self, path: String, what: &str, text: &str) {
        if text.trim().is_empty() {
            self.add(path, format!("{what} is empty"));
        }
    }

    /// A text that must not be longer than `max` characters, nor hold a
    /// character no text may hold ([`plain_text`]).
    fn long(&mut self, path: String, what: &str, text: &str, max: usize) {
        if text.chars().count() > max {
            self.add(path, format!("{what} is longer than {max} characters"));
        } else if let Err(message) = plain_text::check(what, text) {
            self.add(path, message);
        }
    }

    fn id(&mut self, path: String, what: &str, id: &str, seen: &mut HashSet<String>) {
        if !is_identifier(id) {
            self.add(path, format!("{what}: id '{id}' must be 1-64 characters of a-z, 0-9, '-' or '_'"));
        } else if !seen.insert(id.to_string()) {
            self.add(path, format!("{what}: id '{id}' is used twice"));
        }
    }
}

impl Matrix {
    /// Every problem found, each naming where it is; empty means valid.
    pub fn problems(&self) -> Vec<MatrixProblem> {
        let mut found = Found(Vec::new());
        if !is_identifier(&self.id) {
            found.add("/id".into(), format!("matrix id '{}' must be 1-64 characters of a-z, 0-9, '-' or '_'", self.id));
        }
        found.text("/title".into(), "matrix title", &self.title);
        if !(2..=MAX_LEVELS).contains(&self.levels.len()) {
            let message = format!("a matrix needs 2 to {MAX_LEVELS} levels, this one has {}", self.levels.len());
            found.add("/levels".into(), message);
        }
        let mut level_ids = HashSet::new();
        for (i, level) in self.levels.iter().enumerate() {
            level_problems(&mut found, i, level, &mut level_ids);
        }
        if self.categories.is_empty() {
            found.add("/categories".into(), "a matrix needs at least one category".into());
        }
        let (mut category_ids, mut row_ids) = (HashSet::new(), HashSet::new());
        for (c, category) in self.categories.iter().enumerate() {
            let at = format!("/categories/{c}");
            let what = format!("category '{}'", category.id);
            found.id(format!("{at}/id"), &what, &category.id, &mut category_ids);
            found.text(format!("{at}/title"), &format!("{what}: title"), &category.title);
            if category.rows.is_empty() {
                found.add(format!("{at}/rows"), format!("{what} has no rows"));
            }
            for (r, row) in category.rows.iter().enumerate() {
                row_problems(&mut found, &format!("{at}/rows/{r}"), row, self.levels.len(), &mut row_ids);
            }
        }
        role_problems(&mut found, self);
        found.0
    }

    /// Everything wrong with a matrix a client sent: the rules and the size
    /// limits.
    pub fn problems_as_sent(&self) -> Vec<MatrixProblem> {
        let mut problems = self.problems();
        problems.extend(self.size_problems());
        problems
    }

    /// Where the matrix is larger than a matrix sent by a client may be.
    pub fn size_problems(&self) -> Vec<MatrixProblem> {
        let mut found = Found(Vec::new());
        if self.categories.len() > MAX_CATEGORIES {
            let message =
                format!("a matrix has at most {MAX_CATEGORIES} categories, this one has {}", self.categories.len());
            found.add("/categories".into(), message);
        }
        let rows = self.rows().count();
        if rows > MAX_ROWS {
            found.add("/categories".into(), format!("a matrix has at most {MAX_ROWS} rows, this one has {rows}"));
        }
        let cells = rows * self.levels.len();
        if cells > MAX_CELLS && rows <= MAX_ROWS {
            let message = format!(
                "a matrix has at most {MAX_CELLS} cells (rows x levels), this one has {rows} x {} = {cells}",
                self.levels.len()
            );
            found.add("/categories".into(), message);
        }
        found.long("/title".into(), "matrix title", &self.title, MAX_TITLE);
        found.long("/description".into(), "description", &self.description, MAX_DESCRIPTION);
        for (i, level) in self.levels.iter().enumerate() {
            found.long(format!("/levels/{i}/label"), &format!("level '{}': label", level.id), &level.label, MAX_TITLE);
            found.long(
                format!("/levels/{i}/short"),
                &format!("level '{}': short label", level.id),
                &level.short,
                MAX_TITLE,
            );
        }
        for (c, category) in self.categories.iter().enumerate() {
            let at = format!("/categories/{c}");
            found.long(
                format!("{at}/title"),
                &format!("category '{}': title", category.id),
                &category.title,
                MAX_TITLE,
            );
            for (r, row) in category.rows.iter().enumerate() {
                let (at, what) = (format!("{at}/rows/{r}"), format!("row '{}'", row.id));
                found.long(format!("{at}/title"), &format!("{what}: title"), &row.title, MAX_TITLE);
                for (d, text) in row.descriptions.iter().enumerate() {
                    let what = format!("{what}: description {d}");
                    found.long(format!("{at}/descriptions/{d}"), &what, text, MAX_DESCRIPTION);
                }
            }
        }
        found.0
    }
}

fn level_problems(found: &mut Found, i: usize, level: &Level, seen: &mut HashSet<String>) {
    let at = format!("/levels/{i}");
    found.id(format!("{at}/id"), &format!("level {i}"), &level.id, seen);
    found.text(format!("{at}/label"), &format!("level '{}': label", level.id), &level.label);
    found.text(format!("{at}/short"), &format!("level '{}': short label", level.id), &level.short);
}

fn row_problems(found: &mut Found, at: &str, row: &Row, levels: usize, seen: &mut HashSet<String>) {
    let what = format!("row '{}'", row.id);
    found.id(format!("{at}/id"), &what, &row.id, seen);
    found.text(format!("{at}/title"), &format!("{what}: title"), &row.title);
    if row.descriptions.len() != levels {
        let message = format!("{what}: has {} descriptions but the matrix has {levels} levels", row.descriptions.len());
        found.add(format!("{at}/descriptions"), message);
    }
    for (d, description) in row.descriptions.iter().enumerate() {
        found.text(format!("{at}/descriptions/{d}"), &format!("{what}: description {d}"), description);
    }
}

/// Every problem of the matrix's roles, each at its field.
fn role_problems(found: &mut Found, matrix: &Matrix) {
    if matrix.roles.len() > MAX_ROLES {
        found.add(
            "/roles".into(),
            format!("a matrix has at most {MAX_ROLES} roles, this one has {}", matrix.roles.len()),
        );
    }
    let rows: HashSet<&str> = matrix.rows().map(|r| r.id.as_str()).collect();
    let levels: Vec<&str> = matrix.levels.iter().map(|l| l.id.as_str()).collect();
    let mut seen = HashSet::new();
    for (i, role) in matrix.roles.iter().enumerate() {
        let (at, what) = (format!("/roles/{i}"), format!("role '{}'", role.id));
        found.id(format!("{at}/id"), &what, &role.id, &mut seen);
        found.text(format!("{at}/title"), &format!("{what}: title"), &role.title);
        found.long(format!("{at}/title"), &format!("{what}: title"), &role.title, MAX_TITLE);
        for (row, level) in &role.expects {
            let here = format!("{at}/expects/{row}");
            if !rows.contains(row.as_str()) {
                found.add(here, format!("{what}: expects a level in row '{row}', which the matrix does not have"));
            } else if !levels.contains(&level.as_str()) {
                let known = levels.join(", ");
                found.add(here, format!("{what}: expects level '{level}' in row '{row}'; the levels are {known}"));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::matrix::tests::sample;

    #[test]
    fn each_problem_points_at_its_field() {
        let mut m = sample();
        m.categories[0].rows[1].descriptions.pop();
        m.categories[1].rows[0].descriptions[2] = "x".repeat(2001);
        m.levels[1].label = "y".repeat(201);
        let paths: Vec<(String, String)> = m.problems_as_sent().into_iter().map(|p| (p.path, p.message)).collect();
        assert_eq!(
            paths,
            vec![
                (
                    "/categories/0/rows/1/descriptions".into(),
                    "row 'r2': has 2 descriptions but the matrix has 3 levels".into()
                ),
                ("/levels/1/label".into(), "level 'b': label is longer than 200 characters".into()),
                (
                    "/categories/1/rows/0/descriptions/2".into(),
                    "row 'r3': description 2 is longer than 2000 characters".into()
                ),
            ]
        );
    }

    #[test]
    fn too_many_rows_and_categories_are_refused() {
        let mut m = sample();
        let row = m.categories[0].rows[0].clone();
        m.categories[0].rows = (0..301).map(|i| crate::matrix::Row { id: format!("r{i}"), ..row.clone() }).collect();
        let category = m.categories[1].clone();
        m.categories.extend((0..50).map(|i| crate::matrix::Category { id: format!("c{i}"), ..category.clone() }));
        assert!(m.problems().iter().all(|p| !p.message.starts_with("a matrix has at most")), "templates may be larger");
        let messages: Vec<String> = m.size_problems().into_iter().map(|p| p.message).collect();
        assert!(messages.contains(&"a matrix has at most 50 categories, this one has 52".to_string()), "{messages:?}");
        assert!(messages.iter().any(|p| p.starts_with("a matrix has at most 300 rows")), "{messages:?}");
    }

    #[test]
    fn too_many_cells_are_refused() {
        let mut m = sample();
        let row = m.categories[0].rows[0].clone();
        let level = m.levels[0].clone();
        m.levels = (0..16).map(|i| crate::matrix::Level { id: format!("l{i}"), ..level.clone() }).collect();
        let descriptions = vec!["d".to_string(); 16];
        let many = |n: usize| {
            (0..n).map(|i| crate::matrix::Row {
                id: format!("r{i}"),
                descriptions: descriptions.clone(),
                ..row.clone()
            })
        };
        m.categories.truncate(1);
        m.categories[0].rows = many(75).collect();
        assert!(m.size_problems().is_empty(), "75 x 16 = 1200 cells is allowed");
        m.categories[0].rows = many(76).collect();
        let messages: Vec<String> = m.size_problems().into_iter().map(|p| p.message).collect();
        assert_eq!(messages, ["a matrix has at most 1200 cells (rows x levels), this one has 76 x 16 = 1216"]);
    }
}
