//! The admin's controls themselves (see `admin_panel`), built in the browser
//! only: they load from a wasm file of their own once the page finds the
//! admin key in its address, so the server never renders them. They do
//! everything the admin API does (docs/API.md, "Board admin"); a browser
//! test holds the two lists together.

mod access_choice;
mod audit;
mod delete_board;
mod downloads;
mod groups;
mod next_round;
mod owners;
mod people;
mod reloader;
mod reveal;
mod share;
mod webhooks;

use crate::board_feed::BoardFeed;
use crate::i18n::{say, Say};
use crate::server_fns::{SetBoardClosed, SetReveal};
use downloads::download;
use groups::GroupControls;
use leptos::prelude::*;
use next_round::NextRound;
use people::PeopleControls;
use reveal::RevealControls;
use share::share_links;

/// On the presenter (a room view: its feed sends no credentials) the
/// figures stay what the room may see.
#[component]
pub fn AdminControls(board: String, key: String, feed: BoardFeed) -> impl IntoView {
    let stats = feed.stats;
    let closing = ServerAction::<SetBoardClosed>::new();
    Effect::new(move |_| {
        if let Some(Ok(updated)) = closing.value().get() {
            // The reply is the admin's, figures included; the presenter keeps the room's view.
            let withheld = feed.room && !updated.reveal.public();
            feed.offer(if withheld { updated.withheld() } else { updated });
        }
    });
    let reveal = ServerAction::<SetReveal>::new();
    let error = move || match (closing.value().get(), reveal.value().get()) {
        (Some(Err(e)), _) | (_, Some(Err(e))) => Some(super::admin_words::said(&e)),
        _ => None,
    };
    let toggle = {
        let (board, key) = (board.clone(), key.clone());
        move |_| {
            let closed = !stats.with_untracked(|s| s.closed);
            closing.dispatch(SetBoardClosed { board: board.clone(), key: key.clone(), closed });
        }
    };
    view! {
        <section class="admin-panel" aria-label=say(Say::AdminLabel)>
            <h2>{say(Say::AdminHeading)}</h2>
            {share_links(&board, &key)}
            <nav class="admin-links" aria-label=say(Say::AdminPages)>
                <a href=format!("/b/{board}/present")>{say(Say::AdminPresent)}</a>
                <a href=format!("/b/{board}/compare")>{say(Say::AdminCompare)}</a>
                <a href=format!("/b/{board}/trends")>{say(Say::AdminTrends)}</a>
                <a href=format!("/b/{board}/edit")>{say(Say::AdminEdit)}</a>
            </nav>
            <button type="button" class="toggle-closed" on:click=toggle>
                {move || say(if stats.with(|s| s.closed) { Say::AdminReopen } else { Say::AdminClose })}
            </button>
            <RevealControls board=board.clone() key=key.clone() stats reveal/>
            <GroupControls board=board.clone() key=key.clone()/>
            <PeopleControls board=board.clone() key=key.clone() feed/>
            <owners::OwnerControls board=board.clone() key=key.clone()/>
            <NextRound board=board.clone() key=key.clone() feed/>
            <webhooks::WebhookControls board=board.clone() key=key.clone()/>
            <div class="downloads">
                {download(&board, &key, "csv", "CSV")}
                {download(&board, &key, "json", "JSON")}
            </div>
            <p class="error" role="alert">{error}</p>
            <audit::AuditTrail board=board.clone() key=key.clone()/>
            <delete_board::DeleteBoardControls board key feed/>
        </section>
    }
}
