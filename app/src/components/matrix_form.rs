//! The form people fill in, an island. It posts to the `submit_answers`
//! server function: without JavaScript as a plain form POST that redirects
//! back to the page; hydrated, it dispatches the function's action with the
//! choices it shows instead, and the page takes the reply in place. (Not
//! Leptos' `ActionForm`: that one takes its children type-erased, and an
//! erased view brings every way of rendering it into the browser's bundle.)
//!
//! The matrix is a signal: when live figures announce that the admin edited
//! it (`Stats::matrix_rev`), the page fetches it again and redraws the
//! table, keeping every choice made so far (by row and level id).

use crate::answers::PreviousAnswers;
use crate::components::admin_panel::AdminPanel;
use crate::components::competency_row::CompetencyRow;
use crate::components::legend::Legend;
use crate::components::live_figures::{answered_line, show_if_newer};
use crate::components::my_progress::MyProgress;
use crate::error::{Problem, TallyError};
use crate::live_client::LiveStatus;
use crate::live_message::ClientMessage;
use crate::matrix::Matrix;
use crate::page_data::BoardPageData;
use crate::rounds::MyRound;
use crate::server_fns::SubmitAnswers;
use crate::time_text::utc_minute;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use std::collections::BTreeMap;
use std::sync::Arc;

/// Each row's chosen level (an index into the levels), by row id; a row
/// the matrix gains later gets its signal on first use.
#[derive(Clone, Copy)]
struct Choices {
    chosen: StoredValue<BTreeMap<String, RwSignal<Option<u8>>>>,
    /// The form's owner: signals made while the table is drawn belong to
    /// the form, so they outlive a redraw of the table.
    owner: StoredValue<Owner>,
}

impl Choices {
    fn new(previous: &Option<PreviousAnswers>) -> Choices {
        let answers = previous.iter().flat_map(|p| p.answers.iter());
        let chosen = answers.map(|(row, level)| (row.clone(), RwSignal::new(Some(*level)))).collect();
        let owner = Owner::current().unwrap_or_default();
        Choices { chosen: StoredValue::new(chosen), owner: StoredValue::new(owner) }
    }

    fn of(&self, row: &str) -> RwSignal<Option<u8>> {
        if let Some(signal) = self.chosen.with_value(|map| map.get(row).copied()) {
            return signal;
        }
        let signal = self.owner.with_value(|owner| owner.with(|| RwSignal::new(None)));
        self.chosen.update_value(|map| {
            map.insert(row.to_string(), signal);
        });
        signal
    }

    /// Each of `matrix`'s rows that has a choice, with its level.
    fn chosen<T: FromIterator<(String, u8)>>(&self, matrix: &Matrix) -> T {
        matrix.rows().filter_map(|row| Some((row.id.clone(), self.of(&row.id).get_untracked()?))).collect()
    }

    /// How many of `matrix`'s rows have a choice.
    fn answered(&self, matrix: &Matrix) -> usize {
        matrix.rows().filter(|row| self.of(&row.id).get().is_some()).count()
    }

    /// Keeps each choice on the same level (by id) when the admin reorders
    /// levels; a choice whose level is gone is cleared.
    #[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
    fn carry_over(&self, old: &Matrix, new: &Matrix) {
        for row in new.rows() {
            let chosen = self.of(&row.id);
            if let Some(index) = chosen.get_untracked() {
                let id = old.levels.get(index as usize).map(|l| &l.id);
                chosen.set(id.and_then(|id| new.levels.iter().position(|l| &l.id == id)).map(|i| i as u8));
            }
        }
    }
}

#[island]
pub fn MatrixForm(view: BoardPageData, mine: Vec<MyRound>) -> impl IntoView {
    let BoardPageData { board, title, matrix, matrix_rev, stats, round_label, previous, groups, .. } = view;
    let my_group = previous.as_ref().and_then(|p| p.group.clone()).unwrap_or_default();
    // The group picked in the form (blank: none).
    let group = RwSignal::new(my_group.clone());
    let matrix = RwSignal::new(Arc::new(matrix));
    let stats = RwSignal::new(stats);
    let choices = Choices::new(&previous);
    let previous = RwSignal::new(previous);
    let submit = ServerAction::<SubmitAnswers>::new();
    #[cfg(feature = "hydrate")]
    let board_for_label = board.clone();

    let total = move || matrix.with(|m| m.rows().count());
    let answered = Signal::derive(move || matrix.with(|m| choices.answered(m)));

    // Before hydration the button stays enabled so the page works without
    // JavaScript; the server checks completeness either way.
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let closed = move || stats.with(|s| s.closed);
    let complete = move || {
        let (answered, partial) = (answered.get(), matrix.with(|m| m.allow_partial));
        answered == total() || partial && answered > 0
    };
    let blocked = move || hydrated.get() && (closed() || !complete());
    // Escape hides popovers until focus moves or the pointer is pressed (WCAG 1.4.13).
    let dismissed = RwSignal::new(false);

    // What lets this page's socket send figures the board hides from others.
    let credentials = RwSignal::new(Vec::<ClientMessage>::new());
    Effect::new(move |_| {
        if let Some(Ok(outcome)) = submit.value().get() {
            show_if_newer(stats, outcome.stats);
            let pass = ClientMessage::Pass(outcome.pass);
            credentials.maybe_update(|all| {
                let new = !all.contains(&pass);
                if new {
                    all.retain(|c| !matches!(c, ClientMessage::Pass(_)));
                    all.push(pass);
                }
                new
            });
            let answers = matrix.with_untracked(|m| choices.chosen(m));
            let group = Some(group.get_untracked()).filter(|g| !g.is_empty());
            let submitted_at = outcome.submitted_at;
            previous.set(Some(PreviousAnswers { answers, submitted_at, from_round: None, group }));
        }
    });
    // A new round opened while the page is open: what was submitted now
    // belongs to the round before, and counts again only once resubmitted.
    // The label is fetched when the round changes; until it comes, "Round N".
    let round_label = RwSignal::new((stats.with_untracked(|s| s.round), round_label));
    let shown_round = StoredValue::new(stats.with_untracked(|s| s.round));
    Effect::new(move |_| {
        let round = stats.with(|s| s.round);
        let before = shown_round.get_value();
        if round > before {
            shown_round.set_value(round);
            let before_label = round_label.with_untracked(|(n, label)| (*n == before).then(|| label.clone()));
            previous.update(|p| {
                if let Some(p) = p.as_mut().filter(|p| p.from_round.is_none()) {
                    p.from_round = Some(before_label.unwrap_or_else(|| format!("round {before}")));
                }
            });
            #[cfg(feature = "hydrate")]
            crate::components::live_figures::fetch_round_label(board_for_label.clone(), round_label);
        }
    });
    let live = RwSignal::new(LiveStatus::Offline);
    let watching = RwSignal::new(None::<u64>);
    #[cfg(feature = "hydrate")]
    {
        let board = board.clone();
        let shown_rev = StoredValue::new(matrix_rev);
        Effect::new(move |_| {
            let board = board.clone();
            crate::live_client::subscribe(&board.clone(), live, credentials.into(), move |message| {
                watching.set(Some(message.watching));
                if message.stats.matrix_rev > shown_rev.get_value() {
                    let board = board.clone();
                    leptos::task::spawn_local(async move {
                        if let Ok((edited, rev)) = crate::server_fns::board_matrix(board).await {
                            if rev > shown_rev.get_value() {
                                shown_rev.set_value(rev);
                                matrix.with_untracked(|old| choices.carry_over(old, &edited));
                                matrix.set(Arc::new(edited));
                            }
                        }
                    });
                }
                show_if_newer(stats, message.stats);
            });
        });
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = matrix_rev;
    let problems = move || match submit.value().get() {
        Some(Err(TallyError::InvalidSubmission(problems))) => problems,
        Some(Err(other)) => vec![Problem { row: None, message: other.to_string() }],
        _ => Vec::new(),
    };
    let row_at_fault =
        move |row_id: String| Signal::derive(move || problems().iter().any(|p| p.row.as_ref() == Some(&row_id)));

    // Redrawn only when the matrix itself changes; figures and choices move
    // inside it through their own signals.
    let table = move || {
        let matrix = matrix.get();
        let level_count = matrix.levels.len();
        let body = matrix
            .categories
            .iter()
            .map(|category| {
                let category_rows = category
                    .rows
                    .iter()
                    .map(|row| {
                        view! {
                            <CompetencyRow
                                row=row.clone()
                                matrix=matrix.clone()
                                stats
                                chosen=choices.of(&row.id)
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
        let levels = matrix
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
            .collect_view();
        view! {
            <table class="matrix">
                <caption class="visually-hidden">
                    "Competencies by row, proficiency levels by column; each cell is an option."
                </caption>
                <thead>
                    <tr>
                        <th scope="col">"Competency"</th>
                        {levels}
                        <th scope="col">"You and the crowd"</th>
                    </tr>
                </thead>
                {body}
            </table>
        }
    };
    let description = move || matrix.with(|m| m.description.clone());
    // Hydrated, the form is sent from the choices it shows, not posted.
    let send = {
        let board = board.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let answers: BTreeMap<String, u8> = matrix.with_untracked(|m| choices.chosen(m));
            let answers = answers.into_iter().map(|(row, level)| (row, level.to_string())).collect();
            submit.dispatch(SubmitAnswers { board: board.clone(), answers, group: group.get_untracked() });
        }
    };
    let (compare_url, trends_url) = (format!("/b/{board}/compare"), format!("/b/{board}/trends"));
    let progress_board = board.clone();

    view! {
        <header class="board-header">
            <h1>{title}</h1>
            <p class="respondents">
                {move || stats.with(|s| round_label.with(|label| answered_line(s, label)))}
            </p>
            <p class="live-status" data-status=move || live.get().name() role="status">
                {move || live.get().describe(watching.get())}
            </p>
        </header>
        {
            let grouped = !groups.is_empty();
            move || (grouped || stats.with(|s| s.round > 1)).then(|| view! {
            <p class="compare-link">
                <a href=compare_url.clone()>"Compare rounds or groups"</a>
                " · "
                <a href=trends_url.clone()>"Trends over the rounds"</a>
            </p>
        })}
        {move || (!description().is_empty()).then(|| view! {
            <p class="matrix-description">{description}</p>
        })}
        <AdminPanel board=board.clone() stats credentials=Some(credentials)/>
        {move || stats.with(|s| s.withheld).then(|| view! {
            <p class="withheld-notice" role="status">{move || stats.with(|s| s.reveal.hidden_note())}</p>
        })}
        {move || closed().then(|| view! {
            <p class="closed-notice" role="status">
                "This board is closed: it no longer takes answers. Its figures stay visible."
            </p>
        })}
        <p class="intro">
            "Pick the level that best describes you in each row, then submit. Hover, focus or tap a cell to see how many people chose it."
        </p>
        <Legend/>
        <form action=SubmitAnswers::url() method="post" on:submit=send>
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
                {table}
            </div>
            {(!groups.is_empty()).then(|| view! {
                <label class="group-choice">
                    "Your group (optional) "
                    <select name="group" on:change=move |ev| group.set(event_target_value(&ev))>
                        <option value="" selected=my_group.is_empty()>"No group"</option>
                        {groups
                            .iter()
                            .map(|g| view! { <option value=g.clone() selected=*g == my_group>{g.clone()}</option> })
                            .collect_view()}
                    </select>
                </label>
            })}
            <div class="submit-bar" data-hydrated=move || hydrated.get().to_string()>
                <p class="progress" aria-live="polite">
                    {move || format!("{} of {} answered", answered.get(), total())}
                </p>
                <button type="submit" disabled=blocked>
                    {move || if previous.with(|p| p.as_ref().is_some_and(|p| p.from_round.is_none())) { "Update my answers" } else { "Submit" }}
                </button>
                <p class="submitted">
                    {move || previous.with(|p| p.as_ref().map(|p| match &p.from_round {
                        None => format!("You submitted on {}.", utc_minute(p.submitted_at)),
                        Some(round) => format!("Your answers from {round} are filled in: confirm or change them, then submit. Nothing counts until you do."),
                    }))}
                </p>
            </div>
            {move || (!problems().is_empty()).then(|| view! {
                <div class="errors" role="alert">
                    <p>"Nothing was counted:"</p>
                    <ul>{move || problems().into_iter().map(|p| view! { <li>{p.message}</li> }).collect_view()}</ul>
                </div>
            })}
        </form>
        <MyProgress board=progress_board matrix=matrix.get_untracked() mine previous/>
    }
}
