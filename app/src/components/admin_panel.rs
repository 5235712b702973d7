//! The admin's controls, shown when the page is opened through the admin
//! link (`/b/<board>#admin=<key>`): close or reopen the board, choose when
//! the figures are shown and reveal or hide them, start the next round,
//! edit its matrix and download its aggregates. The key comes in the
//! address's fragment, which browsers never send to a server, so it is read
//! in the browser (then kept out of sight: see `admin_key`) and sent only
//! with the admin's own requests.

use crate::board_feed::BoardFeed;
use leptos::prelude::*;

/// The admin key is added to the feed's live credentials, so the admin sees
/// figures the board hides. The presenter's feed takes none: a projector
/// shows what the room may see, not what the admin may.
///
/// Only a board's admin needs the controls, so their code is not in the
/// page's bundle: what renders here is an empty place, and once the key is
/// found in the address the controls load from a wasm file of their own
/// (`#[lazy]`, in split builds) and are mounted into it.
#[component]
pub fn AdminPanel(feed: BoardFeed) -> impl IntoView {
    let place = NodeRef::<leptos::html::Div>::new();
    // Effects run only in the browser; the server renders the empty place.
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        let Some(place) = place.get() else { return };
        let Some(key) = super::admin_key::admin_key(&feed.board()) else { return };
        feed.add_credential(crate::live_message::ClientMessage::Admin(key.clone()));
        leptos::task::spawn_local(mount_controls(place, feed, key));
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = feed;
    view! { <div class="admin-place" node_ref=place></div> }
}

/// Loads the controls' code (in split builds; see the `split` feature),
/// then shows them in `place`.
#[cfg(feature = "hydrate")]
#[cfg_attr(feature = "split", lazy)]
async fn mount_controls(place: leptos::web_sys::HtmlDivElement, feed: BoardFeed, key: String) {
    crate::server_fns::words::learn_section(crate::i18n::Section::Admin).await;
    let board = feed.board();
    let controls = move || view! { <super::admin_controls::AdminControls board key feed/> };
    leptos::mount::mount_to(place.into(), controls).forget();
}
