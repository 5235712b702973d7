//! Deleting the board for good — `DELETE /api/boards/{board}`. The admin is
//! told what goes, and types the board's address to confirm: a slip of
//! the mouse cannot delete years of rounds. Once it is gone the page says
//! so (the live feed's last figures say it to every open page).

use crate::board_feed::BoardFeed;
use crate::components::admin_words::said;
use crate::i18n::{say, say_with, Say};
use crate::server_fns::lifecycle::DeleteBoard;
use leptos::prelude::*;

#[component]
pub fn DeleteBoardControls(board: String, key: String, feed: BoardFeed) -> impl IntoView {
    let typed = RwSignal::new(String::new());
    let deleting = ServerAction::<DeleteBoard>::new();
    let matches = {
        let board = board.clone();
        move || typed.with(|t| t.trim() == board)
    };
    let send = {
        let board = board.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            deleting.dispatch(DeleteBoard { board: board.clone(), key: key.clone() });
        }
    };
    let what = move || say_with(Say::DeleteWhat, &[("rounds", feed.stats.with(|s| s.round as u64).into())]);
    let outcome = move || match deleting.value().get() {
        Some(Ok(())) => Some(view! { <p role="status">{say(Say::DeleteDone)}</p> }.into_any()),
        Some(Err(error)) => Some(view! { <p class="error" role="alert">{said(&error)}</p> }.into_any()),
        None => None,
    };
    let done = move || matches!(deleting.value().get(), Some(Ok(())));
    view! {
        <section class="delete-board">
            <h3>{say(Say::DeleteLegend)}</h3>
            <p class="hint">{what}</p>
            <form on:submit=send>
                <label>
                    <span>{say(Say::DeleteTypeBoard)} " " <code translate="no">{board.clone()}</code></span>
                    <input type="text" autocomplete="off" spellcheck="false" bind:value=typed/></label>
                <button type="submit" class="danger" disabled=move || !matches() || done()>
                    {say(Say::DeleteButton)}
                </button>
            </form>
            {outcome}
        </section>
    }
}
