//! The home page: a header that says what Tally is and starts things
//! (start a board, join one by its code, go back to your boards), above the
//! live programmer matrix that anyone can try. The header is plain HTML
//! from the server: it adds nothing to the page's wasm.

use crate::components::board_page::BoardPage;
use crate::i18n::{t, t_with};
use crate::page_data::KnownBoard;
use crate::server_fns::home::your_boards;
use leptos::prelude::*;

#[component]
pub fn HomePage() -> impl IntoView {
    view! {
        <header class="home-intro">
            <p class="home-lead">
                <strong>{t("site-name")}</strong>
                " "
                {t("home-lead")}
            </p>
            <div class="home-actions">
                <a class="button primary" href="/start">{t("home-start")}</a>
                <JoinForm code=String::new() problem=None/>
            </div>
            <Suspense>{Suspend::new(async { your_boards().await.ok().map(known_boards) })}</Suspense>
        </header>
        <BoardPage/>
    }
}

/// Join a board by its code or link; a GET form, so it works without
/// JavaScript and its address can be shared.
#[component]
pub fn JoinForm(code: String, problem: Option<String>) -> impl IntoView {
    let invalid = problem.is_some();
    view! {
        <form class="join-form" action="/join" method="get">
            <label for="join-code">{t("join-label")}</label>
            <input
                id="join-code"
                name="code"
                value=code
                placeholder=t("join-placeholder")
                autocomplete="off"
                autocapitalize="none"
                spellcheck="false"
                required
                aria-invalid=invalid.then_some("true")
                aria-describedby=invalid.then_some("join-problem")
                autofocus=invalid
            />
            <button type="submit">{t("join-button")}</button>
            {problem.map(|text| view! { <p id="join-problem" class="field-error">{text}</p> })}
        </form>
    }
}

/// "Your boards": those this browser created or answered, if any.
fn known_boards(boards: Vec<KnownBoard>) -> Option<impl IntoView> {
    (!boards.is_empty()).then(|| {
        let count = boards.len();
        let items = boards
            .into_iter()
            .map(|board| {
                let role = t(if board.created { "your-board-started" } else { "your-board-answered" });
                view! {
                    <li>
                        <a href=format!("/b/{}", board.id)>{board.title}</a>
                        <span class="hint">" · "{role}</span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <details class="your-boards">
                <summary>{t_with("your-boards", &[("count", count.into())])}</summary>
                <ul>{items}</ul>
            </details>
        }
    })
}
