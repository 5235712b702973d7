//! The bar under the table: how far the form is filled in, the button, and
//! when the visitor last submitted.

use super::choices::Choices;
use crate::answers::PreviousAnswers;
use crate::board_feed::BoardFeed;
use crate::time_text::utc_minute;
use leptos::prelude::*;

pub fn submit_bar(feed: BoardFeed, choices: Choices, previous: RwSignal<Option<PreviousAnswers>>) -> impl IntoView {
    let total = move || feed.matrix.with(|m| m.rows().count());
    let answered = move || feed.matrix.with(|m| choices.answered(m));
    let complete = move || {
        let (answered, partial) = (answered(), feed.matrix.with(|m| m.allow_partial));
        answered == total() || partial && answered > 0
    };
    // Before hydration the button stays enabled so the page works without
    // JavaScript; the server checks completeness either way.
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    let blocked = move || hydrated.get() && (feed.stats.with(|s| s.closed) || !complete());
    let answered_now = move || previous.with(|p| p.as_ref().is_some_and(|p| p.from_round.is_none()));
    view! {
        <div class="submit-bar" data-hydrated=move || hydrated.get().to_string()>
            <p class="progress" aria-live="polite">{move || format!("{} of {} answered", answered(), total())}</p>
            <button type="submit" disabled=blocked>
                {move || if answered_now() { "Update my answers" } else { "Submit" }}
            </button>
            <p class="submitted">
                {move || previous.with(|p| p.as_ref().map(|p| match &p.from_round {
                    None => format!("You submitted on {}.", utc_minute(p.submitted_at)),
                    Some(round) => format!("Your answers from {round} are filled in: confirm or change them, then submit. Nothing counts until you do."),
                }))}
            </p>
        </div>
    }
}
