//! The admin's controls themselves (see `admin_panel`), built in the browser
//! only: they load from a wasm file of their own once the page finds the
//! admin key in its address, so the server never renders them.

use crate::board_feed::BoardFeed;
use crate::reveal::RevealMode;
use crate::server_fns::{SetBoardClosed, SetReveal, StartRound};
use crate::stats::Stats;
use leptos::prelude::*;

/// On the presenter (a room view: its feed sends no credentials) the
/// figures stay what the room may see.
#[component]
pub fn AdminControls(board: String, key: String, feed: BoardFeed) -> impl IntoView {
    let stats = feed.stats;
    let action = ServerAction::<SetBoardClosed>::new();
    Effect::new(move |_| {
        if let Some(Ok(updated)) = action.value().get() {
            // The reply is the admin's, figures included; the presenter keeps the room's view.
            let withheld = feed.credentials.is_none() && !updated.reveal.public();
            feed.offer(if withheld { updated.withheld() } else { updated });
        }
    });
    let reveal = ServerAction::<SetReveal>::new();
    let next_round = ServerAction::<StartRound>::new();
    let label = RwSignal::new(String::new());
    // Starting a round cannot be undone, so it takes a second, explicit click.
    let confirming = RwSignal::new(false);
    let error = move || match (action.value().get(), next_round.value().get(), reveal.value().get()) {
        (Some(Err(e)), _, _) | (_, Some(Err(e)), _) | (_, _, Some(Err(e))) => Some(e.to_string()),
        _ => None,
    };
    let started = move || match next_round.value().get() {
        Some(Ok(round)) => format!("{} is open.", round.label),
        _ => String::new(),
    };
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
    let export = |format: &'static str, name: &'static str| {
        view! {
            <form method="post" action=format!("/api/boards/{board}/export/{format}") on:submit=key_as_sent(key.clone())>
                <button type="submit">{format!("Download {name}")}</button>
            </form>
        }
    };
    view! {
        <section class="admin-panel" aria-label="Board admin">
            <h2>"You are this board's admin"</h2>
            <p class="hint">
                "Keep the admin link to yourself: it carries the admin key (this tab keeps it until you close it). Share the board with "
                <code>{format!("/b/{board}")}</code>"."
            </p>
            <button type="button" class="toggle-closed" on:click=toggle>
                {move || if stats.with(|s| s.closed) { "Reopen the board" } else { "Close the board" }}
            </button>
            <a class="button-link" href=format!("/b/{board}/edit")>"Edit the matrix"</a>
            <RevealControls board=board.clone() key=key.clone() stats reveal/>
            <div class="next-round">
                <label>
                    "Next round's label "
                    <input maxlength="80" placeholder="e.g. 2026 Q4" prop:value=move || label.get()
                        on:input=move |ev| label.set(event_target_value(&ev))/>
                </label>
                <button type="button" class="start-round" on:click=move |_| confirming.set(true)
                    aria-expanded=move || confirming.get().to_string()>"Start the next round"</button>
                {move || confirming.get().then(|| view! {
                    <div class="confirm" role="group" aria-label="Confirm the next round">
                        <p>{move || format!(
                            "Round {} will be frozen: its figures are kept, and it takes no more answers. Everyone answers again in the new round.",
                            stats.with(|s| s.round),
                        )}</p>
                        <button type="button" on:click=start_round.clone()>"Yes, start the new round"</button>
                        <button type="button" on:click=move |_| confirming.set(false)>"Cancel"</button>
                    </div>
                })}
                <span role="status">{started}</span>
            </div>
            {export("csv", "CSV")}
            {export("json", "JSON")}
            <p class="error" role="alert">{error}</p>
        </section>
    }
}

/// A download form's submit handler that adds the admin key as the form is
/// sent and takes it out again at the next frame: the browser reads the
/// form's fields after this handler, so the request carries the key, while
/// the page's markup never holds it (see `admin_key`).
fn key_as_sent(key: String) -> impl Fn(leptos::ev::SubmitEvent) + Clone + 'static {
    use wasm_bindgen::JsCast;
    move |ev| {
        let form = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok());
        let input = document().create_element("input").ok().map(|e| e.unchecked_into::<web_sys::HtmlInputElement>());
        let (Some(form), Some(input)) = (form, input) else { return };
        input.set_type("hidden");
        input.set_name("key");
        input.set_value(&key);
        if form.append_child(&input).is_ok() {
            request_animation_frame(move || input.remove());
        }
    }
}

/// When the figures are shown, and the reveal / hide button of the two
/// blind modes. Both take effect at once, on every open page.
#[component]
fn RevealControls(
    board: String,
    key: String,
    stats: RwSignal<Stats>,
    reveal: ServerAction<SetReveal>,
) -> impl IntoView {
    let settings = move || stats.with(|s| s.reveal);
    let send = move |mode: RevealMode, revealed: bool| {
        let (board, key) = (board.clone(), key.clone());
        reveal.dispatch(SetReveal { board, key, reveal: mode.as_str().to_string(), revealed });
    };
    // A mode chosen starts hidden: "When I reveal them" means not yet.
    let choose = {
        let send = send.clone();
        move |ev| {
            if let Some(mode) = RevealMode::parse(&event_target_value(&ev)) {
                send(mode, false);
            }
        }
    };
    let toggle = move |_| {
        let now = settings();
        send(now.reveal, !now.revealed);
    };
    let options = RevealMode::ALL
        .into_iter()
        .map(|mode| {
            view! { <option value=mode.as_str() selected=move || settings().reveal == mode>{mode.describe()}</option> }
        })
        .collect_view();
    view! {
        <div class="reveal-controls">
            <label>"Show the figures " <select class="reveal-mode" on:change=choose>{options}</select></label>
            {move || (settings().reveal != RevealMode::Live).then(|| view! {
                <button type="button" class="toggle-revealed" on:click=toggle.clone()>
                    {move || if settings().revealed { "Hide the figures" } else { "Reveal the figures" }}
                </button>
            })}
        </div>
    }
}
