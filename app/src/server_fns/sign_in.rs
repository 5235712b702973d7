//! Signing in and out, for the pages at `/auth/…` and the account bar.

use crate::error::TallyError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What the account bar shows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountState {
    /// Whether this server offers sign-in at all.
    pub offered: bool,
    /// Whom the visitor is signed in as (their name, else their address,
    /// else "your account"), if they are.
    pub who: Option<String>,
}

/// Served at `/api/start_sign_in`: the provider's address to send the
/// browser to; `return_to` (a path on this site) is where it comes back to.
#[server(endpoint = "start_sign_in")]
pub async fn start_sign_in(#[server(default)] return_to: String) -> Result<String, TallyError> {
    crate::backend::context::run(None, |door| async move {
        door.tally.start_sign_in(&door.caller, &return_path(&return_to)).await
    })
    .await
}

/// Served at `/api/finish_sign_in`, by the page the provider sends people
/// back to: signs the browser in (a cookie) and answers where to go.
#[server(endpoint = "finish_sign_in")]
pub async fn finish_sign_in(state: String, code: String) -> Result<String, TallyError> {
    crate::backend::context::run(None, |door| async move {
        let (cookie, return_to) = door.tally.finish_sign_in(&door.caller, &state, &code).await?;
        crate::backend::context::add_header(axum::http::header::SET_COOKIE, cookie);
        Ok(return_path(&return_to))
    })
    .await
}

/// Served at `/api/sign_out`: ends the session on every device it was
/// used on (it is one session per sign-in, kept by the server).
#[server(endpoint = "sign_out")]
pub async fn sign_out() -> Result<(), TallyError> {
    crate::backend::context::run(None, |door| async move {
        let cookie = door.tally.sign_out(&door.caller).await?;
        crate::backend::context::add_header(axum::http::header::SET_COOKIE, cookie);
        Ok(())
    })
    .await
}

/// Served at `/api/signed_in`: whether sign-in is offered, and as whom the
/// visitor is signed in.
#[server(endpoint = "signed_in")]
pub async fn signed_in() -> Result<AccountState, TallyError> {
    crate::backend::context::run(None, |door| async move {
        let account = door.tally.account(&door.caller).await?;
        let who = account.map(|a| match (a.name.is_empty(), a.email.is_empty()) {
            (false, _) => a.name,
            (true, false) => a.email,
            (true, true) => "your account".to_string(),
        });
        Ok(AccountState { offered: door.tally.offers_sign_in(), who })
    })
    .await
}

/// `path` as a path on this site, whatever was sent: one leading slash
/// (`//host` would leave the site), visible ASCII only (a header value).
#[cfg(feature = "ssr")]
fn return_path(path: &str) -> String {
    let visible: String = path.chars().filter(|c| c.is_ascii_graphic()).take(300).collect();
    crate::backend::local_path::on_this_site(&visible)
}

/// Served at `/api/load_my_boards`: the boards the signed-in visitor owns
/// (each with a link that manages it) and answered.
#[server(endpoint = "load_my_boards")]
pub async fn load_my_boards() -> Result<crate::my_boards::MyBoards, TallyError> {
    crate::backend::context::run(None, |door| async move { door.tally.my_boards(&door.caller).await }).await
}

/// Served at `/api/load_owners`: the board's owners (`None` on a server
/// without sign-in, where boards have none).
#[server(endpoint = "load_owners")]
pub async fn load_owners(board: String, key: String) -> Result<Option<Vec<crate::my_boards::Owner>>, TallyError> {
    crate::backend::context::run(Some(key), |door| async move {
        match door.tally.offers_sign_in() {
            true => door.tally.owners(&door.caller, &board).await.map(Some),
            false => Ok(None),
        }
    })
    .await
}

/// Served at `/api/change_owner`: adds (`add`) or removes an owner by
/// email; the owners after the change.
#[server(endpoint = "change_owner")]
pub async fn change_owner(
    board: String,
    key: String,
    email: String,
    add: bool,
) -> Result<Vec<crate::my_boards::Owner>, TallyError> {
    crate::backend::context::run(Some(key), |door| async move {
        match add {
            true => door.tally.add_owner(&door.caller, &board, &email).await,
            false => door.tally.remove_owner(&door.caller, &board, &email).await,
        }
    })
    .await
}
