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

/// Room for wasm-split (see `scripts/check_split.sh`): splitting lays each
/// part's data out again, padding each part to the segment's alignment,
/// and when that comes out longer than the linker's layout it keeps *all*
/// data in the main file. These bytes are kept by the linker but used by
/// no code, so the split leaves them out, and the parts' padding fits in
/// the room they free (one in read-only data, one in mutable data).
#[cfg(feature = "split")]
#[used]
static SPLIT_ROOM_READ_ONLY: [u8; 1024] = [0x5a; 1024];
#[cfg(feature = "split")]
#[used]
static mut SPLIT_ROOM_MUTABLE: [u8; 1024] = [0x5a; 1024];
