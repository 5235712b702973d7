//! The page shown instead of one that cannot be shown: an unknown board,
//! figures not shown yet, or anything else that went wrong. It says so in a
//! heading, gives the reason, and offers the way back.

use crate::error::TallyError;
use leptos::prelude::*;
use leptos_meta::Title;

/// `board`: the board the page belongs to, for the way back.
pub fn unavailable(board: &str, error: &TallyError) -> impl IntoView {
    // The heading is one of ours, never the visitor's text: nothing to clean.
    view! {
        <Title text=format!("{} · Tally", heading(error))/>
        {reason(board, error)}
    }
}

/// The page's body without its title: for an island, which may replace it
/// with the figures (the admin's tab) and must not take the title with it.
pub fn reason(board: &str, error: &TallyError) -> impl IntoView {
    let (back, back_text) = match error {
        TallyError::UnknownBoard(_)
        | TallyError::NotAdmitted(_)
        | TallyError::UnknownInvitation(_)
        | TallyError::RevokedInvitation => ("/".to_string(), "Go to the home page"),
        _ => (format!("/b/{board}"), "Back to the board"),
    };
    view! {
        <section class="unavailable">
            <h1>{heading(error)}</h1>
            <p role="alert">{error.to_string()}</p>
            <p><a href=back>{back_text}</a></p>
        </section>
    }
}

fn heading(error: &TallyError) -> &'static str {
    match error {
        TallyError::UnknownBoard(_) => "There is no such board",
        TallyError::Forbidden(_) => "These figures are not shown yet",
        TallyError::NotAdmitted(refusal) => crate::access::kept_out_heading(refusal),
        TallyError::UnknownInvitation(_) | TallyError::RevokedInvitation => "This invitation link does not work",
        _ => "This page cannot be shown",
    }
}

/// A page that waits for figures the board hides still works: it shows
/// them live once they are revealed (and at once to the admin). It answers
/// 200, not the 403 its figures' server function set.
pub fn waiting_is_fine() {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(axum::http::StatusCode::OK);
    }
}
