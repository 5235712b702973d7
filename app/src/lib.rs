//! Tally: a live competency matrix.
//!
//! The path of one submission, by module:
//!
//! * [`components::matrix_form`] — the form people fill in, and the
//!   `submit_answers` server function it posts to;
//! * [`answers`] — the rules a submission must satisfy;
//! * `engine` (server only) — validates, queues and group-commits
//!   submissions, then publishes a new [`stats::Stats`] snapshot per board;
//! * `store` (server only) — the durable SQLite file underneath;
//! * `server/src/live` — pushes each new snapshot over WebSockets, encoded
//!   once per version and shared by every connection;
//! * [`live_client`] — the browser's socket, feeding the page's signals;
//! * [`components::competency_row`] — the cells, their shading and the
//!   popovers that show each snapshot's figures.
//!
//! Content lives in [`matrix`] (the shape of a competency matrix, loaded from
//! TOML by `catalog`); [`error::TallyError`] is the one error type, with the
//! HTTP status of each failure.
//!
//! Everything runs on the server (SSR) and again in the browser (hydration),
//! except the modules behind the `ssr` feature.

// The form's view type nests deeply; builds without cargo-leptos' debug
// type erasure (release builds, plain `cargo build`) need the extra room.
#![recursion_limit = "256"]

pub mod answers;
pub mod components;
pub mod error;
pub mod live_client;
pub mod live_message;
pub mod matrix;
pub mod stats;
pub mod submission_body;
pub mod time_text;

#[cfg(feature = "ssr")]
pub mod admin_key;
#[cfg(any(feature = "ssr", feature = "catalog"))]
pub mod catalog;
#[cfg(feature = "ssr")]
mod content_policy;
#[cfg(feature = "ssr")]
pub mod engine;
#[cfg(feature = "ssr")]
pub mod metrics;
#[cfg(feature = "ssr")]
pub mod rate_limit;
#[cfg(feature = "ssr")]
pub mod respondent;
#[cfg(feature = "ssr")]
mod server_context;
#[cfg(feature = "ssr")]
pub mod store;

pub use components::app::{shell, App};

/// The board served at `/`, created on first start.
pub const DEFAULT_BOARD: &str = "default";
