//! Where a tab keeps a board's admin key. The admin link carries it in the
//! address's fragment (`#admin=<key>`), which no browser sends to a server;
//! once read, it is wiped from the address bar, so it is not on screen for
//! anyone looking over a shoulder or at a shared screen, nor bookmarked or
//! copied with the address by accident. The tab keeps it in its session
//! storage, so a reload, or the editor opened from the controls, still
//! finds it; closing the tab forgets it, and the admin link brings it back.

#[cfg(feature = "hydrate")]
use leptos::prelude::*;

#[cfg(feature = "hydrate")]
fn slot(board: &str) -> String {
    format!("tally.admin.{board}")
}

/// The admin key this tab holds for `board`, taken from the address when
/// it carries one (and then wiped from it).
#[cfg(feature = "hydrate")]
pub fn admin_key(board: &str) -> Option<String> {
    let storage = window().session_storage().ok().flatten();
    let hash = window().location().hash().unwrap_or_default();
    match hash.strip_prefix("#admin=").filter(|k| !k.is_empty()) {
        Some(key) => {
            if let Some(storage) = &storage {
                let _ = storage.set_item(&slot(board), key);
            }
            let location = window().location();
            let bare = format!("{}{}", location.pathname().unwrap_or_default(), location.search().unwrap_or_default());
            let _ = window()
                .history()
                .and_then(|h| h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&bare)));
            Some(key.to_string())
        }
        None => storage?.get_item(&slot(board)).ok().flatten().filter(|k| !k.is_empty()),
    }
}

/// [`admin_key`] where a page may run on either side: in the browser, the
/// key this tab holds for `board` (empty without one); on the server, which
/// never sees one, empty.
pub fn held_key(board: &str) -> String {
    #[cfg(feature = "hydrate")]
    return admin_key(board).unwrap_or_default();
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = board;
        String::new()
    }
}
