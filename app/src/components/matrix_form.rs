//! The form people fill in. It is an `ActionForm` on the `submit_answers`
//! server function: hydrated it posts without a page load; without
//! JavaScript it is a plain form POST that redirects back to the page.

use crate::answers::{PreviousAnswers, Problem};
use crate::components::admin_panel::AdminPanel;
use crate::components::competency_row::CompetencyRow;
use crate::components::legend::Legend;
use crate::error::TallyError;
use crate::live_client::LiveStatus;
use crate::page_data::BoardPageData;
use crate::server_fns::SubmitAnswers;
use crate::stats::Stats;
use crate::time_text::utc_minute;
use leptos::prelude::*;
use std::sync::Arc;

/// A submission's reply and live messages may arrive in either order; only
/// newer figures replace what the page shows.
pub fn show_if_newer(stats: RwSignal<Stats>, incoming: Stats) {
    stats.maybe_update(|current| {
        let newer = incoming.supersedes(current);
        if newer {
            *current = incoming;
        }
        newer
    });
}

#[component]
pub fn MatrixForm(view: BoardPageData) -> impl IntoView {
    let BoardPageData { board, title, matrix, stats, previous, .. } = view;
    let matrix = Arc::new(matrix);
    let stats = RwSignal::new(stats);
    let previous = RwSignal::new(previous);
    let submit = ServerAction::<SubmitAnswers>::new();

    // One signal per row: the level chosen on the page right now.
    let rows: Vec<_> = matrix.rows().cloned().collect();
    let chosen: Vec<RwSignal<Option<u8>>> = rows
        .iter()
        .map(|row| RwSignal::new(previous.with_untracked(|p| p.as_ref().and_then(|p| p.answers.get(&row.id).copied()))))
        .collect();
    let total = rows.len();
    let answered = {
        let chosen = chosen.clone();
        Signal::derive(move || chosen.iter().filter(|c| c.get().is_some()).count())
    };

    // Before hydration the button stays enabled so the page works without
    // JavaScript; the server checks completeness either way.
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let allow_partial = matrix.allow_partial;
    let closed = move || stats.with(|s| s.closed);
    let blocked =
        move || hydrated.get() && (closed() || !(answered.get() == total || allow_partial && answered.get() > 0));
    // Escape hides popovers until focus moves or the pointer is pressed (WCAG 1.4.13).
    let dismissed = RwSignal::new(false);

    {
        let (rows, chosen) = (rows.clone(), chosen.clone());
        Effect::new(move |_| {
            if let Some(Ok(outcome)) = submit.value().get() {
                show_if_newer(stats, outcome.stats);
                let answers = rows
                    .iter()
                    .zip(&chosen)
                    .filter_map(|(row, c)| c.get_untracked().map(|level| (row.id.clone(), level)))
                    .collect();
                previous.set(Some(PreviousAnswers { answers, submitted_at: outcome.submitted_at }));
            }
        });
    }
    let live = RwSignal::new(LiveStatus::Offline);
    let watching = RwSignal::new(None::<u64>);
    #[cfg(feature = "hydrate")]
    {
        let board = board.clone();
        Effect::new(move |_| {
            crate::live_client::subscribe(&board, live, move |message| {
                watching.set(Some(message.watching));
                show_if_newer(stats, message.stats);
            });
        });
    }
    let problems = move || match submit.value().get() {
        Some(Err(TallyError::InvalidSubmission(problems))) => problems,
        Some(Err(other)) => vec![Problem { row: None, message: other.to_string() }],
        _ => Vec::new(),
    };
    let row_at_fault =
        move |row_id: String| Signal::derive(move || problems().iter().any(|p| p.row.as_ref() == Some(&row_id)));

    let level_count = matrix.levels.len();
    let body = matrix
        .categories
        .iter()
        .map(|category| {
            let category_rows = category
                .rows
                .iter()
                .map(|row| {
                    let index = rows.iter().position(|r| r.id == row.id).expect("row belongs to the matrix");
                    view! {
                        <CompetencyRow
                            row=row.clone()
                            matrix=matrix.clone()
                            stats
                            chosen=chosen[index]
                            previous
                            at_fault=row_at_fault(row.id.clone())
                        />
                    }
                })
                .collect_view();
            view! {
                <tbody>
                    <tr class="category">
                        <th scope="colgroup" colspan=level_count + 2>{category.title.clone()}</th>
                    </tr>
                    {category_rows}
                </tbody>
            }
        })
        .collect_view();

    view! {
        <header class="board-header">
            <h1>{title}</h1>
            <p class="respondents">
                {move || match stats.with(|s| s.respondents) {
                    1 => "1 person has answered".to_string(),
                    n => format!("{n} people have answered"),
                }}
            </p>
            <p class="live-status" data-status=move || format!("{:?}", live.get()).to_lowercase() role="status">
                {move || match (live.get(), watching.get()) {
                    (LiveStatus::Live, Some(n)) => format!("● Live · {n} watching"),
                    (LiveStatus::Live, None) => "● Live".to_string(),
                    (LiveStatus::Reconnecting, _) => "○ Reconnecting…".to_string(),
                    (LiveStatus::Offline, _) => "○ Offline: figures as of page load".to_string(),
                }}
            </p>
        </header>
        <AdminPanel board=board.clone() stats/>
        <Show when=closed>
            <p class="closed-notice" role="status">
                "This board is closed: it no longer takes answers. Its figures stay visible."
            </p>
        </Show>
        <p class="intro">
            "Pick the level that best describes you in each row, then submit. Hover, focus or tap a cell to see how many people chose it."
        </p>
        <Legend/>
        <ActionForm action=submit>
            <input type="hidden" name="board" value=board/>
            <div
                class="table-scroll"
                class:popovers-dismissed=move || dismissed.get()
                tabindex="0"
                aria-label="Competency matrix (scrolls sideways)"
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        dismissed.set(true);
                    }
                }
                on:focusin=move |_| dismissed.set(false)
                on:pointerdown=move |_| dismissed.set(false)
            >
                <table class="matrix">
                    <caption class="visually-hidden">
                        "Competencies by row, proficiency levels by column; each cell is an option."
                    </caption>
                    <thead>
                        <tr>
                            <th scope="col">"Competency"</th>
                            {matrix
                                .levels
                                .iter()
                                .map(|level| {
                                    view! {
                                        <th scope="col">
                                            <span class="level-short">{level.short.clone()}</span>
                                            <span class="level-label">{level.label.clone()}</span>
                                        </th>
                                    }
                                })
                                .collect_view()}
                            <th scope="col">"You and the crowd"</th>
                        </tr>
                    </thead>
                    {body}
                </table>
            </div>
            <div class="submit-bar" data-hydrated=move || hydrated.get().to_string()>
                <p class="progress" aria-live="polite">
                    {move || format!("{} of {total} answered", answered.get())}
                </p>
                <button type="submit" disabled=blocked>
                    {move || if previous.with(Option::is_some) { "Update my answers" } else { "Submit" }}
                </button>
                <p class="submitted">
                    {move || previous.with(|p| p.as_ref().map(|p| format!("You submitted on {}.", utc_minute(p.submitted_at))))}
                </p>
            </div>
            <Show when=move || !problems().is_empty()>
                <div class="errors" role="alert">
                    <p>"Nothing was counted:"</p>
                    <ul>{move || problems().into_iter().map(|p| view! { <li>{p.message}</li> }).collect_view()}</ul>
                </div>
            </Show>
        </ActionForm>
    }
}
