//! The rule against an attacker who knows linear algebra: every figure a
//! round publishes is a sum over cells of the (group, role) table, and a
//! set of cells is exposed when its sum follows from the published sums
//! while it holds fewer people than the threshold (but someone).

use super::*;
use rand::{rngs::StdRng, Rng, SeedableRng};

/// Cells in a fixed order: every group then "none", by every role then "none".
fn cells(sizes: &SliceSizes) -> Vec<(Option<String>, Option<String>)> {
    let groups: Vec<Option<String>> = sizes.groups.iter().cloned().map(Some).chain([None]).collect();
    let roles: Vec<Option<String>> = sizes.roles.iter().cloned().map(Some).chain([None]).collect();
    groups.iter().flat_map(|g| roles.iter().map(move |r| (g.clone(), r.clone()))).collect()
}

/// The published sums as 0/1 vectors over [`cells`].
fn published(sizes: &SliceSizes, shown: &Shown) -> Vec<Vec<f64>> {
    let cells = cells(sizes);
    let vector = |keep: &dyn Fn(Option<&str>, Option<&str>) -> bool| -> Vec<f64> {
        cells.iter().map(|(g, r)| if keep(g.as_deref(), r.as_deref()) { 1.0 } else { 0.0 }).collect()
    };
    let mut sums = vec![vector(&|_, _| true)];
    sums.extend(shown.groups.iter().map(|s| vector(&|g, _| g == Some(s.as_str()))));
    sums.extend(shown.roles.iter().map(|s| vector(&|_, r| r == Some(s.as_str()))));
    for group in &shown.groups {
        sums.extend(shown.crossed.iter().map(|s| vector(&|g, r| g == Some(group.as_str()) && r == Some(s.as_str()))));
    }
    sums
}

/// A basis of the published sums' span, in echelon form (pivot, vector).
fn basis(vectors: Vec<Vec<f64>>) -> Vec<(usize, Vec<f64>)> {
    let mut basis: Vec<(usize, Vec<f64>)> = Vec::new();
    for vector in vectors {
        let reduced = reduce(&basis, vector);
        if let Some(pivot) = reduced.iter().position(|x| x.abs() > 1e-9) {
            basis.push((pivot, reduced));
        }
    }
    basis
}

fn reduce(basis: &[(usize, Vec<f64>)], mut vector: Vec<f64>) -> Vec<f64> {
    for (pivot, b) in basis {
        let factor = vector[*pivot] / b[*pivot];
        vector.iter_mut().zip(b).for_each(|(x, y)| *x -= factor * y);
    }
    vector
}

/// A set of cells whose sum can be worked out and holds 1 to k-1 people,
/// but not everyone: the whole round's figures are public by design.
fn exposed(sizes: &SliceSizes, shown: &Shown, k: u32) -> Option<Vec<(Option<String>, Option<String>)>> {
    let cells = cells(sizes);
    let basis = basis(published(sizes, shown));
    let everyone: u64 = sizes.counts.values().sum();
    (1u32..1 << cells.len()).find_map(|set| {
        let picked: Vec<usize> = (0..cells.len()).filter(|i| set & (1 << i) != 0).collect();
        let n: u64 = picked.iter().map(|&i| sizes.counts.get(&cells[i]).copied().unwrap_or(0)).sum();
        let indicator = (0..cells.len()).map(|i| if picked.contains(&i) { 1.0 } else { 0.0 }).collect();
        let follows = reduce(&basis, indicator).iter().all(|x| x.abs() < 1e-6);
        (n > 0 && n < u64::from(k) && n < everyone && follows)
            .then(|| picked.iter().map(|&i| cells[i].clone()).collect())
    })
}

fn random_sizes(rng: &mut StdRng, groups: usize, roles: usize) -> SliceSizes {
    let mut sizes = SliceSizes {
        groups: (0..groups).map(|i| format!("g{i}")).collect(),
        roles: (0..roles).map(|i| format!("r{i}")).collect(),
        counts: BTreeMap::new(),
    };
    for (group, role) in cells(&sizes) {
        // Mostly empty or comfortably full cells, some small ones: the hard cases.
        let n = match rng.random_range(0..4) {
            0 => 0,
            1 => rng.random_range(1..=2),
            _ => rng.random_range(0..=6),
        };
        sizes.add(group, role, n);
    }
    sizes
}

#[test]
fn no_set_of_cells_under_the_threshold_follows_from_what_is_shown() {
    let mut rng = StdRng::seed_from_u64(32);
    for case in 0..1500 {
        let (groups, roles) = if case % 5 == 0 { (3, 2) } else { (rng.random_range(0..=2), rng.random_range(0..=2)) };
        let sizes = random_sizes(&mut rng, groups, roles);
        let k = rng.random_range(2..=4);
        let shown = shown_slices(&sizes, k);
        if let Some(set) = exposed(&sizes, &shown, k) {
            panic!("{set:?} follows from {shown:?} with k = {k}: {:?}", sizes.counts);
        }
        assert!(shown.crossed.is_subset(&shown.roles));
    }
}

#[test]
fn every_slice_is_shown_once_each_holds_enough_people() {
    let mut sizes =
        SliceSizes { groups: vec!["a".into(), "b".into()], roles: vec!["x".into(), "y".into()], ..Default::default() };
    for (g, r) in [("a", "x"), ("a", "y"), ("b", "x"), ("b", "y")] {
        sizes.add(Some(g.into()), Some(r.into()), 3);
    }
    let shown = shown_slices(&sizes, 3);
    assert_eq!(shown.crossed, BTreeSet::from(["x".to_string(), "y".to_string()]));
    assert!(shown.shows(Some("a"), Some("y")) && shown.shows(None, Some("x")) && shown.shows(Some("b"), None));
}

#[test]
fn a_group_is_not_crossed_where_its_cells_would_tell_its_rest() {
    // Group a: 3 of role x and 1 of role y. Showing a and (a, x) tells the one.
    let mut sizes =
        SliceSizes { groups: vec!["a".into(), "b".into()], roles: vec!["x".into(), "y".into()], ..Default::default() };
    for (g, r, n) in [("a", "x", 3), ("a", "y", 1), ("b", "x", 3), ("b", "y", 3)] {
        sizes.add(Some(g.into()), Some(r.into()), n);
    }
    let shown = shown_slices(&sizes, 3);
    assert!(shown.crossed.is_empty(), "{shown:?}");
    assert_eq!(shown.roles.len(), 2, "both roles hold enough people on their own");
    // Positive control: crossing x (each of its cells holds 3) exposes the one.
    let naive = Shown { crossed: BTreeSet::from(["x".to_string()]), ..shown };
    assert!(exposed(&sizes, &naive, 3).is_some(), "the audit catches the subtraction");
}
