//! The visitor's own answers over the rounds ("Algorithms: n² → n since
//! 2026 Q3"), found by their cookie and shown to nobody else, and the way to
//! withdraw them from the open round or from every round.

use crate::answers::PreviousAnswers;
use crate::matrix::Matrix;
use crate::rounds::MyRound;
use crate::server_fns::{my_rounds, WithdrawAnswers};
use leptos::prelude::*;
use std::sync::Arc;

/// `mine` is what the server found when it rendered the page; it is asked
/// again after each of the visitor's own submissions.
#[component]
pub fn MyProgress(
    board: String,
    matrix: Arc<Matrix>,
    mine: Vec<MyRound>,
    previous: RwSignal<Option<PreviousAnswers>>,
) -> impl IntoView {
    let mine = RwSignal::new(mine);
    let shown = StoredValue::new(previous.with_untracked(|p| p.as_ref().map(|p| p.submitted_at)));
    let refetch_board = board.clone();
    Effect::new(move |_| {
        let submitted = previous.with(|p| p.as_ref().map(|p| p.submitted_at));
        if submitted != shown.get_value() {
            shown.set_value(submitted);
            let board = refetch_board.clone();
            leptos::task::spawn_local(async move {
                if let Ok(rounds) = my_rounds(board).await {
                    mine.set(rounds);
                }
            });
        }
    });
    let withdraw = ServerAction::<WithdrawAnswers>::new();
    Effect::new(move |_| {
        if let Some(Ok(_)) = withdraw.value().get() {
            // Start afresh: the form, the figures and this list all change.
            #[cfg(feature = "hydrate")]
            let _ = window().location().reload();
        }
    });
    let error = move || match withdraw.value().get() {
        Some(Err(e)) => Some(e.to_string()),
        _ => None,
    };
    move || {
        let (board, matrix) = (board.clone(), matrix.clone());
        mine.with(|mine| {
            (!mine.is_empty()).then(|| {
                let lines = matrix
                    .rows()
                    .map(|row| view! { <li>{progress_line(&matrix, mine, &row.id, &row.title)}</li> })
                    .collect_view();
                let remove = move |every_round: bool| {
                    let board = board.clone();
                    move |_| {
                        let question = match every_round {
                            false => "Withdraw your answers from this round? They stop counting at once; you can answer again.",
                            true => "Withdraw your answers from every round? Your whole history on this board is deleted.",
                        };
                        if crate::components::confirm::confirmed(question) {
                            withdraw.dispatch(WithdrawAnswers { board: board.clone(), every_round });
                        }
                    }
                };
                view! {
                    <details class="my-progress">
                        <summary>"Your answers over time (only you see this)"</summary>
                        <ul>{lines}</ul>
                        <button type="button" on:click=remove(false)>"Withdraw my answers from this round"</button>
                        <button type="button" on:click=remove(true)>"Withdraw my answers from every round"</button>
                        <p class="error" role="alert">{error}</p>
                    </details>
                }
            })
        })
    }
}

/// "Title: 2ⁿ (Round 1) → n (2026 Q4)", from the rounds the row was answered in.
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
