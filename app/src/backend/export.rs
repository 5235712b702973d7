//! A board's aggregates for its admin, as JSON or CSV: the figures per row
//! and level with the matrix's names beside them, so the file makes sense
//! on its own. Individual answers are never part of it.

use crate::backend::engine::ServedBoard;
use serde::Serialize;

#[derive(Serialize)]
pub struct Report {
    /// The board's id.
    board: String,
    title: String,
    /// The matrix's id.
    matrix: String,
    /// The figures' version, as live push and the API number them.
    version: u64,
    respondents: u64,
    closed: bool,
    /// Level labels, in column order.
    levels: Vec<String>,
    rows: Vec<RowFigures>,
}

#[derive(Serialize)]
struct RowFigures {
    /// The title of the row's category.
    category: String,
    id: String,
    title: String,
    /// Respondents per level, in level order.
    counts: Vec<u64>,
    /// Respondents who answered this row.
    answered: u64,
}

impl Report {
    pub fn new(board: &ServedBoard) -> Report {
        let (matrix, stats) = (board.matrix(), board.stats());
        let rows = matrix
            .categories
            .iter()
            .flat_map(|category| {
                category.rows.iter().map(|row| RowFigures {
                    category: category.title.clone(),
                    id: row.id.clone(),
                    title: row.title.clone(),
                    counts: (0..matrix.levels.len()).map(|level| stats.count(&row.id, level)).collect(),
                    answered: stats.answered(&row.id),
                })
            })
            .collect();
        Report {
            board: board.info.id.clone(),
            title: board.info.title.clone(),
            matrix: matrix.id.clone(),
            version: stats.version,
            respondents: stats.respondents,
            closed: stats.closed,
            levels: matrix.levels.iter().map(|l| l.label.clone()).collect(),
            rows,
        }
    }

    /// One line per (row, level): `category,row,row_title,level,count,answered`.
    pub fn csv(&self) -> String {
        let mut out = String::from("category,row,row_title,level,count,answered\n");
        for row in &self.rows {
            for (level, count) in self.levels.iter().zip(&row.counts) {
                let fields = [field(&row.category), field(&row.id), field(&row.title), field(level)];
                out.push_str(&format!("{},{count},{}\n", fields.join(","), row.answered));
            }
        }
        out
    }
}

/// A CSV field, quoted when it must be (RFC 4180). A leading `=`, `+`, `-`,
/// `@`, tab or carriage return gets a `'` so spreadsheets show matrix text
/// instead of running it as a formula.
fn field(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_string() };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::field;

    #[test]
    fn fields_are_quoted_and_defused() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, \"b\""), "\"a, \"\"b\"\"\"");
        assert_eq!(field("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(field("\t=1+1"), "'\t=1+1");
        assert_eq!(field("\r=1+1"), "\"'\r=1+1\"");
    }
}
