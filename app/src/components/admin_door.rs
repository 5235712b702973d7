//! A board open to invited people only, as its admin opens it. The server
//! refuses the page to anyone it cannot tell is invited, and the admin's
//! key travels in the address's fragment, which browsers never send: so the
//! refusal carries this island, which looks for the key in the browser and,
//! finding one, asks for the board with it and shows it, admin controls
//! included. Everyone else keeps seeing the refusal.

use crate::components::matrix_form::MatrixForm;
use crate::error::TallyError;
use crate::page_data::BoardPageData;
use leptos::prelude::*;

/// `refusal`: why the server kept the visitor out (the way in, in words).
#[island]
pub fn AdminDoor(board: String, refusal: String) -> impl IntoView {
    let loaded = loaded_as_admin(&board);
    let refused = TallyError::NotAdmitted(refusal);
    move || match loaded.get() {
        Some(view) => view! { <MatrixForm view mine=Vec::new()/> }.into_any(),
        None => super::unavailable::reason(&board, &refused).into_any(),
    }
}

/// The board as its admin sees it, once loaded with the key this tab holds
/// for it; stays `None` without one (or in a server render).
pub fn loaded_as_admin(board: &str) -> RwSignal<Option<BoardPageData>> {
    let loaded = RwSignal::new(None);
    #[cfg(feature = "hydrate")]
    if let Some(key) = super::admin_key::admin_key(board) {
        let board = board.to_string();
        leptos::task::spawn_local(async move {
            if let Ok(view) = crate::server_fns::load_board(board, key).await {
                loaded.set(Some(view));
            }
        });
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = board;
    loaded
}
