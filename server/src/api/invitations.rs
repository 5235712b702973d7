//! Who may answer a board, over the API: its access rule, and the people
//! invited to it (see `app::backend::use_cases::invitations`). Every route
//! takes the board's admin key.

use super::extract::{ApiCaller, JsonBody, RawBody};
use app::access::AccessMode;
use app::backend::use_cases::invitations::InvitationAction;
use app::backend::use_cases::Tally;
use app::error::TallyError;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::json;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AccessChange {
    access: AccessMode,
    /// For `members`: the email domains taken (none: any signed-in person).
    #[serde(default)]
    domains: Vec<String>,
}

/// `PUT /api/boards/{board}/access`: `{"access": "anyone" | "invited" | "members"}`.
pub async fn set_access(
    State(tally): State<Tally>,
    Path(board): Path<String>,
    ApiCaller(caller): ApiCaller,
    JsonBody(AccessChange { access, domains }): JsonBody<AccessChange>,
) -> Result<Response, TallyError> {
    Ok(Json(json!({ "access": tally.set_access(&caller, &board, access, domains).await? })).into_response())
}

/// `GET /api/boards/{board}/invitations`: the access rule, the invitations
/// (who answered told in batches) and how many answered.
pub async fn list(
    State(tally): State<Tally>,
    Path(board): Path<String>,
    ApiCaller(caller): ApiCaller,
) -> Result<Response, TallyError> {
    Ok(Json(tally.invitation_list(&caller, &board).await?).into_response())
}

/// `POST /api/boards/{board}/invitations`: people, one per line
/// (`name, email, group`; `text/plain` or `text/csv`), or
/// `{"people": "<the same lines>"}`; 201 with each one's personal link,
/// shown this once.
pub async fn invite(
    State(tally): State<Tally>,
    Path(board): Path<String>,
    ApiCaller(caller): ApiCaller,
    headers: HeaderMap,
    RawBody(body): RawBody,
) -> Result<Response, TallyError> {
    let text = people_text(&headers, &body)?;
    let links = tally.invite(&caller, &board, &text, &headers).await?;
    Ok((StatusCode::CREATED, Json(json!({ "links": links }))).into_response())
}

/// `POST /api/boards/{board}/invitations/{id}/reissue` (a new link, shown
/// this once) or `…/revoke` (204).
pub async fn act(
    State(tally): State<Tally>,
    Path((board, id, action)): Path<(String, String, String)>,
    ApiCaller(caller): ApiCaller,
    headers: HeaderMap,
) -> Result<Response, TallyError> {
    let action = match action.as_str() {
        "reissue" => InvitationAction::Reissue,
        "revoke" => InvitationAction::Revoke,
        other => {
            let shown: String = other.chars().take(40).collect();
            return Err(TallyError::BadRequest(format!("unknown action '{shown}' (use reissue or revoke)")));
        }
    };
    Ok(match tally.change_invitation(&caller, &board, &id, action, &headers).await? {
        Some(link) => Json(link).into_response(),
        None => StatusCode::NO_CONTENT.into_response(),
    })
}

/// `DELETE /api/boards/{board}/invitations/{id}`: gone from the list; what
/// its person answered stays counted, anonymously.
pub async fn delete(
    State(tally): State<Tally>,
    Path((board, id)): Path<(String, String)>,
    ApiCaller(caller): ApiCaller,
    headers: HeaderMap,
) -> Result<Response, TallyError> {
    tally.change_invitation(&caller, &board, &id, InvitationAction::Delete, &headers).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// The list of people a request carries, as text.
fn people_text(headers: &HeaderMap, body: &[u8]) -> Result<String, TallyError> {
    let content_type = headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("");
    let text = std::str::from_utf8(body).map_err(|_| TallyError::BadRequest("the list is not UTF-8 text".into()))?;
    if !content_type.starts_with("application/json") {
        return Ok(text.to_string());
    }
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct People {
        people: String,
    }
    let people: People = serde_json::from_str(text)
        .map_err(|e| TallyError::BadRequest(format!("send {{\"people\": \"<one person per line>\"}}: {e}")))?;
    Ok(people.people)
}
