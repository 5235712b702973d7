//! A plain `<form>` posting to a server function, made live once hydrated:
//! without JavaScript the browser posts it (and the server function answers
//! with a redirect back); hydrated, submitting dispatches the function's
//! action instead, and the page shows the reply in place.
//!
//! Leptos' `ActionForm` does the same, but takes its children type-erased,
//! and an erased view brings every way of rendering it (building, hydrating,
//! rebuilding, hydrating asynchronously) into the browser's bundle: for the
//! board's form, about 95 KB before optimisation.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// The address a form posts `S` to when JavaScript is not running.
pub fn action_url<S: ServerFn>() -> &'static str {
    S::url()
}

/// The `on:submit` handler that dispatches `action` with the form's fields.
pub fn dispatch_on_submit<S>(action: ServerAction<S>) -> impl Fn(leptos::ev::SubmitEvent) + Clone + 'static
where
    S: ServerFn + serde::de::DeserializeOwned + Clone + Send + Sync + 'static,
    S::Output: Send + Sync + 'static,
    S::Error: Send + Sync + 'static,
{
    move |event| {
        // Fields that do not decode (which the form's own never should) are
        // left to the browser to post, as if the page were not hydrated.
        #[cfg(feature = "hydrate")]
        if let Ok(input) = <S as leptos::form::FromFormData>::from_event(&event) {
            event.prevent_default();
            action.dispatch(input);
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = (event, action);
    }
}
