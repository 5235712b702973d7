//! The page shown instead of one that cannot be shown: an unknown board,
//! figures not shown yet, or anything else that went wrong. It says so in a
//! heading, gives the reason, and offers the way back.

use crate::error::TallyError;
use crate::i18n::{say, say_with, Say};
use leptos::prelude::*;
use leptos_meta::Title;

/// `board`: the board the page belongs to, for the way back.
pub fn unavailable(board: &str, error: &TallyError) -> impl IntoView {
    // The heading is one of ours, never the visitor's text: nothing to clean.
    view! {
        <Title text=format!("{} · Tally", say(heading(error)))/>
        {reason(board, error)}
    }
}

/// The page's body without its title: for an island, which may replace it
/// with the figures (the admin's tab) and must not take the title with it.
/// An island that calls this learns [`Section::Refusal`](crate::i18n::Section).
pub fn reason(board: &str, error: &TallyError) -> impl IntoView {
    let (back, back_text) = match error {
        TallyError::UnknownBoard(_)
        | TallyError::BoardDeleted(_)
        | TallyError::NotAdmitted(_)
        | TallyError::UnknownInvitation(_)
        | TallyError::RevokedInvitation => ("/".to_string(), Say::RefusedGoHome),
        _ => (format!("/b/{board}"), Say::RefusedBack),
    };
    view! {
        <section class="unavailable">
            <h1>{say(heading(error))}</h1>
            <p role="alert">{why(error)}</p>
            <p><a href=back>{say(back_text)}</a></p>
        </section>
    }
}

fn heading(error: &TallyError) -> Say {
    match error {
        TallyError::UnknownBoard(_) => Say::RefusedNoBoard,
        TallyError::BoardDeleted(_) => Say::RefusedDeletedBoard,
        TallyError::Forbidden(_) => Say::RefusedHidden,
        TallyError::NotAdmitted(refusal) => crate::access::kept_out_heading(refusal),
        TallyError::UnknownInvitation(_) | TallyError::RevokedInvitation => Say::RefusedInvitation,
        _ => Say::RefusedOther,
    }
}

/// The reason, in the page's language where people meet it; other errors
/// say what the server said (their words come from the server, already in
/// the page's language where it words them).
fn why(error: &TallyError) -> String {
    match error {
        TallyError::UnknownBoard(board) => say_with(Say::RefusedUnknownBoard, &[("board", board.as_str().into())]),
        TallyError::BoardDeleted(_) => say(Say::RefusedBoardDeletedWhy),
        TallyError::UnknownInvitation(_) => say(Say::RefusedUnknownInvitation),
        TallyError::RevokedInvitation => say(Say::RefusedRevokedInvitation),
        other => other.to_string(),
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
