//! The matrix editor: write a competency matrix in the browser, start from
//! a template or a TOML file, and create a board on it — or, opened from a
//! board's admin panel, edit that board's matrix.
//!
//! * [`fields`] — the fields themselves, the draft they write into, and the
//!   problems shown next to them;
//! * [`pages`] — the two routes, `/new` and `/b/{board}/edit`;
//! * `roles`, `translations` — what each role expects; the matrix's text in
//!   other languages, beside the text as written;
//! * `browser` — the draft kept in `localStorage`, files in and out.
//!
//! The rules are checked on the server (`server_fns::editor::check_matrix`),
//! a moment after typing stops: one set of rules, the same the API applies.

#[cfg(feature = "hydrate")]
pub(crate) mod browser;
mod fields;
pub mod pages;
mod roles;
mod translations;

use crate::error::TallyError;
use crate::i18n::{say, say_with, Say};
use crate::matrix::Matrix;
use fields::{field_id, Draft, MatrixFields};
use leptos::prelude::*;
use roles::RoleFields;
use translations::TranslationFields;

/// What the editor saves to.
#[derive(Clone, Debug, PartialEq)]
pub enum Target {
    /// A board made from the draft.
    NewBoard,
    /// An existing board's matrix, edited from revision `base`.
    Board { id: String, base: u64 },
}

/// What the editor tells the person: a status line and an error line.
#[derive(Clone, Copy)]
struct Notices {
    status: RwSignal<String>,
    error: RwSignal<Option<String>>,
}

impl Notices {
    fn outcome<T>(&self, draft: Draft, result: &Result<T, TallyError>, done: impl FnOnce() -> String) {
        match result {
            Ok(_) => {
                self.error.set(None);
                self.status.set(done());
            }
            Err(TallyError::InvalidMatrix(problems)) => {
                draft.problems.set(problems.clone());
                self.error.set(Some(say(Say::EditorNotSaved)));
            }
            Err(other) => self.error.set(Some(other.to_string())),
        }
    }
}

/// `initial` is what the editor starts from (and goes back to when a draft
/// is discarded); `chosen`, when given, hands it templates picked elsewhere
/// on the page.
#[component]
pub fn MatrixEditor(
    initial: Matrix,
    target: Target,
    locked: bool,
    #[prop(optional)] chosen: Option<RwSignal<Option<Matrix>>>,
) -> impl IntoView {
    let draft = Draft::new(initial.clone(), locked);
    let notices = Notices { status: RwSignal::new(String::new()), error: RwSignal::new(None) };
    let checked = RwSignal::new(false);
    let restored = RwSignal::new(false);
    let board = match &target {
        Target::Board { id, .. } => Some(id.clone()),
        Target::NewBoard => None,
    };
    let base = RwSignal::new(match &target {
        Target::Board { base, .. } => *base,
        Target::NewBoard => 0,
    });
    let admin_key = RwSignal::new(None::<String>);
    // Until hydration the buttons do nothing; tests wait for this.
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    #[cfg(feature = "hydrate")]
    keep_and_check(draft, browser::draft_key(board.as_deref()), initial.clone(), restored, checked);
    #[cfg(feature = "hydrate")]
    if let Some(board) = board.clone() {
        Effect::new(move |_| admin_key.set(crate::components::admin_key::admin_key(&board)));
    }
    if let Some(chosen) = chosen {
        Effect::new(move |_| {
            if let Some(template) = chosen.get() {
                notices.status.set(say_with(Say::EditorStartedFrom, &[("title", template.title.as_str().into())]));
                draft.replace(template);
            }
        });
    }
    let discard = {
        let (initial, board) = (initial.clone(), board.clone());
        move |_| {
            #[cfg(feature = "hydrate")]
            browser::clear_draft(&browser::draft_key(board.as_deref()));
            #[cfg(not(feature = "hydrate"))]
            let _ = &board;
            draft.replace(initial.clone());
            restored.set(false);
        }
    };

    let problems = move || draft.problems.get();
    let summary = move || match (checked.get(), problems().len()) {
        (false, _) => String::new(),
        (true, 0) => say(Say::EditorNoProblems),
        (true, n) => say_with(Say::EditorToFix, &[("count", n.into())]),
    };
    let problem_list = move || {
        problems()
            .into_iter()
            .map(|p| view! { <li><a href=format!("#{}", field_id(&p.path))>{p.message}</a></li> })
            .collect_view()
    };

    view! {
        <div class="editor" data-hydrated=move || hydrated.get().to_string()>
            <noscript><p class="error">{say(Say::EditorNeedsJs)}</p></noscript>
            <Show when=move || restored.get()>
                <p class="draft-notice" role="status">
                    {say(Say::EditorDraftBack)} " "
                    <button type="button" on:click=discard.clone()>{say(Say::EditorDiscard)}</button>
                </p>
            </Show>
            <Show when=move || locked>
                <p class="locked-notice">{say(Say::EditorLocked)}</p>
            </Show>
            {files_bar(draft, notices)}
            <MatrixFields draft/>
            <RoleFields draft/>
            <TranslationFields draft/>
            <section class="editor-check" aria-live="polite">
                <p>{summary}</p>
                <ul>{problem_list}</ul>
            </section>
            {match target {
                Target::NewBoard => create_form(draft, notices).into_any(),
                Target::Board { id, .. } => save_bar(draft, notices, id, base, admin_key).into_any(),
            }}
            <p class="status" role="status">{move || notices.status.get()}</p>
            <p class="error" role="alert">{move || notices.error.get()}</p>
        </div>
    }
}

/// Keeps the draft in `localStorage` and checks it on the server once
/// typing pauses. On its first run it brings back a draft left earlier.
#[cfg(feature = "hydrate")]
fn keep_and_check(draft: Draft, key: String, initial: Matrix, restored: RwSignal<bool>, checked: RwSignal<bool>) {
    let pending = StoredValue::new(0u64);
    Effect::new(move |first_done: Option<()>| {
        let matrix = draft.matrix.get();
        if first_done.is_none() {
            if let Some(kept) = browser::load_draft(&key).filter(|kept| *kept != initial) {
                restored.set(true);
                draft.replace(kept);
                return;
            }
        } else if matrix != initial {
            browser::save_draft(&key, &matrix);
        }
        pending.update_value(|n| *n += 1);
        let ticket = pending.get_value();
        set_timeout(
            move || {
                if pending.get_value() != ticket {
                    return; // typing went on
                }
                leptos::task::spawn_local(async move {
                    let Ok(problems) = crate::server_fns::editor::check_matrix(matrix).await else { return };
                    if pending.get_value() == ticket {
                        draft.problems.set(problems);
                        checked.set(true);
                    }
                });
            },
            std::time::Duration::from_millis(400),
        );
    });
}

/// Start from a file, or take the draft away as one.
fn files_bar(draft: Draft, notices: Notices) -> impl IntoView {
    let import = move |ev: leptos::ev::Event| {
        #[cfg(feature = "hydrate")]
        leptos::task::spawn_local(async move {
            let Some((name, bytes)) = browser::chosen_file(&ev).await else { return };
            let lower = name.to_lowercase();
            let result = match lower.ends_with(".csv") || lower.ends_with(".xlsx") {
                true => crate::server_fns::editor::import_spreadsheet(name.clone(), bytes).await.map_err(by_cell),
                false => crate::server_fns::editor::import_matrix(String::from_utf8_lossy(&bytes).into()).await,
            };
            if let Ok(matrix) = &result {
                draft.replace(matrix.clone());
            }
            notices.outcome(draft, &result, || say_with(Say::EditorImported, &[("name", name.into())]));
        });
        #[cfg(not(feature = "hydrate"))]
        let _ = (ev, draft, notices);
    };
    // `kind`: toml, csv or xlsx.
    let export = move |kind: &'static str| {
        #[cfg(feature = "hydrate")]
        leptos::task::spawn_local(async move {
            use crate::server_fns::editor::{export_matrix, export_spreadsheet};
            let matrix = draft.matrix.get_untracked();
            let name = format!("{}.{kind}", if matrix.id.is_empty() { "matrix" } else { &matrix.id });
            let result = match kind {
                "toml" => export_matrix(matrix).await.map(String::into_bytes),
                _ => export_spreadsheet(matrix, kind.to_string()).await,
            };
            if let Ok(bytes) = &result {
                browser::download(&name, bytes, media_type(kind));
            }
            notices.outcome(draft, &result, || say_with(Say::EditorDownloaded, &[("name", name.into())]));
        });
        #[cfg(not(feature = "hydrate"))]
        let _ = (kind, draft, notices);
    };
    view! {
        <div class="editor-files">
            <label class="file-button">
                {say(Say::EditorImport)}
                <input type="file" accept=".toml,.json,.csv,.xlsx,application/toml,application/json" on:change=import/>
            </label>
            <button type="button" on:click=move |_| export("toml")>{say(Say::EditorDownload)}</button>
            <button type="button" on:click=move |_| export("csv")>{say(Say::EditorDownloadCsv)}</button>
            <button type="button" on:click=move |_| export("xlsx")>{say(Say::EditorDownloadXlsx)}</button>
            <p class="hint">{say(Say::EditorSpreadsheetHint)} " "
                <a href="/api/templates/programmer?format=xlsx" download>{say(Say::EditorTemplateXlsx)}</a> " · "
                <a href="/api/templates/programmer?format=csv" download>{say(Say::EditorTemplateCsv)}</a>
            </p>
        </div>
    }
}

/// A new board on the draft: its title and address, then create.
fn create_form(draft: Draft, notices: Notices) -> impl IntoView {
    let (title, slug) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let create = move |_| {
        let matrix = draft.matrix.get_untracked();
        let (title, slug) = (title.get_untracked(), slug.get_untracked());
        leptos::task::spawn_local(async move {
            let result = crate::server_fns::editor::create_custom_board(matrix, title, slug).await;
            notices.outcome(draft, &result, || say(Say::EditorCreated));
            #[cfg(feature = "hydrate")]
            if let Ok(url) = result {
                browser::clear_draft(&browser::draft_key(None));
                let _ = window().location().set_href(&url);
            }
        });
    };
    view! {
        <section class="editor-create" aria-labelledby="create-heading">
            <h2 id="create-heading">{say(Say::EditorCreateHeading)}</h2>
            <label>{say(Say::EditorBoardTitle)} " "
                <input maxlength="120" placeholder=say(Say::EditorBoardTitleExample)
                    on:input=move |ev| title.set(event_target_value(&ev))/>
            </label>
            <label>{say(Say::EditorAddress)}
                <input maxlength="64" placeholder=say(Say::EditorAddressExample) aria-describedby="editor-slug-hint"
                    on:input=move |ev| slug.set(event_target_value(&ev))/>
            </label>
            <p id="editor-slug-hint" class="hint">{say(Say::EditorAddressHint)}</p>
            <button type="button" class="primary" on:click=create>{say(Say::EditorCreate)}</button>
        </section>
    }
}

/// Saving an edit of a board's matrix, with the admin key from the link.
fn save_bar(
    draft: Draft,
    notices: Notices,
    board: String,
    base: RwSignal<u64>,
    key: RwSignal<Option<String>>,
) -> impl IntoView {
    // The tab keeps the key (see `admin_key`), so the board's page finds it.
    let back = format!("/b/{board}");
    let save = move |_| {
        let Some(admin) = key.get_untracked() else {
            notices.error.set(Some(say(Say::EditorAdminLinkNeeded)));
            return;
        };
        let (board, matrix) = (board.clone(), draft.matrix.get_untracked());
        leptos::task::spawn_local(async move {
            let result =
                crate::server_fns::editor::edit_matrix(board.clone(), admin, matrix, base.get_untracked()).await;
            if let Ok(rev) = result {
                base.set(rev);
                #[cfg(feature = "hydrate")]
                browser::clear_draft(&browser::draft_key(Some(&board)));
            }
            notices.outcome(draft, &result, || say(Say::EditorSaved));
        });
    };
    view! {
        <section class="editor-save">
            <button type="button" class="primary" on:click=save>{say(Say::EditorSave)}</button>
            <a href=back>{say(Say::EditorBack)}</a>
        </section>
    }
}

/// A refused spreadsheet's problems as one message, a line per cell: they
/// are the file's to fix, not the draft's fields.
#[cfg(feature = "hydrate")]
fn by_cell(error: TallyError) -> TallyError {
    match error {
        TallyError::InvalidMatrix(problems) => {
            TallyError::BadRequest(problems.into_iter().map(|p| p.message).collect::<Vec<_>>().join("\n"))
        }
        other => other,
    }
}

/// What a file of `kind` (toml, csv or xlsx) is, for the browser.
#[cfg(feature = "hydrate")]
fn media_type(kind: &str) -> &'static str {
    match kind {
        "csv" => "text/csv",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/toml",
    }
}
