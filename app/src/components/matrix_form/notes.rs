//! What the board page says around its table: the header with the live
//! status, the notes on what the board is doing (closed, figures hidden),
//! and the optional group choice.

use crate::board_feed::BoardFeed;
use crate::i18n::{say, Say};
use leptos::prelude::*;

/// The title, how many have answered in which round, and the live status.
pub fn board_header(feed: BoardFeed, title: String) -> impl IntoView {
    view! {
        <header class="board-header">
            <h1 translate="no">{title}</h1>
            <p class="respondents">{move || feed.answered()}</p>
            <p class="live-status" data-status=move || feed.live.get().name() role="status">
                {move || feed.status_line()}
            </p>
            {move || feed.refusal.get().map(|why| view! { <p class="live-refused" role="alert">{why}</p> })}
        </header>
    }
}

/// Links to compare and trends (once there is more than one round or any
/// group), to the gaps (once the matrix has roles), and the matrix's
/// description.
pub fn board_links(feed: BoardFeed, grouped: bool) -> impl IntoView {
    let board = feed.board();
    let (compare_url, trends_url) = (format!("/b/{board}/compare"), format!("/b/{board}/trends"));
    let gaps_url = format!("/b/{board}/gaps");
    let description = move || feed.matrix.with(|m| m.description.clone());
    view! {
        {move || (grouped || feed.stats.with(|s| s.round > 1)).then(|| view! {
            <p class="compare-link">
                <a href=compare_url.clone()>{say(Say::CompareLink)}</a>
                " · "
                <a href=trends_url.clone()>{say(Say::TrendsLink)}</a>
            </p>
        })}
        {move || feed.matrix.with(|m| !m.roles.is_empty()).then(|| view! {
            <p class="compare-link">
                <a href=gaps_url.clone()>{say(Say::GapsLink)}</a>
            </p>
        })}
        {move || (!description().is_empty()).then(|| view! {
            <p class="matrix-description" translate="no">{description}</p>
        })}
    }
}

/// Why figures are hidden or answers refused, as that changes.
pub fn board_notices(feed: BoardFeed) -> impl IntoView {
    view! {
        {move || feed.stats.with(|s| s.withheld).then(|| view! {
            <p class="withheld-notice" role="status">{move || say(feed.stats.with(|s| s.reveal.hidden_note()))}</p>
        })}
        {move || feed.stats.with(|s| (s.closed, s.deleted)).0.then(|| {
            let (class, text) = match feed.stats.with(|s| s.deleted) {
                true => ("closed-notice deleted-notice", Say::DeletedNotice),
                false => ("closed-notice", Say::ClosedNotice),
            };
            view! { <p class=class role="status">{say(text)}</p> }
        })}
    }
}

/// One optional choice of where a person belongs (their group or role),
/// when the board offers any: `options` are (value, label); `picked` is
/// the value picked in `signal` (blank: none).
pub fn belonging_choice(
    (name, label, none): (&'static str, Say, Say),
    options: Vec<(String, String)>,
    picked: String,
    signal: RwSignal<String>,
) -> impl IntoView {
    (!options.is_empty()).then(|| {
        let options = options
            .into_iter()
            .map(
                |(value, label)| view! { <option selected=value == picked value=value translate="no">{label}</option> },
            )
            .collect_view();
        view! {
            <label class="group-choice">
                {say(label)}
                " "
                <select name=name on:change=move |ev| signal.set(event_target_value(&ev))>
                    <option value="" selected=picked.is_empty()>{say(none)}</option>
                    {options}
                </select>
            </label>
        }
    })
}
