//! `/join?code=…`: the home page's "Join a board" lands here. A code that
//! names a board redirects to it; otherwise the page says why, with the
//! form again and what was typed in it.

use crate::components::home_page::JoinForm;
use crate::i18n::{t, t_with};
use crate::server_fns::home::join_board;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn JoinPage() -> impl IntoView {
    let code = use_query_map().read_untracked().get("code").unwrap_or_default();
    view! {
        <Title text=format!("{} · {}", t("join-label"), t("site-name"))/>
        <Suspense>
            {Suspend::new(async move {
                let problem = match code.trim() {
                    "" => None,
                    _ => match join_board(code.clone()).await {
                        Ok(path) => {
                            #[cfg(feature = "ssr")]
                            leptos_axum::redirect(&path);
                            let _ = path;
                            None
                        }
                        Err(error) => Some(why(&error)),
                    },
                };
                view! {
                    <section class="join-page">
                        <h1>{t("join-label")}</h1>
                        <p>{t("join-help")}</p>
                        <JoinForm code problem/>
                        <p><a href="/">{t("back-home")}</a></p>
                    </section>
                }
            })}
        </Suspense>
    }
}

/// A refusal in the words of someone joining.
fn why(error: &crate::error::TallyError) -> String {
    use crate::error::TallyError;
    match error {
        TallyError::UnknownBoard(typed) => t_with("join-unknown", &[("typed", typed.as_str().into())]),
        other => format!("{other}."),
    }
}
