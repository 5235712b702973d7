//! Starting the next round: its label, and a confirmation that says what
//! happens to the figures before it is done (it cannot be undone).

use crate::board_feed::BoardFeed;
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
        let hidden = match reveal {
            RevealMode::Live => "",
            RevealMode::AfterSubmit => " Its figures are shown to each person once they have answered in it.",
            RevealMode::Facilitator => " Its figures stay hidden until you reveal them.",
        };
        format!("Round {round} will be frozen: its figures are kept, and it takes no more answers. Everyone answers again in the new round.{hidden}")
    };
    let outcome = move || match next_round.value().get() {
        Some(Ok(round)) => (format!("{} is open.", round.label), None),
        Some(Err(error)) => (String::new(), Some(error.to_string())),
        None => (String::new(), None),
    };
    view! {
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
                    <p>{consequences}</p>
                    <button type="button" on:click=start_round.clone()>"Yes, start the new round"</button>
                    <button type="button" on:click=move |_| confirming.set(false)>"Cancel"</button>
                </div>
            })}
            <span role="status">{move || outcome().0}</span>
            <p class="error" role="alert">{move || outcome().1}</p>
        </div>
    }
}
