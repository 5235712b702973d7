//! Answering a board: resolve who the respondent is, have the engine
//! validate the answers, apply the limits, and have the engine commit them;
//! and taking one's answers back.

use super::access::Respondent;
use super::reveal::shown;
use super::{Caller, Tally};
use crate::answers::{Belonging, RawLevel};
use crate::backend::engine::{Receipt, ServedBoard};
use crate::backend::metrics;
use crate::backend::respondent::Token;
use crate::backend::store::AnsweredRound;
use crate::error::TallyError;
use crate::reveal::Viewer;
use crate::rounds::MyRound;
use crate::stats::Stats;

/// A committed submission.
pub struct Submitted {
    /// Its version, respondent and time.
    pub receipt: Receipt,
    /// The respondent's token, for the client to present next time (none
    /// for an invited person: their invitation is who they are).
    pub token: Option<Token>,
    /// The token is new: the door must hand it to the client (a cookie) so
    /// their next submission replaces this one.
    pub issued: bool,
    /// The board's figures with this submission in them, withheld if the
    /// board hides them even from those who answered.
    pub stats: Stats,
    /// Lets the respondent's live socket show the figures of the round they
    /// answered in (see [`Respondents::pass`]).
    ///
    /// [`Respondents::pass`]: crate::backend::respondent::Respondents::pass
    pub pass: String,
}

/// Which try of one submission this is (see [`Tally::try_submit`]).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Try {
    First,
    Again,
}

impl Tally {
    /// Validates and durably applies `raw` as the caller's answers to
    /// `board`, in the group and role given, replacing any they gave before in the
    /// open round. Every outcome is counted in the metrics, by status.
    pub async fn submit(
        &self,
        caller: &Caller,
        board: &str,
        raw: impl IntoIterator<Item = (String, RawLevel)>,
        belonging: Belonging,
    ) -> Result<Submitted, TallyError> {
        let result = self.try_submit(caller, board, raw, belonging).await;
        match &result {
            Ok(_) => metrics::accepted(),
            Err(error) => metrics::rejected(error.status()),
        }
        result
    }

    /// A new respondent token, for an API client to answer with; counted
    /// like a respondent the server makes up on a first submission.
    pub fn issue_respondent(&self, caller: &Caller) -> Result<Token, TallyError> {
        self.limits.new_respondent(caller.ip, "")?;
        Ok(self.respondents.issue())
    }

    /// Submits; again once if another instance changed who may answer
    /// after this one let the respondent in (the second try decides afresh,
    /// but does not take from the limits again: the first try already did).
    async fn try_submit(
        &self,
        caller: &Caller,
        board: &str,
        raw: impl IntoIterator<Item = (String, RawLevel)>,
        belonging: Belonging,
    ) -> Result<Submitted, TallyError> {
        let served = self.engine.board(board).await?;
        let raw: Vec<_> = raw.into_iter().collect();
        match self.submit_once(caller, &served, raw.clone(), belonging.clone(), Try::First).await {
            Err(TallyError::AdmissionChanged(_)) => {
                self.engine.refresh_admission(&served).await;
                self.submit_once(caller, &served, raw, belonging, Try::Again).await
            }
            done => done,
        }
    }

    async fn submit_once(
        &self,
        caller: &Caller,
        served: &ServedBoard,
        raw: Vec<(String, RawLevel)>,
        belonging: Belonging,
        attempt: Try,
    ) -> Result<Submitted, TallyError> {
        let (admitted_at, respondent) = self.respondent_as_of(caller, served).await?;
        self.admit(served, &respondent)?;
        let member = match &respondent {
            Respondent::Member { account, .. } => Some(account.clone()),
            _ => None,
        };
        let (id, token, issued) = match respondent {
            Respondent::Invited { id, .. } | Respondent::Member { id, .. } => (id, None, false),
            Respondent::Anonymous(_) => {
                let (token, issued) = match &caller.respondent {
                    Some(text) => (self.respondents.verify(text).ok_or_else(not_issued)?, false),
                    None => (self.respondents.issue(), true),
                };
                (self.respondents.on_board(&token, &served.info.id), Some(token), issued)
            }
        };
        // Limits take a token only for a submission that would be applied,
        // so cheap invalid ones cannot use up someone's allowance.
        let answers = self.engine.validate(served, raw, belonging)?;
        if attempt == Try::First {
            self.limits.submission(caller.ip, &served.info.id, &id, issued)?;
        }
        let receipt = self.engine.commit(served, id, answers, admitted_at).await?;
        if let Some(account) = member {
            // For their "My boards": that they answered, not what.
            self.engine.owners().note_answered(&account, &served.info.id).await?;
        }
        let pass = self.respondents.pass(&served.info.id, receipt.round, &receipt.respondent);
        let stats = served.stats();
        let answered = Viewer { answered_round: Some(receipt.round), admitted: true, ..Viewer::default() };
        let stats = shown(&stats, stats.reveal.shows(&answered, stats.round));
        Ok(Submitted { receipt, token, issued, stats, pass })
    }
}

impl Tally {
    /// The caller's own answers in every round, oldest first: only ever
    /// their own, found by the token they present.
    pub async fn my_rounds(&self, caller: &Caller, board: &str) -> Result<Vec<MyRound>, TallyError> {
        let served = self.engine.board(board).await?;
        let respondent = self.respondent(caller, &served).await?;
        self.admit(&served, &respondent)?;
        let Some(id) = respondent.id(self, &served.info.id) else { return Ok(Vec::new()) };
        let history = self.engine.history(&served, &id).await?;
        let mine = |answered: AnsweredRound| MyRound {
            round: answered.round,
            label: crate::rounds::shown_label(answered.round, &answered.label),
            answers: answered.answers,
        };
        Ok(history.into_iter().map(mine).collect())
    }

    /// Whether a live socket's `pass` still holds: issued by this server for
    /// `board`, and its respondent still has answers in its round (a
    /// withdrawal revokes it). The round it opens, if so.
    pub async fn pass_round(&self, board: &ServedBoard, pass: &str) -> Result<Option<u32>, TallyError> {
        let Some((round, respondent)) = self.respondents.check_pass(&board.info.id, pass) else { return Ok(None) };
        let history = self.engine.history(board, &respondent).await?;
        Ok(history.iter().any(|answered| answered.round == round).then_some(round))
    }

    /// Takes the caller's answers out of `board`: the open round's, or every
    /// round's. The caller is the respondent token they present (cookie or
    /// body); nothing of their withdrawn answers stays stored. Returns how
    /// many rounds lost an answer (0: there was nothing to withdraw).
    pub async fn withdraw(&self, caller: &Caller, board: &str, every_round: bool) -> Result<usize, TallyError> {
        let served = self.engine.board(board).await?;
        let id = match self.respondent(caller, &served).await? {
            Respondent::Invited { id, .. } | Respondent::Member { id, .. } => id,
            Respondent::Anonymous(_) => {
                let text = caller.respondent.as_deref().ok_or_else(|| {
                    TallyError::BadRequest(
                        "send your respondent token: the cookie, or \"respondent\" in the body".into(),
                    )
                })?;
                self.respondents.on_board(&self.respondents.verify(text).ok_or_else(not_issued)?, &served.info.id)
            }
        };
        self.engine.withdraw(&served, &id, every_round).await
    }
}

fn not_issued() -> TallyError {
    TallyError::BadRequest("respondent is not a token this server issued: leave it out to be given one".into())
}
