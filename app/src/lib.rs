//! Tally: a live competency matrix.
//!
//! What compiles to the browser and what stays on the server is one line
//! below: [`backend`] is server-only; everything else compiles on both
//! sides, but pages are islands (Leptos' `islands` mode): the server renders
//! every page, and the browser runs only the parts marked `#[island]` (the
//! board's form, the editor, the live compare, trends and presenter views),
//! with the data the server hands each one. What no island uses never
//! reaches the browser's bundle; islands marked `lazy` come in files of
//! their own, loaded by the pages that have them.
//!
//! The path of one submission, by module:
//!
//! * [`components::matrix_form`] — the form people fill in, an island;
//! * [`server_fns`] — the page's door: the `submit_answers` server function;
//! * `backend::use_cases` — who the respondent is, the limits, then the
//!   engine; the JSON API (`server/src/api/`) is the other door onto it;
//! * `backend::engine` — validates ([`answers`]), queues and group-commits
//!   submissions, then publishes a new [`stats::Stats`] snapshot per board;
//! * `backend::store` — the durable SQLite file (or PostgreSQL) underneath,
//!   and the batch plan, the one place counts change;
//! * `server/src/live` — pushes each new snapshot over WebSockets, encoded
//!   once per version and shared by every connection;
//! * [`live_client`] — the browser's socket, feeding [`board_feed`], the
//!   one live model every page reads;
//! * [`components::competency_row`] — the cells, their shading and the
//!   popovers that show each snapshot's figures.
//!
//! Content lives in [`matrix`] (the shape of a competency matrix and its
//! rules; each board keeps its own, started from a TOML template that
//! `backend::catalog` loads, or written by the board's creator);
//! [`rounds`] and [`groups`] hold what a board's rounds and groups are
//! (a group's figures are withheld below its anonymity threshold);
//! [`gaps`] holds where a role's respondents stand against what it expects;
//! [`plain_text`] says which characters no typed text may hold;
//! [`join_code`] is the short code people type to reach a board;
//! [`access`] says who may answer a board and [`my_boards`] what a
//! signed-in person owns and answered;
//! [`i18n`] gives every string a person reads in their language;
//! [`error::TallyError`] is the one error type,
//! with the HTTP status of each failure.
//!
//! The backend lives in this crate, not a crate of its own, so the server
//! functions can call it directly and the workspace keeps the shape
//! cargo-leptos expects (`app`, `frontend`, `server`).

// The form's view type nests deeply; builds without cargo-leptos' debug
// type erasure (release builds, plain `cargo build`) need the extra room.
#![recursion_limit = "256"]

pub mod access;
pub mod answers;
pub mod audit;
pub mod board_feed;
pub mod comparison;
pub mod components;
pub mod error;
pub mod gaps;
pub mod groups;
pub mod i18n;
pub mod join_code;
pub mod live_client;
pub mod live_message;
pub mod matrix;
pub mod my_boards;
pub mod page_data;
pub mod plain_text;
pub mod reveal;
pub mod rounds;
pub mod server_fns;
pub mod stats;
pub mod time_text;
pub mod webhooks;

#[cfg(feature = "ssr")]
pub mod backend;

#[cfg(feature = "ssr")]
pub use components::app::shell;
pub use components::app::App;

/// The board served at `/`, created on first start.
pub const DEFAULT_BOARD: &str = "default";
