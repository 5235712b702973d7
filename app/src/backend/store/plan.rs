//! What one group commit does to the aggregates, worked out once in Rust so
//! both backends write the same thing: the answers each submission replaces,
//! the net change per (board, group, role, row, level) cell (per slice, so a
//! group's figures and a role's gaps are read, never recounted from answers),
//! and how far each board's version and respondent count move. The engine
//! moves its in-memory figures by the same deltas, summed over slices
//! ([`FiguresDelta::apply_to`]): this is the only place counts change.

use super::committed::{Committed, FiguresDelta, Placed, Refusal};
use super::Submission;
use crate::answers::Answers;
use std::collections::{BTreeMap, HashMap};

/// (board, respondent): the key of one person's stored answers.
pub type Key = (String, String);

#[derive(Default)]
pub struct Advance {
    /// Submissions to the board in the batch: one version each.
    pub submissions: u64,
    /// Respondents answering this board for the first time.
    pub joined: u64,
}

/// What the transaction found of one board, under the board's row lock, so
/// a close or a structural edit committed before the batch is never raced.
#[derive(Clone, Copy, Debug)]
pub struct Gate {
    pub closed: bool,
    /// The board's current shape (see `Submission::shape`).
    pub shape: u64,
    /// The board's open round: the one the batch's answers go to.
    pub round: u32,
    /// The version at which who may answer last changed.
    pub admission_rev: u64,
}

impl Gate {
    fn refuses(&self, s: &Submission) -> Option<Refusal> {
        if self.closed {
            Some(Refusal::Closed)
        } else if self.shape != s.shape {
            Some(Refusal::MatrixChanged)
        } else if self.admission_rev != s.admitted_at {
            Some(Refusal::AdmissionChanged)
        } else {
            None
        }
    }
}

/// What one respondent's stored answers become.
pub struct Latest<'a> {
    pub answers: &'a Answers,
    /// Unix seconds.
    pub submitted_at: i64,
    pub group: Option<&'a str>,
    /// The role's id in the board's matrix.
    pub role: Option<&'a str>,
}

/// One respondent's answers as the database holds them, with the group and
/// role they were given in: a new submission takes them out of that slice.
#[derive(Debug, PartialEq, Eq)]
pub struct Given {
    pub answers: Answers,
    pub group: Option<String>,
    pub role: Option<String>,
}

/// A count's cell: (board, group, role, row, level), `""` for no group or
/// no role (neither may be empty).
pub type Cell<'a> = (&'a str, &'a str, &'a str, &'a str, u8);

/// Everything borrows from the batch and from [`replaced`]'s answers, so
/// working out a plan copies no strings.
pub struct Plan<'a> {
    /// Per submission, in batch order, why it is refused, if it is.
    pub refused: Vec<Option<Refusal>>,
    /// The answers each key ends with and when they were given; a respondent
    /// who appears twice in one batch is written once, with their last answers.
    pub latest: BTreeMap<(&'a str, &'a str), Latest<'a>>,
    /// Net change per [`Cell`], zero changes left out. Sorted, so every
    /// writer touches counter rows in the same order.
    pub deltas: BTreeMap<Cell<'a>, i64>,
    /// Net change of respondents per (board, group, role), as in a [`Cell`].
    pub people: BTreeMap<(&'a str, &'a str, &'a str), i64>,
    pub boards: BTreeMap<&'a str, Advance>,
}

/// Per submission, in batch order, why its board's gate refuses it, if it
/// does; a board with no gate (no row) was deleted.
pub fn refusals(batch: &[Submission], gates: &HashMap<String, Gate>) -> Vec<Option<Refusal>> {
    batch.iter().map(|s| gates.get(&s.board).map_or(Some(Refusal::Deleted), |g| g.refuses(s))).collect()
}

/// Per submission that is not refused, the answers it replaced: what the
/// database held (`stored`, for the batch's keys) or an earlier submission
/// in the batch.
pub fn replaced(
    batch: &[Submission],
    refused: &[Option<Refusal>],
    mut stored: HashMap<Key, Given>,
) -> Vec<Option<Given>> {
    let mut earlier: HashMap<(&str, &str), &Submission> = HashMap::new();
    batch
        .iter()
        .zip(refused)
        .map(|(s, refused)| match refused {
            Some(_) => None,
            None => match earlier.insert((&s.board, &s.respondent), s) {
                Some(e) => Some(Given { answers: e.answers.clone(), group: e.group.clone(), role: e.role.clone() }),
                None => stored.remove(&(s.board.clone(), s.respondent.clone())),
            },
        })
        .collect()
}

impl<'a> Plan<'a> {
    /// `refused` from [`refusals`], `replaced` from [`replaced`].
    pub fn new(batch: &'a [Submission], replaced: &'a [Option<Given>], refused: Vec<Option<Refusal>>) -> Plan<'a> {
        let mut plan = Plan {
            refused,
            latest: BTreeMap::new(),
            deltas: BTreeMap::new(),
            people: BTreeMap::new(),
            boards: BTreeMap::new(),
        };
        for ((s, previous), refused) in batch.iter().zip(replaced).zip(&plan.refused) {
            if refused.is_some() {
                continue;
            }
            let latest = Latest {
                answers: &s.answers,
                submitted_at: s.submitted_at,
                group: s.group.as_deref(),
                role: s.role.as_deref(),
            };
            plan.latest.insert((&s.board, &s.respondent), latest);
            let step = plan.boards.entry(&s.board).or_default();
            step.submissions += 1;
            match previous {
                Some(previous) => {
                    let (group, role) = (slice(&previous.group), slice(&previous.role));
                    *plan.people.entry((&s.board, group, role)).or_default() -= 1;
                    for (row, level) in &previous.answers {
                        *plan.deltas.entry((&s.board, group, role, row, *level)).or_default() -= 1;
                    }
                }
                None => step.joined += 1,
            }
            let (group, role) = (slice(&s.group), slice(&s.role));
            *plan.people.entry((&s.board, group, role)).or_default() += 1;
            for (row, level) in &s.answers {
                *plan.deltas.entry((&s.board, group, role, row, *level)).or_default() += 1;
            }
        }
        plan.deltas.retain(|_, delta| *delta != 0);
        plan.people.retain(|_, delta| *delta != 0);
        plan
    }
}

/// A group or role as a count's cell names it.
fn slice(name: &Option<String>) -> &str {
    name.as_deref().unwrap_or("")
}

impl Plan<'_> {
    /// What the batch did once the store has advanced each open board:
    /// `last_version` is the board's version after the batch, so the batch's
    /// submissions to it took the versions just below, in batch order;
    /// `gates` says which round each board's went to.
    pub fn committed(
        &self,
        batch: &[Submission],
        last_version: &HashMap<String, u64>,
        gates: &HashMap<String, Gate>,
    ) -> Committed {
        let mut next: HashMap<&str, u64> =
            self.boards.iter().map(|(board, step)| (*board, last_version[*board] + 1 - step.submissions)).collect();
        let versions = batch
            .iter()
            .zip(&self.refused)
            .map(|(s, refused)| match refused {
                Some(refusal) => Err(*refusal),
                None => {
                    let version = next.get_mut(s.board.as_str()).expect("a kept submission's board advanced");
                    *version += 1;
                    Ok(Placed { version: *version - 1, round: gates[&s.board].round })
                }
            })
            .collect();
        let boards = self
            .boards
            .iter()
            .map(|(board, step)| FiguresDelta {
                board: board.to_string(),
                version: last_version[*board],
                steps: step.submissions,
                joined: step.joined,
                cells: self.board_cells(board),
            })
            .collect();
        Committed { versions, boards }
    }

    /// One board's net change per (row, level), summed over its slices.
    fn board_cells(&self, board: &str) -> Vec<(String, u8, i64)> {
        let mut cells: BTreeMap<(&str, u8), i64> = BTreeMap::new();
        let of_board = self.deltas.range((board, "", "", "", 0)..).take_while(|((b, ..), _)| *b == board);
        for ((_, _, _, row, level), delta) in of_board {
            *cells.entry((row, *level)).or_default() += delta;
        }
        cells
            .into_iter()
            .filter(|(_, delta)| *delta != 0)
            .map(|((row, level), d)| (row.to_string(), level, d))
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
            shape: 0,
            group: None,
            role: None,
            admitted_at: 0,
        }
    }

    fn open() -> Gate {
        Gate { closed: false, shape: 0, round: 1, admission_rev: 0 }
    }

    fn placed(version: u64) -> Result<Placed, Refusal> {
        Ok(Placed { version, round: 1 })
    }

    fn given(answers: &[(&str, u8)], group: Option<&str>) -> Given {
        let answers = answers.iter().map(|(r, l)| (r.to_string(), *l)).collect();
        Given { answers, group: group.map(Into::into), role: None }
    }

    #[test]
    fn a_repeat_in_one_batch_replaces_the_first_and_nets_out() {
        let batch = vec![
            submission("b", "ann", &[("x", 1)]),
            submission("b", "bob", &[("x", 2)]),
            submission("b", "ann", &[("x", 3)]),
        ];
        let stored = HashMap::from([(("b".to_string(), "bob".to_string()), given(&[("x", 0)], None))]);
        let gates = HashMap::from([("b".into(), open())]);
        let refused = refusals(&batch, &gates);
        let replaced = replaced(&batch, &refused, stored);
        assert_eq!(replaced[0], None);
        assert_eq!(replaced[1], Some(given(&[("x", 0)], None)));
        assert_eq!(replaced[2], Some(given(&[("x", 1)], None)));
        let plan = Plan::new(&batch, &replaced, refused);
        let deltas: Vec<_> = plan.deltas.iter().map(|((_, _, _, row, level), d)| (*row, *level, *d)).collect();
        // ann's level 1 came and went inside the batch, so it is not written.
        assert_eq!(deltas, [("x", 0, -1), ("x", 2, 1), ("x", 3, 1)]);
        assert_eq!((plan.boards["b"].submissions, plan.boards["b"].joined), (3, 1));
        assert_eq!(plan.latest.len(), 2);
        let committed = plan.committed(&batch, &HashMap::from([("b".into(), 13)]), &gates);
        assert_eq!(committed.versions, [placed(11), placed(12), placed(13)]);
        let delta = &committed.boards[0];
        assert_eq!((delta.version, delta.steps, delta.joined), (13, 3, 1));
        assert_eq!(delta.cells, [("x".into(), 0, -1), ("x".into(), 2, 1), ("x".into(), 3, 1)]);
    }

    #[test]
    fn a_respondent_who_changes_group_or_role_moves_their_counts_to_the_new_slice() {
        let mut moved = submission("b", "bob", &[("x", 2)]);
        (moved.group, moved.role) = (Some("blue".into()), Some("lead".into()));
        let batch = vec![moved];
        let stored = HashMap::from([(("b".to_string(), "bob".to_string()), given(&[("x", 2)], Some("red")))]);
        let (gates, refused) = (HashMap::from([("b".into(), open())]), vec![None]);
        let replaced = replaced(&batch, &refused, stored);
        let plan = Plan::new(&batch, &replaced, refused);
        let deltas: Vec<_> = plan.deltas.iter().map(|((_, g, r, row, level), d)| (*g, *r, *row, *level, *d)).collect();
        assert_eq!(deltas, [("blue", "lead", "x", 2, 1), ("red", "", "x", 2, -1)]);
        let people: Vec<_> = plan.people.iter().map(|(slice, d)| (*slice, *d)).collect();
        assert_eq!(people, [(("b", "blue", "lead"), 1), (("b", "red", ""), -1)]);
        let committed = plan.committed(&batch, &HashMap::from([("b".into(), 4)]), &gates);
        let board = &committed.boards[0];
        assert!(board.cells.is_empty() && board.joined == 0, "the board's own figures do not move");
    }

    #[test]
    fn submissions_a_gate_refuses_change_nothing() {
        let mut reshaped = submission("moved", "cat", &[("x", 0)]);
        reshaped.shape = 1;
        let mut let_in_before = submission("open", "dan", &[("x", 1)]);
        let_in_before.admitted_at = 1;
        let batch = vec![
            submission("open", "ann", &[("x", 1)]),
            submission("shut", "bob", &[("x", 2)]),
            submission("moved", "cy", &[("x", 0)]),
            reshaped,
            let_in_before,
        ];
        let gates = HashMap::from([
            ("open".into(), open()),
            ("shut".into(), Gate { closed: true, shape: 0, round: 1, admission_rev: 0 }),
            ("moved".into(), Gate { closed: false, shape: 1, round: 1, admission_rev: 0 }),
        ]);
        let refused = refusals(&batch, &gates);
        let changed = Some(Refusal::AdmissionChanged);
        assert_eq!(refused, [None, Some(Refusal::Closed), Some(Refusal::MatrixChanged), None, changed]);
        let replaced = replaced(&batch, &refused, HashMap::new());
        let plan = Plan::new(&batch, &replaced, refused);
        assert_eq!(plan.boards.keys().copied().collect::<Vec<_>>(), ["moved", "open"]);
        assert!(plan.deltas.keys().all(|(board, ..)| *board != "shut") && plan.latest.len() == 2);
        let committed = plan.committed(&batch, &HashMap::from([("open".into(), 5), ("moved".into(), 9)]), &gates);
        let refusals = [Err(Refusal::Closed), Err(Refusal::MatrixChanged)];
        assert_eq!(
            committed.versions,
            [placed(5), refusals[0], refusals[1], placed(9), Err(Refusal::AdmissionChanged)]
        );
        assert_eq!(committed.boards.len(), 2);
    }
}
