//! A role's gaps in the engine: counted from the answers of the role's
//! people in one round (in one group, or in every group), and only where
//! the suppression rule shows that slice (see [`suppression::crossed`]).
//!
//! [`suppression::crossed`]: crate::backend::suppression

use super::{Engine, ServedBoard};
use crate::backend::suppression::{shown_slices, SliceSizes};
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
        self.check_round(board, round)?;
        let matrix = board.matrix();
        let settings = board.groups();
        let mut sizes = SliceSizes {
            groups: settings.groups.clone(),
            roles: matrix.roles.iter().map(|r| r.id.clone()).collect(),
            ..SliceSizes::default()
        };
        for (group, role, n) in self.state.store.slice_sizes(&board.info.id, round).await? {
            sizes.add(group, role, n);
        }
        if !shown_slices(&sizes, settings.min_group_size).shows(group, Some(&role.id)) {
            return Ok(None);
        }
        let answers = self.state.store.role_answers(&board.info.id, round, &role.id, group).await?;
        Ok(Some(GapFigures::count(&matrix, role, &answers)))
    }
}
