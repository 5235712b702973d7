//! A board open to invited people only, as its admin opens it. The server
//! refuses the page to anyone it cannot tell is invited, and the admin's
//! key travels in the address's fragment, which browsers never send: so the
//! refusal carries this island, which looks for the key in the browser and,
//! finding one, asks for the board with it and shows it, admin controls
//! included. Everyone else keeps seeing the refusal.

use crate::access::kept_out_heading;
use crate::error::TallyError;
use crate::i18n::{learn, say, Phrasebook, Say};
use leptos::prelude::*;
use std::future::Future;

/// `refusal`: why the server kept the visitor out (the way in, in words).
/// Written out rather than through `unavailable::reason`, whose messages
/// would bring every error's text into its bundle.
// Lazy (a wasm file of its own) in split builds: only refusal pages carry it.
#[cfg_attr(feature = "split", island(lazy))]
#[cfg_attr(not(feature = "split"), island)]
///
/// `words`: what the board's form says, for when the admin opens it.
pub fn AdminDoor(board: String, refusal: String, words: Phrasebook) -> impl IntoView {
    learn(&words);
    let place = NodeRef::<leptos::html::Div>::new();
    let opened = RwSignal::new(false);
    // Effects run only in the browser; the server renders the refusal.
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        let Some(place) = place.get() else { return };
        let Some(key) = super::admin_key::admin_key(&board) else { return };
        let (board, words) = (board.clone(), words.clone());
        leptos::task::spawn_local(async move {
            if let Ok(view) = crate::server_fns::load_board(board, key, false).await {
                opened.set(true);
                mount_board(place, view, words).await;
            }
        });
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = (board, words);
    view! {
        <section class="unavailable" hidden=move || opened.get()>
            <h1>{say(kept_out_heading(&refusal))}</h1>
            <p role="alert">{refusal}</p>
            <p><a href="/">{say(Say::RefusedGoHome)}</a></p>
        </section>
        <div node_ref=place></div>
    }
}

/// Draws the board into `place`. Its code loads from a wasm file of its
/// own (in split builds): drawing the form from nothing, rather than
/// hydrating it, is code the board page's bundle would otherwise carry.
#[cfg(feature = "hydrate")]
#[cfg_attr(feature = "split", lazy)]
async fn mount_board(place: leptos::web_sys::HtmlDivElement, view: crate::page_data::BoardPageData, words: Phrasebook) {
    use crate::components::matrix_form::MatrixForm;
    leptos::mount::mount_to(place.into(), move || view! { <MatrixForm view mine=Vec::new() words/> }).forget();
}

/// What `load` gives for the board with the admin key this tab holds for
/// it, once loaded; stays `None` without a key (or in a server render).
/// For the lazy "door" islands of the editor and the presenter.
pub fn loaded_as_admin<T, Load, Fut>(board: &str, load: Load) -> RwSignal<Option<T>>
where
    T: Send + Sync + 'static,
    Load: FnOnce(String, String) -> Fut + 'static,
    Fut: Future<Output = Result<T, TallyError>> + 'static,
{
    let loaded = RwSignal::new(None);
    #[cfg(feature = "hydrate")]
    if let Some(key) = super::admin_key::admin_key(board) {
        let board = board.to_string();
        leptos::task::spawn_local(async move {
            if let Ok(value) = load(board, key).await {
                loaded.set(Some(value));
            }
        });
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (board, load);
    loaded
}
