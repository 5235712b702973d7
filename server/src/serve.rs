//! The accept loop. It is axum's `serve` with three additions: each request
//! knows the client it came from (the peer, or the client a trusted proxy
//! names: `client_addr.rs`), for the per-address limits; connections
//! past the caps in `connection_cap.rs` are closed on accept; and a client
//! must send its first byte, and then a request's headers, within a
//! deadline, so neither silence nor a slow drip of header bytes (slowloris)
//! holds a connection open for free. Hand-written because axum's `serve`
//! offers none of these hooks.
//! On shutdown it stops accepting and lets every connection finish the
//! request it is on.

use crate::connection_cap::ConnectionGate;
use app::backend::client_addr::TrustedProxies;
use axum::body::Body;
use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto::Builder;
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tower::ServiceExt;

/// How connections are let in.
#[derive(Clone)]
pub struct Admission {
    /// For a connection's first byte, then for a request's headers.
    pub header_timeout: Duration,
    /// Caps on open connections.
    pub gate: ConnectionGate,
    /// Whose `X-Forwarded-For` names the client.
    pub proxies: TrustedProxies,
}

pub async fn serve(listener: TcpListener, app: Router, admission: Admission, shutdown: impl Future<Output = ()>) {
    let Admission { header_timeout, gate, proxies } = admission;
    let mut builder = Builder::new(TokioExecutor::new()).http1_only();
    builder.http1().timer(TokioTimer::new()).header_read_timeout(header_timeout);
    let builder = Arc::new(builder);
    let connections = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    // Out of file descriptors and the like: wait, do not spin.
                    tracing::warn!(%error, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            _ = shutdown.as_mut() => break,
        };
        let Some(admitted) = gate.admit(peer.ip()) else { continue };
        // Each request carries the connection's place under the caps, so a
        // live socket upgraded from it keeps counting once HTTP is done.
        let admitted = Arc::new(admitted);
        let place = admitted.clone();
        let proxies = proxies.clone();
        let service = app.clone().map_request(move |mut request: hyper::Request<Incoming>| {
            let client = proxies.client(peer.ip(), request.headers());
            request.extensions_mut().insert(client);
            request.extensions_mut().insert(place.clone());
            request.map(Body::new)
        });
        let (builder, watcher) = (builder.clone(), connections.watcher());
        tokio::spawn(async move {
            let _admitted = admitted;
            // hyper's header deadline starts with the first bytes (it waits
            // for them to tell the HTTP version), so a client that connects
            // and says nothing gets the same deadline here.
            match tokio::time::timeout(header_timeout, stream.peek(&mut [0u8; 1])).await {
                Ok(Ok(read)) if read > 0 => {}
                _ => return,
            }
            let connection =
                builder.serve_connection_with_upgrades(TokioIo::new(stream), TowerToHyperService::new(service));
            if let Err(error) = watcher.watch(connection.into_owned()).await {
                tracing::debug!(%error, %peer, "connection ended with an error");
            }
        });
    }
    drop(listener);
    connections.shutdown().await;
}
