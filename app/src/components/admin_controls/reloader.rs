//! A list the panel shows (webhooks, the audit trail), loaded from a server
//! function at once and again whenever the admin asks.

use crate::components::admin_words::said;
use crate::error::TallyError;
use leptos::prelude::*;
use std::future::Future;

/// Loads with `fetch(board, key)` now, and again each time the returned
/// function is called: what comes back goes in `into`, an error, said, in
/// `problem`.
pub fn reloader<T, F, Fut>(
    (board, key): (String, String),
    fetch: F,
    into: RwSignal<T>,
    problem: RwSignal<Option<String>>,
) -> impl Fn() + Clone + 'static
where
    T: Send + Sync + 'static,
    F: Fn(String, String) -> Fut + Clone + 'static,
    Fut: Future<Output = Result<T, TallyError>> + 'static,
{
    let reload = move || {
        let (board, key, fetch) = (board.clone(), key.clone(), fetch.clone());
        leptos::task::spawn_local(async move {
            match fetch(board, key).await {
                Ok(loaded) => into.set(loaded),
                Err(error) => problem.set(Some(said(&error))),
            }
        });
    };
    reload();
    reload
}
