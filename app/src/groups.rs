//! Groups: the teams a board's respondents may say they belong to, so a
//! department can compare them. A group's figures are shown only once
//! `min_group_size` people are in it: below that, a figure could point at
//! one person's answers. Shared with the browser, which offers the groups.

use crate::i18n::{t_with, Arg};
use serde::{Deserialize, Serialize};

pub const MAX_GROUPS: usize = 50;
/// Characters in a group's name.
pub const MAX_NAME: usize = 80;
/// The smallest threshold allowed: a group of one is a person.
pub const SMALLEST_THRESHOLD: u32 = 2;
pub const DEFAULT_THRESHOLD: u32 = 3;

/// A board's groups and its anonymity threshold.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "ssr", schema(example = json!({ "groups": ["Backend", "Data"], "min_group_size": 3 })))]
pub struct GroupSettings {
    /// The names respondents choose from, in the order shown.
    #[cfg_attr(feature = "ssr", schema(max_items = 50))]
    pub groups: Vec<String>,
    /// A group's figures are withheld while fewer people than this are in it.
    #[serde(default = "default_threshold")]
    #[cfg_attr(feature = "ssr", schema(minimum = 2, default = 3))]
    pub min_group_size: u32,
}

fn default_threshold() -> u32 {
    DEFAULT_THRESHOLD
}

impl Default for GroupSettings {
    fn default() -> Self {
        GroupSettings { groups: Vec::new(), min_group_size: DEFAULT_THRESHOLD }
    }
}

impl GroupSettings {
    /// The settings with names trimmed, or everything wrong with them.
    pub fn checked(mut self) -> Result<GroupSettings, Vec<String>> {
        self.groups = self.groups.iter().map(|g| g.trim().to_string()).collect();
        let mut problems = Vec::new();
        if self.groups.len() > MAX_GROUPS {
            problems.push(t_with("groups-too-many", &[("max", MAX_GROUPS.into()), ("n", self.groups.len().into())]));
        }
        for (i, name) in self.groups.iter().enumerate() {
            let number = ("n", Arg::from(i + 1));
            if name.is_empty() {
                problems.push(t_with("groups-no-name", &[number]));
            } else if name.chars().count() > MAX_NAME {
                problems.push(t_with("groups-too-long", &[number, ("max", MAX_NAME.into())]));
            } else if let Err(message) = crate::plain_text::check(&t_with("groups-field", &[number]), name) {
                problems.push(message);
            } else if self.groups[..i].contains(name) {
                problems.push(t_with("groups-twice", &[("name", name.as_str().into())]));
            }
        }
        if self.min_group_size < SMALLEST_THRESHOLD {
            problems.push(t_with("groups-threshold-low", &[("min", SMALLEST_THRESHOLD.into())]));
        }
        if problems.is_empty() {
            Ok(self)
        } else {
            Err(problems)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_every_problem_is_named() {
        let ok = GroupSettings { groups: vec![" Backend ".into(), "Data".into()], min_group_size: 2 }.checked();
        assert_eq!(ok.unwrap().groups, ["Backend", "Data"]);
        let bad =
            GroupSettings { groups: vec!["A".into(), " ".into(), "A ".into(), "x".repeat(81)], min_group_size: 1 };
        assert_eq!(
            bad.checked().unwrap_err(),
            [
                "group 2 has no name",
                "group 'A' is listed twice",
                "group 4 is longer than 80 characters",
                "min_group_size must be at least 2"
            ]
        );
    }
}
