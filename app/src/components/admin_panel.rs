//! The admin's controls, shown when the page is opened through the admin
//! link (`/b/<board>#admin=<key>`): close or reopen the board, choose when
//! the figures are shown and reveal or hide them, start the next round,
//! edit its matrix and download its aggregates. The key comes in the
//! address's fragment, which browsers never send to a server, so it is read
//! in the browser (then kept out of sight: see `admin_key`) and sent only
//! with the admin's own requests.

use crate::live_message::ClientMessage;
use crate::stats::Stats;
use leptos::prelude::*;

/// `credentials`: the page's live credentials, to which the admin key is
/// added so the admin sees figures the board hides. The presenter passes
/// none: a projector shows what the room may see, not what the admin may.
///
/// Only a board's admin needs the controls, so their code is not in the
/// page's bundle: what renders here is an empty place, and once the key is
/// found in the address the controls load from a wasm file of their own
/// (`#[lazy]`, in split builds) and are mounted into it.
#[component]
pub fn AdminPanel(
    board: String,
    stats: RwSignal<Stats>,
    credentials: Option<RwSignal<Vec<ClientMessage>>>,
) -> impl IntoView {
    let place = NodeRef::<leptos::html::Div>::new();
    // Effects run only in the browser; the server renders the empty place.
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        let Some(place) = place.get() else { return };
        let Some(key) = super::admin_key::admin_key(&board) else { return };
        if let Some(credentials) = credentials {
            credentials.update(|all| all.push(ClientMessage::Admin(key.clone())));
        }
        let (board, room_view) = (board.clone(), credentials.is_none());
        leptos::task::spawn_local(mount_controls(place, board, key, stats, room_view));
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = (board, stats, credentials);
    view! { <div class="admin-place" node_ref=place></div> }
}

/// Loads the controls' code (in split builds; see the `split` feature),
/// then shows them in `place`.
#[cfg(feature = "hydrate")]
#[cfg_attr(feature = "split", lazy)]
async fn mount_controls(
    place: leptos::web_sys::HtmlDivElement,
    board: String,
    key: String,
    stats: RwSignal<Stats>,
    room_view: bool,
) {
    let controls = move || view! { <super::admin_controls::AdminControls board key stats room_view/> };
    leptos::mount::mount_to(place.into(), controls).forget();
}
