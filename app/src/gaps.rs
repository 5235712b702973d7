//! Where a role's respondents stand against what the role expects: per
//! row, how many are below, at and above the expected level, the rows
//! ranked by shortfall so the team's learning needs come first. Shared by
//! the gaps page, its server function and `GET /api/boards/{board}/gaps`.
//! Which slices may be shown at all is decided by
//! `backend::suppression::shown_slices`, as for every other figure.

use crate::matrix::{Matrix, Role};
use serde::{Deserialize, Serialize};

/// One row's standing against the role's expectation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RowGap {
    pub row: String,
    pub title: String,
    /// The short name of the level the role expects.
    pub expected: String,
    pub below: u64,
    pub at: u64,
    pub above: u64,
    /// Levels short, summed over everyone below.
    pub shortfall: u64,
}

impl RowGap {
    /// How many answered the row.
    pub fn answered(&self) -> u64 {
        self.below + self.at + self.above
    }

    /// "5 of 8 below · 2 at · 1 above", in the page's language.
    pub fn text(&self) -> String {
        let (below, at, above) = (self.below.into(), self.at.into(), self.above.into());
        let args = [("below", below), ("answered", self.answered().into()), ("at", at), ("above", above)];
        crate::i18n::say_with(crate::i18n::Say::GapsFigures, &args)
    }
}

/// One slice's gaps in one round: the rows the role expects something of,
/// the largest share below first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct GapFigures {
    /// How many people the slice holds.
    pub respondents: u64,
    pub rows: Vec<RowGap>,
}

impl GapFigures {
    /// Counts a slice of `respondents` people against `role`, from how many
    /// of them gave each (row, level): `counts`.
    pub fn count(matrix: &Matrix, role: &Role, respondents: u64, counts: &[(String, u8, u64)]) -> GapFigures {
        let mut rows: Vec<(usize, RowGap)> = matrix
            .rows()
            .enumerate()
            .filter_map(|(order, row)| {
                let expected = matrix.expected_level(role, &row.id)?;
                let short = matrix.levels[expected].short.clone();
                let gap =
                    RowGap { row: row.id.clone(), title: row.title.clone(), expected: short, ..RowGap::default() };
                Some((order, gap))
            })
            .collect();
        for (row, level, n) in counts {
            let Some((_, gap)) = rows.iter_mut().find(|(_, gap)| gap.row == *row) else { continue };
            let expected = matrix.expected_level(role, row).unwrap_or_default() as u64;
            match u64::from(*level).cmp(&expected) {
                std::cmp::Ordering::Less => {
                    gap.below += n;
                    gap.shortfall += (expected - u64::from(*level)) * n;
                }
                std::cmp::Ordering::Equal => gap.at += n,
                std::cmp::Ordering::Greater => gap.above += n,
            }
        }
        // Largest share below first (compared without division), then the
        // most levels short, then the matrix's order.
        rows.sort_by(|(i, a), (j, b)| {
            let share =
                (u128::from(b.below) * u128::from(a.answered())).cmp(&(u128::from(a.below) * u128::from(b.answered())));
            share.then(b.shortfall.cmp(&a.shortfall)).then(i.cmp(j))
        });
        GapFigures { respondents, rows: rows.into_iter().map(|(_, gap)| gap).collect() }
    }

    pub fn row(&self, row: &str) -> Option<&RowGap> {
        self.rows.iter().find(|gap| gap.row == row)
    }
}

/// Everything the gaps page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Gaps {
    /// The board's title.
    pub title: String,
    /// (id, title) of the matrix's roles.
    pub roles: Vec<(String, String)>,
    /// The role shown, by id.
    pub role: String,
    /// The board's groups, and the one shown (`None`: everyone in the role).
    pub groups: Vec<String>,
    pub group: Option<String>,
    /// (number, label) of the board's rounds, oldest first, and the one shown.
    pub rounds: Vec<(u32, String)>,
    pub round: u32,
    pub min_group_size: u32,
    /// `None`: withheld, too few people (see `backend::suppression`).
    pub figures: Option<GapFigures>,
    /// The same slice in the round before, when there is one (`None` inside: withheld).
    pub before: Option<(String, Option<GapFigures>)>,
}

impl Gaps {
    /// Names the roles, rows and expected levels as `shown` does: the
    /// matrix in the page's language, the same shape in other words.
    pub fn name_as(&mut self, shown: &Matrix) {
        for (id, title) in &mut self.roles {
            if let Some(role) = shown.roles.iter().find(|r| r.id == *id) {
                title.clone_from(&role.title);
            }
        }
        let Some(role) = shown.roles.iter().find(|r| r.id == self.role) else { return };
        let earlier = self.before.iter_mut().filter_map(|(_, figures)| figures.as_mut());
        for gap in self.figures.iter_mut().chain(earlier).flat_map(|f| f.rows.iter_mut()) {
            if let Some(row) = shown.rows().find(|r| r.id == gap.row) {
                gap.title.clone_from(&row.title);
            }
            if let Some(level) = shown.expected_level(role, &gap.row) {
                gap.expected.clone_from(&shown.levels[level].short);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matrix::tests::sample_with_roles;
    use std::collections::BTreeMap;

    /// How many of `people` (each one level per row r1, r2, r3) gave each (row, level).
    fn counts(people: &[[u8; 3]]) -> Vec<(String, u8, u64)> {
        let mut counts = BTreeMap::new();
        for levels in people {
            for (row, level) in ["r1", "r2", "r3"].iter().zip(levels) {
                *counts.entry((row.to_string(), *level)).or_default() += 1;
            }
        }
        counts.into_iter().map(|((row, level), n)| (row, level, n)).collect()
    }

    #[test]
    fn each_row_counts_who_is_below_at_and_above_and_the_largest_shortfall_comes_first() {
        let matrix = sample_with_roles();
        let senior = &matrix.roles[1]; // expects c (2) in r1 and b (1) in r3
        let gaps = GapFigures::count(&matrix, senior, 3, &counts(&[[0, 0, 1], [2, 0, 2], [1, 0, 0]]));
        assert_eq!(gaps.respondents, 3);
        let order: Vec<&str> = gaps.rows.iter().map(|g| g.row.as_str()).collect();
        assert_eq!(order, ["r1", "r3"], "r2 is not expected of a senior; r1 has 2 of 3 below");
        let r1 = gaps.row("r1").unwrap();
        assert_eq!((r1.below, r1.at, r1.above, r1.shortfall), (2, 1, 0, 3));
        assert_eq!(r1.text(), "2 of 3 below · 1 at · 0 above");
        let r3 = gaps.row("r3").unwrap();
        assert_eq!((r3.below, r3.at, r3.above, r3.expected.as_str()), (1, 1, 1, "b"));
    }
}
