//! Who may answer a board, over the API: its access rule, and the people
//! invited to it (see `app::backend::use_cases::invitations`). Every route
//! takes the board's admin key.

use super::document::ErrorBody;
use super::extract::{ApiAdmin, JsonBody, OnBoard, RawBody};
use app::access::AccessMode;
use app::access::{InvitationList, IssuedLink};
use app::backend::use_cases::invitations::InvitationAction;
use app::backend::use_cases::Tally;
use app::error::TallyError;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

#[derive(Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({ "access": "invited" }))]
pub struct AccessChange {
    access: AccessMode,
    /// For `members`: the email domains taken (none: any signed-in person).
    #[serde(default)]
    domains: Vec<String>,
}

/// The rule now in force.
#[derive(Serialize, ToSchema)]
pub struct Access {
    access: AccessMode,
}

/// The new personal links, shown this once.
#[derive(Serialize, ToSchema)]
pub struct NewLinks {
    links: Vec<IssuedLink>,
}

/// `PUT /api/boards/{board}/access`: `{"access": "anyone" | "invited" | "members"}`.
#[utoipa::path(put, path = "/{board}/access", tag = "access", params(OnBoard), security(("admin_key" = [])),
    request_body = AccessChange,
    responses(
        (status = 200, description = "The rule now in force", body = Access),
    ))]
pub async fn set_access(
    State(tally): State<Tally>,
    Path(board): Path<String>,
    ApiAdmin(caller): ApiAdmin,
    JsonBody(AccessChange { access, domains }): JsonBody<AccessChange>,
) -> Result<Response, TallyError> {
    Ok(Json(Access { access: tally.set_access(&caller, &board, access, domains).await? }).into_response())
}

/// `GET /api/boards/{board}/invitations`: the access rule, the invitations
/// (who answered told in batches) and how many answered.
#[utoipa::path(get, path = "/{board}/invitations", tag = "access", params(OnBoard), security(("admin_key" = [])),
    responses(
        (status = 200, description = "The rule, the invited people and how many answered", body = InvitationList),
    ))]
pub async fn list(
    State(tally): State<Tally>,
    Path(board): Path<String>,
    ApiAdmin(caller): ApiAdmin,
) -> Result<Response, TallyError> {
    Ok(Json(tally.invitation_list(&caller, &board).await?).into_response())
}

/// `POST /api/boards/{board}/invitations`: people, one per line
/// (`name, email, group`; `text/plain` or `text/csv`), or
/// `{"people": "<the same lines>"}`; 201 with each one's personal link,
/// shown this once.
#[utoipa::path(post, path = "/{board}/invitations", tag = "access", params(OnBoard), security(("admin_key" = [])),
    request_body(description = "One person per line: `name, email, group` (email and group optional)", content(
        (String = "text/plain"), (String = "text/csv"), (PeopleBody = "application/json"),
    )),
    responses(
        (status = 201, description = "Each person's personal link, shown this once", body = NewLinks),
        (status = 413, description = "The list is larger than 512 KiB", body = ErrorBody),
        (status = 422, description = "A line breaks a rule; `problems` names each line", body = ErrorBody),
    ))]
pub async fn invite(
    State(tally): State<Tally>,
    Path(board): Path<String>,
    ApiAdmin(caller): ApiAdmin,
    headers: HeaderMap,
    RawBody(body): RawBody,
) -> Result<Response, TallyError> {
    let text = people_text(&headers, &body)?;
    let links = tally.invite(&caller, &board, &text, &headers).await?;
    Ok((StatusCode::CREATED, Json(NewLinks { links })).into_response())
}

/// `POST /api/boards/{board}/invitations/{id}/reissue`: a new link for one
/// person, shown this once; their old link stops working.
#[utoipa::path(post, path = "/{board}/invitations/{id}/reissue", tag = "access", security(("admin_key" = [])),
    params(OnBoard, ("id" = String, Path, description = "The invitation's id")),
    responses(
        (status = 200, description = "The person's new link", body = IssuedLink),
        (status = 404, description = "No such board or invitation", body = ErrorBody),
    ))]
pub async fn reissue(
    State(tally): State<Tally>,
    Path((board, id)): Path<(String, String)>,
    ApiAdmin(caller): ApiAdmin,
    headers: HeaderMap,
) -> Result<Response, TallyError> {
    let link = tally.change_invitation(&caller, &board, &id, InvitationAction::Reissue, &headers).await?;
    Ok(Json(link).into_response())
}

/// `POST /api/boards/{board}/invitations/{id}/revoke`: their link stops
/// working; what they answered stays counted.
#[utoipa::path(post, path = "/{board}/invitations/{id}/revoke", tag = "access", security(("admin_key" = [])),
    params(OnBoard, ("id" = String, Path, description = "The invitation's id")),
    responses(
        (status = 204, description = "Withdrawn"),
        (status = 404, description = "No such board or invitation", body = ErrorBody),
    ))]
pub async fn revoke(
    State(tally): State<Tally>,
    Path((board, id)): Path<(String, String)>,
    ApiAdmin(caller): ApiAdmin,
    headers: HeaderMap,
) -> Result<Response, TallyError> {
    tally.change_invitation(&caller, &board, &id, InvitationAction::Revoke, &headers).await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// `DELETE /api/boards/{board}/invitations/{id}`: gone from the list; what
/// its person answered stays counted, anonymously.
#[utoipa::path(delete, path = "/{board}/invitations/{id}", tag = "access", security(("admin_key" = [])),
    params(OnBoard, ("id" = String, Path, description = "The invitation's id")),
    responses(
        (status = 204, description = "Off the list"),
        (status = 404, description = "No such board or invitation", body = ErrorBody),
    ))]
pub async fn delete(
    State(tally): State<Tally>,
    Path((board, id)): Path<(String, String)>,
    ApiAdmin(caller): ApiAdmin,
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
    let people: PeopleBody = serde_json::from_str(text)
        .map_err(|e| TallyError::BadRequest(format!("send {{\"people\": \"<one person per line>\"}}: {e}")))?;
    Ok(people.people)
}

/// The list as JSON: the same lines, in one string.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({ "people": "Ada Lovelace, ada@example.org, Backend\nGrace Hopper" }))]
struct PeopleBody {
    people: String,
}
