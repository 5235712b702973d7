//! Probes for process managers and load balancers: `/healthz` says the
//! process answers at all; `/readyz` says it can serve, meaning the database
//! answers and matrices are loaded (503 with the reason otherwise), so a load
//! balancer can route around an instance that lost its database. And
//! `/metrics`, for Prometheus.

use crate::live::Hub;
use app::engine::Engine;
use app::metrics::METRICS;
use axum::extract::State;
use axum::http::header;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{json, Value};

#[derive(Clone)]
struct Probes {
    engine: Engine,
    hub: Hub,
}

pub fn router<S>(engine: Engine, hub: Hub) -> Router<S> {
    Router::new()
        .route("/healthz", get(alive))
        .route("/readyz", get(ready))
        .route("/metrics", get(metrics))
        .with_state(Probes { engine, hub })
}

async fn metrics(State(Probes { hub, .. }): State<Probes>) -> impl IntoResponse {
    let mut text = METRICS.render();
    text.push_str("# HELP tally_live_connections Open live connections, by board.\n");
    text.push_str("# TYPE tally_live_connections gauge\n");
    for (board, watching) in hub.watching() {
        text.push_str(&format!("tally_live_connections{{board=\"{board}\"}} {watching}\n"));
    }
    ([(header::CONTENT_TYPE, "text/plain; version=0.0.4")], text)
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
