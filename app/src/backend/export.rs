//! A board's aggregates for its admin, as JSON or CSV: the figures per
//! round, for everyone and for each group, per row and level, with the
//! matrix's names beside them, so the file makes sense on its own; and,
//! when the matrix has roles, what each expects and each role's gaps (of
//! everyone in it, then within each group). Individual answers are never
//! part of it, and a slice whose figures are withheld (see `suppression`)
//! is only named as withheld.
//!
//! Streamed: each round's sections (everyone, each group, then each role)
//! are read and written in turn, so a board with many rounds costs one
//! round's memory, however long the file.

use crate::backend::engine::{Engine, ServedBoard};
use crate::error::TallyError;
use crate::gaps::RowGap;
use crate::matrix::Matrix;
use crate::rounds::RoundInfo;
use crate::stats::Stats;
use futures_util::stream::{self, BoxStream, StreamExt, TryStreamExt};
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::Arc;

/// What the file says about the board as a whole, before its sections.
#[derive(Serialize)]
struct Header {
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
    #[serde(skip_serializing_if = "Vec::is_empty")]
    roles: Vec<RoleExpects>,
}

/// A role and the level (its label) it expects, by row id.
#[derive(Serialize)]
struct RoleExpects {
    id: String,
    title: String,
    expects: BTreeMap<String, String>,
}

/// The figures of one round, for everyone or for one group.
#[derive(Serialize)]
struct Section {
    round: u32,
    round_label: String,
    /// `None` for everyone.
    group: Option<String>,
    /// A role's gaps (its title) rather than the figures per level.
    #[serde(skip_serializing_if = "Option::is_none")]
    role: Option<String>,
    /// The slice's figures are withheld: no figure of it is given.
    withheld: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    respondents: Option<u64>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    rows: Vec<RowFigures>,
    /// A role's rows: how many are below, at and above what it expects.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    gaps: Vec<RowGap>,
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

/// An export about to be written: the header, and the rounds still to read.
pub struct Report {
    header: Header,
    engine: Engine,
    board: Arc<ServedBoard>,
    rounds: Vec<RoundInfo>,
}

/// The file's text, a piece at a time.
pub type Chunks = BoxStream<'static, Result<String, TallyError>>;

impl Report {
    /// Every round's figures, or only `round`'s.
    pub async fn new(engine: &Engine, board: Arc<ServedBoard>, round: Option<u32>) -> Result<Report, TallyError> {
        let (matrix, current, groups) = (board.matrix(), board.stats(), board.groups());
        let mut rounds = engine.rounds(&board).await?;
        if let Some(only) = round {
            rounds.retain(|r| r.round == only);
            if rounds.is_empty() {
                return Err(TallyError::UnknownRound { board: board.info.id.clone(), round: only });
            }
        }
        let header = Header {
            board: board.info.id.clone(),
            title: board.info.title.clone(),
            matrix: matrix.id.clone(),
            version: current.version,
            closed: current.closed,
            min_group_size: groups.min_group_size,
            levels: matrix.levels.iter().map(|l| l.label.clone()).collect(),
            roles: matrix
                .roles
                .iter()
                .map(|role| RoleExpects {
                    id: role.id.clone(),
                    title: role.title.clone(),
                    expects: matrix
                        .rows()
                        .filter_map(|row| {
                            Some((row.id.clone(), matrix.levels[matrix.expected_level(role, &row.id)?].label.clone()))
                        })
                        .collect(),
                })
                .collect(),
        };
        Ok(Report { header, engine: engine.clone(), board, rounds })
    }

    /// Each round's sections in turn: everyone's, each group's, then each
    /// role's gaps (everyone in it, then within each group).
    fn sections(self) -> (Header, BoxStream<'static, Result<Section, TallyError>>) {
        let Report { header, engine, board, rounds } = self;
        let per_round = stream::iter(rounds).then(move |info| {
            let (engine, board) = (engine.clone(), board.clone());
            async move {
                let everyone = Some((*engine.round_figures(&board, &info).await?).clone());
                let groups = engine.round_group_stats(&board, info.round).await?;
                let matrix = board.matrix();
                let mut sections = std::iter::once((None, everyone))
                    .chain(groups.into_iter().map(|(group, stats)| (Some(group), stats)))
                    .map(|(group, stats)| Ok(section(&matrix, &info, group, stats)))
                    .collect::<Vec<_>>();
                for (role, group, gaps) in engine.round_gap_figures(&board, info.round).await? {
                    sections.push(Ok(Section {
                        round: info.round,
                        round_label: info.label.clone(),
                        group,
                        role: Some(role.title),
                        withheld: gaps.is_none(),
                        respondents: gaps.as_ref().map(|g| g.respondents),
                        rows: Vec::new(),
                        gaps: gaps.map(|g| g.rows).unwrap_or_default(),
                    }));
                }
                Ok::<_, TallyError>(stream::iter(sections))
            }
        });
        (header, per_round.try_flatten().boxed())
    }

    /// `{ ...header, "sections": [ ... ] }`, a section at a time.
    pub fn json(self) -> Chunks {
        let (header, sections) = self.sections();
        let head = serde_json::to_string(&header).expect("headers serialise");
        let opening = format!("{},\"sections\":[", head.trim_end_matches('}'));
        let body = sections.enumerate().map(|(i, section)| {
            let text = serde_json::to_string(&section?).expect("sections serialise");
            Ok(if i == 0 { text } else { format!(",{text}") })
        });
        stream::once(async { Ok(opening) }).chain(body).chain(stream::once(async { Ok("]}\n".to_string()) })).boxed()
    }

    /// One line per (round, group, row, level):
    /// `round,round_label,group,category,row,row_title,level,count,answered,role`,
    /// the group empty for everyone, the role empty but for a role's gaps
    /// (whose `level` says `below`, `at` or `above` and the expected level);
    /// a withheld slice gets one line saying so.
    pub fn csv(self) -> Chunks {
        let (header, sections) = self.sections();
        let levels = header.levels;
        let opening = "round,round_label,group,category,row,row_title,level,count,answered,role\n".to_string();
        let body = sections.map(move |section| section.map(|section| section_lines(&section, &levels)));
        stream::once(async { Ok(opening) }).chain(body).boxed()
    }
}

fn section(matrix: &Matrix, info: &RoundInfo, group: Option<String>, stats: Option<Stats>) -> Section {
    Section {
        round: info.round,
        round_label: info.label.clone(),
        group,
        withheld: stats.is_none(),
        respondents: stats.as_ref().map(|s| s.respondents),
        rows: stats.map(|s| rows(matrix, &s)).unwrap_or_default(),
        role: None,
        gaps: Vec::new(),
    }
}

/// One section's CSV lines, quoted by the `csv` crate.
fn section_lines(section: &Section, levels: &[String]) -> String {
    let mut out = csv::Writer::from_writer(Vec::new());
    let (round, label) = (section.round.to_string(), defused(&section.round_label));
    let group = defused(section.group.as_deref().unwrap_or(""));
    let role = defused(section.role.as_deref().unwrap_or(""));
    if section.withheld {
        let record = [round.as_str(), &label, &group, "", "", "", "", "withheld", "", &role];
        out.write_record(record).expect("writing to memory");
    }
    for row in &section.rows {
        let (category, id, title) = (defused(&row.category), defused(&row.id), defused(&row.title));
        for (level, count) in levels.iter().zip(&row.counts) {
            let (level, count, answered) = (defused(level), count.to_string(), row.answered.to_string());
            let record = [&round, &label, &group, &category, &id, &title, &level, &count, &answered, &role];
            out.write_record(record).expect("writing to memory");
        }
    }
    for gap in &section.gaps {
        let (id, title, answered) = (defused(&gap.row), defused(&gap.title), gap.answered().to_string());
        for (side, count) in [("below", gap.below), ("at", gap.at), ("above", gap.above)] {
            let (level, count) = (defused(&format!("{side} {}", gap.expected)), count.to_string());
            let record = [&round, &label, &group, "", &id, &title, &level, &count, &answered, &role];
            out.write_record(record).expect("writing to memory");
        }
    }
    String::from_utf8(out.into_inner().expect("writing to memory")).expect("the fields are text")
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

/// A leading `=`, `+`, `-`, `@`, tab or carriage return gets a `'`, so
/// spreadsheets show matrix text instead of running it as a formula (the
/// `csv` crate quotes, but knows nothing of spreadsheets).
fn defused(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_and_defused() {
        let section = Section {
            round: 1,
            round_label: "@Q4, \"late\"".into(),
            group: Some("=SUM(A1)".into()),
            withheld: false,
            respondents: Some(3),
            rows: vec![RowFigures {
                category: "a, \"b\"".into(),
                id: "r1".into(),
                title: "\r=1+1".into(),
                counts: vec![2, 1],
                answered: 3,
            }],
            role: None,
            gaps: Vec::new(),
        };
        let lines = section_lines(&section, &["plain".into(), "\t=1+1".into()]);
        assert_eq!(
            lines,
            "1,\"'@Q4, \"\"late\"\"\",'=SUM(A1),\"a, \"\"b\"\"\",r1,\"'\r=1+1\",plain,2,3,\n\
             1,\"'@Q4, \"\"late\"\"\",'=SUM(A1),\"a, \"\"b\"\"\",r1,\"'\r=1+1\",'\t=1+1,1,3,\n"
        );
    }
}
