//! The editor's two routes: `/new` writes a matrix for a new board, starting
//! blank or from a template; `/b/{board}/edit` edits a board's own matrix
//! (saving needs the admin link's key).

use super::{MatrixEditor, Target};
use crate::error::TallyError;
use crate::i18n::{learn, say, say_with, t, t_with, Phrasebook, Say, Section};
use crate::matrix::Matrix;
use crate::page_data::BoardPageData;
use crate::server_fns::editor::editor_templates;
use crate::server_fns::load_board;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// `/new`: the template gallery above a blank draft.
#[component]
pub fn NewMatrixPage() -> impl IntoView {
    view! {
        <header class="board-header">
            <h1>{t("editor-new-heading")}</h1>
            <p class="intro">{t("editor-new-intro")}</p>
        </header>
        <Suspense fallback=|| view! { <p>{t("editor-loading-templates")}</p> }>
            {Suspend::new(async move {
                let templates = editor_templates().await.unwrap_or_default();
                let sizes = templates.iter().map(size_of).collect();
                view! { <NewMatrixDraft templates sizes words=Phrasebook::of(&[Section::Editor])/> }
            })}
        </Suspense>
    }
}

/// "12 competencies, 4 levels", as the gallery says of a template (formatted
/// here: a message with two plural choices is more than an island's
/// template can hold).
fn size_of(template: &Matrix) -> String {
    t_with("start-template-size", &[("rows", template.rows().count().into()), ("levels", template.levels.len().into())])
}

/// The gallery and the editor it fills: one island, as picking a template
/// replaces the draft. `sizes`: each template's size, in words.
// Lazy (a wasm file of its own) in split builds; see the `split` feature.
#[cfg_attr(feature = "split", island(lazy))]
#[cfg_attr(not(feature = "split"), island)]
fn NewMatrixDraft(templates: Vec<Matrix>, sizes: Vec<String>, words: Phrasebook) -> impl IntoView {
    learn(&words);
    let draft = RwSignal::new(None::<Matrix>);
    let gallery = templates
        .into_iter()
        .zip(sizes)
        .map(|(template, summary)| {
            let title = template.title.clone();
            view! {
                <li>
                    <button type="button" on:click=move |_| draft.set(Some(template.clone()))>
                        <strong>{title}</strong>
                        <span>{summary}</span>
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="template-gallery" aria-labelledby="gallery-heading">
            <h2 id="gallery-heading">{say(Say::EditorGalleryHeading)}</h2>
            <ul>{gallery}</ul>
        </section>
        <MatrixEditor initial=Matrix::blank() target=Target::NewBoard locked=false chosen=draft/>
    }
}

/// `/b/{board}/edit`: the board's matrix as it is now.
#[component]
pub fn EditMatrixPage() -> impl IntoView {
    let params = use_params_map();
    let board = params.read_untracked().get("board").unwrap_or_default();
    view! {
        <Suspense fallback=|| view! { <p>{t("editor-loading-matrix")}</p> }>
            {Suspend::new(async move {
                match load_board(board.clone(), String::new(), true).await {
                    Ok(page) => editor_of(page).into_any(),
                    Err(TallyError::NotAdmitted(refusal)) => view! { <EditorDoor board refusal words=Phrasebook::of(&[Section::Refusal, Section::Editor])/> }.into_any(),
                    Err(error) => view! { <p class="error" role="alert">{error.to_string()}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}

fn editor_of(page: BoardPageData) -> impl IntoView {
    let locked = page.stats.respondents > 0;
    view! {
        {editor_heading(&page.title)}
        <BoardMatrixEditor board=page.board matrix=page.matrix base=page.matrix_rev locked words=Phrasebook::of(&[Section::Editor])/>
    }
}

fn editor_heading(title: &str) -> impl IntoView {
    view! {
        <header class="board-header">
            <h1>{say_with(Say::EditorEditHeading, &[("title", title.into())])}</h1>
        </header>
    }
}

/// The editor of a board open to invited people only, which the server
/// cannot show its admin (see `admin_door`): loaded with the key this tab
/// holds, or else the refusal.
#[cfg_attr(feature = "split", island(lazy))]
#[cfg_attr(not(feature = "split"), island)]
///
/// `words`: what its refusal and the editor say.
fn EditorDoor(board: String, refusal: String, words: Phrasebook) -> impl IntoView {
    learn(&words);
    let loaded = crate::components::admin_door::loaded_as_admin(&board, |board, key| load_board(board, key, true));
    let refused = TallyError::NotAdmitted(refusal);
    move || match loaded.get() {
        Some(page) => {
            let (locked, target) =
                (page.stats.respondents > 0, Target::Board { id: page.board, base: page.matrix_rev });
            view! { {editor_heading(&page.title)} <MatrixEditor initial=page.matrix target locked/> }.into_any()
        }
        None => crate::components::unavailable::reason(&board, &refused).into_any(),
    }
}

/// The editor on a board's matrix, stored at revision `base`; `locked` once
/// anyone answered (levels and rows can then only be reworded).
// Lazy (a wasm file of its own) in split builds; see the `split` feature.
#[cfg_attr(feature = "split", island(lazy))]
#[cfg_attr(not(feature = "split"), island)]
fn BoardMatrixEditor(board: String, matrix: Matrix, base: u64, locked: bool, words: Phrasebook) -> impl IntoView {
    learn(&words);
    view! { <MatrixEditor initial=matrix target=Target::Board { id: board, base } locked/> }
}
