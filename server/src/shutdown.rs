//! Graceful shutdown. On SIGTERM or SIGINT the listener stops accepting,
//! requests already in flight run to the end (so every submission they carry
//! is committed and acknowledged), every live socket is closed with 1001
//! "going away", and the process exits 0.

use anyhow::Context;
use std::future::Future;
use tokio::signal::unix::{signal, SignalKind};
use tokio::sync::watch;

/// Tells whoever holds a clone that shutdown has begun.
#[derive(Clone)]
pub struct Shutdown(watch::Receiver<bool>);

impl Shutdown {
    /// The handle, and the future that waits for a signal and then flips it
    /// (the accept loop in `serve.rs` stops when it resolves).
    pub fn on_signal() -> anyhow::Result<(Shutdown, impl Future<Output = ()> + Send + 'static)> {
        let (begun, handle) = watch::channel(false);
        let mut terminate = signal(SignalKind::terminate()).context("listening for SIGTERM")?;
        let mut interrupt = signal(SignalKind::interrupt()).context("listening for SIGINT")?;
        let wait = async move {
            let name = tokio::select! {
                _ = terminate.recv() => "SIGTERM",
                _ = interrupt.recv() => "SIGINT",
            };
            tracing::info!("{name}: finishing requests in flight, closing live sockets");
            begun.send_replace(true);
        };
        Ok((Shutdown(handle), wait))
    }

    /// Resolves once shutdown has begun.
    pub async fn begun(&mut self) {
        // An error means the signal task is gone, which only happens at exit.
        let _ = self.0.wait_for(|begun| *begun).await;
    }
}
