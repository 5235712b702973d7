//! Answering a board: resolve who the respondent is, have the engine
//! validate the answers, apply the limits, and have the engine commit them.

use super::{Caller, Tally};
use crate::answers::RawLevel;
use crate::backend::engine::Receipt;
use crate::backend::{metrics, respondent};
use crate::error::TallyError;
use crate::stats::Stats;
use std::sync::Arc;

/// A committed submission.
pub struct Submitted {
    /// Its version, respondent and time.
    pub receipt: Receipt,
    /// The server made the respondent id up: the door must hand it to the
    /// client (a cookie) so their next submission replaces this one.
    pub issued: bool,
    /// The board's figures with this submission in them.
    pub stats: Arc<Stats>,
}

impl Tally {
    /// Validates and durably applies `raw` as the caller's answers to
    /// `board`, replacing any they gave before. Every outcome is counted in
    /// the metrics, by status.
    pub async fn submit(
        &self,
        caller: &Caller,
        board: &str,
        raw: impl IntoIterator<Item = (String, RawLevel)>,
    ) -> Result<Submitted, TallyError> {
        let result = self.try_submit(caller, board, raw).await;
        match &result {
            Ok(_) => metrics::accepted(),
            Err(error) => metrics::rejected(error.status()),
        }
        result
    }

    async fn try_submit(
        &self,
        caller: &Caller,
        board: &str,
        raw: impl IntoIterator<Item = (String, RawLevel)>,
    ) -> Result<Submitted, TallyError> {
        let served = self.engine.board(board).await?;
        let (id, issued) = match &caller.respondent {
            Some(id) if respondent::is_valid_id(id) => (id.clone(), false),
            Some(_) => {
                return Err(TallyError::BadRequest(
                    "respondent must be 16-64 characters of A-Z, a-z, 0-9, '-' or '_'".into(),
                ))
            }
            None => (respondent::new_id(), true),
        };
        // Limits take a token only for a submission that would be applied,
        // so cheap invalid ones cannot use up someone's allowance.
        let answers = self.engine.validate(&served, raw)?;
        self.limits.submission(caller.ip, &served.info.id, &id, issued)?;
        let receipt = self.engine.commit(&served, id, answers).await?;
        Ok(Submitted { receipt, issued, stats: served.stats() })
    }
}
