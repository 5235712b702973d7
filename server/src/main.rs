//! The Tally server: loads the matrices, opens the store, starts the engine,
//! and serves the page (Leptos SSR + hydration), its server functions and
//! the public JSON API on one axum router.

mod api;
mod config;
mod error_status;
mod export;
mod health;
mod live;
mod origin;
mod request_body;
mod request_log;
mod security_headers;
mod serve;
mod shutdown;

use app::{catalog, engine::Engine, shell, store::Store, App};
use axum::Router;
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

#[tokio::main]
async fn main() -> ExitCode {
    let config = config::Config::load();
    let filter = tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into());
    if config.log_json {
        tracing_subscriber::fmt().json().with_env_filter(filter).init();
    } else {
        tracing_subscriber::fmt().with_env_filter(filter).init();
    }
    tracing::info!(settings = %config.summary, "starting");
    match run(config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            tracing::error!("{message}");
            eprintln!("tally: {message}");
            ExitCode::FAILURE
        }
    }
}

async fn run(config: config::Config) -> Result<(), String> {
    let leptos_options = get_configuration(None).map_err(|e| format!("Leptos configuration: {e}"))?.leptos_options;
    let catalog = catalog::load_dir(&config.matrices_dir)?;
    let store = Store::open(&config.database).await.map_err(|e| e.to_string())?;
    let engine = Engine::start(store, catalog, &config.default_matrix).await?;

    let (shutdown, signal) = shutdown::Shutdown::on_signal()?;
    let limits = Arc::new(config.limits);
    let hub = live::Hub::new(engine.clone(), config.live.clone(), shutdown, config.origins.clone(), limits.clone());
    let routes = generate_route_list(App);
    let app = Router::new()
        .nest("/api/boards", api::router(engine.clone(), limits.clone()).merge(live::router(hub.clone())))
        .merge(health::router(engine.clone(), hub.clone()))
        .leptos_routes_with_context(
            &leptos_options,
            routes,
            {
                let (engine, limits) = (engine.clone(), limits.clone());
                move || {
                    provide_context(engine.clone());
                    provide_context(limits.clone());
                }
            },
            {
                let options = leptos_options.clone();
                move || shell(options.clone())
            },
        )
        .fallback(leptos_axum::file_and_error_handler(shell))
        .layer(axum::middleware::map_response(error_status::from_body))
        .layer(axum::middleware::from_fn_with_state(config.body_deadline, request_body::read_first))
        .layer(axum::middleware::from_fn_with_state(config.origins.clone(), origin::Origins::guard))
        .layer(axum::middleware::map_response(security_headers::add))
        .layer(axum::middleware::from_fn(request_log::log))
        .with_state(leptos_options.clone());

    let listener = tokio::net::TcpListener::bind(leptos_options.site_addr)
        .await
        .map_err(|e| format!("listening on {}: {e}", leptos_options.site_addr))?;
    let address = listener.local_addr().map_err(|e| e.to_string())?;
    tracing::info!(database = %config.database.label(), "Tally is ready");
    println!("Tally is running: open http://{address}/");
    serve::serve(listener, app, config.header_timeout, signal).await;
    // Upgraded sockets are not requests: serve does not wait for them.
    hub.closed(Duration::from_secs(5)).await;
    tracing::info!("stopped");
    Ok(())
}
