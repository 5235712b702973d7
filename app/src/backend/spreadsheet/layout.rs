//! One matrix as one sheet, and back (the layout docs/API.md describes,
//! "Matrices as spreadsheets"):
//!
//! | A | B | C | D | E … | … |
//! |---|---|---|---|---|---|
//! | Title | the matrix's title | | | | |
//! | Matrix id | its id | | | | |
//! | Description | its description | | | | |
//! | Rows may be skipped | yes or no | | | | |
//! | Category | Category id | Competency | Competency id | a level's "Label (short)" … | "Role: title" … |
//! | Level id | | | | each level's id … | |
//! | a category | its id | a competency | its id | its description at each level … | the level each role expects … |
//!
//! Only `Title` and the heading row are needed: ids are made from titles
//! when their columns or row are left out, a category cell left blank
//! continues the one above, and blank rows are skipped.

use crate::matrix::{Category, Level, Matrix, MatrixProblem, Role, Row};
use std::collections::{BTreeMap, HashMap};

/// A sheet's cells as text, from A1, row by row.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<String>>,
}

/// Where each field of a read matrix came from: its JSON pointer (as a
/// matrix's problems name it) and its cell (row, column, from 0).
pub type Cells = HashMap<String, (usize, usize)>;

const TITLE: &str = "Title";
const MATRIX_ID: &str = "Matrix id";
const DESCRIPTION: &str = "Description";
const SKIPPABLE: &str = "Rows may be skipped";
pub(super) const CATEGORY: &str = "Category";
const CATEGORY_ID: &str = "Category id";
const COMPETENCY: &str = "Competency";
const COMPETENCY_ID: &str = "Competency id";
const LEVEL_ID: &str = "Level id";
const ROLE: &str = "Role:";

/// The name of the sheet a matrix is written to.
pub const SHEET: &str = "Matrix";

/// The matrix as a sheet in the layout above, every column filled.
pub fn to_sheet(matrix: &Matrix) -> Sheet {
    let line = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
    let skippable = if matrix.allow_partial { "yes" } else { "no" };
    let mut rows = vec![
        line(&[TITLE, &matrix.title]),
        line(&[MATRIX_ID, &matrix.id]),
        line(&[DESCRIPTION, &matrix.description]),
        line(&[SKIPPABLE, skippable]),
    ];
    let mut heading = line(&[CATEGORY, CATEGORY_ID, COMPETENCY, COMPETENCY_ID]);
    heading.extend(matrix.levels.iter().map(|l| format!("{} ({})", l.label, l.short)));
    heading.extend(matrix.roles.iter().map(|r| format!("{ROLE} {}", r.title)));
    rows.push(heading);
    let mut ids = line(&[LEVEL_ID, "", "", ""]);
    ids.extend(matrix.levels.iter().map(|l| l.id.clone()));
    rows.push(ids);
    for category in &matrix.categories {
        for row in &category.rows {
            let mut cells = line(&[&category.title, &category.id, &row.title, &row.id]);
            cells.extend(row.descriptions.iter().cloned());
            for role in &matrix.roles {
                let expected = matrix.expected_level(role, &row.id).and_then(|l| matrix.levels.get(l));
                cells.push(expected.map(|l| l.short.clone()).unwrap_or_default());
            }
            rows.push(cells);
        }
    }
    Sheet { name: SHEET.into(), rows }
}

/// The matrix a sheet holds, with where each field came from; or every
/// problem of its layout, each at its cell. The matrix's own rules are
/// checked after (see `super::read`).
pub fn from_sheet(sheet: &Sheet) -> Result<(Matrix, Cells), Vec<MatrixProblem>> {
    let mut reading = Reading { sheet, problems: Vec::new(), cells: Cells::new(), expected: Vec::new() };
    let mut matrix = reading.matrix();
    matrix.fill_missing_ids();
    for &(k, c, r, l) in &reading.expected {
        let (row, level) = (matrix.categories[c].rows[r].id.clone(), matrix.levels[l].id.clone());
        matrix.roles[k].expects.insert(row, level);
    }
    match reading.problems.is_empty() {
        true => Ok((matrix, reading.cells)),
        false => Err(reading.problems),
    }
}

struct Reading<'a> {
    sheet: &'a Sheet,
    problems: Vec<MatrixProblem>,
    cells: Cells,
    /// (role, category, row, level) of each expectation, set once ids are made.
    expected: Vec<(usize, usize, usize, usize)>,
}

/// The heading row's columns.
struct Columns {
    /// Each level's label and short name, as its heading gives them.
    level_names: Vec<(String, String)>,
    category: usize,
    category_id: Option<usize>,
    title: usize,
    id: Option<usize>,
    levels: Vec<usize>,
    roles: Vec<usize>,
}

impl Reading<'_> {
    fn text(&self, row: usize, column: usize) -> &str {
        self.sheet.rows.get(row).and_then(|cells| cells.get(column)).map_or("", |text| text.trim())
    }

    fn problem(&mut self, row: usize, column: usize, message: impl Into<String>) {
        self.problems.push(at_cell(&self.sheet.name, row, column, &message.into()));
    }

    fn place(&mut self, pointer: String, row: usize, column: usize) {
        self.cells.insert(pointer, (row, column));
    }

    fn matrix(&mut self) -> Matrix {
        let mut matrix = Matrix::blank();
        let Some(heading) = self.settings(&mut matrix) else { return matrix };
        let Some(columns) = self.columns(heading) else { return matrix };
        let mut first = heading + 1;
        for (l, &column) in columns.levels.iter().enumerate() {
            let (label, short) = columns.level_names[l].clone();
            let id = if self.text(first, 0).eq_ignore_ascii_case(LEVEL_ID) { self.text(first, column) } else { "" };
            matrix.levels.push(Level { id: id.into(), label, short });
            self.place(format!("/levels/{l}"), heading, column);
            self.place(format!("/levels/{l}/id"), first, column);
        }
        if self.text(first, 0).eq_ignore_ascii_case(LEVEL_ID) {
            first += 1;
        }
        for (k, &column) in columns.roles.iter().enumerate() {
            let title = self.text(heading, column)[ROLE.len()..].trim().to_string();
            matrix.roles.push(Role { id: String::new(), title, expects: BTreeMap::new() });
            self.place(format!("/roles/{k}"), heading, column);
        }
        for row in first..self.sheet.rows.len() {
            self.competency(&mut matrix, &columns, row);
        }
        if matrix.categories.is_empty() {
            self.problem(heading, columns.title, "no competency follows the heading row");
        }
        matrix
    }

    /// Reads the rows above the heading into `matrix`; the heading's row.
    fn settings(&mut self, matrix: &mut Matrix) -> Option<usize> {
        for row in 0..self.sheet.rows.len() {
            let (key, value) = (self.text(row, 0).to_string(), self.text(row, 1).to_string());
            match key.to_lowercase().as_str() {
                "" => {}
                k if k == CATEGORY.to_lowercase() => return Some(row),
                k if k == TITLE.to_lowercase() => (matrix.title = value, self.place("/title".into(), row, 1)).1,
                k if k == MATRIX_ID.to_lowercase() => (matrix.id = value, self.place("/id".into(), row, 1)).1,
                k if k == DESCRIPTION.to_lowercase() => {
                    (matrix.description = value, self.place("/description".into(), row, 1)).1
                }
                k if k == SKIPPABLE.to_lowercase() => match value.to_lowercase().as_str() {
                    "yes" | "true" => matrix.allow_partial = true,
                    "no" | "false" | "" => matrix.allow_partial = false,
                    _ => self.problem(row, 1, "must be yes or no"),
                },
                _ => self.problem(
                    row,
                    0,
                    format!(
                        "'{}' is not one of {TITLE}, {MATRIX_ID}, {DESCRIPTION}, {SKIPPABLE} or {CATEGORY}",
                        short_text(&key)
                    ),
                ),
            }
        }
        self.problem(self.sheet.rows.len(), 0, format!("no heading row: a row starting with '{CATEGORY}' is needed"));
        None
    }

    /// The heading row's columns, in the layout's order.
    fn columns(&mut self, heading: usize) -> Option<Columns> {
        let width = self.sheet.rows[heading].iter().rposition(|c| !c.trim().is_empty()).map_or(0, |last| last + 1);
        let named =
            |reading: &Self, column: usize, name: &str| reading.text(heading, column).eq_ignore_ascii_case(name);
        // An optional column: `Some(next)`, and `next` moves past it, when it is there.
        let optional = |reading: &Self, next: &mut usize, name: &str| {
            let found = named(reading, *next, name).then_some(*next);
            *next += usize::from(found.is_some());
            found
        };
        let mut next = 1;
        let category_id = optional(self, &mut next, CATEGORY_ID);
        if !named(self, next, COMPETENCY) {
            self.problem(heading, next, format!("must be '{COMPETENCY}'"));
            return None;
        }
        let title = next;
        next += 1;
        let id = optional(self, &mut next, COMPETENCY_ID);
        let (mut levels, mut roles) = (Vec::new(), Vec::new());
        for column in next..width {
            let text = self.text(heading, column);
            match text.get(..ROLE.len()).is_some_and(|start| start.eq_ignore_ascii_case(ROLE)) {
                true => roles.push(column),
                false if !roles.is_empty() => self.problem(heading, column, "levels come before the roles"),
                false if text.is_empty() => self.problem(heading, column, "a level's column needs a heading"),
                false => levels.push(column),
            }
        }
        let level_names = levels.iter().map(|&c| label_and_short(self.text(heading, c))).collect();
        Some(Columns { level_names, category: 0, category_id, title, id, levels, roles })
    }

    /// One competency's row (blank rows are skipped).
    fn competency(&mut self, matrix: &mut Matrix, columns: &Columns, row: usize) {
        let cells = self.sheet.rows[row].len();
        if (0..cells).all(|column| self.text(row, column).is_empty()) {
            return;
        }
        let category_title = self.text(row, columns.category).to_string();
        let starts_category = !category_title.is_empty()
            && matrix.categories.last().is_none_or(|last: &Category| last.title != category_title);
        if starts_category {
            let id = columns.category_id.map_or("", |c| self.text(row, c)).to_string();
            matrix.categories.push(Category { id, title: category_title, rows: Vec::new() });
            let c = matrix.categories.len() - 1;
            self.place(format!("/categories/{c}"), row, columns.category);
            if let Some(column) = columns.category_id {
                self.place(format!("/categories/{c}/id"), row, column);
            }
        }
        let Some(category) = matrix.categories.len().checked_sub(1) else {
            return self.problem(row, columns.category, "needs a category (none above it either)");
        };
        let r = matrix.categories[category].rows.len();
        let at = format!("/categories/{category}/rows/{r}");
        self.place(at.clone(), row, columns.title);
        if let Some(column) = columns.id {
            self.place(format!("{at}/id"), row, column);
        }
        let descriptions = columns.levels.iter().enumerate().map(|(l, &column)| {
            self.cells.insert(format!("{at}/descriptions/{l}"), (row, column));
            self.text(row, column).to_string()
        });
        let descriptions = descriptions.collect();
        let id = columns.id.map_or("", |c| self.text(row, c)).to_string();
        let title = self.text(row, columns.title).to_string();
        self.expectations(columns, row, (category, r));
        matrix.categories[category].rows.push(Row { id, title, descriptions });
    }

    /// What each role expects of the competency in `row` (category and
    /// row `place`), by a level's short name or label.
    fn expectations(&mut self, columns: &Columns, row: usize, place: (usize, usize)) {
        for (k, &column) in columns.roles.iter().enumerate() {
            let wanted = self.text(row, column).to_string();
            if wanted.is_empty() {
                continue;
            }
            let level = columns.level_names.iter().position(|(label, short)| *label == wanted || *short == wanted);
            match level {
                Some(l) => self.expected.push((k, place.0, place.1, l)),
                None => self.problem(row, column, format!("'{}' is not one of the levels", short_text(&wanted))),
            }
        }
    }
}

/// "Label (short)" as its label and short name; without one, both the label.
fn label_and_short(text: &str) -> (String, String) {
    match text.strip_suffix(')').and_then(|rest| rest.rsplit_once('(')) {
        Some((label, short)) if !label.trim().is_empty() => (label.trim().into(), short.trim().into()),
        _ => (text.into(), text.into()),
    }
}

fn short_text(text: &str) -> String {
    text.chars().take(40).collect()
}

/// A problem at a cell: its reference (`Matrix!C5`) as the path, and the
/// sheet, row and column said in its message.
pub fn at_cell(sheet: &str, row: usize, column: usize, message: &str) -> MatrixProblem {
    let letters = column_letters(column);
    MatrixProblem {
        path: format!("{sheet}!{letters}{}", row + 1),
        message: format!("sheet '{sheet}', row {}, column {letters}: {message}", row + 1),
    }
}

/// 0 → A, 25 → Z, 26 → AA.
fn column_letters(mut column: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(b'A' + (column % 26) as u8);
        if column < 26 {
            break;
        }
        column = column / 26 - 1;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}
