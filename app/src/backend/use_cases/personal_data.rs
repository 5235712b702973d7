//! A respondent's own data: everything a board holds about them, for them
//! to download (the data-protection right of access). Found by the same
//! token or invitation their answers were given with, so it is only ever
//! their own.

use super::{Caller, Tally};
use crate::backend::engine::now;
use crate::error::TallyError;
use crate::matrix::Matrix;
use serde::Serialize;

/// Everything one board holds about the caller.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct MyData {
    pub board: String,
    pub title: String,
    /// Their id on this board, as stored beside their answers. It is made
    /// from their browser's token or their invitation; the board keeps
    /// nothing else about them.
    pub respondent: Option<String>,
    /// Every round they answered, oldest first (empty: they never did).
    pub rounds: Vec<MyAnsweredRound>,
    /// Unix seconds, when this copy was made.
    pub exported_at: i64,
}

/// One round's answers as stored, with the matrix's words for them.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct MyAnsweredRound {
    pub round: u32,
    pub label: String,
    /// Unix seconds.
    pub submitted_at: i64,
    pub group: Option<String>,
    /// The role's id in the board's matrix.
    pub role: Option<String>,
    pub answers: Vec<MyAnswer>,
}

#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct MyAnswer {
    /// The competency's id.
    pub row: String,
    /// Its title, as the matrix says it now.
    pub competency: String,
    /// The level's place, from 0.
    pub level: u8,
    /// Its label, as the matrix says it now.
    pub level_label: String,
}

impl Tally {
    /// Everything `board` holds about the caller (found by the token or
    /// invitation they present, as for their history).
    pub async fn my_data(&self, caller: &Caller, board: &str) -> Result<MyData, TallyError> {
        let served = self.engine.board(board).await?;
        let respondent = self.respondent(caller, &served).await?;
        self.admit(&served, &respondent)?;
        let id = respondent.id(self, &served.info.id);
        let history = match &id {
            Some(id) => self.engine.history(&served, id).await?,
            None => Vec::new(),
        };
        let matrix = served.matrix();
        let rounds = history
            .into_iter()
            .map(|answered| MyAnsweredRound {
                round: answered.round,
                label: crate::rounds::shown_label(answered.round, &answered.label),
                submitted_at: answered.submitted_at,
                group: answered.group,
                role: answered.role,
                answers: answered.answers.iter().map(|(row, level)| worded(&matrix, row, *level)).collect(),
            })
            .collect();
        let title = served.info.title.clone();
        Ok(MyData { board: served.info.id.clone(), title, respondent: id, rounds, exported_at: now() })
    }
}

/// An answer with the matrix's words; a row or level the matrix no longer
/// has keeps its id and place, with empty words.
fn worded(matrix: &Matrix, row: &str, level: u8) -> MyAnswer {
    let found = matrix.rows().find(|r| r.id == row);
    MyAnswer {
        row: row.to_string(),
        competency: found.map(|r| r.title.clone()).unwrap_or_default(),
        level,
        level_label: matrix.levels.get(level as usize).map(|l| l.label.clone()).unwrap_or_default(),
    }
}
