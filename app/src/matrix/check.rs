//! What makes a matrix valid, each problem with the JSON pointer of the
//! field it concerns (`/categories/0/rows/2/descriptions`), so an API client
//! or the editor can put it next to that field.
//!
//! The rules ([`Matrix::problems`]) hold for every matrix. The size limits
//! ([`Matrix::size_problems`]) hold for matrices people send: they keep one
//! request from costing the server much. Templates are the operator's own
//! files and may exceed them.
//!
//! Problems are worded in the request's language (`t_with`): the editor
//! shows them beside their fields. The JSON API has no page language, so
//! its clients read them in English.

use super::{is_identifier, Level, Matrix, Row, MAX_ROLES};
use crate::i18n::{t_with, Arg};
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
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
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
            self.add(path, t_with("matrix-empty", &[("what", what.into())]));
        }
    }

    /// A text that must not be longer than `max` characters, nor hold a
    /// character no text may hold ([`plain_text`]).
    fn long(&mut self, path: String, what: &str, text: &str, max: usize) {
        if text.chars().count() > max {
            self.add(path, t_with("matrix-too-long", &[("what", what.into()), ("max", max.into())]));
        } else if let Err(message) = plain_text::check(what, text) {
            self.add(path, message);
        }
    }

    fn id(&mut self, path: String, what: &str, id: &str, seen: &mut HashSet<String>) {
        if !is_identifier(id) {
            self.add(path, t_with("matrix-bad-id", &[("what", what.into()), ("id", id.into())]));
        } else if !seen.insert(id.to_string()) {
            self.add(path, t_with("matrix-id-twice", &[("what", what.into()), ("id", id.into())]));
        }
    }
}

impl Matrix {
    /// Every problem found, each naming where it is; empty means valid.
    pub fn problems(&self) -> Vec<MatrixProblem> {
        let mut found = Found(Vec::new());
        if !is_identifier(&self.id) {
            found.add("/id".into(), t_with("matrix-bad-matrix-id", &[("id", self.id.as_str().into())]));
        }
        found.text("/title".into(), &t_with("matrix-field-title", &[]), &self.title);
        if !(2..=MAX_LEVELS).contains(&self.levels.len()) {
            found.add("/levels".into(), at_most("matrix-level-count", MAX_LEVELS, self.levels.len()));
        }
        let mut level_ids = HashSet::new();
        for (i, level) in self.levels.iter().enumerate() {
            level_problems(&mut found, i, level, &mut level_ids);
        }
        if self.categories.is_empty() {
            found.add("/categories".into(), t_with("matrix-no-category", &[]));
        }
        let (mut category_ids, mut row_ids) = (HashSet::new(), HashSet::new());
        for (c, category) in self.categories.iter().enumerate() {
            let at = format!("/categories/{c}");
            let what = named("matrix-field-category", &category.id);
            found.id(format!("{at}/id"), &what, &category.id, &mut category_ids);
            found.text(format!("{at}/title"), &named("matrix-field-category-title", &category.id), &category.title);
            if category.rows.is_empty() {
                found.add(format!("{at}/rows"), t_with("matrix-no-rows", &[("what", what.into())]));
            }
            for (r, row) in category.rows.iter().enumerate() {
                row_problems(&mut found, &format!("{at}/rows/{r}"), row, self.levels.len(), &mut row_ids);
            }
        }
        role_problems(&mut found, self);
        found.0.extend(self.translation_problems());
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
            found.add(
                "/categories".into(),
                at_most("matrix-too-many-categories", MAX_CATEGORIES, self.categories.len()),
            );
        }
        let rows = self.rows().count();
        if rows > MAX_ROWS {
            found.add("/categories".into(), at_most("matrix-too-many-rows", MAX_ROWS, rows));
        }
        let cells = rows * self.levels.len();
        if cells > MAX_CELLS && rows <= MAX_ROWS {
            let args = [
                ("max", MAX_CELLS.into()),
                ("n", cells.into()),
                ("rows", rows.into()),
                ("levels", self.levels.len().into()),
            ];
            found.add("/categories".into(), t_with("matrix-too-many-cells", &args));
        }
        found.long("/title".into(), &t_with("matrix-field-title", &[]), &self.title, MAX_TITLE);
        found.long("/description".into(), &t_with("matrix-field-description", &[]), &self.description, MAX_DESCRIPTION);
        for (i, level) in self.levels.iter().enumerate() {
            let what = |id: &str| named(id, &level.id);
            found.long(format!("/levels/{i}/label"), &what("matrix-field-level-label"), &level.label, MAX_TITLE);
            found.long(format!("/levels/{i}/short"), &what("matrix-field-level-short"), &level.short, MAX_TITLE);
        }
        for (c, category) in self.categories.iter().enumerate() {
            let at = format!("/categories/{c}");
            let what = named("matrix-field-category-title", &category.id);
            found.long(format!("{at}/title"), &what, &category.title, MAX_TITLE);
            for (r, row) in category.rows.iter().enumerate() {
                let at = format!("{at}/rows/{r}");
                found.long(format!("{at}/title"), &named("matrix-field-row-title", &row.id), &row.title, MAX_TITLE);
                for (d, text) in row.descriptions.iter().enumerate() {
                    let what = description(&row.id, d);
                    found.long(format!("{at}/descriptions/{d}"), &what, text, MAX_DESCRIPTION);
                }
            }
        }
        for (path, text, max) in self.translated_texts() {
            let what = t_with("matrix-field-translation", &[("path", path.as_str().into())]);
            found.long(path, &what, text, max);
        }
        found.0
    }
}

/// A field named by its item's id ("row 'r2': title"), message `field`.
fn named(field: &str, id: &str) -> String {
    t_with(field, &[("id", id.into())])
}

/// The `d`th description of row `id` (counted from 0, like its pointer).
fn description(id: &str, d: usize) -> String {
    t_with("matrix-field-row-description", &[("id", id.into()), ("n", d.into())])
}

/// "A matrix has at most `max` …, this one has `n`", message `id`.
fn at_most(id: &str, max: usize, n: usize) -> String {
    t_with(id, &[("max", max.into()), ("n", n.into())])
}

fn level_problems(found: &mut Found, i: usize, level: &Level, seen: &mut HashSet<String>) {
    let at = format!("/levels/{i}");
    found.id(format!("{at}/id"), &t_with("matrix-field-level", &[("n", i.into())]), &level.id, seen);
    found.text(format!("{at}/label"), &named("matrix-field-level-label", &level.id), &level.label);
    found.text(format!("{at}/short"), &named("matrix-field-level-short", &level.id), &level.short);
}

fn row_problems(found: &mut Found, at: &str, row: &Row, levels: usize, seen: &mut HashSet<String>) {
    let what = named("matrix-field-row", &row.id);
    found.id(format!("{at}/id"), &what, &row.id, seen);
    found.text(format!("{at}/title"), &named("matrix-field-row-title", &row.id), &row.title);
    if row.descriptions.len() != levels {
        let args = [("what", what.as_str().into()), ("n", row.descriptions.len().into()), ("levels", levels.into())];
        found.add(format!("{at}/descriptions"), t_with("matrix-descriptions-count", &args));
    }
    for (d, text) in row.descriptions.iter().enumerate() {
        found.text(format!("{at}/descriptions/{d}"), &description(&row.id, d), text);
    }
}

/// Every problem of the matrix's roles, each at its field.
fn role_problems(found: &mut Found, matrix: &Matrix) {
    if matrix.roles.len() > MAX_ROLES {
        found.add("/roles".into(), at_most("matrix-too-many-roles", MAX_ROLES, matrix.roles.len()));
    }
    let rows: HashSet<&str> = matrix.rows().map(|r| r.id.as_str()).collect();
    let levels: Vec<&str> = matrix.levels.iter().map(|l| l.id.as_str()).collect();
    let mut seen = HashSet::new();
    for (i, role) in matrix.roles.iter().enumerate() {
        let (at, what) = (format!("/roles/{i}"), named("matrix-field-role", &role.id));
        found.id(format!("{at}/id"), &what, &role.id, &mut seen);
        let title = named("matrix-field-role-title", &role.id);
        found.text(format!("{at}/title"), &title, &role.title);
        found.long(format!("{at}/title"), &title, &role.title, MAX_TITLE);
        for (row, level) in &role.expects {
            let here = format!("{at}/expects/{row}");
            let known = Arg::from(levels.join(", "));
            let args = [
                ("what", what.as_str().into()),
                ("row", row.as_str().into()),
                ("level", level.as_str().into()),
                ("known", known),
            ];
            if !rows.contains(row.as_str()) {
                found.add(here, t_with("matrix-unknown-row", &args));
            } else if !levels.contains(&level.as_str()) {
                found.add(here, t_with("matrix-unknown-level", &args));
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
