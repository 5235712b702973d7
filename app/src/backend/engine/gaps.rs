//! A role's gaps in the engine: from the counts of the role's people in
//! one round (in one group, or in every group), and only where the
//! suppression rule shows that slice (see [`suppression::crossed`]).
//!
//! [`suppression::crossed`]: crate::backend::suppression

use super::{Engine, ServedBoard};
use crate::backend::suppression::{Shown, SliceSizes};
use crate::error::TallyError;
use crate::gaps::GapFigures;
use crate::matrix::Role;

impl Engine {
    /// The gaps of `role` (one of the matrix's) in `round`, of everyone in
    /// it or of one `group` (one of the board's), or `None` while that
    /// slice is withheld: then not even how many people are in it is told.
    pub async fn gap_figures(
        &self,
        board: &ServedBoard,
        round: u32,
        role: &Role,
        group: Option<&str>,
    ) -> Result<Option<GapFigures>, TallyError> {
        let sizes = self.slice_sizes(board, round).await?;
        self.gaps_if_shown(board, round, &sizes, role, group).await
    }

    /// Every role's gaps in one round, of everyone in it then of each of
    /// the board's groups, each as [`Engine::gap_figures`] gives it, with
    /// the round's slice sizes read once for all of them (for an export).
    pub async fn round_gap_figures(
        &self,
        board: &ServedBoard,
        round: u32,
    ) -> Result<Vec<(Role, Option<String>, Option<GapFigures>)>, TallyError> {
        let sizes = self.slice_sizes(board, round).await?;
        let (matrix, groups) = (board.matrix(), board.groups().groups);
        let mut all = Vec::new();
        for role in &matrix.roles {
            for group in std::iter::once(None).chain(groups.iter().map(Some)) {
                let gaps = self.gaps_if_shown(board, round, &sizes, role, group.map(String::as_str)).await?;
                all.push((role.clone(), group.cloned(), gaps));
            }
        }
        Ok(all)
    }

    /// The slice's gaps, from its counts, if the round's sizes show it.
    async fn gaps_if_shown(
        &self,
        board: &ServedBoard,
        round: u32,
        (sizes, shown): &(SliceSizes, Shown),
        role: &Role,
        group: Option<&str>,
    ) -> Result<Option<GapFigures>, TallyError> {
        if let Some(group) = group {
            self.check_group(board, group)?;
        }
        if !shown.shows(group, Some(&role.id)) {
            return Ok(None);
        }
        let counts = self.state.store.slice_counts(&board.info.id, round, group, Some(&role.id)).await?;
        let respondents = sizes.of(group, Some(&role.id));
        Ok(Some(GapFigures::count(&board.matrix(), role, respondents, &counts)))
    }
}
