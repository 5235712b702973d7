//! `/i/<token>`: a personal invitation link. A link that holds makes this
//! device its person on the board and goes there; one that does not says
//! why (404 unknown, 410 withdrawn) and where to turn.

use crate::server_fns::invitations::open_invitation;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

#[component]
pub fn InvitationPage() -> impl IntoView {
    let token = use_params_map().read_untracked().get("token").unwrap_or_default();
    view! {
        <Title text="Your invitation · Tally"/>
        // The address is a personal key: no search engine should keep it.
        <Meta name="robots" content="noindex"/>
        <Suspense>
            {Suspend::new(async move {
                match open_invitation(token).await {
                    Ok(path) => {
                        #[cfg(feature = "ssr")]
                        leptos_axum::redirect(&path);
                        view! { <p><a href=path>"Open your board"</a></p> }.into_any()
                    }
                    Err(error) => crate::components::unavailable::unavailable("", &error).into_any(),
                }
            })}
        </Suspense>
    }
}
