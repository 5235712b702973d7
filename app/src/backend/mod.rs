//! Everything the browser never sees: the use cases both doors call, and
//! what they stand on.
//!
//! * [`use_cases`] — each thing a person or program can ask, written once;
//! * [`context`] — what a server function takes from its request;
//! * [`http_error`] — how an error goes over HTTP, for every door;
//! * [`engine`] — group commit and the published snapshots;
//! * [`store`] — SQLite or PostgreSQL, the migrations and the batch plan;
//! * [`limits`] — abuse limits; [`client_addr`] — whom they count;
//!   [`local_path`] — where redirects may go;
//!   [`respondent`] — who answered; [`signer`] — what only this server
//!   can sign; [`site_cookie`] — the cookies it sets;
//!   [`admin_key`] — who administers a board; [`oidc`] — signing in with
//!   an OpenID Connect provider; [`suppression`] — which
//!   groups' figures may be shown;
//! * [`retention`] — deleting idle boards and old rounds, when set;
//! * [`catalog`] — the template files; [`export`] — an admin's download;
//!   [`qr_code`] — the QR code people scan to join a board;
//!   [`your_boards`] — the boards a browser created or answered;
//! * [`metrics`] — what `/metrics` shows; [`content_policy`] — the page's
//!   CSP; [`assets`] — the build's front-end files and how a page loads
//!   them; [`submission_body`], [`matrix_body`] — the JSON clients send.

pub mod admin_key;
pub mod assets;
pub mod catalog;
pub mod client_addr;
pub mod content_policy;
pub mod context;
pub mod engine;
pub mod export;
pub mod form_draft;
pub mod http_error;
pub mod invited;
pub mod limits;
pub mod local_path;
pub mod matrix_body;
pub mod matrix_file;
pub mod metrics;
pub mod oidc;
pub mod people_list;
pub mod qr_code;
pub mod respondent;
pub mod retention;
pub mod signer;
pub mod site_cookie;
pub mod spreadsheet;
pub mod store;
pub mod submission_body;
pub mod suppression;
pub mod use_cases;
pub mod webhooks;
pub mod your_boards;
