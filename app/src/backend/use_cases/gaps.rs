//! A role's gaps: where the people who hold it stand against what it
//! expects, in one round and the round before, of everyone in the role or
//! of one group. Figures like any others: refused while the board hides
//! its figures from the caller, and withheld where a slice is too small.

use super::{Caller, Tally};
use crate::error::TallyError;
use crate::gaps::Gaps;

/// Which gaps to read: blanks pick the matrix's first role, everyone, and
/// the open round.
#[derive(Clone, Debug, Default)]
pub struct GapsQuery {
    pub role: String,
    pub group: String,
    pub round: Option<u32>,
    /// The page's language, to name rows and roles in; `None` (the API):
    /// as the matrix is written.
    pub language: Option<String>,
}

impl Tally {
    pub async fn gaps(&self, caller: &Caller, board: &str, query: GapsQuery) -> Result<Gaps, TallyError> {
        let served = self.engine.board(board).await?;
        self.refuse_if_hidden(caller, &served).await?;
        let matrix = served.matrix();
        let wanted = query.role.trim();
        let role = match wanted.is_empty() {
            true => matrix.roles.first(),
            false => matrix.roles.iter().find(|r| r.id == wanted),
        };
        let Some(role) = role else {
            let shown: String = wanted.chars().take(80).collect();
            let known: Vec<&str> = matrix.roles.iter().map(|r| r.id.as_str()).collect();
            return Err(TallyError::BadRequest(match known.is_empty() {
                true => format!("board '{}' has no roles: its matrix declares none", served.info.id),
                false => format!("unknown role '{shown}' (this board's roles: {})", known.join(", ")),
            }));
        };
        let settings = served.groups();
        // An unknown group is refused by `gap_figures`, as at the stats door.
        let group = Some(query.group.trim()).filter(|g| !g.is_empty());
        let rounds: Vec<(u32, String)> =
            self.engine.rounds(&served).await?.into_iter().map(|r| (r.round, r.shown_label())).collect();
        let round = query.round.unwrap_or(served.stats().round);
        let figures = self.engine.gap_figures(&served, round, role, group).await?;
        let before = match rounds.iter().find(|(n, _)| *n + 1 == round) {
            Some((earlier, label)) => {
                Some((label.clone(), self.engine.gap_figures(&served, *earlier, role, group).await?))
            }
            None => None,
        };
        let mut gaps = Gaps {
            title: served.info.title.clone(),
            roles: matrix.roles.iter().map(|r| (r.id.clone(), r.title.clone())).collect(),
            role: role.id.clone(),
            groups: settings.groups,
            group: group.map(str::to_string),
            rounds,
            round,
            min_group_size: settings.min_group_size,
            figures,
            before,
        };
        if let Some(language) = &query.language {
            let shown = matrix.in_language(language).matrix;
            crate::page_data::title_as_shown(&mut gaps.title, &matrix, &shown);
            gaps.name_as(&shown);
        }
        Ok(gaps)
    }
}
