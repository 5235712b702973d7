//! The admin's controls, shown when the page is opened through the admin
//! link (`/b/<board>#admin=<key>`): close or reopen the board, edit its
//! matrix and download its aggregates. The key lives in the address's fragment, which browsers
//! never send to a server, so it is read in the browser and sent only with
//! the admin's own requests.

use crate::components::matrix_form::show_if_newer;
use crate::server_fns::{SetBoardClosed, StartRound};
use crate::stats::Stats;
use leptos::prelude::*;

#[component]
pub fn AdminPanel(board: String, stats: RwSignal<Stats>) -> impl IntoView {
    let key = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        let hash = window().location().hash().unwrap_or_default();
        key.set(hash.strip_prefix("#admin=").filter(|k| !k.is_empty()).map(str::to_string));
    });
    let action = ServerAction::<SetBoardClosed>::new();
    Effect::new(move |_| {
        if let Some(Ok(updated)) = action.value().get() {
            show_if_newer(stats, updated);
        }
    });
    let next_round = ServerAction::<StartRound>::new();
    let label = RwSignal::new(String::new());
    // Starting a round cannot be undone, so it takes a second, explicit click.
    let confirming = RwSignal::new(false);
    let error = move || match (action.value().get(), next_round.value().get()) {
        (Some(Err(e)), _) | (_, Some(Err(e))) => Some(e.to_string()),
        _ => None,
    };
    let started = move || match next_round.value().get() {
        Some(Ok(round)) => format!("{} is open.", round.label),
        _ => String::new(),
    };
    move || {
        key.get().map(|key| {
            let toggle = {
                let (board, key) = (board.clone(), key.clone());
                move |_| {
                    let closed = !stats.with_untracked(|s| s.closed);
                    action.dispatch(SetBoardClosed { board: board.clone(), key: key.clone(), closed });
                }
            };
            let start_round = {
                let (board, key) = (board.clone(), key.clone());
                move |_| {
                    confirming.set(false);
                    let label = label.get_untracked();
                    next_round.dispatch(StartRound { board: board.clone(), key: key.clone(), label });
                }
            };
            let export = |format: &'static str| {
                view! {
                    <form method="post" action=format!("/api/boards/{board}/export/{format}")>
                        <input type="hidden" name="key" value=key.clone()/>
                        <button type="submit">{format!("Download {}", format.to_uppercase())}</button>
                    </form>
                }
            };
            view! {
                <section class="admin-panel" aria-label="Board admin">
                    <h2>"You are this board's admin"</h2>
                    <p class="hint">
                        "Keep this page's address to yourself: it carries the admin key. Share the board with "
                        <code>{format!("/b/{board}")}</code>"."
                    </p>
                    <button type="button" class="toggle-closed" on:click=toggle>
                        {move || if stats.with(|s| s.closed) { "Reopen the board" } else { "Close the board" }}
                    </button>
                    <a class="button-link" href=format!("/b/{board}/edit#admin={key}")>"Edit the matrix"</a>
                    <div class="next-round">
                        <label>
                            "Next round's label "
                            <input maxlength="80" placeholder="e.g. 2026 Q4" prop:value=move || label.get()
                                on:input=move |ev| label.set(event_target_value(&ev))/>
                        </label>
                        <button type="button" class="start-round" on:click=move |_| confirming.set(true)
                            aria-expanded=move || confirming.get().to_string()>"Start the next round"</button>
                        <Show when=move || confirming.get()>
                            <div class="confirm" role="group" aria-label="Confirm the next round">
                                <p>{move || format!(
                                    "Round {} will be frozen: its figures are kept, and it takes no more answers. Everyone answers again in the new round.",
                                    stats.with(|s| s.round),
                                )}</p>
                                <button type="button" on:click=start_round.clone()>"Yes, start the new round"</button>
                                <button type="button" on:click=move |_| confirming.set(false)>"Cancel"</button>
                            </div>
                        </Show>
                        <span role="status">{started}</span>
                    </div>
                    {export("csv")}
                    {export("json")}
                    <p class="error" role="alert">{error}</p>
                </section>
            }
        })
    }
}
