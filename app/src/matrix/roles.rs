//! Roles a matrix may declare (say "Engineer", "Senior engineer"), each
//! with the level it expects in the rows it covers: the reference a team
//! holds its answers against. A role lists only the rows it expects
//! anything of; rows it leaves out are not expected of it. Expectations
//! are text, like titles: changing them keeps the matrix's shape, so they
//! may change after answers.

use super::Matrix;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Roles one matrix may declare.
pub const MAX_ROLES: usize = 20;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Role {
    /// Made from the title when left out.
    #[serde(default)]
    pub id: String,
    pub title: String,
    /// Row id → the id of the level the role expects there.
    #[serde(default)]
    pub expects: BTreeMap<String, String>,
}

impl Matrix {
    /// The index of the level `role` expects in `row`, if it expects one.
    pub fn expected_level(&self, role: &Role, row: &str) -> Option<usize> {
        let level = role.expects.get(row)?;
        self.levels.iter().position(|l| &l.id == level)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matrix::tests::sample;

    fn senior() -> Role {
        let expects = [("r1", "c"), ("r3", "b")].map(|(r, l)| (r.to_string(), l.to_string())).into();
        Role { id: "senior".into(), title: "Senior".into(), expects }
    }

    #[test]
    fn a_role_expects_a_level_in_the_rows_it_lists_and_nothing_elsewhere() {
        let mut m = sample();
        m.roles.push(senior());
        assert!(m.problems().is_empty(), "{:?}", m.problems());
        assert_eq!(m.expected_level(&m.roles[0], "r1"), Some(2));
        assert_eq!(m.expected_level(&m.roles[0], "r2"), None);
    }

    #[test]
    fn each_problem_of_a_role_points_at_its_field() {
        let mut m = sample();
        let mut broken = senior();
        broken.expects.insert("gone".into(), "a".into());
        broken.expects.insert("r2".into(), "z".into());
        m.roles = vec![broken, Role { id: "senior".into(), title: " ".into(), expects: BTreeMap::new() }];
        let found: Vec<(String, String)> = m.problems().into_iter().map(|p| (p.path, p.message)).collect();
        let expected = [
            ("/roles/0/expects/gone", "role 'senior': expects a level in row 'gone', which the matrix does not have"),
            ("/roles/0/expects/r2", "role 'senior': expects level 'z' in row 'r2'; the levels are a, b, c"),
            ("/roles/1/id", "role 'senior': id 'senior' is used twice"),
            ("/roles/1/title", "role 'senior': title is empty"),
        ];
        assert_eq!(found, expected.map(|(p, m)| (p.to_string(), m.to_string())));
    }

    #[test]
    fn changing_what_a_role_expects_keeps_the_shape() {
        let mut m = sample();
        m.roles.push(senior());
        let mut edited = m.clone();
        edited.roles[0].expects.insert("r2".into(), "a".into());
        edited.roles.push(Role { id: "staff".into(), title: "Staff".into(), expects: BTreeMap::new() });
        assert!(m.same_shape(&edited));
    }
}
