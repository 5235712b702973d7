//! What every API handler takes from a request, as axum extractors: who is
//! calling ([`ApiCaller`]) and the body ([`JsonBody`], [`OptionalJson`],
//! [`RawBody`]), each refusing with a [`TallyError`] that says what was
//! wrong, so handlers hold only their own decisions.

use super::body_limit;
use app::backend::client_addr::ClientAddr;
use app::backend::use_cases::{Caller, Tally};
use app::error::TallyError;
use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, StatusCode};
use serde::de::DeserializeOwned;

/// The caller as an API request presents them: address, the respondent
/// cookie if any, and the admin key from `Authorization: Bearer <key>`.
pub struct ApiCaller(pub Caller);

impl FromRequestParts<Tally> for ApiCaller {
    type Rejection = TallyError;

    async fn from_request_parts(parts: &mut Parts, tally: &Tally) -> Result<Self, TallyError> {
        // Set on every connection by the server (`serve.rs`). Without it the
        // per-address limits could not apply, so the request is refused.
        let Some(ClientAddr(ip)) = parts.extensions.get::<ClientAddr>().copied() else {
            return Err(TallyError::Internal("the request has no client address".into()));
        };
        let ip = Some(ip);
        let admin_key = bearer(&parts.headers).map(|key| key.trim().to_string());
        Ok(ApiCaller(Caller { ip, admin_key, ..tally.caller_from_cookies(&parts.headers) }))
    }
}

/// The caller of an admin route, refused with 401 before anything else is
/// read when no key is sent: a request without credentials learns nothing,
/// not even what is wrong with its body (schemathesis found a 400 there).
pub struct ApiAdmin(pub Caller);

impl FromRequestParts<Tally> for ApiAdmin {
    type Rejection = TallyError;

    async fn from_request_parts(parts: &mut Parts, tally: &Tally) -> Result<Self, TallyError> {
        let ApiCaller(caller) = ApiCaller::from_request_parts(parts, tally).await?;
        match caller.admin_key.as_deref().is_some_and(|key| !key.is_empty()) {
            true => Ok(ApiAdmin(caller)),
            false => Err(app::backend::use_cases::admin::no_admin_key()),
        }
    }
}

/// The admin key as the admin panel's download buttons post it.
#[derive(serde::Deserialize, utoipa::ToSchema)]
pub struct KeyForm {
    key: String,
}

/// The caller of a download the admin panel posts as a form, with the key
/// in its field `key`: a plain download cannot send a header.
pub struct FormAdmin(pub Caller);

impl FromRequest<Tally> for FormAdmin {
    type Rejection = TallyError;

    async fn from_request(request: Request, tally: &Tally) -> Result<Self, TallyError> {
        let (mut parts, body) = request.into_parts();
        let ApiCaller(mut caller) = ApiCaller::from_request_parts(&mut parts, tally).await?;
        let form = axum::Form::<KeyForm>::from_request(Request::from_parts(parts, body), tally).await;
        let axum::Form(KeyForm { key }) =
            form.map_err(|e| TallyError::BadRequest(format!("expected a form with the admin key: {}", e.body_text())))?;
        caller.admin_key = Some(key);
        Ok(FormAdmin(caller))
    }
}

/// The token of `Authorization: Bearer <token>`, as sent.
pub fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers.get(header::AUTHORIZATION).and_then(|v| v.to_str().ok()).and_then(|v| v.strip_prefix("Bearer "))
}

/// The body's bytes, or a 4xx saying why they could not be read: too large
/// for the route (naming its limit), or cut short.
pub struct RawBody(pub Bytes);

impl<S: Send + Sync> FromRequest<S> for RawBody {
    type Rejection = TallyError;

    async fn from_request(request: Request, state: &S) -> Result<Self, TallyError> {
        let limit = body_limit(request.method(), request.uri().path());
        let body = Bytes::from_request(request, state).await.map_err(|rejection| match rejection.status() {
            StatusCode::PAYLOAD_TOO_LARGE => TallyError::TooLarge(limit),
            _ => TallyError::BadRequest(format!("could not read the request body: {}", rejection.body_text())),
        })?;
        Ok(RawBody(body))
    }
}

/// A JSON body, every way it can be wrong a 4xx that says what.
pub struct JsonBody<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequest<S> for JsonBody<T> {
    type Rejection = TallyError;

    async fn from_request(request: Request, state: &S) -> Result<Self, TallyError> {
        let RawBody(bytes) = RawBody::from_request(request, state).await?;
        Ok(JsonBody(decode(&bytes)?))
    }
}

/// A JSON body that may be left out: an empty one, or JSON's `null`, is
/// `T::default()` (schemathesis sent `null` for a body the document marks
/// optional, and was refused).
pub struct OptionalJson<T>(pub T);

impl<T: DeserializeOwned + Default, S: Send + Sync> FromRequest<S> for OptionalJson<T> {
    type Rejection = TallyError;

    async fn from_request(request: Request, state: &S) -> Result<Self, TallyError> {
        let RawBody(bytes) = RawBody::from_request(request, state).await?;
        let text = bytes.trim_ascii();
        match text.is_empty() || text == b"null" {
            true => Ok(OptionalJson(T::default())),
            false => Ok(OptionalJson(decode(&bytes)?)),
        }
    }
}

/// Every JSON body the API takes is an object. serde would also read a
/// struct from an array of its fields in order (`["2026 Q4"]` for a
/// round's label): schemathesis found that taken, so it is refused here.
fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, TallyError> {
    if bytes.trim_ascii().first() != Some(&b'{') {
        return Err(TallyError::BadRequest("the body must be a JSON object: {…}".into()));
    }
    serde_json::from_slice(bytes).map_err(|e| TallyError::BadRequest(format!("invalid JSON body: {e}")))
}

/// The board a route is about, for the document: `{board}`, its public
/// address (`team-a`) or, for a private board, its id.
#[derive(utoipa::IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)] // Read with `Path<String>`; this only describes it.
pub struct OnBoard {
    /// The board's public address (`team-a`) or its id.
    board: String,
}
