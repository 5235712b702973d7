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

/// A JSON body that may be left out: an empty one is `T::default()`.
pub struct OptionalJson<T>(pub T);

impl<T: DeserializeOwned + Default, S: Send + Sync> FromRequest<S> for OptionalJson<T> {
    type Rejection = TallyError;

    async fn from_request(request: Request, state: &S) -> Result<Self, TallyError> {
        let RawBody(bytes) = RawBody::from_request(request, state).await?;
        match bytes.iter().all(u8::is_ascii_whitespace) {
            true => Ok(OptionalJson(T::default())),
            false => Ok(OptionalJson(decode(&bytes)?)),
        }
    }
}

fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, TallyError> {
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
