//! The bar under the table, kept in view at the screen's foot (a phone's
//! form is long): how far the form is filled in, the button, and when the
//! visitor last submitted. Submit stays tappable with rows missing: it then
//! takes the person to the first of them (see `MatrixForm`), and says so.

use super::choices::Choices;
use crate::answers::PreviousAnswers;
use crate::board_feed::BoardFeed;
use crate::i18n::{say, say_with, Say};
use crate::time_text::date_args;
use leptos::prelude::*;

/// `missing`: the row a submission with rows left out led to.
pub fn submit_bar(
    feed: BoardFeed,
    choices: Choices,
    previous: RwSignal<Option<PreviousAnswers>>,
    missing: RwSignal<Option<String>>,
) -> impl IntoView {
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
    let closed = move || hydrated.get() && feed.stats.with(|s| s.closed);
    let incomplete = move || hydrated.get() && !complete();
    let still_missing = move || {
        let row = missing.get().filter(|row| choices.of(row).get().is_none())?;
        let title = feed.matrix.with(|m| m.rows().find(|r| r.id == row).map(|r| r.title.clone()))?;
        Some(view! { <p class="missing" role="alert">{say_with(Say::RowMissing, &[("title", title.into())])}</p> })
    };
    let answered_now = move || previous.with(|p| p.as_ref().is_some_and(|p| p.from_round.is_none()));
    view! {
        <div class="submit-bar" data-hydrated=move || hydrated.get().to_string()>
            <p class="progress" aria-live="polite">
                {move || say_with(Say::Progress, &[("answered", answered().into()), ("total", total().into())])}
            </p>
            <button type="submit" disabled=closed class:incomplete=incomplete>
                {move || say(if answered_now() { Say::Update } else { Say::Submit })}
            </button>
            <p class="submitted">
                {move || previous.with(|p| p.as_ref().map(|p| match &p.from_round {
                    None => say_with(Say::SubmittedOn, &[("when", when(p.submitted_at, hydrated.get()).into())]),
                    Some(round) => say_with(Say::CarriedOver, &[("round", round.clone().into())]),
                }))}
            </p>
            {still_missing}
        </div>
    }
}

/// In the reader's time zone once the page runs in the browser; in UTC
/// (as the server rendered it) until then.
fn when(unix_seconds: i64, hydrated: bool) -> String {
    #[cfg(feature = "hydrate")]
    if hydrated {
        let local = date_args(unix_seconds + crate::time_text::reader_offset(unix_seconds));
        return say_with(Say::YourTime, &[("when", say_with(Say::DateTime, &local).into())]);
    }
    let _ = hydrated;
    say_with(Say::DateTimeUtc, &date_args(unix_seconds))
}
