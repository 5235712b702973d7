//! `/join?code=…`: the home page's "Join a board" lands here. A code that
//! names a board redirects to it; otherwise the page says why, with the
//! form again and what was typed in it.

use crate::components::home_page::JoinForm;
use crate::server_fns::home::join_board;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn JoinPage() -> impl IntoView {
    let code = use_query_map().read_untracked().get("code").unwrap_or_default();
    view! {
        <Title text="Join a board · Tally"/>
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
                        <h1>"Join a board"</h1>
                        <p>"Type the code the board's organiser showed you (on the presenter screen, under the QR code), or paste the board's link."</p>
                        <JoinForm code problem/>
                        <p><a href="/">"Back to the home page"</a></p>
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
        TallyError::UnknownBoard(typed) => {
            format!(
                "No board has the code or address “{typed}”. Check it with whoever shared it, or paste the whole link."
            )
        }
        other => format!("{other}."),
    }
}
