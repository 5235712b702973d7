//! Probes for process managers and load balancers: `/healthz` says the
//! process answers at all; `/readyz` says it can serve, meaning the database
//! answers and matrices are loaded (503 with the reason otherwise), so a load
//! balancer can route around an instance that lost its database.

use app::engine::Engine;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Value};

pub fn router<S>(engine: Engine) -> Router<S> {
    Router::new().route("/healthz", get(alive)).route("/readyz", get(ready)).with_state(engine)
}

async fn alive() -> Json<Value> {
    Json(json!({ "status": "alive" }))
}

async fn ready(State(engine): State<Engine>) -> (StatusCode, Json<Value>) {
    match engine.ready().await {
        Ok(matrices) if matrices > 0 => (StatusCode::OK, Json(json!({ "status": "ready", "matrices": matrices }))),
        Ok(_) => (StatusCode::SERVICE_UNAVAILABLE, Json(json!({ "status": "not ready", "reason": "no matrices loaded" }))),
        Err(error) => {
            tracing::warn!(%error, "readiness check failed");
            (StatusCode::SERVICE_UNAVAILABLE, Json(json!({ "status": "not ready", "reason": "the database does not answer" })))
        }
    }
}
