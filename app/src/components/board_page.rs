//! One board's page: loads the matrix, the current figures and the visitor's
//! previous answers in a single server function (`load_board`), then hands
//! them to the form.

use crate::components::admin_door::AdminDoor;
use crate::components::matrix_form::MatrixForm;
use crate::error::TallyError;
use crate::i18n::{say, t, t_with, Phrasebook, Section};
use crate::server_fns::{load_board, my_rounds};
use crate::DEFAULT_BOARD;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_params_map;

#[component]
pub fn BoardPage() -> impl IntoView {
    let params = use_params_map();
    let board = params.read_untracked().get("board").unwrap_or_else(|| DEFAULT_BOARD.to_string());
    view! {
        <Suspense fallback=|| view! { <p>{t("board-loading")}</p> }>
            {Suspend::new(async move {
                match load_board(board.clone(), String::new(), false).await {
                    Ok(view) => {
                        let mine = my_rounds(board).await.unwrap_or_default();
                        let description = match view.matrix.description.trim() {
                            "" => t_with("board-description", &[("title", view.title.as_str().into())]),
                            text => text.to_string(),
                        };
                        view! {
                            <Title text=head_text(&format!("{} · Tally", view.title))/>
                            <Meta name="description" content=head_text(&description)/>
                            {untranslated_notice(&view)}
                            <MatrixForm view mine words=Phrasebook::of_board()/>
                            <p class="start-link"><a href="/start">{t("home-start")}</a></p>
                        }
                            .into_any()
                    }
                    Err(TallyError::NotAdmitted(refusal)) => view! {
                        <Title text=format!("{} · Tally", say(crate::access::kept_out_heading(&refusal)))/>
                        <AdminDoor board refusal words=Phrasebook::of(&[Section::Live, Section::Board, Section::Refusal])/>
                    }
                    .into_any(),
                    Err(error) => crate::components::unavailable::unavailable(&board, &error).into_any(),
                }
            })}
        </Suspense>
    }
}

/// Says how much of the matrix is not in the page's language, and in which
/// language those parts are shown instead.
fn untranslated_notice(view: &crate::page_data::BoardPageData) -> Option<impl IntoView> {
    let language = |tag: &str| t_with("matrix-language", &[("tag", tag.into())]);
    let args = [
        ("count", view.untranslated.into()),
        ("language", language(crate::i18n::current().language()).into()),
        ("source", language(&view.matrix.language).into()),
    ];
    (view.untranslated > 0)
        .then(|| view! { <p class="untranslated-notice" role="note">{t_with("matrix-untranslated", &args)}</p> })
}

/// A title or description as the document's head may carry it: without `<`
/// and `>`. leptos_meta writes `<title>` text as it is, and a board's title
/// comes from whoever created the board: `</title><script>` must not end it.
pub fn head_text(text: &str) -> String {
    text.chars().filter(|c| !matches!(c, '<' | '>')).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn head_text_cannot_close_the_title() {
        assert_eq!(super::head_text("</title><script>x</script> · Tally"), "/titlescriptx/script · Tally");
    }
}
