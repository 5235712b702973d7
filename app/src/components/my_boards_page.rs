//! `/me`: a signed-in person's boards. Those they own, each with its open
//! round, who may answer, how many answered, and a link that opens it with
//! the admin's controls (no admin link needed); and those they answered.
//! Server-rendered: nothing of it reaches any bundle.

use crate::components::unavailable::unavailable;
use crate::i18n::{t, t_with};
use crate::my_boards::{MyBoards, OwnedBoard};
use crate::server_fns::sign_in::load_my_boards;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

#[component]
pub fn MyBoardsPage() -> impl IntoView {
    view! {
        <Title text=format!("{} · {}", t("my-boards-title"), t("site-name"))/>
        <Meta name="robots" content="noindex"/>
        <Suspense>
            {Suspend::new(async move {
                match load_my_boards().await {
                    Ok(mine) => my_boards(mine).into_any(),
                    Err(error) => view! {
                        {unavailable("", &error)}
                        <p><a href="/auth/sign-in?return=%2Fme">{t("account-sign-in")}</a></p>
                    }
                    .into_any(),
                }
            })}
        </Suspense>
    }
}

fn my_boards(mine: MyBoards) -> impl IntoView {
    let answered = mine.answered.into_iter().map(|b| {
        view! { <li><a href=format!("/b/{}", b.board)>{b.title}</a></li> }
    });
    view! {
        <div class="my-boards">
        <h1>{t("my-boards-title")}</h1>
        <section aria-labelledby="owned">
            <h2 id="owned">{t("my-boards-owned")}</h2>
            {owned_table(mine.owned)}
            <p><a href="/start">{t("my-boards-start")}</a></p>
        </section>
        <section aria-labelledby="answered">
            <h2 id="answered">{t("my-boards-answered")}</h2>
            <ul class="answered-boards">{answered.collect_view()}</ul>
        </section>
        </div>
    }
}

fn owned_table(owned: Vec<OwnedBoard>) -> impl IntoView {
    if owned.is_empty() {
        return view! { <p>{t("my-boards-none")}</p> }.into_any();
    }
    let rows = owned.into_iter().map(|b| {
        let state = if b.closed { "closed" } else { "open" };
        let round = t_with("my-boards-round", &[("round", u64::from(b.round).into()), ("state", state.into())]);
        view! {
            <tr>
                <th scope="row"><a href=format!("/b/{}", b.board)>{b.title.clone()}</a></th>
                <td>{round}</td>
                <td>{crate::i18n::say(b.access.describe())}</td>
                <td>{t_with("answered-count", &[("count", b.respondents.into())])}</td>
                <td><a href=b.manage aria-label=t_with("manage-board", &[("board", b.title.clone().into())])>{t("manage")}</a></td>
            </tr>
        }
    });
    view! {
        <div class="table-scroll">
            <table class="owned-boards">
                <thead>
                    <tr>
                        <th scope="col">{t("my-boards-column-board")}</th>
                        <th scope="col">{t("my-boards-column-round")}</th>
                        <th scope="col">{t("my-boards-column-access")}</th>
                        <th scope="col">{t("my-boards-column-answered")}</th>
                        <th scope="col"><span class="visually-hidden">{t("manage")}</span></th>
                    </tr>
                </thead>
                <tbody>{rows.collect_view()}</tbody>
            </table>
        </div>
    }
    .into_any()
}
