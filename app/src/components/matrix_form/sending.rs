//! Sending the form's choices once hydrated, and what comes back. The
//! request and the reading of its reply load from a wasm file of their own
//! (in split builds) at the first submission: most of a visit is spent
//! choosing, and the board page's bundle stays within its budget.

use crate::error::{Problem, TallyError};
use crate::page_data::SubmitOutcome;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// A submission's reply: the outcome, or what to show in the form's errors.
pub type Reply = Result<SubmitOutcome, Vec<Problem>>;

/// What the person chose, as `submit_answers` takes it.
pub struct Sent {
    pub board: String,
    pub answers: BTreeMap<String, u8>,
    pub group: String,
    pub role: String,
}

/// The refusal a plain form post (without JavaScript) was sent back with,
/// for the server to show in the form; nothing otherwise.
pub fn refusal_of_a_plain_post() -> Option<Reply> {
    #[cfg(feature = "ssr")]
    {
        use leptos::server::ServerActionError;
        use leptos::server_fn::{error::ServerFnUrlError, ServerFn};
        let error = use_context::<ServerActionError>()?;
        let ours = error.path() == crate::server_fns::SubmitAnswers::PATH;
        ours.then(|| Err(problems(ServerFnUrlError::<TallyError>::decode_err(error.err()))))
    }
    #[cfg(not(feature = "ssr"))]
    None
}

/// Sends `sent` and puts its reply in `reply`.
pub fn send(sent: Sent, reply: RwSignal<Option<Reply>>) {
    #[cfg(feature = "hydrate")]
    leptos::task::spawn_local(async move { reply.set(Some(submit(sent).await)) });
    // The server renders the form and never sends it.
    #[cfg(not(feature = "hydrate"))]
    let _ = (sent.board, sent.answers, sent.group, sent.role, reply);
}

#[cfg(feature = "hydrate")]
#[cfg_attr(feature = "split", lazy)]
async fn submit(sent: Sent) -> Reply {
    let Sent { board, answers, group, role } = sent;
    let answers = answers.into_iter().map(|(row, level)| (row, level.to_string())).collect();
    crate::server_fns::submit_answers(board, answers, group, role).await.map_err(problems)
}

/// What the form shows of a refusal: the rows it names, or its message.
fn problems(error: TallyError) -> Vec<Problem> {
    match error {
        TallyError::InvalidSubmission(problems) => problems,
        other => vec![Problem { row: None, message: other.to_string() }],
    }
}
