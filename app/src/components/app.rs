use crate::components::board_page::BoardPage;
use crate::components::compare_page::ComparePage;
use crate::components::editor::pages::{EditMatrixPage, NewMatrixPage};
use crate::components::gaps_page::GapsPage;
use crate::components::home_page::HomePage;
use crate::components::invitation_page::InvitationPage;
use crate::components::join_page::JoinPage;
use crate::components::language_switcher::LanguageSwitcher;
use crate::components::my_boards_page::MyBoardsPage;
use crate::components::present_page::PresentPage;
use crate::components::sign_in_pages::{AccountBar, SignInPage, SignInReturnPage};
use crate::components::start_page::StartPage;
use crate::components::trends_page::TrendsPage;
use crate::i18n::t;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Link, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

/// The HTML document the server sends around the app: the stylesheet, and
/// the loader that hydrates the page once the browser is idle (see
/// `backend::assets`); the server-rendered page is the first paint and
/// works (plain form posts) before that.
#[cfg(feature = "ssr")]
pub fn shell(options: LeptosOptions) -> impl IntoView {
    use leptos_meta::MetaTags;
    crate::backend::content_policy::apply(&options);
    let assets = use_context::<crate::backend::assets::Assets>()
        .unwrap_or_else(|| crate::backend::assets::Assets::read(&options));
    let nonce = leptos::nonce::use_nonce();
    let locale = crate::i18n::current();
    view! {
        <!DOCTYPE html>
        <html lang=locale.tag() dir=locale.dir()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <AutoReload options=options.clone()/>
                <link rel="stylesheet" id="tally" href=assets.stylesheet.clone()/>
                <script type="module" nonce=nonce>{assets.loader()}</script>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    // SsrMode::Async renders the whole page, figures included, before the
    // first byte: no loading flash, and complete HTML without JavaScript.
    view! {
        <Link rel="icon" href="/favicon.svg" type_="image/svg+xml"/>
        <Title text=t("site-name")/>
        <Router>
            <LanguageSwitcher/>
            <AccountBar/>
            <main>
                <Routes fallback=|| view! { <p class="error">{t("page-missing")}</p> }>
                    <Route path=path!("/") view=HomePage ssr=SsrMode::Async/>
                    <Route path=path!("/start") view=StartPage ssr=SsrMode::Async/>
                    <Route path=path!("/join") view=JoinPage ssr=SsrMode::Async/>
                    <Route path=path!("/i/:token") view=InvitationPage ssr=SsrMode::Async/>
                    <Route path=path!("/b/:board") view=BoardPage ssr=SsrMode::Async/>
                    <Route path=path!("/b/:board/edit") view=EditMatrixPage ssr=SsrMode::Async/>
                    <Route path=path!("/b/:board/compare") view=ComparePage ssr=SsrMode::Async/>
                    <Route path=path!("/b/:board/trends") view=TrendsPage ssr=SsrMode::Async/>
                    <Route path=path!("/b/:board/gaps") view=GapsPage ssr=SsrMode::Async/>
                    <Route path=path!("/b/:board/present") view=PresentPage ssr=SsrMode::Async/>
                    <Route path=path!("/new") view=NewMatrixPage ssr=SsrMode::Async/>
                    <Route path=path!("/me") view=MyBoardsPage ssr=SsrMode::Async/>
                    <Route path=path!("/auth/sign-in") view=SignInPage ssr=SsrMode::Async/>
                    <Route path=path!("/auth/callback") view=SignInReturnPage ssr=SsrMode::Async/>
                </Routes>
            </main>
        </Router>
    }
}
