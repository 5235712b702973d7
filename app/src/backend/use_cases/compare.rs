//! Comparing two rounds or two groups of one board, with the anonymity
//! threshold applied to each side as at every other door, and a board's
//! figures across all its rounds (trends).

use super::{Caller, Tally};
use crate::backend::engine::ServedBoard;
use crate::comparison::{Comparison, Side, SideFigures};
use crate::error::TallyError;
use crate::i18n::{say, t_with};
use crate::rounds::Trends;

impl Tally {
    /// Every round's figures, oldest first, for the trends page: the whole
    /// board's, or one group's with each round below the threshold withheld.
    /// Refused while the board hides its figures from the caller.
    pub async fn trends(&self, caller: &Caller, board: &str, group: Option<&str>) -> Result<Trends, TallyError> {
        let served = self.engine.board(board).await?;
        self.refuse_if_hidden(caller, &served).await?;
        let settings = served.groups();
        // An unknown group is refused by `group_stats`, as at the stats door.
        let group = group.map(str::trim).filter(|g| !g.is_empty());
        let mut rounds = Vec::new();
        for mut info in self.engine.rounds(&served).await? {
            info.label = info.shown_label();
            let stats = match group {
                None => Some((*self.engine.round_figures(&served, &info).await?).clone()),
                Some(group) => self.engine.group_stats(&served, info.round, group).await?,
            };
            rounds.push((info, stats));
        }
        Ok(Trends {
            title: served.info.title.clone(),
            matrix: (*served.matrix()).clone(),
            group: group.map(str::to_string),
            groups: settings.groups,
            min_group_size: settings.min_group_size,
            rounds,
        })
    }

    /// The figures of sides `a` and `b` (blank: the round before the open
    /// one, and the open one), with every side the board offers. Refused
    /// while the board hides its figures from the caller.
    pub async fn compare(&self, caller: &Caller, board: &str, a: &str, b: &str) -> Result<Comparison, TallyError> {
        let served = self.engine.board(board).await?;
        self.refuse_if_hidden(caller, &served).await?;
        let rounds = self.engine.rounds(&served).await?;
        let open = served.stats().round;
        let a = if a.trim().is_empty() { Side::Round(open.saturating_sub(1).max(1)).value() } else { a.to_string() };
        let b = if b.trim().is_empty() { Side::Round(open).value() } else { b.to_string() };
        let groups = served.groups();
        let label_of = |round: u32| rounds.iter().find(|r| r.round == round).map(|r| r.shown_label());
        let group_in = |group: &str, round: String| {
            t_with("compare-group-in", &[("group", group.into()), ("round", round.into())])
        };
        let mut choices: Vec<(String, String)> =
            rounds.iter().map(|r| (Side::Round(r.round).value(), r.shown_label())).collect();
        // Groups in the newest rounds, as many as one response may carry;
        // older ones are still compared when asked for by address.
        let per_round = groups.groups.len().max(1);
        let newest = self.bounds.max_group_figures / per_round;
        for round in rounds.iter().rev().take(newest) {
            for group in &groups.groups {
                let side = Side::Group { round: round.round, group: group.clone() };
                choices.push((side.value(), group_in(group, round.shown_label())));
            }
        }
        // The caller may see the figures (refused above), so both sides are
        // read from the engine as trends reads them, gated once.
        let mut figures = Vec::new();
        for text in [&a, &b] {
            let side = Side::parse(text).ok_or_else(|| {
                let shown: String = text.chars().take(40).collect();
                TallyError::BadRequest(format!(
                    "'{shown}' is not a round (r:<n>) or a group in a round (g:<n>:<group>)"
                ))
            })?;
            let unknown = |round| TallyError::UnknownRound { board: served.info.id.clone(), round };
            figures.push(match side {
                Side::Round(round) => SideFigures {
                    label: label_of(round).ok_or_else(|| unknown(round))?,
                    stats: Some((*self.engine.round_stats(&served, round).await?).clone()),
                    min_group_size: groups.min_group_size,
                },
                Side::Group { round, group } => {
                    let label = group_in(&group, label_of(round).ok_or_else(|| unknown(round))?);
                    let stats = self.engine.group_stats(&served, round, &group).await?;
                    SideFigures { label, stats, min_group_size: groups.min_group_size }
                }
            });
        }
        let b = figures.pop().expect("two sides");
        let a = figures.pop().expect("two sides");
        Ok(Comparison { title: served.info.title.clone(), matrix: (*served.matrix()).clone(), choices, a, b })
    }

    /// A page made only of figures has nothing to show someone who may not
    /// see them: it says why instead.
    pub(super) async fn refuse_if_hidden(&self, caller: &Caller, served: &ServedBoard) -> Result<(), TallyError> {
        match self.sees_figures(caller, served).await? {
            true => Ok(()),
            false => Err(TallyError::Forbidden(say(served.stats().reveal.hidden_note()))),
        }
    }
}
