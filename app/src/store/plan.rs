//! What one group commit does to the aggregates, worked out once in Rust so
//! both backends write the same thing: the answers each submission replaces,
//! the net change per (board, row, level) cell, and how far each board's
//! version and respondent count move.

use super::{Applied, Submission};
use crate::answers::Answers;
use std::collections::{BTreeMap, HashMap};

/// (board, respondent): the key of one person's stored answers.
pub type Key = (String, String);

#[derive(Default)]
pub struct BoardStep {
    pub submissions: u64,
    /// Respondents answering this board for the first time.
    pub joined: u64,
}

pub struct Plan<'a> {
    /// Per submission, the answers it replaced.
    pub previous: Vec<Option<Answers>>,
    /// The answers each key ends with and when they were given; a respondent
    /// who appears twice in one batch is written once, with their last answers.
    pub latest: BTreeMap<Key, (&'a Answers, i64)>,
    /// Net change per (board, row, level), zero changes left out. Sorted, so
    /// every writer touches counter rows in the same order.
    pub deltas: BTreeMap<(&'a str, String, u8), i64>,
    pub boards: BTreeMap<&'a str, BoardStep>,
}

impl<'a> Plan<'a> {
    /// `stored` holds what the database has for the batch's keys before it.
    pub fn new(batch: &'a [Submission], mut stored: HashMap<Key, Answers>) -> Plan<'a> {
        let mut plan =
            Plan { previous: Vec::new(), latest: BTreeMap::new(), deltas: BTreeMap::new(), boards: BTreeMap::new() };
        for s in batch {
            let key = (s.board.clone(), s.respondent.clone());
            let previous = stored.insert(key.clone(), s.answers.clone());
            plan.latest.insert(key, (&s.answers, s.submitted_at));
            let step = plan.boards.entry(&s.board).or_default();
            step.submissions += 1;
            match &previous {
                Some(previous) => {
                    for (row, level) in previous {
                        *plan.deltas.entry((&s.board, row.clone(), *level)).or_default() -= 1;
                    }
                }
                None => step.joined += 1,
            }
            for (row, level) in &s.answers {
                *plan.deltas.entry((&s.board, row.clone(), *level)).or_default() += 1;
            }
            plan.previous.push(previous);
        }
        plan.deltas.retain(|_, delta| *delta != 0);
        plan
    }

    /// Numbers the submissions once the store has advanced each board:
    /// `last_version` is the board's version after the batch, so the batch's
    /// submissions to it took the versions just below, in batch order.
    pub fn applied(self, batch: &[Submission], last_version: &HashMap<String, u64>) -> Vec<Applied> {
        let mut next: HashMap<&str, u64> = self
            .boards
            .iter()
            .map(|(board, step)| (*board, last_version[*board] + 1 - step.submissions))
            .collect();
        batch
            .iter()
            .zip(self.previous)
            .map(|(s, previous)| {
                let version = next.get_mut(s.board.as_str()).expect("every board in the batch was advanced");
                *version += 1;
                Applied { previous, version: *version - 1 }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn submission(board: &str, respondent: &str, answers: &[(&str, u8)]) -> Submission {
        Submission {
            board: board.into(),
            respondent: respondent.into(),
            answers: answers.iter().map(|(r, l)| (r.to_string(), *l)).collect(),
            submitted_at: 7,
        }
    }

    #[test]
    fn a_repeat_in_one_batch_replaces_the_first_and_nets_out() {
        let batch = vec![
            submission("b", "ann", &[("x", 1)]),
            submission("b", "bob", &[("x", 2)]),
            submission("b", "ann", &[("x", 3)]),
        ];
        let stored = HashMap::from([(("b".to_string(), "bob".to_string()), Answers::from([("x".into(), 0)]))]);
        let plan = Plan::new(&batch, stored);
        assert_eq!(plan.previous[0], None);
        assert_eq!(plan.previous[1], Some(Answers::from([("x".into(), 0)])));
        assert_eq!(plan.previous[2], Some(Answers::from([("x".into(), 1)])));
        let deltas: Vec<_> = plan.deltas.iter().map(|((_, row, level), d)| (row.as_str(), *level, *d)).collect();
        // ann's level 1 came and went inside the batch, so it is not written.
        assert_eq!(deltas, [("x", 0, -1), ("x", 2, 1), ("x", 3, 1)]);
        assert_eq!((plan.boards["b"].submissions, plan.boards["b"].joined), (3, 1));
        assert_eq!(plan.latest.len(), 2);
        let versions: Vec<_> = plan.applied(&batch, &HashMap::from([("b".into(), 13)])).iter().map(|a| a.version).collect();
        assert_eq!(versions, [11, 12, 13]);
    }
}
