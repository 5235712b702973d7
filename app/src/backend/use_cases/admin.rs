//! What a board's admin can do with the key they got at creation: close the
//! board to new answers, reopen it, start its next round, edit its matrix,
//! and download its aggregates.

use super::{Caller, Tally};
use crate::audit::AuditAction;
use crate::backend::engine::ServedBoard;
use crate::backend::export::{Chunks, Report};
use crate::backend::matrix_body;
use crate::error::TallyError;
use crate::groups::GroupSettings;
use crate::i18n::t_with;
use crate::matrix::Matrix;
use crate::rounds::{RoundInfo, MAX_LABEL};
use crate::stats::Stats;
use crate::webhooks::WebhookEvent;
use serde_json::json;
use std::net::IpAddr;
use std::sync::Arc;

/// A file to download.
pub struct Download {
    pub content_type: &'static str,
    /// The suggested file name.
    pub filename: String,
    /// Its text, written as it is read (see [`Report`]).
    pub body: Chunks,
}

/// The refusal of a request that needs an admin key and sent none.
pub fn no_admin_key() -> TallyError {
    TallyError::Unauthenticated("send the board's admin key as 'Authorization: Bearer <key>'".into())
}

impl Tally {
    /// Closes (or reopens) the board; returns its figures with the change in.
    pub async fn set_closed(&self, caller: &Caller, board: &str, closed: bool) -> Result<Arc<Stats>, TallyError> {
        let board = self.authorize(caller, board).await?;
        let was_closed = board.stats().closed;
        let stats = self.engine.set_closed(&board, closed).await?;
        if was_closed != closed {
            let event = if closed { WebhookEvent::BoardClosed } else { WebhookEvent::BoardReopened };
            self.announce(&board, event, json!({})).await;
            let action = if closed { AuditAction::Closed } else { AuditAction::Reopened };
            self.audit(caller, &board, action, String::new()).await;
        }
        Ok(stats)
    }

    /// Freezes the board's open round and opens the next, called `label`
    /// (or "Round N" when it is blank).
    pub async fn start_round(
        &self,
        caller: &Caller,
        board: &str,
        label: Option<String>,
    ) -> Result<RoundInfo, TallyError> {
        let label = label.map(|l| l.trim().to_string()).filter(|l| !l.is_empty());
        if label.as_ref().is_some_and(|l| l.chars().count() > MAX_LABEL) {
            return Err(TallyError::BadRequest(t_with("round-label-too-long", &[("max", MAX_LABEL.into())])));
        }
        if let Some(label) = &label {
            crate::plain_text::check(&t_with("round-label-field", &[]), label).map_err(TallyError::BadRequest)?;
        }
        let board = self.authorize(caller, board).await?;
        let max = self.bounds.max_rounds;
        if board.stats().round >= max {
            return Err(TallyError::Conflict(format!(
                "board '{}' has reached its {max} rounds (TALLY_MAX_ROUNDS); start a new board for more",
                board.info.id
            )));
        }
        let detail = format!("#{} {}", board.stats().round + 1, label.as_deref().unwrap_or_default());
        let round = self.engine.start_round(&board, label).await?;
        self.announce(&board, WebhookEvent::RoundOpened, json!({"round": round.round, "label": round.label})).await;
        self.audit(caller, &board, AuditAction::RoundStarted, detail.trim().to_string()).await;
        Ok(round)
    }

    /// Sets the groups respondents choose from and the anonymity threshold.
    pub async fn set_groups(
        &self,
        caller: &Caller,
        board: &str,
        groups: GroupSettings,
    ) -> Result<GroupSettings, TallyError> {
        let groups = groups.checked().map_err(|problems| TallyError::BadRequest(problems.join("; ")))?;
        let served = self.authorize(caller, board).await?;
        let groups = self.engine.set_groups(&served, groups).await?;
        let detail = format!("{} ≥ {}", groups.groups.join(", "), groups.min_group_size);
        self.audit(caller, &served, AuditAction::GroupsChanged, detail).await;
        Ok(groups)
    }

    /// Replaces the board's matrix. `base` is the matrix revision the edit
    /// started from (the `ETag` of `GET /api/boards/{board}/matrix`); an
    /// edit of an older one is refused rather than undoing someone else's.
    /// Without it, the edit applies to whatever is current.
    pub async fn edit_matrix(
        &self,
        caller: &Caller,
        board: &str,
        matrix: Matrix,
        base: Option<u64>,
    ) -> Result<Arc<Stats>, TallyError> {
        let board = self.authorize(caller, board).await?;
        let matrix = matrix_body::checked(matrix)?;
        let base = base.unwrap_or_else(|| board.current().rev);
        let stats = self.engine.replace_matrix(&board, matrix, base).await?;
        self.announce(&board, WebhookEvent::MatrixEdited, json!({"revision": board.current().rev})).await;
        self.audit(caller, &board, AuditAction::MatrixEdited, format!("#{}", board.current().rev)).await;
        Ok(stats)
    }

    /// The board's aggregates as `json` or `csv`, of every round or of
    /// `round`; never anyone's answers.
    pub async fn export(
        &self,
        caller: &Caller,
        board: &str,
        format: &str,
        round: Option<u32>,
    ) -> Result<Download, TallyError> {
        let board = self.authorize(caller, board).await?;
        let content_type = match format {
            "json" => "application/json",
            "csv" => "text/csv; charset=utf-8",
            _ => {
                let shown: String = format.chars().take(20).collect();
                return Err(TallyError::BadRequest(format!("unknown export format '{shown}' (use json or csv)")));
            }
        };
        let filename = format!("tally-{}.{format}", board.info.id);
        let detail = match round {
            Some(round) => format!("{format} #{round}"),
            None => format.to_string(),
        };
        self.audit(caller, &board, AuditAction::Exported, detail).await;
        let report = Report::new(&self.engine, board, round).await?;
        let body = if format == "json" { report.json() } else { report.csv() };
        Ok(Download { content_type, filename, body })
    }

    /// Deletes the board with every round, answer, setting and row of it;
    /// open pages are told, and its address answers 410 from then on.
    /// Logged with the kind of credential (the trail goes with the board).
    pub async fn delete_board(&self, caller: &Caller, board: &str) -> Result<(), TallyError> {
        let served = self.authorize(caller, board).await?;
        // The kind alone, as the key says it: no need to look the owner up.
        let by = match super::owners::is_owner_pass(caller.admin_key.as_deref().unwrap_or_default()) {
            true => "owner",
            false => "admin_link",
        };
        self.engine.delete_board(&served).await?;
        tracing::info!(board = %served.info.id, by, "board deleted by its admin");
        Ok(())
    }

    /// The board, if the caller holds its admin key.
    pub(super) async fn authorize(&self, caller: &Caller, board: &str) -> Result<Arc<ServedBoard>, TallyError> {
        let key = caller.admin_key.as_deref().ok_or_else(no_admin_key)?;
        self.admin_board(caller.ip, board, key).await
    }

    /// The board, if `key` is its admin key. Wrong keys count against the
    /// address (`ip`); once they run out, every admin request from it is
    /// refused for a while without its key being looked at.
    pub async fn admin_board(
        &self,
        ip: Option<IpAddr>,
        board: &str,
        key: &str,
    ) -> Result<Arc<ServedBoard>, TallyError> {
        self.limits.admin_keys.attempt(ip)?;
        let result = match super::owners::is_owner_pass(key) {
            true => self.owned_board(board, key).await,
            false => self.engine.authorize(board, key).await,
        };
        if let Err(TallyError::Forbidden(_)) = &result {
            self.limits.admin_keys.wrong(ip)?;
        }
        result
    }
}
