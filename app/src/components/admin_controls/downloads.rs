//! The admin's downloads (the board's aggregates as CSV or JSON, its audit
//! trail), posted as a form so a plain download carries the admin key,
//! which the page's markup never holds.

use crate::i18n::{say_with, Say};
use leptos::prelude::*;

/// A button that downloads the board's aggregates in `format`.
pub fn download(board: &str, key: &str, format: &'static str, name: &'static str) -> impl IntoView {
    let action = format!("/api/boards/{board}/export/{format}");
    download_form(action, key, say_with(Say::AdminDownload, &[("format", name.into())]))
}

/// A button, labelled `text`, that posts the admin key to `action` and
/// saves what comes back.
pub fn download_form(action: String, key: &str, text: String) -> impl IntoView {
    view! {
        <form method="post" action=action on:submit=key_as_sent(key.to_string())>
            <button type="submit">{text}</button>
        </form>
    }
}

/// A download form's submit handler that adds the admin key as the form is
/// sent and takes it out again at the next frame: the browser reads the
/// form's fields after this handler, so the request carries the key, while
/// the page's markup never holds it (see `admin_key`).
fn key_as_sent(key: String) -> impl Fn(leptos::ev::SubmitEvent) + Clone + 'static {
    use wasm_bindgen::JsCast;
    move |ev| {
        let form = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok());
        let input = document().create_element("input").ok().map(|e| e.unchecked_into::<web_sys::HtmlInputElement>());
        let (Some(form), Some(input)) = (form, input) else { return };
        input.set_type("hidden");
        input.set_name("key");
        input.set_value(&key);
        if form.append_child(&input).is_ok() {
            request_animation_frame(move || input.remove());
        }
    }
}
