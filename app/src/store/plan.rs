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

/// Per submission, the answers it replaced: what the database held
/// (`stored`, for the batch's keys) or an earlier submission in the batch.
pub fn replaced(batch: &[Submission], mut stored: HashMap<Key, Answers>) -> Vec<Option<Answers>> {
    let mut earlier: HashMap<(&str, &str), &Answers> = HashMap::new();
    batch
        .iter()
        .map(|s| match earlier.insert((&s.board, &s.respondent), &s.answers) {
            Some(answers) => Some(answers.clone()),
            None => stored.remove(&(s.board.clone(), s.respondent.clone())),
        })
        .collect()
}

/// Everything borrows from the batch and from [`replaced`]'s answers, so
/// working out a plan copies no strings.
pub struct Plan<'a> {
    /// The answers each key ends with and when they were given; a respondent
    /// who appears twice in one batch is written once, with their last answers.
    pub latest: BTreeMap<(&'a str, &'a str), (&'a Answers, i64)>,
    /// Net change per (board, row, level), zero changes left out. Sorted, so
    /// every writer touches counter rows in the same order.
    pub deltas: BTreeMap<(&'a str, &'a str, u8), i64>,
    pub boards: BTreeMap<&'a str, BoardStep>,
}

impl<'a> Plan<'a> {
    pub fn new(batch: &'a [Submission], replaced: &'a [Option<Answers>]) -> Plan<'a> {
        let mut plan = Plan { latest: BTreeMap::new(), deltas: BTreeMap::new(), boards: BTreeMap::new() };
        for (s, previous) in batch.iter().zip(replaced) {
            plan.latest.insert((&s.board, &s.respondent), (&s.answers, s.submitted_at));
            let step = plan.boards.entry(&s.board).or_default();
            step.submissions += 1;
            match previous {
                Some(previous) => {
                    for (row, level) in previous {
                        *plan.deltas.entry((&s.board, row, *level)).or_default() -= 1;
                    }
                }
                None => step.joined += 1,
            }
            for (row, level) in &s.answers {
                *plan.deltas.entry((&s.board, row, *level)).or_default() += 1;
            }
        }
        plan.deltas.retain(|_, delta| *delta != 0);
        plan
    }
}

/// Numbers the submissions once the store has advanced each board:
/// `last_version` is the board's version after the batch, so the batch's
/// submissions to it took the versions just below, in batch order.
pub fn applied(
    batch: &[Submission],
    replaced: Vec<Option<Answers>>,
    last_version: &HashMap<String, u64>,
) -> Vec<Applied> {
    let mut per_board: HashMap<&str, u64> = HashMap::new();
    for s in batch {
        *per_board.entry(&s.board).or_default() += 1;
    }
    let mut next: HashMap<&str, u64> =
        per_board.into_iter().map(|(board, n)| (board, last_version[board] + 1 - n)).collect();
    batch
        .iter()
        .zip(replaced)
        .map(|(s, previous)| {
            let version = next.get_mut(s.board.as_str()).expect("every board in the batch was advanced");
            *version += 1;
            Applied { previous, version: *version - 1 }
        })
        .collect()
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
        let replaced = replaced(&batch, stored);
        assert_eq!(replaced[0], None);
        assert_eq!(replaced[1], Some(Answers::from([("x".into(), 0)])));
        assert_eq!(replaced[2], Some(Answers::from([("x".into(), 1)])));
        let plan = Plan::new(&batch, &replaced);
        let deltas: Vec<_> = plan.deltas.iter().map(|((_, row, level), d)| (*row, *level, *d)).collect();
        // ann's level 1 came and went inside the batch, so it is not written.
        assert_eq!(deltas, [("x", 0, -1), ("x", 2, 1), ("x", 3, 1)]);
        assert_eq!((plan.boards["b"].submissions, plan.boards["b"].joined), (3, 1));
        assert_eq!(plan.latest.len(), 2);
        let applied = applied(&batch, replaced.clone(), &HashMap::from([("b".into(), 13)]));
        assert_eq!(applied.iter().map(|a| a.version).collect::<Vec<_>>(), [11, 12, 13]);
        assert_eq!(applied[1].previous, replaced[1]);
    }
}
