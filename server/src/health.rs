//! Probes for process managers and load balancers: `/healthz` says the
//! process answers at all; `/readyz` says it can serve, meaning the database
//! answers and matrices are loaded (503 with the reason otherwise), so a load
//! balancer can route around an instance that lost its database. And
//! `/metrics`, for Prometheus: on the site's address or one of its own, and
//! behind a bearer token when one is set (`TALLY_METRICS_TOKEN`).

use crate::config::MetricsAccess;
use app::backend::engine::{Engine, NotReady};
use app::backend::metrics::PrometheusHandle;
use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Value};
use subtle::ConstantTimeEq;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn probes<S: Clone + Send + Sync + 'static>(engine: Engine) -> OpenApiRouter<S> {
    OpenApiRouter::new().routes(routes!(alive)).routes(routes!(ready)).with_state(engine)
}

/// What `/metrics` needs: the exporter's handle and the token, if any.
#[derive(Clone)]
struct Exporter {
    /// Renders the process's metrics.
    handle: PrometheusHandle,
    /// Required as a bearer token when set.
    token: Option<String>,
}

pub fn metrics<S: Clone + Send + Sync + 'static>(handle: PrometheusHandle, access: &MetricsAccess) -> OpenApiRouter<S> {
    let exporter = Exporter { handle, token: access.token.clone() };
    OpenApiRouter::new().routes(routes!(prometheus_text)).with_state(exporter)
}

/// On the site's address unless `TALLY_METRICS_ADDR` gives it one of its own.
#[utoipa::path(get, path = "/metrics", tag = "operations", security((), ("metrics_token" = [])), responses(
    (status = 200, description = "Prometheus text (docs/API.md lists the metrics)", content((String = "text/plain"))),
    (status = 401, description = "`TALLY_METRICS_TOKEN` is set and was not sent", content((String = "text/plain"))),
))]
async fn prometheus_text(State(exporter): State<Exporter>, headers: HeaderMap) -> Response {
    if let Some(token) = &exporter.token {
        let given = crate::api::bearer(&headers).unwrap_or_default();
        if !bool::from(given.as_bytes().ct_eq(token.as_bytes())) {
            let challenge = [(header::WWW_AUTHENTICATE, "Bearer")];
            return (StatusCode::UNAUTHORIZED, challenge, "send the metrics token as 'Authorization: Bearer <token>'")
                .into_response();
        }
    }
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], exporter.handle.render()).into_response()
}

#[utoipa::path(get, path = "/healthz", tag = "operations", responses(
    (status = 200, description = "The process serves: `{\"status\": \"alive\"}`", body = Object),
))]
async fn alive() -> Json<Value> {
    Json(json!({ "status": "alive" }))
}

#[utoipa::path(get, path = "/readyz", tag = "operations", responses(
    (status = 200, description = "The database answers: `{\"status\": \"ready\", \"matrices\": N}`", body = Object),
    (status = 503, description = "Not ready: `{\"status\": \"not ready\", \"reason\"}`", body = Object),
))]
async fn ready(State(engine): State<Engine>) -> (StatusCode, Json<Value>) {
    match engine.ready().await {
        Ok(matrices) if matrices > 0 => (StatusCode::OK, Json(json!({ "status": "ready", "matrices": matrices }))),
        Ok(_) => {
            (StatusCode::SERVICE_UNAVAILABLE, Json(json!({ "status": "not ready", "reason": "no matrices loaded" })))
        }
        Err(error) => {
            tracing::warn!(%error, "readiness check failed");
            let reason = match error {
                NotReady::Unreachable(_) => "the database does not answer",
                NotReady::WritesFail(_) => "writes to the database fail",
                NotReady::WriterStuck(_) => "a commit is stuck past its timeout",
            };
            (StatusCode::SERVICE_UNAVAILABLE, Json(json!({ "status": "not ready", "reason": reason })))
        }
    }
}
