//! The audit trail: each admin action is recorded after it is done, with
//! the kind of credential that did it (the admin link, or an owner's
//! account by its email; never the key or pass itself), and the board's
//! admin can read it and download it. It never holds respondent data.

use super::admin::Download;
use super::{Caller, Tally};
use crate::audit::{AuditAction, AuditEntry, Credential};
use crate::backend::engine::{now, ServedBoard};
use crate::backend::metrics;
use crate::error::TallyError;
use crate::time_text::iso_utc;
use futures_util::stream;

/// Entries shown and listed by the API at most; the download has them all.
pub const SHOWN_ENTRIES: usize = 200;

/// Entries a download carries at most: years of a busy board's admin work.
const DOWNLOADED_ENTRIES: usize = 100_000;

impl Tally {
    /// Records that the caller did `action` to `board`. The action is done
    /// by then, so a failure to record it is logged (and counted as a
    /// database error), not returned.
    pub(super) async fn audit(&self, caller: &Caller, board: &ServedBoard, action: AuditAction, detail: String) {
        let by = self.credential(caller, &board.info.id).await;
        let entry = AuditEntry { at: now(), action, by, detail };
        if let Err(error) = self.engine.audit_trail().record(&board.info.id, entry).await {
            metrics::database_error();
            tracing::error!(board = %board.info.id, action = action.as_str(), %error, "could not record an admin action");
        }
    }

    /// Which credential the caller acts with: an owner's pass names its
    /// account, told by the email it owns the board with.
    pub(super) async fn credential(&self, caller: &Caller, board: &str) -> Credential {
        let key = caller.admin_key.as_deref().unwrap_or_default();
        if !super::owners::is_owner_pass(key) {
            return Credential::AdminLink;
        }
        let account = self.respondents.check_owner_pass(board, key, now()).unwrap_or_default();
        let owners = self.engine.owners().owners(board).await.unwrap_or_default();
        let email = owners.into_iter().find(|(_, owner)| *owner == account).map(|(email, _)| email);
        Credential::Owner { email: email.unwrap_or(account) }
    }

    /// The board's newest entries, newest first, for its admin.
    pub async fn audit_trail(&self, caller: &Caller, board: &str) -> Result<Vec<AuditEntry>, TallyError> {
        let served = self.authorize(caller, board).await?;
        self.engine.audit_trail().audit_trail(&served.info.id, SHOWN_ENTRIES).await
    }

    /// The whole trail as `csv` or `json`, oldest first.
    pub async fn audit_download(&self, caller: &Caller, board: &str, format: &str) -> Result<Download, TallyError> {
        let served = self.authorize(caller, board).await?;
        let (content_type, extension) = match format {
            "csv" => ("text/csv; charset=utf-8", "csv"),
            "json" => ("application/json", "json"),
            _ => {
                let shown: String = format.chars().take(20).collect();
                return Err(TallyError::BadRequest(format!("unknown audit format '{shown}' (use csv or json)")));
            }
        };
        let mut entries = self.engine.audit_trail().audit_trail(&served.info.id, DOWNLOADED_ENTRIES).await?;
        entries.reverse();
        let text = match extension {
            "csv" => audit_csv(&entries)?,
            _ => serde_json::to_string_pretty(&entries).expect("audit entries are plain data"),
        };
        let filename = format!("tally-{}-audit.{extension}", served.info.id);
        let body = Box::pin(stream::once(async move { Ok(text) }));
        Ok(Download { content_type, filename, body })
    }
}

/// One line per entry: when (UTC), what, with which credential, detail.
fn audit_csv(entries: &[AuditEntry]) -> Result<String, TallyError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let failed = |e: csv::Error| TallyError::Internal(format!("writing the audit trail as CSV: {e}"));
    writer.write_record(["at", "action", "credential", "owner_email", "detail"]).map_err(failed)?;
    for entry in entries {
        let (kind, email) = match &entry.by {
            Credential::AdminLink => ("admin_link", ""),
            Credential::Owner { email } => ("owner", email.as_str()),
        };
        let at = iso_utc(entry.at);
        writer.write_record([at.as_str(), entry.action.as_str(), kind, email, &entry.detail]).map_err(failed)?;
    }
    let bytes = writer.into_inner().map_err(|e| TallyError::Internal(format!("writing the audit trail: {e}")))?;
    String::from_utf8(bytes).map_err(|e| TallyError::Internal(format!("the audit trail is not UTF-8: {e}")))
}
