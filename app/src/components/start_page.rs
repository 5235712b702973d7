//! `/start`: starting a board for a team. Pick a template (or write your
//! own matrix in the editor), a title and, for a public board, an address;
//! without an address the board gets an unguessable link and a join code.
//!
//! Plain HTML from the server, with or without JavaScript: the form posts
//! to `create_board`, which redirects to the new board's admin link, or,
//! refused, back here with what was typed. The page then checks the values
//! again (`load_start_form`) and names each problem beside its field, with focus
//! on the first one.

use crate::i18n::{t, t_with};
use crate::page_data::{StartForm, TemplateCard};
use crate::server_fns::home::load_start_form;
use crate::server_fns::CreateBoard;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn StartPage() -> impl IntoView {
    let query = use_query_map().read_untracked().clone();
    let text = move |key: &str| query.get(key).unwrap_or_default();
    let (matrix, title, slug) = (text("matrix"), text("title"), text("slug"));
    let (check, wait) = (text("check") == "true", text("wait").parse().unwrap_or(0));
    view! {
        <Title text=format!("{} · {}", t("start-title"), t("site-name"))/>
        <Suspense>
            {Suspend::new(async move {
                load_start_form(matrix, title, slug, check, wait).await.map(form_view).map_err(|e| e.to_string())
            })}
        </Suspense>
    }
}

fn form_view(form: StartForm) -> impl IntoView {
    let StartForm { templates, matrix, title, slug, title_problem, address_problem, problem } = form;
    let first = templates.first().map(|t| t.id.clone()).unwrap_or_default();
    let chosen = if templates.iter().any(|t| t.id == matrix) { matrix } else { first };
    let focus_title = title_problem.is_some();
    let focus_address = address_problem.is_some() && !focus_title;
    view! {
        <section class="start-page">
            <h1>{t("home-start")}</h1>
            <p>
                {t("start-two-links")}
                " "
                <strong>{t("start-keep-admin-link")}</strong>
                " "
                {t("start-cannot-be-recovered")}
            </p>
            {problem.map(|text| view! { <p class="form-error" role="alert">{text}</p> })}
            <form action=CreateBoard::url() method="post">
                <fieldset class="templates">
                    <legend>{t("start-matrix")}</legend>
                    {templates.into_iter().map(|t| template_choice(t, &chosen)).collect_view()}
                    <p class="hint">
                        <a href="/new">{t("start-own-matrix")}</a>
                        " "
                        {t("start-own-matrix-how")}
                    </p>
                </fieldset>
                {field("title", "start-field-title", title, 120, title_problem, focus_title)}
                {field("slug", "start-field-address", slug, 64, address_problem, focus_address)}
                <button type="submit" class="primary">{t("start-create")}</button>
            </form>
        </section>
    }
}

/// One template, as a radio choice with what it holds.
fn template_choice(template: TemplateCard, chosen: &str) -> impl IntoView {
    let TemplateCard { id, title, description, rows, levels } = template;
    let checked = id == *chosen;
    view! {
        <label class="template-card">
            <input type="radio" name="matrix" value=id checked=checked/>
            <span class="template-title" translate="no">{title}</span>
            <span class="hint">{t_with("start-template-size", &[("rows", rows.into()), ("levels", levels.into())])}</span>
            <span class="template-description" translate="no">{description}</span>
        </label>
    }
}

/// A text field with its hint, and its problem (if any) beside it; its
/// label, placeholder and hint are the messages `{messages}`, `…-example`
/// and `…-hint`.
fn field(
    name: &'static str,
    messages: &str,
    value: String,
    max: u32,
    problem: Option<String>,
    focus: bool,
) -> impl IntoView {
    let (label, placeholder, hint) = (t(messages), t(&format!("{messages}-example")), t(&format!("{messages}-hint")));
    let (hint_id, problem_id) = (format!("{name}-hint"), format!("{name}-problem"));
    let described = match problem {
        Some(_) => format!("{problem_id} {hint_id}"),
        None => hint_id.clone(),
    };
    view! {
        <div class="field">
            <label for=name>{label}</label>
            <input
                id=name
                name=name
                value=value
                placeholder=placeholder
                maxlength=max
                aria-describedby=described
                aria-invalid=problem.is_some().then_some("true")
                autofocus=focus
            />
            {problem.map(|text| view! { <p id=problem_id class="field-error">{text}</p> })}
            <p id=hint_id class="hint">{hint}</p>
        </div>
    }
}
