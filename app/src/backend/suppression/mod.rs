//! Which groups' figures may be shown in one round: the anonymity
//! threshold, made to hold against subtraction.
//!
//! A round's respondents fall into slices: one per group, and the
//! remainder (nobody's group, or a group no longer offered), which is never
//! shown on its own. The whole round's figures are public, so whatever is
//! withheld can still be summed up as "the whole minus everything shown".
//! Withholding only the groups under `min_group_size` is therefore not
//! enough: with groups of 3, 3 and 1, the whole minus the two groups of 3 is
//! the one person's answers. So, as statistics offices do (complementary
//! suppression), more groups are withheld, smallest first, until the
//! withheld slices together hold no one, or at least `min_group_size`
//! people, or everything is withheld.
//!
//! Decided here once per round, and [`crate::backend::engine::Engine::group_stats`]
//! asks it for every door: stats, compare, trends, exports. Roles, and
//! groups crossed with roles, are decided in [`crossed`] on top of it.

mod crossed;

pub use crossed::{shown_slices, Shown, SliceSizes};
use std::collections::BTreeSet;

/// The groups of one round whose figures may be shown, given how many
/// people answered in each offered group (`groups`, in any order) and how
/// many answered in none of them (`remainder`).
pub fn shown_groups(groups: &[(String, u64)], remainder: u64, min_group_size: u32) -> BTreeSet<String> {
    let threshold = u64::from(min_group_size);
    let (mut shown, withheld): (Vec<&(String, u64)>, Vec<_>) = groups.iter().partition(|(_, n)| *n >= threshold);
    let mut pooled = remainder + withheld.iter().map(|(_, n)| n).sum::<u64>();
    // Smallest first, by name among equals, so the choice is the same at every door.
    shown.sort_by(|a, b| (a.1, &a.0).cmp(&(b.1, &b.0)).reverse());
    while pooled > 0 && pooled < threshold {
        let Some((_, n)) = shown.pop() else { break };
        pooled += n;
    }
    shown.into_iter().map(|(name, _)| name.clone()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::{rngs::StdRng, Rng, SeedableRng};

    fn sizes(named: &[(&str, u64)]) -> Vec<(String, u64)> {
        named.iter().map(|(name, n)| (name.to_string(), *n)).collect()
    }

    #[test]
    fn a_small_group_takes_the_smallest_shown_one_with_it() {
        let shown = shown_groups(&sizes(&[("A", 3), ("B", 4), ("C", 1)]), 0, 3);
        assert_eq!(shown, BTreeSet::from(["B".to_string()]));
    }

    #[test]
    fn a_remainder_of_one_is_protected_like_a_group() {
        let shown = shown_groups(&sizes(&[("A", 3), ("B", 3)]), 1, 3);
        assert_eq!(shown.len(), 1, "one of the two groups is withheld with the remainder");
        assert_eq!(shown_groups(&sizes(&[("A", 3), ("B", 3)]), 3, 3).len(), 2, "a remainder of 3 needs nothing");
    }

    #[test]
    fn empty_slices_need_no_cover() {
        let shown = shown_groups(&sizes(&[("A", 3), ("B", 0)]), 0, 3);
        assert_eq!(shown, BTreeSet::from(["A".to_string()]));
    }

    /// Whatever is published (the whole round and each shown group), the
    /// only thing that follows about the withheld slices is their sum. So a
    /// slice under the threshold is exposed exactly when it is the only
    /// non-empty withheld slice while something is still shown.
    fn exposed(groups: &[(String, u64)], remainder: u64, threshold: u32, shown: &BTreeSet<String>) -> bool {
        let mut withheld: Vec<u64> = groups.iter().filter(|(g, _)| !shown.contains(g)).map(|(_, n)| *n).collect();
        withheld.push(remainder);
        let nonempty: Vec<u64> = withheld.into_iter().filter(|n| *n > 0).collect();
        !shown.is_empty() && nonempty.len() == 1 && nonempty[0] < u64::from(threshold)
    }

    #[test]
    fn nothing_withheld_follows_from_what_is_shown() {
        let mut rng = StdRng::seed_from_u64(28);
        for _ in 0..20_000 {
            let threshold = rng.random_range(2..=6);
            let groups: Vec<(String, u64)> =
                (0..rng.random_range(0..=8)).map(|i| (format!("g{i}"), rng.random_range(0..=8))).collect();
            let remainder = rng.random_range(0..=4);
            let shown = shown_groups(&groups, remainder, threshold);
            assert!(!exposed(&groups, remainder, threshold, &shown), "{groups:?} + {remainder}, k={threshold}");
            for (name, n) in &groups {
                assert!(!shown.contains(name) || *n >= u64::from(threshold), "{name} is shown under the threshold");
            }
        }
    }

    #[test]
    fn the_check_catches_the_threshold_alone() {
        // Positive control: withholding only the small group exposes it.
        let groups = sizes(&[("A", 3), ("B", 3), ("C", 1)]);
        let naive = BTreeSet::from(["A".to_string(), "B".to_string()]);
        assert!(exposed(&groups, 0, 3, &naive));
    }
}
