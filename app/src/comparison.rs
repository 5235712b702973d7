//! Comparing two sets of figures on one board: two rounds, or two groups
//! (in one round or two). Shared by the compare page and its server
//! function; a group under the anonymity threshold comes as withheld.

use crate::matrix::Matrix;
use crate::stats::Stats;
use serde::{Deserialize, Serialize};

/// One side of a comparison, as chosen in the page's lists: `r:<round>` or
/// `g:<round>:<group>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Side {
    Round(u32),
    Group { round: u32, group: String },
}

impl Side {
    pub fn parse(text: &str) -> Option<Side> {
        let mut parts = text.splitn(3, ':');
        match (parts.next()?, parts.next()?.parse().ok()?, parts.next()) {
            ("r", round, None) => Some(Side::Round(round)),
            ("g", round, Some(group)) if !group.is_empty() => Some(Side::Group { round, group: group.to_string() }),
            _ => None,
        }
    }

    pub fn value(&self) -> String {
        match self {
            Side::Round(round) => format!("r:{round}"),
            Side::Group { round, group } => format!("g:{round}:{group}"),
        }
    }
}

/// The figures of one side: shown, or withheld below the threshold.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SideFigures {
    /// "2026 Q4", or "Backend in 2026 Q4".
    pub label: String,
    /// `None`: fewer than `min_group_size` people are in the group.
    pub stats: Option<Stats>,
    pub min_group_size: u32,
}

/// Everything the compare page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// The board's title.
    pub title: String,
    pub matrix: Matrix,
    /// (value, label) of every side that can be chosen, rounds first.
    pub choices: Vec<(String, String)>,
    pub a: SideFigures,
    pub b: SideFigures,
}

#[cfg(test)]
mod tests {
    use super::Side;

    #[test]
    fn sides_round_trip_through_their_values() {
        for side in [Side::Round(3), Side::Group { round: 2, group: "Data: platform".into() }] {
            assert_eq!(Side::parse(&side.value()), Some(side));
        }
        for bad in ["", "r", "r:x", "g:1", "g:1:", "x:1", "r:1:2"] {
            assert_eq!(Side::parse(bad), None, "{bad}");
        }
    }
}
