//! The page, from the outside in: `app` (document shell and routes) →
//! `home_page` (what Tally is, start, join, your boards; above the default
//! board) → `board_page` (loads one board) → `matrix_form` (the form and
//! its submit action) → `competency_row` (one row of cells with shading
//! and popovers). Beside them: `start_page` (starting a board), `join_page`
//! (joining one by its code), `admin_panel` (closing,
//! reopening and exporting it, for whoever holds the admin link) and
//! `editor` (writing a matrix of one's own, or editing a board's) and
//! `compare_page` (two rounds or two groups side by side), `trends_page`
//! (every round, charted), `gaps_page` (a role's people against what it
//! expects) and `present_page` (the projector's screen);
//! `sign_in_pages` (to the identity provider and back, and the account bar);
//! `language_switcher` (every page, in every offered language).
//!
//! Pages are server components: they read the address, fetch what they
//! show and render it. The parts that change in the browser are islands
//! (`#[island]`), handed that data as their props: `matrix_form::MatrixForm`
//! on the board page, and, each in a wasm file of
//! its own (`#[island(lazy)]`), the editor's two, the live comparison, the
//! live trends, the live gaps and the presenter. Components an island uses (a row, the
//! admin panel, the legend) run inside it.

#[cfg(feature = "hydrate")]
pub mod admin_controls;
pub mod admin_door;
pub mod admin_key;
pub mod admin_panel;
pub mod admin_words;
pub mod app;
pub mod board_page;
pub mod compare_page;
pub mod competency_row;
pub mod confirm;
pub mod editor;
pub mod gaps_page;
pub mod home_page;
pub mod invitation_page;
pub mod join_page;
pub mod language_switcher;
pub mod legend;
pub mod matrix_form;
pub mod my_boards_page;
pub mod my_progress;
pub mod present_page;
pub mod sign_in_pages;
pub mod start_page;
pub mod trends_page;
pub mod unavailable;
