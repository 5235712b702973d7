//! Where the board is found: its share link as an absolute address, and
//! the admin link, each with a copy button. (The join code, to read out in
//! a room, is on the presenter screen beside the QR code.) The admin link
//! is never shown, only copied, so it stays off any screen the admin shares.

use leptos::prelude::*;

pub fn share_links(board: &str, key: &str) -> impl IntoView {
    let origin = window().location().origin().unwrap_or_default();
    let share = format!("{origin}/b/{board}");
    let admin = format!("{origin}/b/{board}#admin={key}");
    view! {
        <div class="share">
            <label class="share-link">
                "Share the board "
                <input type="text" readonly value=share.clone()/>
            </label>
            {copy_button("Copy the board's link", share)}
            <p class="warning">
                "Keep the admin link somewhere safe: it is the only way to manage this board, and a lost one cannot be recovered. "
                "It is not shown here, so it stays off screens you share."
            </p>
            {copy_button("Copy the admin link", admin)}
        </div>
    }
}

/// A button that puts `text` on the clipboard and says whether it did.
pub(super) fn copy_button(label: impl Into<String>, text: String) -> impl IntoView {
    let label = label.into();
    let said = RwSignal::new(String::new());
    let copy = move |_| {
        let text = text.clone();
        leptos::task::spawn_local(async move {
            let written = window().navigator().clipboard().write_text(&text);
            let outcome = wasm_bindgen_futures::JsFuture::from(written).await;
            said.set(match outcome {
                Ok(_) => "Copied.".to_string(),
                Err(_) => "This browser did not allow copying; select the address and copy it.".to_string(),
            });
        });
    };
    view! {
        <button type="button" class="copy" on:click=copy>{label}</button>
        <span class="copied" role="status">{move || said.get()}</span>
    }
}
