//! The history itself: each row's levels over the rounds, the link that
//! downloads everything the board holds about the visitor, and the buttons
//! that withdraw their answers (each asks first).

use super::progress_line;
use crate::answers::PreviousAnswers;
use crate::i18n::{say, Say};
use crate::matrix::Matrix;
use crate::rounds::MyRound;
use crate::server_fns::{my_rounds, WithdrawAnswers};
use leptos::prelude::*;
use std::sync::Arc;

/// `mine` is what the server found when it rendered the page; it is asked
/// again after each of the visitor's own submissions.
#[component]
pub fn History(
    board: String,
    matrix: Arc<Matrix>,
    mine: Vec<MyRound>,
    previous: RwSignal<Option<PreviousAnswers>>,
) -> impl IntoView {
    // Mounted on the visitor's first submission here, it has no rounds yet:
    // it asks for them at once.
    let known = (!mine.is_empty()).then(|| previous.with_untracked(|p| p.as_ref().map(|p| p.submitted_at)));
    let shown = StoredValue::new(known.flatten());
    let mine = RwSignal::new(mine);
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
        let role_id = previous.with(|p| p.as_ref().and_then(|p| p.role.clone()));
        let role = matrix.roles.iter().find(|r| Some(&r.id) == role_id.as_ref());
        mine.with(|mine| {
            (!mine.is_empty()).then(|| {
                let lines = matrix
                    .rows()
                    .map(|row| view! { <li>{progress_line(&matrix, mine, &row.id, &row.title, role)}</li> })
                    .collect_view();
                let my_data = format!("/api/boards/{board}/respondents/me");
                let remove = move |every_round: bool| {
                    let board = board.clone();
                    move |_| {
                        let question = say(if every_round { Say::HistoryAskAll } else { Say::HistoryAskRound });
                        if crate::components::confirm::confirmed(&question) {
                            withdraw.dispatch(WithdrawAnswers { board: board.clone(), every_round });
                        }
                    }
                };
                view! {
                    <details class="my-progress">
                        <summary>{say(Say::HistorySummary)}</summary>
                        <ul>{lines}</ul>
                        <p><a href=my_data download>{say(Say::HistoryDownload)}</a></p>
                        <button type="button" on:click=remove(false)>{say(Say::HistoryWithdrawRound)}</button>
                        <button type="button" on:click=remove(true)>{say(Say::HistoryWithdrawAll)}</button>
                        <p class="error" role="alert">{error}</p>
                    </details>
                }
            })
        })
    }
}
