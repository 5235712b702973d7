//! A small TCP load balancer on 127.0.0.1 for the rolling-restart test: each
//! connection goes to the next backend in turn, or to the one after when
//! that one refuses (a stopped instance), and its bytes are copied both
//! ways. It counts the connections each backend took.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use tokio::net::{TcpListener, TcpStream};

pub struct Proxy {
    pub base: String,
    backends: Arc<Mutex<Vec<SocketAddr>>>,
    taken: Arc<Mutex<HashMap<SocketAddr, usize>>>,
}

impl Proxy {
    /// Balances between the servers at `bases` (`http://127.0.0.1:<port>`).
    pub async fn start(bases: &[&str]) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let backends = Arc::new(Mutex::new(bases.iter().map(|b| address(b)).collect::<Vec<_>>()));
        let taken = Arc::new(Mutex::new(HashMap::new()));
        let (list, counts) = (backends.clone(), taken.clone());
        tokio::spawn(async move {
            let turn = AtomicUsize::new(0);
            while let Ok((client, _)) = listener.accept().await {
                let candidates = list.lock().unwrap().clone();
                let first = turn.fetch_add(1, Ordering::Relaxed);
                let counts = counts.clone();
                tokio::spawn(async move {
                    for k in 0..candidates.len() {
                        let backend = candidates[(first + k) % candidates.len()];
                        if let Ok(mut server) = TcpStream::connect(backend).await {
                            *counts.lock().unwrap().entry(backend).or_insert(0) += 1;
                            let mut client = client;
                            let _ = tokio::io::copy_bidirectional(&mut client, &mut server).await;
                            return;
                        }
                    }
                });
            }
        });
        Proxy { base, backends, taken }
    }

    /// Balances over `bases` from now on.
    pub fn set_backends(&self, bases: &[&str]) {
        *self.backends.lock().unwrap() = bases.iter().map(|b| address(b)).collect();
    }

    /// Connections the server at `base` took through the proxy.
    pub fn taken_by(&self, base: &str) -> usize {
        self.taken.lock().unwrap().get(&address(base)).copied().unwrap_or(0)
    }

    pub fn ws_url(&self, path: &str) -> String {
        format!("{}{path}", self.base.replacen("http://", "ws://", 1))
    }
}

fn address(base: &str) -> SocketAddr {
    base.trim_start_matches("http://").parse().expect("a base is http://<ip>:<port>")
}
