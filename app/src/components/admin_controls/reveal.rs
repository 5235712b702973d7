//! Who sees the figures: the mode, and the reveal / hide button of the two
//! blind modes.

use crate::i18n::{say, Say};
use crate::reveal::RevealMode;
use crate::server_fns::SetReveal;
use crate::stats::Stats;
use leptos::prelude::*;

/// When the figures are shown, and the reveal / hide button of the two
/// blind modes. Both take effect at once, on every open page.
#[component]
pub fn RevealControls(
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
            view! { <option value=mode.as_str() selected=move || settings().reveal == mode>{say(mode.describe())}</option> }
        })
        .collect_view();
    view! {
        <div class="reveal-controls">
            <label>{say(Say::RevealShow)} " " <select class="reveal-mode" on:change=choose>{options}</select></label>
            {move || (settings().reveal != RevealMode::Live).then(|| view! {
                <button type="button" class="toggle-revealed" on:click=toggle.clone()>
                    {move || say(if settings().revealed { Say::RevealHide } else { Say::RevealReveal })}
                </button>
            })}
        </div>
    }
}
