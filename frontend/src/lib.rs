//! The browser entry point: cargo-leptos compiles this crate to wasm and the
//! page's hydration script calls [`hydrate`], which attaches Leptos' reactive
//! system to the HTML the server already rendered.

// The page's view types nest deeply, and a release build (without
// cargo-leptos' debug type erasure) resolves them all here.
#![recursion_limit = "256"]

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(app::App);
}
