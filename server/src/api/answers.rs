//! A respondent's own answers over the API: submitting them, and taking
//! them back.

use super::extract::{ApiCaller, OptionalJson, RawBody};
use app::answers::Belonging;
use app::backend::submission_body::SubmissionBody;
use app::backend::use_cases::Tally;
use app::error::TallyError;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::json;

/// `POST /api/boards/{board}/submissions`: one person's answers.
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
    let reply = json!({
        "version": receipt.version,
        "round": receipt.round,
        "respondent": submitted.token.as_ref().map(|token| token.as_str()),
        "pass": submitted.pass,
    });
    let mut response = Json(reply).into_response();
    if let Some(token) = submitted.token.as_ref().filter(|_| submitted.issued) {
        response.headers_mut().insert(header::SET_COOKIE, tally.respondents.set_cookie(token));
    }
    Ok(response)
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Withdrawal {
    /// The respondent token, when not sent as the cookie.
    respondent: Option<String>,
    /// `current` (the default) or `all`.
    rounds: Option<String>,
}

/// `DELETE /api/boards/{board}/respondents/me`: the caller's answers taken
/// out of the open round, or of every round with `{"rounds": "all"}`.
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
    Ok(Json(json!({ "withdrawn_rounds": withdrawn })).into_response())
}
