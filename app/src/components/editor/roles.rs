//! The editor's roles: each role's title and, row by row, the level it
//! expects there (or nothing), chosen from a list, so every expectation is
//! set with the keyboard alone. Roles are text: they may change after
//! answers, so nothing here is locked.

use super::fields::{add_button, field_id, item_buttons, list_problems, numbered, text_field, Draft};
use crate::i18n::{say, say_with, Say};
use crate::matrix::{Matrix, Role};
use leptos::prelude::*;

/// The roles' fields, drawn again after each structural change, like the
/// matrix's own.
#[component]
pub fn RoleFields(draft: Draft) -> impl IntoView {
    move || {
        draft.layout.track();
        roles_view(draft, &draft.matrix.get_untracked())
    }
}

fn roles_view(draft: Draft, matrix: &Matrix) -> impl IntoView {
    // Expectations name rows and levels by id, which a new matrix only has once saved.
    let unnamed = matrix.levels.iter().any(|l| l.id.is_empty()) || matrix.rows().any(|r| r.id.is_empty());
    let draft = Draft { locked: false, ..draft };
    let count = matrix.roles.len();
    let roles = matrix.roles.iter().enumerate().map(|(i, role)| role_view(draft, matrix, i, count, role, unnamed));
    view! {
        <section class="editor-roles" aria-labelledby="roles-heading">
            <h2 id="roles-heading">{say(Say::EditorRolesHeading)}</h2>
            <p class="hint">{say(Say::EditorRolesHint)}</p>
            {list_problems(draft, "/roles".into())}
            {roles.collect_view()}
            {add_button(draft, Say::EditorAddRole, field_id(&format!("/roles/{count}/title")), Matrix::add_role)}
        </section>
    }
}

fn role_view(draft: Draft, matrix: &Matrix, i: usize, count: usize, role: &Role, unnamed: bool) -> impl IntoView {
    let at = format!("/roles/{i}");
    let title = text_field(
        draft,
        numbered(Say::EditorRoleTitle, i),
        vec![format!("{at}/title"), format!("{at}/id")],
        role.title.clone(),
        false,
        move |m, v| {
            if let Some(role) = m.roles.get_mut(i) {
                role.title = v;
            }
        },
    );
    let expectations = match unnamed {
        true => view! {
            <p class="hint">{say(Say::EditorSaveFirst)}</p>
        }
        .into_any(),
        false => {
            matrix.rows().map(|row| expectation(draft, matrix, i, role, &row.id, &row.title)).collect_view().into_any()
        }
    };
    view! {
        <fieldset class="editor-role">
            <legend>{numbered(Say::EditorRole, i)}</legend>
            {title}
            {list_problems(draft, format!("{at}/expects"))}
            <div class="expectations">{expectations}</div>
            {item_buttons(draft, numbered(Say::EditorRoleName, i), i, count, |i| format!("/roles/{i}/title"),
                move |m, d| m.move_role(i, d), move |m| m.remove_role(i))}
        </fieldset>
    }
}

/// The level `role` (the `i`th) expects in one row, as a list to choose from.
fn expectation(draft: Draft, matrix: &Matrix, i: usize, role: &Role, row: &str, title: &str) -> impl IntoView {
    let path = format!("/roles/{i}/expects/{row}");
    let (id, problem_id) = (field_id(&path), format!("{}-problem", field_id(&path)));
    let chosen = role.expects.get(row).cloned().unwrap_or_default();
    let options = matrix
        .levels
        .iter()
        .map(|l| view! { <option value=l.id.clone() selected=l.id == chosen>{format!("{} ({})", l.short, l.label)}</option> })
        .collect_view();
    let paths = vec![path];
    let row = row.to_string();
    let on_change = move |ev| {
        let level = Some(event_target_value(&ev)).filter(|v| !v.is_empty());
        draft.matrix.update(|m| m.set_expectation(i, &row, level));
    };
    view! {
        <div class="field">
            <label for=id.clone()>{say_with(Say::EditorExpectedIn, &[("title", title.into())])}</label>
            <select id=id aria-describedby=problem_id.clone() on:change=on_change>
                <option value="" selected=chosen.is_empty()>{say(Say::EditorNotExpected)}</option>
                {options}
            </select>
            <p class="field-problem" id=problem_id>{move || draft.problems_at(&paths).join(" ")}</p>
        </div>
    }
}
