//! Probes for process managers and load balancers: `/healthz` says the
//! process answers at all; `/readyz` says it can serve, meaning the database
//! answers and matrices are loaded (503 with the reason otherwise), so a load
//! balancer can route around an instance that lost its database. And
//! `/metrics`, for Prometheus.

use app::backend::engine::Engine;
use app::backend::metrics::PrometheusHandle;
use axum::extract::State;
use axum::http::header;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Value};

#[derive(Clone)]
struct Probes {
    /// Asked whether the database answers.
    engine: Engine,
    /// Renders the process's metrics.
    metrics: PrometheusHandle,
}

pub fn router<S>(engine: Engine, metrics: PrometheusHandle) -> Router<S> {
    Router::new()
        .route("/healthz", get(alive))
        .route("/readyz", get(ready))
        .route("/metrics", get(prometheus_text))
        .with_state(Probes { engine, metrics })
}

async fn prometheus_text(State(Probes { metrics, .. }): State<Probes>) -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], metrics.render())
}

async fn alive() -> Json<Value> {
    Json(json!({ "status": "alive" }))
}

async fn ready(State(Probes { engine, .. }): State<Probes>) -> (StatusCode, Json<Value>) {
    match engine.ready().await {
        Ok(matrices) if matrices > 0 => (StatusCode::OK, Json(json!({ "status": "ready", "matrices": matrices }))),
        Ok(_) => {
            (StatusCode::SERVICE_UNAVAILABLE, Json(json!({ "status": "not ready", "reason": "no matrices loaded" })))
        }
        Err(error) => {
            tracing::warn!(%error, "readiness check failed");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(json!({ "status": "not ready", "reason": "the database does not answer" })),
            )
        }
    }
}
