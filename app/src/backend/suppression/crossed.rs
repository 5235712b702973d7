//! Roles cut a round's respondents a second way, across groups. Three
//! kinds of slice may then be shown: a group (as before), a role, and a
//! role within a group (a cell). Deciding each kind on its own is not
//! enough, because the kinds overlap: with a group of 4 holding 3 of one
//! role and 1 of another, showing the group and its cell of 3 tells the
//! one person's answers by subtraction, even if no shown slice is small.
//!
//! So the rule works like a table with a row per group and a column per
//! role, the withheld groups pooled into one row and the withheld roles
//! (with "no role") into one column:
//!
//! 1. Groups are decided by [`super::shown_groups`], and roles by the same
//!    rule, "no role" being their remainder.
//! 2. A shown role is *crossed* (shown group by group, for every shown
//!    group at once) only if each of its cells, and its part in the pooled
//!    row, holds no one or at least the threshold.
//! 3. What a shown group holds outside the crossed roles is what a client
//!    gets by subtracting the group's cells from the group; that too must
//!    hold no one or at least the threshold (for the pooled row as well).
//!    While it does not, the crossed role with the group's smallest
//!    non-empty cell stops being crossed: its cell holds at least the
//!    threshold, so the remainder then does too.
//!
//! Everything published is then a sum of blocks that each hold no one or
//! at least the threshold, and the rest is a table known only by its row
//! and column totals, from which no cell follows. The property test below
//! checks this with linear algebra on every subset of cells.

use super::shown_groups;
use std::collections::{BTreeMap, BTreeSet};

/// How many people answered one round, by (group, role); `None` is no
/// group (or one the board no longer offers) and no role (or one the
/// matrix no longer has).
#[derive(Clone, Debug, Default)]
pub struct SliceSizes {
    pub groups: Vec<String>,
    pub roles: Vec<String>,
    pub counts: BTreeMap<(Option<String>, Option<String>), u64>,
}

/// What of one round may be shown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Shown {
    pub groups: BTreeSet<String>,
    pub roles: BTreeSet<String>,
    /// Shown roles whose cells are shown too, in every shown group.
    pub crossed: BTreeSet<String>,
}

impl Shown {
    /// Whether the figures of `role` (if given) within `group` (if given) may be shown.
    pub fn shows(&self, group: Option<&str>, role: Option<&str>) -> bool {
        match (group, role) {
            (None, None) => true,
            (Some(g), None) => self.groups.contains(g),
            (None, Some(r)) => self.roles.contains(r),
            (Some(g), Some(r)) => self.groups.contains(g) && self.crossed.contains(r),
        }
    }
}

impl SliceSizes {
    /// Adds `n` people who gave `group` and `role`, unknown names pooled as none.
    pub fn add(&mut self, group: Option<String>, role: Option<String>, n: u64) {
        let group = group.filter(|g| self.groups.contains(g));
        let role = role.filter(|r| self.roles.contains(r));
        *self.counts.entry((group, role)).or_default() += n;
    }

    /// How many are in `group` and `role`, `None` meaning any.
    pub fn of(&self, group: Option<&str>, role: Option<&str>) -> u64 {
        self.sum(|g, r| group.is_none_or(|group| g == Some(group)) && role.is_none_or(|role| r == Some(role)))
    }

    fn sum(&self, keep: impl Fn(Option<&str>, Option<&str>) -> bool) -> u64 {
        self.counts.iter().filter(|((g, r), _)| keep(g.as_deref(), r.as_deref())).map(|(_, n)| n).sum()
    }
}

/// What of one round may be shown, with `min_group_size` as the threshold.
pub fn shown_slices(sizes: &SliceSizes, min_group_size: u32) -> Shown {
    let k = u64::from(min_group_size);
    let small = |n: u64| n > 0 && n < k;
    let totals = |names: &[String], of: &dyn Fn(&str) -> u64| -> Vec<(String, u64)> {
        names.iter().map(|name| (name.clone(), of(name))).collect()
    };
    let groups = totals(&sizes.groups, &|g| sizes.sum(|sg, _| sg == Some(g)));
    let roles = totals(&sizes.roles, &|r| sizes.sum(|_, sr| sr == Some(r)));
    let groups = shown_groups(&groups, sizes.sum(|g, _| g.is_none()), min_group_size);
    let roles = shown_groups(&roles, sizes.sum(|_, r| r.is_none()), min_group_size);
    // A row of the table: one shown group, or (`None`) every other one pooled.
    let in_row = |row: Option<&str>, g: Option<&str>| match row {
        Some(row) => g == Some(row),
        None => !g.is_some_and(|g| groups.contains(g)),
    };
    let cell = |row: Option<&str>, role: &str| sizes.sum(|g, r| in_row(row, g) && r == Some(role));
    let rows: Vec<Option<&str>> = groups.iter().map(|g| Some(g.as_str())).chain([None]).collect();
    let mut crossed: BTreeSet<String> =
        roles.iter().filter(|r| rows.iter().all(|row| !small(cell(*row, r)))).cloned().collect();
    loop {
        let rest =
            |row: Option<&str>| sizes.sum(|g, _| in_row(row, g)) - crossed.iter().map(|r| cell(row, r)).sum::<u64>();
        let Some(row) = rows.iter().find(|row| small(rest(**row))) else { break };
        let smallest = crossed.iter().filter(|r| cell(*row, r) > 0).min_by_key(|r| (cell(*row, r), (*r).clone()));
        match smallest.cloned() {
            Some(smallest) => crossed.remove(&smallest),
            // Cannot happen (a shown group holds the threshold); crossing nothing is safe.
            None => break crossed.clear(),
        };
    }
    Shown { groups, roles, crossed }
}

#[cfg(test)]
mod tests;
