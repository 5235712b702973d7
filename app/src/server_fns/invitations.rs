//! Who may answer a board, for the page: opening a personal link, and the
//! admin panel's access setting and invitation list (each with the key).

use crate::access::{AccessMode, InvitationList, IssuedLink};
use crate::error::TallyError;
use leptos::prelude::*;

/// Served at `/api/open_invitation`, by the page a personal link opens
/// (`/i/<token>`): makes this device that person on the board (a cookie)
/// and answers with the board's path.
#[server(endpoint = "open_invitation")]
pub async fn open_invitation(token: String) -> Result<String, TallyError> {
    crate::backend::context::run(None, |door| async move {
        let (board, cookie) = door.tally.open_invitation(&token, &door.request.headers).await?;
        crate::backend::context::add_header(axum::http::header::SET_COOKIE, cookie);
        Ok(format!("/b/{board}"))
    })
    .await
}

/// Served at `/api/set_access`: who may answer (`anyone`, `invited` or
/// `members`).
/// `domains`: for `members`, the email domains taken, separated by commas
/// or spaces (blank: any signed-in person).
#[server(endpoint = "set_access")]
pub async fn set_access(
    board: String,
    key: String,
    access: String,
    #[server(default)] domains: String,
) -> Result<AccessMode, TallyError> {
    crate::backend::context::run(Some(key), |door| async move {
        let mode = AccessMode::parse(&access).ok_or_else(|| {
            let shown: String = access.chars().take(20).collect();
            TallyError::BadRequest(format!("unknown access '{shown}' (use anyone, invited or members)"))
        })?;
        let domains = domains.split([',', ' ', '\n']).filter(|d| !d.trim().is_empty()).map(str::to_string).collect();
        door.tally.set_access(&door.caller, &board, mode, domains).await
    })
    .await
}

/// Served at `/api/load_invitations`: the invitations and who answered,
/// told in batches.
#[server(endpoint = "load_invitations")]
pub async fn load_invitations(board: String, key: String) -> Result<InvitationList, TallyError> {
    crate::backend::context::run(
        Some(key),
        |door| async move { door.tally.invitation_list(&door.caller, &board).await },
    )
    .await
}

/// Served at `/api/invite`: people, one per line (`name, email, group`),
/// or a CSV file's text; their personal links, shown this once.
#[server(endpoint = "invite")]
pub async fn invite(board: String, key: String, people: String) -> Result<Vec<IssuedLink>, TallyError> {
    crate::backend::context::run(Some(key), |door| async move {
        door.tally.invite(&door.caller, &board, &people, &door.request.headers).await
    })
    .await
}

/// Served at `/api/change_invitation`: `reissue` (a new link, shown this
/// once), `revoke` or `delete`.
#[server(endpoint = "change_invitation")]
pub async fn change_invitation(
    board: String,
    key: String,
    id: String,
    action: String,
) -> Result<Option<IssuedLink>, TallyError> {
    use crate::backend::use_cases::invitations::InvitationAction;
    crate::backend::context::run(Some(key), |door| async move {
        let action = match action.as_str() {
            "reissue" => InvitationAction::Reissue,
            "revoke" => InvitationAction::Revoke,
            "delete" => InvitationAction::Delete,
            _ => return Err(TallyError::BadRequest("unknown action (use reissue, revoke or delete)".into())),
        };
        door.tally.change_invitation(&door.caller, &board, &id, action, &door.request.headers).await
    })
    .await
}
