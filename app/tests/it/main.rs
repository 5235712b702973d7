//! The engine's suites, one binary: each test is written once as a function
//! of the store and run on SQLite and on PostgreSQL (`on_both_backends!`).
//! `support` makes a fresh database per test; `use_case_support` holds the
//! helpers that call the use cases both doors call.

mod support;
mod use_case_support;

mod board_cache;
mod engine;
mod invitations;
mod matrix_edits;
mod migrations;
mod rounds;
