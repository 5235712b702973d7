//! The visitor's own answers over the rounds ("Algorithms: n² → n since
//! 2026 Q3"), found by their cookie and shown to nobody else, and the way to
//! withdraw them from the open round or from every round.
//!
//! Only someone who has answered has a history, so its code is not in the
//! board page's bundle: what renders here is an empty place, and once the
//! visitor has answered (before, or on this page) the history loads from a
//! wasm file of its own (`#[lazy]`, in split builds) and is mounted into
//! it, as the admin's controls are.

#[cfg(feature = "hydrate")]
mod history;

use crate::answers::PreviousAnswers;
use crate::matrix::Matrix;
use crate::rounds::MyRound;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn MyProgress(
    board: String,
    matrix: Arc<Matrix>,
    mine: Vec<MyRound>,
    previous: RwSignal<Option<PreviousAnswers>>,
) -> impl IntoView {
    let place = NodeRef::<leptos::html::Div>::new();
    // Effects run only in the browser; the server renders the empty place.
    #[cfg(feature = "hydrate")]
    {
        let answered_before = !mine.is_empty();
        let start = StoredValue::new(Some((board, matrix, mine)));
        let shown_at = previous.with_untracked(|p| p.as_ref().map(|p| p.submitted_at));
        Effect::new(move |_| {
            let submitted = previous.with(|p| p.as_ref().map(|p| p.submitted_at));
            let Some(place) = place.get() else { return };
            if !answered_before && submitted == shown_at {
                return;
            }
            let taken = start.try_update_value(Option::take).flatten();
            if let Some((board, matrix, mine)) = taken {
                leptos::task::spawn_local(mount_history(place, board, matrix, mine, previous));
            }
        });
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (board, matrix, mine, previous);
    view! { <div class="my-progress-place" node_ref=place></div> }
}

/// Loads the history's code (in split builds; see the `split` feature),
/// then shows it in `place`.
#[cfg(feature = "hydrate")]
#[cfg_attr(feature = "split", lazy)]
async fn mount_history(
    place: leptos::web_sys::HtmlDivElement,
    board: String,
    matrix: Arc<Matrix>,
    mine: Vec<MyRound>,
    previous: RwSignal<Option<PreviousAnswers>>,
) {
    crate::server_fns::words::learn_section(crate::i18n::Section::History).await;
    let history = move || view! { <history::History board matrix mine previous/> };
    leptos::mount::mount_to(place.into(), history).forget();
}

/// "Title: 2ⁿ (Round 1) → n (2026 Q4)", from the rounds the row was
/// answered in; with the person's `role`, where it expects a level here,
/// their gap to it in each of those rounds and whether it closed.
#[cfg(any(feature = "hydrate", test))]
fn progress_line(
    matrix: &Matrix,
    mine: &[MyRound],
    row: &str,
    title: &str,
    role: Option<&crate::matrix::Role>,
) -> String {
    use crate::i18n::{say, say_with, Say};
    let answered: Vec<(usize, &str)> =
        mine.iter().filter_map(|r| Some((*r.answers.get(row)? as usize, r.label.as_str()))).collect();
    let step = |(level, label): &(usize, &str)| {
        let short = matrix.levels.get(*level)?.short.as_str();
        Some(say_with(Say::HistoryStep, &[("level", short.into()), ("round", (*label).into())]))
    };
    let steps: Vec<String> = answered.iter().filter_map(step).collect();
    if steps.is_empty() {
        return say_with(Say::HistoryNotAnswered, &[("title", title.into())]);
    }
    let line = say_with(Say::HistoryLine, &[("title", title.into()), ("steps", steps.join(" → ").into())]);
    let Some(expected) = role.and_then(|role| matrix.expected_level(role, row)) else { return line };
    let short = |level: usize| expected.saturating_sub(level);
    let gaps: Vec<String> = answered
        .iter()
        .map(|(level, _)| match (short(*level), *level > expected) {
            (0, true) => say(Say::HistoryAbove),
            (0, false) => say(Say::HistoryAt),
            (n, _) => say_with(Say::HistoryBelow, &[("levels", n.into())]),
        })
        .collect();
    let expects = matrix.levels[expected].short.as_str();
    let args = [("line", line.into()), ("expected", expects.into()), ("gaps", gaps.join(" → ").into())];
    let with_role = say_with(Say::HistoryRole, &args);
    let trend = match (answered.first(), answered.last()) {
        (Some(first), Some(last)) if answered.len() > 1 => match short(last.0).cmp(&short(first.0)) {
            std::cmp::Ordering::Less if short(last.0) == 0 => Some(Say::HistoryClosed),
            std::cmp::Ordering::Less => Some(Say::HistoryNarrowed),
            std::cmp::Ordering::Equal => None,
            std::cmp::Ordering::Greater => Some(Say::HistoryWidened),
        },
        _ => None,
    };
    match trend {
        Some(trend) => say_with(trend, &[("role", with_role.into())]),
        None => with_role,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matrix::tests::{sample, sample_with_roles};

    #[test]
    fn a_row_reads_as_its_levels_over_the_rounds() {
        let round = |n: u32, label: &str, level: u8| MyRound {
            round: n,
            label: label.into(),
            answers: [("r1".to_string(), level)].into_iter().collect(),
        };
        let mine = [round(1, "Round 1", 0), round(2, "2026 Q4", 2)];
        assert_eq!(progress_line(&sample(), &mine, "r1", "Row r1", None), "Row r1: a (Round 1) → c (2026 Q4)");
        assert_eq!(progress_line(&sample(), &mine, "r2", "Row r2", None), "Row r2: not answered");
    }

    #[test]
    fn with_a_role_a_row_tells_whether_its_gap_closed() {
        let matrix = sample_with_roles();
        let round = |n: u32, level: u8| MyRound {
            round: n,
            label: format!("Round {n}"),
            answers: [("r1".to_string(), level)].into_iter().collect(),
        };
        let senior = Some(&matrix.roles[1]); // expects c (2) in r1, nothing in r2
        let closed = progress_line(&matrix, &[round(1, 0), round(2, 2)], "r1", "R1", senior);
        assert_eq!(closed, "R1: a (Round 1) → c (Round 2); your role expects c: 2 below → at: the gap closed");
        let widened = progress_line(&matrix, &[round(1, 1), round(2, 0)], "r1", "R1", senior);
        assert!(widened.ends_with("1 below → 2 below: the gap widened"), "{widened}");
        let unexpected = progress_line(&matrix, &[round(1, 1)], "r2", "R2", senior);
        assert_eq!(unexpected, "R2: not answered");
    }
}
