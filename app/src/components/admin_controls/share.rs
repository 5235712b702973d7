//! Where the board is found: its share link as an absolute address, and
//! the admin link, each with a copy button. (The join code, to read out in
//! a room, is on the presenter screen beside the QR code.) The admin link
//! is never shown, only copied, so it stays off any screen the admin shares.

use crate::i18n::{say, Say};
use leptos::prelude::*;

pub fn share_links(board: &str, key: &str) -> impl IntoView {
    let origin = window().location().origin().unwrap_or_default();
    let share = format!("{origin}/b/{board}");
    let admin = format!("{origin}/b/{board}#admin={key}");
    view! {
        <div class="share">
            <label class="share-link">
                {say(Say::ShareBoard)}
                " "
                <input type="text" readonly value=share.clone()/>
            </label>
            {copy_button(say(Say::ShareCopyBoard), share)}
            <p class="warning">{say(Say::ShareKeepAdmin)}</p>
            {copy_button(say(Say::ShareCopyAdmin), admin)}
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
                Ok(_) => say(Say::Copied),
                Err(_) => say(Say::CopyRefused),
            });
        });
    };
    view! {
        <button type="button" class="copy" on:click=copy>{label}</button>
        <span class="copied" role="status">{move || said.get()}</span>
    }
}
