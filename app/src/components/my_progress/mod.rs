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
    let history = move || view! { <history::History board matrix mine previous/> };
    leptos::mount::mount_to(place.into(), history).forget();
}

/// "Title: 2ⁿ (Round 1) → n (2026 Q4)", from the rounds the row was answered in.
#[cfg(any(feature = "hydrate", test))]
fn progress_line(matrix: &Matrix, mine: &[MyRound], row: &str, title: &str) -> String {
    let steps: Vec<String> = mine
        .iter()
        .filter_map(|r| {
            let level = matrix.levels.get(*r.answers.get(row)? as usize)?;
            Some(format!("{} ({})", level.short, r.label))
        })
        .collect();
    match steps.is_empty() {
        true => format!("{title}: not answered"),
        false => format!("{title}: {}", steps.join(" → ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matrix::tests::sample;

    #[test]
    fn a_row_reads_as_its_levels_over_the_rounds() {
        let round = |n: u32, label: &str, level: u8| MyRound {
            round: n,
            label: label.into(),
            answers: [("r1".to_string(), level)].into_iter().collect(),
        };
        let mine = [round(1, "Round 1", 0), round(2, "2026 Q4", 2)];
        assert_eq!(progress_line(&sample(), &mine, "r1", "Row r1"), "Row r1: a (Round 1) → c (2026 Q4)");
        assert_eq!(progress_line(&sample(), &mine, "r2", "Row r2"), "Row r2: not answered");
    }
}
