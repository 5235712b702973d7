//! The browser entry point: cargo-leptos compiles this crate to wasm. Pages
//! are server-rendered HTML with islands, the parts that change in the
//! browser (`#[island]` in `app`); the page's loader (`app::backend::assets`)
//! calls [`hydrate`] once, then each island's own entry point, which `app`
//! exports, with the island's element. Code outside the islands never
//! reaches the browser; islands marked `lazy` load from their own file when
//! a page has them.

// `app` is linked only for the islands' entry points it exports.
extern crate app;

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
