//! The admin panel's audit trail and deletion: what `…/audit` and
//! `DELETE /api/boards/{board}` in the JSON API do, for the page's door.

use crate::audit::AuditEntry;
use crate::error::TallyError;
use leptos::prelude::*;

/// Served at `/api/load_audit`: the board's newest admin actions.
#[server(endpoint = "load_audit")]
pub async fn load_audit(board: String, key: String) -> Result<Vec<AuditEntry>, TallyError> {
    crate::backend::context::run(Some(key), |door| async move { door.tally.audit_trail(&door.caller, &board).await })
        .await
}

/// Served at `/api/delete_board`: deletes the board for good.
#[server(endpoint = "delete_board")]
pub async fn delete_board(board: String, key: String) -> Result<(), TallyError> {
    crate::backend::context::run(Some(key), |door| async move { door.tally.delete_board(&door.caller, &board).await })
        .await
}
