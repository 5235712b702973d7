//! Blind answering: the admin's reveal setting, and the gate every use
//! case that returns figures passes them through (stats, the page, a
//! submission's reply, compare, trends). The live socket asks the same
//! [`RevealSettings::shows`] for each frame, with the [`Viewer`] this
//! resolves at its upgrade.

use super::{Caller, Tally};
use crate::access::AccessMode;
use crate::answers::PreviousAnswers;
use crate::backend::engine::ServedBoard;
use crate::error::TallyError;
use crate::reveal::{RevealMode, RevealSettings, Viewer};
use crate::stats::Stats;
use crate::webhooks::WebhookEvent;
use serde_json::json;

/// A change of the setting; what is left out keeps its value.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "ssr", schema(example = json!({ "reveal": "facilitator", "revealed": false })))]
pub struct RevealChange {
    pub reveal: Option<RevealMode>,
    pub revealed: Option<bool>,
}

impl Tally {
    /// Sets when the board's figures are shown, or reveals and hides them;
    /// every open page hears of it live. Returns the new setting.
    pub async fn set_reveal(
        &self,
        caller: &Caller,
        board: &str,
        change: RevealChange,
    ) -> Result<RevealSettings, TallyError> {
        if change.reveal.is_none() && change.revealed.is_none() {
            return Err(TallyError::BadRequest("send \"reveal\", \"revealed\" or both".into()));
        }
        let board = self.authorize(caller, board).await?;
        let now = board.stats().reveal;
        let settings = RevealSettings {
            reveal: change.reveal.unwrap_or(now.reveal),
            revealed: change.revealed.unwrap_or(now.revealed),
        };
        let stats = self.engine.set_reveal(&board, settings).await?;
        // Revealed or hidden for everyone: by the reveal itself, or by a change of mode.
        if settings.public() != now.public() {
            let event = if settings.public() { WebhookEvent::FiguresRevealed } else { WebhookEvent::FiguresHidden };
            self.announce(&board, event, json!({"round": stats.round})).await;
        }
        // As the API spells the settings: not words of any language.
        let detail = format!("reveal={} revealed={}", settings.reveal.as_str(), settings.revealed);
        self.audit(caller, &board, crate::audit::AuditAction::RevealChanged, detail).await;
        Ok(stats.reveal)
    }

    /// Who the caller is to the gate, with their answers of the latest
    /// round they answered (the page shows them). An admin key that does
    /// not match the board is refused rather than quietly ignored. Whoever
    /// the board's access rule keeps out is not refused here (a live socket
    /// may still prove an admin key), only marked not `admitted`.
    pub async fn viewer(
        &self,
        caller: &Caller,
        served: &ServedBoard,
    ) -> Result<(Viewer, Option<PreviousAnswers>), TallyError> {
        let admin = match caller.admin_key.as_deref() {
            Some(key) => self.admin_board(caller.ip, &served.info.id, key).await.map(|_| true)?,
            None => false,
        };
        let respondent = self.respondent(caller, served).await?;
        let admitted = self.admit(served, &respondent).is_ok();
        let previous = match respondent.id(self, &served.info.id) {
            Some(id) if admitted || admin => self.engine.previous(&served.info.id, &id).await?,
            _ => None,
        };
        // `from_round` is set only when the answers are from an earlier round.
        let answered_round = previous.as_ref().filter(|p| p.from_round.is_none()).map(|_| served.stats().round);
        Ok((Viewer { admin, answered_round, admitted }, previous))
    }

    /// [`Tally::viewer`], refusing (with the way in) whoever the board's
    /// access rule keeps out: for every door but the live socket.
    pub(super) async fn entering_viewer(
        &self,
        caller: &Caller,
        served: &ServedBoard,
    ) -> Result<(Viewer, Option<PreviousAnswers>), TallyError> {
        let (viewer, previous) = self.viewer(caller, served).await?;
        if !viewer.admin && !viewer.admitted {
            self.admit(served, &self.respondent(caller, served).await?)?;
        }
        Ok((viewer, previous))
    }

    /// Whether the caller may see the board's figures now: at once when
    /// everyone may, otherwise as their [`Tally::viewer`] says. Refuses
    /// whoever the board's access rule keeps out.
    pub(super) async fn sees_figures(&self, caller: &Caller, served: &ServedBoard) -> Result<bool, TallyError> {
        let open = served.stats();
        if open.reveal.public() && open.access == AccessMode::Anyone {
            return Ok(true);
        }
        let (viewer, _) = self.entering_viewer(caller, served).await?;
        Ok(open.reveal.shows(&viewer, open.round))
    }
}

/// `stats` as a reader allowed (`sees`) or not allowed to see them.
pub(super) fn shown(stats: &Stats, sees: bool) -> Stats {
    match sees {
        true => stats.clone(),
        false => stats.withheld(),
    }
}
