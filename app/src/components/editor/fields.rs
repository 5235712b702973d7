//! The editor's fields: the matrix's own text, its levels, and its
//! categories with their rows, each row with one description per level.
//! Every field writes straight into the draft as it is typed; the fields are
//! drawn again only after a structural change (something added, removed or
//! moved), so typing never loses focus. Problems from the last check show
//! under the field they concern, found by the field's JSON pointer.

use crate::i18n::{say, say_with, Arg, Say};
use crate::matrix::{Category, Direction, Level, Matrix, MatrixProblem};
use leptos::prelude::*;

/// The editor's state, shared by its views (every part is a signal, so it
/// is `Copy`).
#[derive(Clone, Copy)]
pub struct Draft {
    pub matrix: RwSignal<Matrix>,
    /// Bumped by every structural change and when a whole matrix is loaded:
    /// the fields are drawn again from the matrix.
    pub layout: RwSignal<u64>,
    /// The board has answers: only text may change.
    pub locked: bool,
    /// What the last check found wrong, each with its field's path.
    pub problems: RwSignal<Vec<MatrixProblem>>,
}

impl Draft {
    pub fn new(matrix: Matrix, locked: bool) -> Draft {
        Draft { matrix: RwSignal::new(matrix), layout: RwSignal::new(0), locked, problems: RwSignal::new(Vec::new()) }
    }

    /// Loads a whole matrix (a template, an import, a restored draft).
    pub fn replace(&self, matrix: Matrix) {
        self.matrix.set(matrix);
        self.layout.update(|n| *n += 1);
    }

    /// A structural change; the fields are drawn again and focus moves to
    /// the field or button with id `focus`.
    fn restructure(&self, change: impl FnOnce(&mut Matrix), focus: String) {
        self.matrix.update(change);
        self.layout.update(|n| *n += 1);
        #[cfg(feature = "hydrate")]
        super::browser::focus_soon(focus);
        #[cfg(not(feature = "hydrate"))]
        drop(focus);
    }

    /// The messages of the problems at any of `paths`.
    pub(super) fn problems_at(&self, paths: &[String]) -> Vec<String> {
        self.problems.with(|all| all.iter().filter(|p| paths.contains(&p.path)).map(|p| p.message.clone()).collect())
    }
}

/// The element id of the field at a JSON pointer, e.g. `field-levels-0-label`.
pub fn field_id(path: &str) -> String {
    format!("field{}", path.replace('/', "-"))
}

/// One labelled text field with its problems under it. `paths` are the
/// pointers whose problems it shows (its own first); `write` stores a new value.
pub(super) fn text_field(
    draft: Draft,
    label: String,
    paths: Vec<String>,
    value: String,
    multiline: bool,
    write: impl Fn(&mut Matrix, String) + 'static,
) -> impl IntoView {
    let id = field_id(&paths[0]);
    let problem_id = format!("{id}-problem");
    let messages = move || draft.problems_at(&paths);
    let invalid = {
        let messages = messages.clone();
        move || (!messages().is_empty()).to_string()
    };
    let on_input = move |ev| {
        let value = event_target_value(&ev);
        draft.matrix.update(|m| write(m, value));
    };
    // The property as well as the markup: a redraw after a removal reuses
    // the elements, and a browser shows an edited field's property, not
    // its attribute or text.
    let shown = value.clone();
    let input = if multiline {
        view! {
            <textarea id=id.clone() rows="2" prop:value=shown aria-invalid=invalid aria-describedby=problem_id.clone() on:input=on_input>
                {value}
            </textarea>
        }
        .into_any()
    } else {
        view! {
            <input type="text" id=id.clone() value=value prop:value=shown aria-invalid=invalid aria-describedby=problem_id.clone() on:input=on_input/>
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {input}
            <p class="field-problem" id=problem_id>{move || messages().join(" ")}</p>
        </div>
    }
}

/// The problems of a whole list (e.g. "a matrix needs 2 to 16 levels").
pub(super) fn list_problems(draft: Draft, path: String) -> impl IntoView {
    let paths = vec![path];
    view! { <p class="field-problem">{move || draft.problems_at(&paths).join(" ")}</p> }
}

/// Move up, move down and remove for the item at `path` (`index` of `count`
/// in its list); `moved` and `removed` change the matrix, `sibling` gives
/// the path of the item at another index, to keep focus on the moved item.
pub(super) fn item_buttons(
    draft: Draft,
    name: String,
    index: usize,
    count: usize,
    sibling: impl Fn(usize) -> String + 'static,
    moved: impl Fn(&mut Matrix, Direction) -> Option<usize> + Copy + 'static,
    removed: impl Fn(&mut Matrix) + Copy + 'static,
) -> impl IntoView {
    let (up_id, down_id) = (format!("{}-up", field_id(&sibling(index))), format!("{}-down", field_id(&sibling(index))));
    let above = index.checked_sub(1).map(|i| format!("{}-up", field_id(&sibling(i))));
    let below = (index + 1 < count).then(|| format!("{}-down", field_id(&sibling(index + 1))));
    let after_removal = match (index + 1 < count, index.checked_sub(1)) {
        (true, _) => field_id(&sibling(index)),
        (false, Some(i)) => field_id(&sibling(i)),
        (false, None) => String::new(),
    };
    let locked = draft.locked;
    let named = |what: Say| say_with(what, &[("name", name.as_str().into())]);
    let question = named(Say::EditorRemoveAsk);
    view! {
        <div class="item-buttons">
            <button type="button" id=up_id disabled=locked || above.is_none() aria-label=named(Say::EditorMoveUp)
                on:click=move |_| draft.restructure(|m| { moved(m, Direction::Up); }, above.clone().unwrap_or_default())>"↑"</button>
            <button type="button" id=down_id disabled=locked || below.is_none() aria-label=named(Say::EditorMoveDown)
                on:click=move |_| draft.restructure(|m| { moved(m, Direction::Down); }, below.clone().unwrap_or_default())>"↓"</button>
            <button type="button" class="remove" disabled=locked aria-label=named(Say::EditorRemoveNamed)
                on:click=move |_| {
                    if crate::components::confirm::confirmed(&question) {
                        draft.restructure(removed, after_removal.clone())
                    }
                }>{say(Say::EditorRemove)}</button>
        </div>
    }
}

/// `what`, naming the `i`th item (counted from 1 for people).
pub(super) fn numbered(what: Say, i: usize) -> String {
    say_with(what, &[("n", Arg::from(i + 1))])
}

/// An "Add …" button that focuses the new item's first field.
pub(super) fn add_button(
    draft: Draft,
    text: Say,
    focus: String,
    add: impl Fn(&mut Matrix) + Copy + 'static,
) -> impl IntoView {
    view! {
        <button type="button" class="add" disabled=draft.locked on:click=move |_| draft.restructure(add, focus.clone())>
            {say(text)}
        </button>
    }
}

fn levels_view(draft: Draft, levels: &[Level]) -> impl IntoView {
    let count = levels.len();
    let items = levels
        .iter()
        .enumerate()
        .map(|(i, level)| {
            let at = format!("/levels/{i}");
            let name = numbered(Say::EditorLevelName, i);
            view! {
                <li class="editor-level">
                    {text_field(draft, numbered(Say::EditorLevelLabel, i), vec![format!("{at}/label"), format!("{at}/id")],
                        level.label.clone(), false, move |m, v| if let Some(l) = m.levels.get_mut(i) { l.label = v })}
                    {text_field(draft, numbered(Say::EditorLevelShort, i), vec![format!("{at}/short")],
                        level.short.clone(), false, move |m, v| if let Some(l) = m.levels.get_mut(i) { l.short = v })}
                    {item_buttons(draft, name, i, count, |i| format!("/levels/{i}/label"),
                        move |m, d| m.move_level(i, d), move |m| m.remove_level(i))}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="editor-levels" aria-labelledby="levels-heading">
            <h2 id="levels-heading">{say(Say::EditorLevelsHeading)}</h2>
            {list_problems(draft, "/levels".into())}
            <ol>{items}</ol>
            {add_button(draft, Say::EditorAddLevel, field_id(&format!("/levels/{count}/label")), Matrix::add_level)}
        </section>
    }
}

fn category_view(draft: Draft, c: usize, count: usize, category: &Category, levels: &[Level]) -> impl IntoView {
    let at = format!("/categories/{c}");
    let rows = category.rows.len();
    let row_views = category
        .rows
        .iter()
        .enumerate()
        .map(|(r, row)| {
            let at = format!("{at}/rows/{r}");
            let descriptions = row
                .descriptions
                .iter()
                .enumerate()
                .map(|(d, text)| {
                    let level = levels.get(d).map(|l| l.label.trim()).filter(|l| !l.is_empty());
                    let level = level.map(str::to_string).unwrap_or_else(|| (d + 1).to_string());
                    let label = say_with(Say::EditorAtLevel, &[("level", level.into())]);
                    text_field(draft, label, vec![format!("{at}/descriptions/{d}")], text.clone(), true, move |m, v| {
                        let row = m.categories.get_mut(c).and_then(|c| c.rows.get_mut(r));
                        if let Some(slot) = row.and_then(|row| row.descriptions.get_mut(d)) {
                            *slot = v;
                        }
                    })
                })
                .collect_view();
            let title = text_field(
                draft,
                numbered(Say::EditorRowTitle, r),
                vec![format!("{at}/title"), format!("{at}/id")],
                row.title.clone(),
                false,
                move |m, v| {
                    if let Some(row) = m.categories.get_mut(c).and_then(|c| c.rows.get_mut(r)) {
                        row.title = v;
                    }
                },
            );
            let sibling = move |i: usize| format!("/categories/{c}/rows/{i}/title");
            view! {
                <fieldset class="editor-row">
                    <legend>{numbered(Say::EditorRow, r)}</legend>
                    {title}
                    {list_problems(draft, format!("{at}/descriptions"))}
                    <div class="descriptions">{descriptions}</div>
                    {item_buttons(draft, say_with(Say::EditorRowName, &[("n", (r + 1).into()), ("k", (c + 1).into())]), r, rows, sibling,
                        move |m, d| m.move_row(c, r, d), move |m| m.remove_row(c, r))}
                </fieldset>
            }
        })
        .collect_view();
    view! {
        <fieldset class="editor-category">
            <legend>{numbered(Say::EditorCategory, c)}</legend>
            {text_field(draft, numbered(Say::EditorCategoryTitle, c), vec![format!("{at}/title"), format!("{at}/id")],
                category.title.clone(), false, move |m, v| if let Some(cat) = m.categories.get_mut(c) { cat.title = v })}
            {item_buttons(draft, numbered(Say::EditorCategoryName, c), c, count, |i| format!("/categories/{i}/title"),
                move |m, d| m.move_category(c, d), move |m| m.remove_category(c))}
            {list_problems(draft, format!("{at}/rows"))}
            {row_views}
            {add_button(draft, Say::EditorAddRow, field_id(&format!("{at}/rows/{rows}/title")), move |m| m.add_row(c))}
        </fieldset>
    }
}

/// Every field of the draft, drawn again after each structural change.
#[component]
pub fn MatrixFields(draft: Draft) -> impl IntoView {
    move || {
        draft.layout.track();
        let matrix = draft.matrix.get_untracked();
        let count = matrix.categories.len();
        let categories = matrix
            .categories
            .iter()
            .enumerate()
            .map(|(c, category)| category_view(draft, c, count, category, &matrix.levels))
            .collect_view();
        view! {
            <fieldset class="editor-about">
                <legend>{say(Say::EditorAbout)}</legend>
                {text_field(draft, say(Say::EditorTitle), vec!["/title".into(), "/id".into()], matrix.title.clone(), false,
                    |m, v| m.title = v)}
                {text_field(draft, say(Say::EditorDescription), vec!["/description".into()],
                    matrix.description.clone(), true, |m, v| m.description = v)}
                <label class="checkbox">
                    <input type="checkbox" checked=matrix.allow_partial disabled=draft.locked
                        on:change=move |ev| draft.matrix.update(|m| m.allow_partial = event_target_checked(&ev))/>
                    {say(Say::EditorAllowPartial)}
                </label>
            </fieldset>
            {levels_view(draft, &matrix.levels)}
            <section class="editor-categories" aria-labelledby="categories-heading">
                <h2 id="categories-heading">{say(Say::EditorCategoriesHeading)}</h2>
                {list_problems(draft, "/categories".into())}
                {categories}
                {add_button(draft, Say::EditorAddCategory, field_id(&format!("/categories/{count}/title")), Matrix::add_category)}
            </section>
        }
    }
}
