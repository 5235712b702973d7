//! The server's integration tests, one binary (one link step, however many
//! files): each module starts the real binary on 127.0.0.1 and talks to it
//! as clients do. `common` starts servers and offers typed calls.

mod common;

mod admin;
mod api;
mod backups;
mod boards;
mod boards_on_demand;
mod caching;
mod compression;
mod custom_matrices;
mod deletion;
mod doors;
mod durability;
mod form_errors;
mod gaps;
mod groups;
mod health;
mod invitations;
mod languages;
mod limits;
mod live;
mod live_channels;
mod matrix_edits;
mod matrix_languages;
mod openapi;
mod owners;
mod postgres_timeouts;
mod postgres_tls;
mod qr_code;
mod respondents;
mod reveal;
mod rolling_restart;
mod rounds;
mod scale_out;
mod security;
mod shutdown;
mod sign_in;
mod slow_client;
mod spreadsheets;
mod start_and_join;
mod startup;
mod threads;
mod webhooks;
