//! A board's aggregates for its admin, as JSON or CSV: the figures per
//! round, for everyone and for each group, per row and level, with the
//! matrix's names beside them, so the file makes sense on its own.
//! Individual answers are never part of it, and a group under the anonymity
//! threshold is only named as withheld.

use crate::backend::engine::{Engine, ServedBoard};
use crate::error::TallyError;
use crate::matrix::Matrix;
use crate::stats::Stats;
use serde::Serialize;

#[derive(Serialize)]
pub struct Report {
    /// The board's id.
    board: String,
    title: String,
    /// The matrix's id.
    matrix: String,
    /// The board's version as of the export, as live push and the API number them.
    version: u64,
    closed: bool,
    /// A group's figures are withheld below this many respondents.
    min_group_size: u32,
    /// Level labels, in column order.
    levels: Vec<String>,
    /// Per round (oldest first), everyone's figures, then each group's.
    sections: Vec<Section>,
}

/// The figures of one round, for everyone or for one group.
#[derive(Serialize)]
struct Section {
    round: u32,
    round_label: String,
    /// `None` for everyone.
    group: Option<String>,
    /// The group is under the threshold: no figure of it is given.
    withheld: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    respondents: Option<u64>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
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
    /// Every round's figures, or only `round`'s; groups under the
    /// threshold are listed as withheld, with nothing else.
    pub async fn new(engine: &Engine, board: &ServedBoard, round: Option<u32>) -> Result<Report, TallyError> {
        let (matrix, current, groups) = (board.matrix(), board.stats(), board.groups());
        let mut rounds = engine.rounds(board).await?;
        if let Some(only) = round {
            rounds.retain(|r| r.round == only);
            if rounds.is_empty() {
                return Err(TallyError::UnknownRound { board: board.info.id.clone(), round: only });
            }
        }
        let mut sections = Vec::new();
        for info in rounds {
            let section = |group: Option<&String>, stats: Option<&Stats>| Section {
                round: info.round,
                round_label: info.label.clone(),
                group: group.cloned(),
                withheld: stats.is_none(),
                respondents: stats.map(|s| s.respondents),
                rows: stats.map(|s| rows(&matrix, s)).unwrap_or_default(),
            };
            let everyone = engine.round_figures(board, &info).await?;
            sections.push(section(None, Some(&everyone)));
            for group in &groups.groups {
                let figures = engine.group_stats(board, info.round, group).await?;
                sections.push(section(Some(group), figures.as_ref()));
            }
        }
        Ok(Report {
            board: board.info.id.clone(),
            title: board.info.title.clone(),
            matrix: matrix.id.clone(),
            version: current.version,
            closed: current.closed,
            min_group_size: groups.min_group_size,
            levels: matrix.levels.iter().map(|l| l.label.clone()).collect(),
            sections,
        })
    }

    /// One line per (round, group, row, level):
    /// `round,group,category,row,row_title,level,count,answered`, the group
    /// empty for everyone; a withheld group gets one line saying so.
    pub fn csv(&self) -> String {
        let mut out = String::from("round,group,category,row,row_title,level,count,answered\n");
        for section in &self.sections {
            let group = field(section.group.as_deref().unwrap_or(""));
            if section.withheld {
                out.push_str(&format!("{},{group},,,,,withheld,\n", section.round));
            }
            for row in &section.rows {
                for (level, count) in self.levels.iter().zip(&row.counts) {
                    let fields = [field(&row.category), field(&row.id), field(&row.title), field(level)];
                    out.push_str(&format!("{},{group},{},{count},{}\n", section.round, fields.join(","), row.answered));
                }
            }
        }
        out
    }
}

fn rows(matrix: &Matrix, stats: &Stats) -> Vec<RowFigures> {
    matrix
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
        .collect()
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
