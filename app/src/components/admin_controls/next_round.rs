//! Starting the next round: its label, and a confirmation that says what
//! happens to the figures before it is done (it cannot be undone).

use crate::board_feed::BoardFeed;
use crate::i18n::{say, say_with, Say};
use crate::reveal::RevealMode;
use crate::server_fns::StartRound;
use leptos::prelude::*;

#[component]
pub fn NextRound(board: String, key: String, feed: BoardFeed) -> impl IntoView {
    let stats = feed.stats;
    let next_round = ServerAction::<StartRound>::new();
    let label = RwSignal::new(String::new());
    // Starting a round cannot be undone, so it takes a second, explicit click.
    let confirming = RwSignal::new(false);
    let start_round = move |_| {
        confirming.set(false);
        let label = label.get_untracked();
        next_round.dispatch(StartRound { board: board.clone(), key: key.clone(), label });
    };
    // Once started, the box is ready for the round after.
    Effect::new(move |_| {
        if let Some(Ok(_)) = next_round.value().get() {
            label.set(String::new());
        }
    });
    let consequences = move || {
        let (round, reveal) = stats.with(|s| (s.round, s.reveal.reveal));
        let frozen = say_with(Say::RoundFrozen, &[("n", round.into())]);
        match reveal {
            RevealMode::Live => frozen,
            RevealMode::AfterSubmit => format!("{frozen} {}", say(Say::RoundShownAfterSubmit)),
            RevealMode::Facilitator => format!("{frozen} {}", say(Say::RoundHiddenUntilReveal)),
        }
    };
    let outcome = move || match next_round.value().get() {
        Some(Ok(round)) => (say_with(Say::RoundOpen, &[("label", round.shown_label().into())]), None),
        Some(Err(error)) => (String::new(), Some(crate::components::admin_words::said(&error))),
        None => (String::new(), None),
    };
    view! {
        <div class="next-round">
            <label>
                {say(Say::RoundNextLabel)}
                " "
                <input maxlength="80" placeholder=say(Say::RoundNextExample) prop:value=move || label.get()
                    on:input=move |ev| label.set(event_target_value(&ev))/>
            </label>
            <button type="button" class="start-round" on:click=move |_| confirming.set(true)
                aria-expanded=move || confirming.get().to_string()>{say(Say::RoundStart)}</button>
            {move || confirming.get().then(|| view! {
                <div class="confirm" role="group" aria-label=say(Say::RoundConfirmLabel)>
                    <p>{consequences}</p>
                    <button type="button" on:click=start_round.clone()>{say(Say::RoundYes)}</button>
                    <button type="button" on:click=move |_| confirming.set(false)>{say(Say::Cancel)}</button>
                </div>
            })}
            <span role="status">{move || outcome().0}</span>
            <p class="error" role="alert">{move || outcome().1}</p>
        </div>
    }
}
