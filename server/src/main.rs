//! The Tally server: loads the matrices, opens the store, starts the engine,
//! and serves the page (Leptos SSR + hydration), its server functions and
//! the public JSON API on one axum router.

mod allocator;
mod allowed_hosts;
mod api;
mod assets;
mod backup;
mod caching;
mod compression;
mod config;
mod connection_cap;
mod error_status;
mod form_errors;
mod health;
mod language;
mod live;
mod local_path;
mod origin;
mod request_body;
mod request_log;
mod security_headers;
mod serve;
mod shutdown;
mod verify;

use anyhow::Context;
use app::backend::assets::Assets;
use app::backend::respondent::Respondents;
use app::backend::signer::Signer;
use app::backend::site_cookie::SiteCookie;
use app::backend::use_cases::Tally;
use app::backend::webhooks::Outbox;
use app::backend::{catalog, engine::Engine, metrics, store};
use app::i18n::negotiate;
use app::{shell, App};
use axum::handler::Handler;
use axum::Router;
use connection_cap::ConnectionGate;
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use serve::Admission;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;

#[tokio::main]
async fn main() -> ExitCode {
    let config = config::Config::load();
    match config.command.clone() {
        Some(config::Command::Verify) => return verify::run(&config.database, &config.database_options).await,
        Some(config::Command::Backup { file }) => return backup::back_up(&config.database, file).await,
        Some(config::Command::Restore { file }) => {
            return backup::restore(&config.database, &config.database_options, file).await
        }
        None => {}
    }
    let filter = tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into());
    if config.log_json {
        tracing_subscriber::fmt().json().with_env_filter(filter).init();
    } else {
        tracing_subscriber::fmt().with_env_filter(filter).init();
    }
    tracing::info!(settings = %config.summary, "starting");
    // Every connection is a file descriptor; the soft limit is often 1,024
    // while the hard limit allows far more than the connection caps.
    match rlimit::increase_nofile_limit(u64::MAX) {
        Ok(limit) => tracing::info!(limit, "open-file limit"),
        Err(error) => tracing::warn!(%error, "could not raise the open-file limit"),
    }
    match run(config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            // `{:#}` prints the whole chain: what failed, and each cause.
            tracing::error!("{error:#}");
            eprintln!("tally: {error:#}");
            ExitCode::FAILURE
        }
    }
}

/// Start-up errors are `anyhow` here, at the binary's edge, where all
/// that is left to do with one is to print it with its causes; the library
/// below returns typed errors.
async fn run(config: config::Config) -> anyhow::Result<()> {
    let leptos_options = get_configuration(None).context("reading the Leptos configuration")?.leptos_options;
    let assets = Assets::read(&leptos_options);
    let metrics = metrics::install().context("installing the metrics recorder")?;
    tokio::spawn(metrics::upkeep(metrics.clone()));
    let catalog = catalog::load_dir(&config.matrices_dir).context("loading the matrices")?;
    let store = store::open(&config.database, &config.database_options).await.context("opening the database")?;
    let secret = store::server_secret(&*store).await.context("reading the server's secret")?;
    let engine = Engine::start(store, catalog, &config.default_matrix, config.boards.clone())
        .await
        .context("starting the engine")?;
    let https = config.https();
    let limits = Arc::new(config.limits);
    tokio::spawn(limits.clone().sweep_forever());
    let signer = Signer::new(secret);
    let respondents = Respondents::new(signer.clone(), https);
    let form_errors = form_errors::FormErrors::new(signer, https);
    let provider =
        config.oidc.clone().map(app::backend::oidc::Provider::new).transpose().context("setting up sign-in")?;
    let outbox = Arc::new(Outbox::new(config.webhooks.clone()).context("setting up webhooks")?);
    let tally = Tally::new(engine.clone(), limits, respondents)
        .with_public_url(config.public_url.as_deref())
        .with_bounds(config.bounds)
        .with_sign_in(provider)
        .with_webhooks(outbox.clone());

    let (shutdown, signal) = shutdown::Shutdown::on_signal()?;
    let mut stopping = shutdown.clone();
    let base_url = tally.public_url.clone().unwrap_or_default();
    tokio::spawn(outbox.deliver_forever(engine.clone(), base_url, async move { stopping.begun().await }));
    let mut stopping = shutdown.clone();
    tokio::spawn(config.retention.enforce_forever(engine.clone(), async move { stopping.begun().await }));
    let admission = Admission {
        header_timeout: config.header_timeout,
        gate: ConnectionGate::new(config.connections),
        proxies: config.proxies.clone(),
    };
    let metrics_on_site = match config.metrics.address {
        Some(address) => {
            let listener = tokio::net::TcpListener::bind(address)
                .await
                .with_context(|| format!("listening for metrics on {address}"))?;
            let mut stopping = shutdown.clone();
            let stopped = async move { stopping.begun().await };
            // Its own gate, so a flood on the site cannot lock the scraper out.
            let metrics = health::metrics(metrics, &config.metrics);
            let own_gate = Admission { gate: ConnectionGate::new(config.connections), ..admission.clone() };
            tokio::spawn(serve::serve(listener, metrics.into(), own_gate, stopped));
            OpenApiRouter::new()
        }
        None => health::metrics(metrics, &config.metrics),
    };
    let live_tasks = live::runtime(config.live_threads).context("starting the live connections' runtime")?;
    let hub = live::Hub::new(tally.clone(), config.live.clone(), shutdown, config.origins.clone(), live_tasks);
    let routes = generate_route_list(App);
    let (pkg_path, pkg_files) = assets::service(&leptos_options);
    // What every page's render may ask for.
    let page_context = {
        let (tally, assets) = (tally.clone(), assets.clone());
        move || {
            provide_context(tally.clone());
            provide_context(assets.clone());
        }
    };
    // Any page may be asked for at an address no route has.
    let not_found_page = leptos_axum::file_and_error_handler_with_context(page_context.clone(), shell);
    let api = OpenApiRouter::with_openapi(api::document::Outline::openapi())
        .nest("/api/boards", api::router(tally.clone()).merge(live::router(hub.clone())))
        .nest("/api/respondents", api::respondents(tally.clone()))
        .nest("/api/templates", api::templates(tally.clone()))
        .nest("/api/matrices", api::matrix_reader())
        .nest("/api/me", api::me(tally.clone()))
        .merge(health::probes(engine))
        .merge(metrics_on_site);
    let app = Router::new()
        .merge(api::document::published(api))
        .nest_service(&pkg_path, pkg_files)
        .leptos_routes_with_context(&leptos_options, routes, page_context, {
            let options = leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback_service(assets::site_files(&leptos_options, not_found_page.with_state(leptos_options.clone())))
        .layer(axum::middleware::map_response(error_status::from_body))
        .layer(axum::middleware::from_fn_with_state(form_errors, form_errors::FormErrors::guard))
        .layer(axum::middleware::from_fn(local_path::drop_trailing_slash))
        .layer(axum::middleware::from_fn_with_state(SiteCookie::new(negotiate::COOKIE, https), language::choose))
        .layer(axum::middleware::from_fn_with_state(config.body_deadline, request_body::read_first))
        .layer(axum::middleware::from_fn_with_state(config.origins.clone(), origin::Origins::guard))
        .layer(axum::middleware::from_fn_with_state(config.hosts.clone(), allowed_hosts::AllowedHosts::guard))
        .layer(security_headers::layers(https))
        .layer(axum::middleware::from_fn_with_state(assets, caching::add))
        .layer(compression::layer())
        .layer(axum::middleware::from_fn(request_log::log))
        .with_state(leptos_options.clone());

    let listener = tokio::net::TcpListener::bind(leptos_options.site_addr)
        .await
        .with_context(|| format!("listening on {}", leptos_options.site_addr))?;
    let address = listener.local_addr().context("reading the listen address")?;
    tracing::info!(database = %config.database.label(), "Tally is ready");
    println!("Tally is running: open http://{address}/");
    serve::serve(listener, app, admission, signal).await;
    // Upgraded sockets are not requests: serve does not wait for them.
    hub.closed(Duration::from_secs(5)).await;
    tracing::info!("stopped");
    Ok(())
}
