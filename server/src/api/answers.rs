//! A respondent's own answers over the API: submitting them, and taking
//! them back.

use super::document::ErrorBody;
use super::extract::{ApiCaller, OnBoard, OptionalJson, RawBody};
use app::answers::Belonging;
use app::backend::submission_body::SubmissionBody;
use app::backend::use_cases::Tally;
use app::error::TallyError;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// What a submission answers.
#[derive(Serialize, ToSchema)]
pub struct Receipt {
    /// The board's figures' version that holds these answers.
    version: u64,
    /// The round they count in.
    round: u32,
    /// The respondent token they were stored under (set as a cookie too
    /// when it is new); `null` for an invited person or a signed-in member.
    respondent: Option<String>,
    /// Lets a live socket show the figures of the round answered in, on a
    /// board that shows them only to those who answered (docs/API.md).
    pass: String,
}

/// `POST /api/boards/{board}/submissions`: one person's answers.
#[utoipa::path(post, path = "/{board}/submissions", tag = "answers", params(OnBoard),
    security((), ("respondent" = []), ("session" = [])),
    request_body = SubmissionBody,
    responses(
        (status = 200, description = "Counted; sending again replaces the earlier answers of this round", body = Receipt),
        (status = 403, description = "The board takes answers from invited people or members only", body = ErrorBody),
        (status = 409, description = "The board is closed, or who may answer it changed meanwhile", body = ErrorBody),
        (status = 422, description = "The answers break a rule; `problems` has each, with its row", body = ErrorBody),
    ))]
pub async fn submit(
    State(tally): State<Tally>,
    Path(board): Path<String>,
    ApiCaller(mut caller): ApiCaller,
    RawBody(body): RawBody,
) -> Result<Response, TallyError> {
    let body = SubmissionBody::decode(&body)?;
    caller.respondent = body.respondent.clone().or(caller.respondent);
    let belonging = Belonging { group: body.group.clone(), role: body.role.clone() };
    let submitted = tally.submit(&caller, &board, body.raw_answers(), belonging).await?;
    let receipt = &submitted.receipt;
    let reply = Receipt {
        version: receipt.version,
        round: receipt.round,
        respondent: submitted.token.as_ref().map(|token| token.as_str().to_string()),
        pass: submitted.pass.clone(),
    };
    let mut response = Json(reply).into_response();
    if let Some(token) = submitted.token.as_ref().filter(|_| submitted.issued) {
        response.headers_mut().insert(header::SET_COOKIE, tally.respondents.set_cookie(token));
    }
    Ok(response)
}

#[derive(Deserialize, Default, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({ "rounds": "all" }))]
pub struct Withdrawal {
    /// The respondent token, when not sent as the cookie.
    respondent: Option<String>,
    /// `current` (the default) or `all`.
    #[schema(pattern = "^(current|all)$")]
    rounds: Option<String>,
}

/// What a withdrawal answers.
#[derive(Serialize, ToSchema)]
pub struct Withdrawn {
    /// In how many rounds answers were taken out.
    withdrawn_rounds: usize,
}

/// `DELETE /api/boards/{board}/respondents/me`: the caller's answers taken
/// out of the open round, or of every round with `{"rounds": "all"}`.
#[utoipa::path(delete, path = "/{board}/respondents/me", tag = "answers", params(OnBoard),
    security(("respondent" = []), ("session" = [])),
    request_body(content = Option<Withdrawal>, description = "Optional: which rounds, and the token"),
    responses(
        (status = 200, description = "Taken out; the figures no longer count them", body = Withdrawn),
    ))]
pub async fn withdraw(
    State(tally): State<Tally>,
    Path(board): Path<String>,
    ApiCaller(mut caller): ApiCaller,
    OptionalJson(Withdrawal { respondent, rounds }): OptionalJson<Withdrawal>,
) -> Result<Response, TallyError> {
    let every_round = match rounds.as_deref() {
        None | Some("current") => false,
        Some("all") => true,
        Some(other) => {
            let shown: String = other.chars().take(20).collect();
            return Err(TallyError::BadRequest(format!("rounds must be \"current\" or \"all\", not '{shown}'")));
        }
    };
    caller.respondent = respondent.or(caller.respondent);
    let withdrawn = tally.withdraw(&caller, &board, every_round).await?;
    Ok(Json(Withdrawn { withdrawn_rounds: withdrawn }).into_response())
}
