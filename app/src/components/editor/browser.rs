//! What the editor needs from the browser itself: the draft kept in
//! `localStorage`, moving focus to a field just added, reading an imported
//! file and handing a file to download. Browser-only (`hydrate`); the server
//! renders the editor without any of it.

use crate::matrix::Matrix;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Where a draft is kept: one per board being edited, one for a new board.
pub fn draft_key(board: Option<&str>) -> String {
    match board {
        Some(board) => format!("tally.draft.{board}"),
        None => "tally.draft.new".into(),
    }
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

pub fn load_draft(key: &str) -> Option<Matrix> {
    let text = storage()?.get_item(key).ok()??;
    serde_json::from_str(&text).ok()
}

/// Keeps the draft; a full or disabled storage just means no draft.
pub fn save_draft(key: &str, matrix: &Matrix) {
    if let (Some(storage), Ok(text)) = (storage(), serde_json::to_string(matrix)) {
        let _ = storage.set_item(key, &text);
    }
}

pub fn clear_draft(key: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(key);
    }
}

/// Focuses the element with `id` once the next frame has drawn it.
pub fn focus_soon(id: String) {
    request_animation_frame(move || {
        let element = document().get_element_by_id(&id);
        if let Some(element) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = element.focus();
        }
    });
}

/// The bytes of the file chosen in a file input, with its name.
pub async fn chosen_file(event: &web_sys::Event) -> Option<(String, Vec<u8>)> {
    let input = event.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
    let file = input.files()?.get(0)?;
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await.ok()?;
    input.set_value("");
    Some((file.name(), js_sys::Uint8Array::new(&buffer).to_vec()))
}

/// Hands `bytes` to the browser as a file called `name`.
pub fn download(name: &str, bytes: &[u8], mime: &str) {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Some(link) =
        document().create_element("a").ok().and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        link.set_href(&url);
        link.set_download(name);
        link.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}
