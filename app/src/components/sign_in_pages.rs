//! Signing in, as pages: `/auth/sign-in` sends the browser to the identity
//! provider, `/auth/callback` is where the provider sends it back, and the
//! account bar on every page says who is signed in, with the way in or
//! out. All of it works without JavaScript and adds nothing to any bundle:
//! these are server-rendered, never islands.

use crate::components::unavailable::unavailable;
use crate::error::TallyError;
use crate::i18n::t;
use crate::server_fns::sign_in::{finish_sign_in, signed_in, start_sign_in, AccountState};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_location, use_query_map};

/// `/auth/sign-in?return=<path>`: off to the provider.
#[component]
pub fn SignInPage() -> impl IntoView {
    let return_to = use_query_map().read_untracked().get("return").unwrap_or_default();
    view! {
        <Title text="Sign in · Tally"/>
        <Meta name="robots" content="noindex"/>
        <Suspense>
            {Suspend::new(async move { go_to(start_sign_in(return_to).await, "Continue to sign in") })}
        </Suspense>
    }
}

/// `/auth/callback?code=…&state=…`: back from the provider, signed in, and
/// on to where the person started; or why not, with the way to try again.
#[component]
pub fn SignInReturnPage() -> impl IntoView {
    let query = use_query_map().read_untracked();
    let (state, code) = (query.get("state").unwrap_or_default(), query.get("code").unwrap_or_default());
    let declined = query.get("error").map(|error| {
        let said = query.get("error_description").unwrap_or(error);
        TallyError::SignInRefused(format!("the sign-in provider did not sign you in: {said}"))
    });
    view! {
        <Title text="Signing in · Tally"/>
        <Meta name="robots" content="noindex"/>
        <Suspense>
            {Suspend::new(async move {
                let outcome = match declined {
                    Some(refusal) => Err(refusal),
                    None => finish_sign_in(state, code).await,
                };
                go_to(outcome, "Continue")
            })}
        </Suspense>
    }
}

/// Redirects to `target` (with a link, for a browser that does not
/// follow), or shows why not.
fn go_to(target: Result<String, TallyError>, link_text: &'static str) -> AnyView {
    match target {
        Ok(url) => {
            #[cfg(feature = "ssr")]
            leptos_axum::redirect(&url);
            view! { <p><a href=url>{link_text}</a></p> }.into_any()
        }
        Err(error) => view! {
            {unavailable("", &error)}
            <p><a href="/auth/sign-in">"Try signing in again"</a></p>
        }
        .into_any(),
    }
}

/// Who is signed in, with "Sign out"; or "Sign in". Nothing at all on a
/// server that does not offer sign-in.
#[component]
pub fn AccountBar() -> impl IntoView {
    let here = use_location().pathname.get_untracked();
    view! {
        <Suspense>
            {Suspend::new(async move {
                match signed_in().await {
                    Ok(AccountState { offered: true, who }) => account_bar(who, &here).into_any(),
                    _ => ().into_any(),
                }
            })}
        </Suspense>
    }
}

fn account_bar(who: Option<String>, here: &str) -> impl IntoView {
    let state = match who {
        Some(who) => view! {
            <span>{t("account-signed-in-as")}" " <strong translate="no">{who}</strong></span>
            <a href="/me">{t("account-my-boards")}</a>
            <form method="post" action="/api/sign_out">
                <button type="submit" class="link-button">{t("account-sign-out")}</button>
            </form>
        }
        .into_any(),
        None => {
            let here = percent_encoding::utf8_percent_encode(here, percent_encoding::NON_ALPHANUMERIC);
            let href = format!("/auth/sign-in?return={here}");
            view! { <a href=href>{t("account-sign-in")}</a> }.into_any()
        }
    };
    view! { <nav class="account-bar" aria-label=t("account-label")>{state}</nav> }
}
