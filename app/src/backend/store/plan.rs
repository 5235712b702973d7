//! What one group commit does to the aggregates, worked out once in Rust so
//! both backends write the same thing: the answers each submission replaces,
//! the net change per (board, row, level) cell, and how far each board's
//! version and respondent count move. The engine moves its in-memory figures
//! by the same deltas ([`FiguresDelta::apply_to`]): this is the only place
//! counts change.

use super::Submission;
use crate::answers::Answers;
use crate::stats::Stats;
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

/// Why the commit refused a submission; a refused one changes nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Its board was closed before the batch.
    Closed,
    /// Its board's rows or levels changed after the answers were checked.
    MatrixChanged,
    /// Who may answer its board changed after its respondent was let in.
    AdmissionChanged,
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

/// Everything borrows from the batch and from [`replaced`]'s answers, so
/// working out a plan copies no strings.
pub struct Plan<'a> {
    /// Per submission, in batch order, why it is refused, if it is.
    pub refused: Vec<Option<Refusal>>,
    /// The answers each key ends with and when they were given; a respondent
    /// who appears twice in one batch is written once, with their last answers.
    pub latest: BTreeMap<(&'a str, &'a str), Latest<'a>>,
    /// Net change per (board, row, level), zero changes left out. Sorted, so
    /// every writer touches counter rows in the same order.
    pub deltas: BTreeMap<(&'a str, &'a str, u8), i64>,
    pub boards: BTreeMap<&'a str, Advance>,
}

/// Per submission, in batch order, why its board's gate refuses it, if it does.
pub fn refusals(batch: &[Submission], gates: &HashMap<String, Gate>) -> Vec<Option<Refusal>> {
    batch.iter().map(|s| gates.get(&s.board).and_then(|g| g.refuses(s))).collect()
}

/// Per submission that is not refused, the answers it replaced: what the
/// database held (`stored`, for the batch's keys) or an earlier submission
/// in the batch.
pub fn replaced(
    batch: &[Submission],
    refused: &[Option<Refusal>],
    mut stored: HashMap<Key, Answers>,
) -> Vec<Option<Answers>> {
    let mut earlier: HashMap<(&str, &str), &Answers> = HashMap::new();
    batch
        .iter()
        .zip(refused)
        .map(|(s, refused)| match refused {
            Some(_) => None,
            None => match earlier.insert((&s.board, &s.respondent), &s.answers) {
                Some(answers) => Some(answers.clone()),
                None => stored.remove(&(s.board.clone(), s.respondent.clone())),
            },
        })
        .collect()
}

impl<'a> Plan<'a> {
    /// `refused` from [`refusals`], `replaced` from [`replaced`].
    pub fn new(batch: &'a [Submission], replaced: &'a [Option<Answers>], refused: Vec<Option<Refusal>>) -> Plan<'a> {
        let mut plan = Plan { refused, latest: BTreeMap::new(), deltas: BTreeMap::new(), boards: BTreeMap::new() };
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

/// What one committed batch did, for the engine to move its figures by.
#[derive(Debug, PartialEq, Eq)]
pub struct Committed {
    /// Per submission, in batch order: where it went in, or why it was
    /// refused.
    pub versions: Vec<Result<Placed, Refusal>>,
    /// Per touched board, how its figures moved.
    pub boards: Vec<FiguresDelta>,
}

/// Where an accepted submission went in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Placed {
    /// Its board's version with it in.
    pub version: u64,
    /// The round it counts in: the one open when its batch committed.
    pub round: u32,
}

/// How one board's figures moved in one commit: the same net changes the
/// store wrote, so the in-memory figures move exactly as the stored ones.
#[derive(Debug, PartialEq, Eq)]
pub struct FiguresDelta {
    pub board: String,
    /// The board's version after the commit.
    pub version: u64,
    /// Versions the commit spans: one per submission to the board.
    pub steps: u64,
    /// Respondents answering the board for the first time.
    pub joined: u64,
    /// Net change per (row, level), zero changes left out.
    pub cells: Vec<(String, u8, i64)>,
}

impl FiguresDelta {
    /// Moves `stats` by this change, if they are exactly the version before
    /// it. Otherwise (another instance committed in between) they are left
    /// as they are and `false` says to reload them from the store. Counts
    /// saturate rather than wrap, so a corrupt store cannot panic the
    /// server; the recount at start-up is what detects such corruption.
    pub fn apply_to(&self, stats: &mut Stats) -> bool {
        if stats.version + self.steps != self.version {
            return false;
        }
        for (row, level, delta) in &self.cells {
            if let Some(count) = stats.counts.get_mut(row).and_then(|c| c.get_mut(*level as usize)) {
                *count = count.saturating_add_signed(*delta);
            }
        }
        stats.respondents += self.joined;
        stats.version = self.version;
        true
    }
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
                cells: self
                    .deltas
                    .range((*board, "", 0)..)
                    .take_while(|((b, _, _), _)| b == board)
                    .map(|((_, row, level), delta)| (row.to_string(), *level, *delta))
                    .collect(),
            })
            .collect();
        Committed { versions, boards }
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

    #[test]
    fn a_repeat_in_one_batch_replaces_the_first_and_nets_out() {
        let batch = vec![
            submission("b", "ann", &[("x", 1)]),
            submission("b", "bob", &[("x", 2)]),
            submission("b", "ann", &[("x", 3)]),
        ];
        let stored = HashMap::from([(("b".to_string(), "bob".to_string()), Answers::from([("x".into(), 0)]))]);
        let gates = HashMap::from([("b".into(), open())]);
        let refused = refusals(&batch, &gates);
        let replaced = replaced(&batch, &refused, stored);
        assert_eq!(replaced[0], None);
        assert_eq!(replaced[1], Some(Answers::from([("x".into(), 0)])));
        assert_eq!(replaced[2], Some(Answers::from([("x".into(), 1)])));
        let plan = Plan::new(&batch, &replaced, refused);
        let deltas: Vec<_> = plan.deltas.iter().map(|((_, row, level), d)| (*row, *level, *d)).collect();
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
        assert!(plan.deltas.keys().all(|(board, _, _)| *board != "shut") && plan.latest.len() == 2);
        let committed = plan.committed(&batch, &HashMap::from([("open".into(), 5), ("moved".into(), 9)]), &gates);
        let refusals = [Err(Refusal::Closed), Err(Refusal::MatrixChanged)];
        assert_eq!(
            committed.versions,
            [placed(5), refusals[0], refusals[1], placed(9), Err(Refusal::AdmissionChanged)]
        );
        assert_eq!(committed.boards.len(), 2);
    }

    #[test]
    fn figures_move_by_a_delta_only_from_the_version_before_it() {
        let mut stats = Stats::empty("b", &crate::matrix::tests::sample());
        stats.counts.insert("r1".into(), vec![1, 0, 0]);
        stats.version = 4;
        let delta = FiguresDelta {
            board: "b".into(),
            version: 6,
            steps: 2,
            joined: 1,
            cells: vec![("r1".into(), 0, -1), ("r1".into(), 2, 1), ("gone".into(), 0, 1)],
        };
        assert!(delta.apply_to(&mut stats));
        assert_eq!((stats.version, stats.respondents), (6, 1));
        assert_eq!(stats.counts["r1"], vec![0, 0, 1]);
        // Applied again, it no longer starts where the figures are.
        assert!(!delta.apply_to(&mut stats));
        assert_eq!((stats.version, stats.respondents), (6, 1));
    }
}
