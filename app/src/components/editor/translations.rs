//! The editor's translations: the language the matrix is written in, and
//! its text in another language, each field beside the text it translates,
//! the untranslated ones marked and counted. A translation names what it
//! translates by id, so a matrix is translated once saved (as with roles).

use super::fields::Draft;
use crate::i18n::{say, say_with, Say};
use crate::matrix::{Matrix, Translation, LANGUAGES};
use leptos::prelude::*;

/// One text a translation may give: which, and so where in a [`Translation`].
#[derive(Clone, Debug, PartialEq)]
enum Slot {
    Title,
    Description,
    LevelLabel(String),
    LevelShort(String),
    Category(String),
    RowTitle(String),
    RowDescription(String, usize),
    Role(String),
}

impl Slot {
    fn read(&self, words: &Translation) -> String {
        let text = match self {
            Slot::Title => Some(&words.title),
            Slot::Description => Some(&words.description),
            Slot::LevelLabel(id) => words.levels.get(id).map(|l| &l.label),
            Slot::LevelShort(id) => words.levels.get(id).map(|l| &l.short),
            Slot::Category(id) => words.categories.get(id),
            Slot::RowTitle(id) => words.rows.get(id).map(|r| &r.title),
            Slot::RowDescription(id, d) => words.rows.get(id).and_then(|r| r.descriptions.get(*d)),
            Slot::Role(id) => words.roles.get(id),
        };
        text.cloned().unwrap_or_default()
    }

    fn write(&self, words: &mut Translation, text: String) {
        match self {
            Slot::Title => words.title = text,
            Slot::Description => words.description = text,
            Slot::LevelLabel(id) => words.levels.entry(id.clone()).or_default().label = text,
            Slot::LevelShort(id) => words.levels.entry(id.clone()).or_default().short = text,
            Slot::Category(id) => {
                words.categories.insert(id.clone(), text);
            }
            Slot::RowTitle(id) => words.rows.entry(id.clone()).or_default().title = text,
            Slot::RowDescription(id, d) => {
                let descriptions = &mut words.rows.entry(id.clone()).or_default().descriptions;
                descriptions.resize(descriptions.len().max(d + 1), String::new());
                descriptions[*d] = text;
            }
            Slot::Role(id) => {
                words.roles.insert(id.clone(), text);
            }
        }
    }

    /// A field's element id, unique on the page.
    fn field_id(&self) -> String {
        let id = match self {
            Slot::Title => "title".into(),
            Slot::Description => "description".into(),
            Slot::LevelLabel(id) => format!("level-{id}-label"),
            Slot::LevelShort(id) => format!("level-{id}-short"),
            Slot::Category(id) => format!("category-{id}"),
            Slot::RowTitle(id) => format!("row-{id}-title"),
            Slot::RowDescription(id, d) => format!("row-{id}-{d}"),
            Slot::Role(id) => format!("role-{id}"),
        };
        format!("translation-{id}")
    }
}

/// Every text of `matrix` a translation may give, with the words naming it
/// and the text as written (blank texts have nothing to translate).
fn slots(matrix: &Matrix) -> Vec<(Slot, String, String)> {
    let numbered = |what: Say, i: usize| super::fields::numbered(what, i);
    let mut all = vec![
        (Slot::Title, say(Say::EditorTitle), matrix.title.clone()),
        (Slot::Description, say(Say::EditorDescription), matrix.description.clone()),
    ];
    for (i, level) in matrix.levels.iter().enumerate() {
        all.push((Slot::LevelLabel(level.id.clone()), numbered(Say::EditorLevelLabel, i), level.label.clone()));
        all.push((Slot::LevelShort(level.id.clone()), numbered(Say::EditorLevelShort, i), level.short.clone()));
    }
    for (c, category) in matrix.categories.iter().enumerate() {
        all.push((Slot::Category(category.id.clone()), numbered(Say::EditorCategoryTitle, c), category.title.clone()));
        for row in &category.rows {
            all.push((Slot::RowTitle(row.id.clone()), say(Say::EditorTranslatedRow), row.title.clone()));
            for (d, text) in row.descriptions.iter().enumerate() {
                let level = matrix.levels.get(d).map_or_else(|| (d + 1).to_string(), |l| l.label.clone());
                let label = format!("{} · {}", row.title, say_with(Say::EditorAtLevel, &[("level", level.into())]));
                all.push((Slot::RowDescription(row.id.clone(), d), label, text.clone()));
            }
        }
    }
    for (i, role) in matrix.roles.iter().enumerate() {
        all.push((Slot::Role(role.id.clone()), numbered(Say::EditorRoleTitle, i), role.title.clone()));
    }
    all.retain(|(_, _, source)| !source.trim().is_empty());
    all
}

fn language_name(tag: &str) -> String {
    say_with(Say::EditorLanguageName, &[("tag", tag.into())])
}

/// The matrix's language, and the translation being written, side by side
/// with the text as written; drawn again after each structural change.
#[component]
pub fn TranslationFields(draft: Draft) -> impl IntoView {
    let into = RwSignal::new(String::new());
    let source = move || draft.matrix.with(|m| m.language.clone());
    let set_source = move |ev| draft.matrix.update(|m| m.language = event_target_value(&ev));
    let other_languages = move || {
        let source = source();
        let options = LANGUAGES.iter().filter(|tag| **tag != source).map(|tag| {
            view! { <option value=*tag selected=move || into.get() == *tag>{language_name(tag)}</option> }
        });
        options.collect_view()
    };
    view! {
        <section class="editor-translations" aria-labelledby="translations-heading">
            <h2 id="translations-heading">{say(Say::EditorTranslationsHeading)}</h2>
            <p class="hint">{say(Say::EditorTranslationsHint)}</p>
            <div class="field">
                <label for="matrix-language">{say(Say::EditorWrittenIn)}</label>
                <select id="matrix-language" disabled=draft.locked on:change=set_source>
                    {LANGUAGES.iter().map(|tag| view! { <option value=*tag selected=move || source() == *tag>{language_name(tag)}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="translate-into">{say(Say::EditorTranslateInto)}</label>
                <select id="translate-into" on:change=move |ev| into.set(event_target_value(&ev))>
                    <option value="">{say(Say::EditorTranslateNone)}</option>
                    {other_languages}
                </select>
            </div>
            {move || (!into.get().is_empty()).then(|| translation_table(draft, into.get()))}
        </section>
    }
}

/// The texts of the matrix beside their translation into `tag`.
fn translation_table(draft: Draft, tag: String) -> impl IntoView {
    draft.layout.track();
    let matrix = draft.matrix.get_untracked();
    if matrix.levels.iter().any(|l| l.id.is_empty()) || matrix.rows().any(|r| r.id.is_empty()) {
        return view! { <p class="hint">{say(Say::EditorTranslationsSaveFirst)}</p> }.into_any();
    }
    let all = slots(&matrix);
    // The texts stay the same until the next structural change redraws this.
    let keys: Vec<Slot> = all.iter().map(|(slot, ..)| slot.clone()).collect();
    let count_tag = tag.clone();
    let left = move || {
        let left = draft.matrix.with(|m| {
            let words = m.translations.get(&count_tag);
            keys.iter().filter(|slot| words.is_none_or(|words| slot.read(words).trim().is_empty())).count()
        });
        say_with(Say::EditorTranslationsLeft, &[("count", left.into()), ("total", keys.len().into())])
    };
    let pairs = all.into_iter().map(|(slot, label, source)| pair(draft, tag.clone(), &matrix, slot, label, source));
    view! {
        <p class="translations-left" aria-live="polite">{left}</p>
        <div class="translation-pairs">{pairs.collect_view()}</div>
    }
    .into_any()
}

/// One text as written, and its translation beside it, marked while blank.
fn pair(draft: Draft, tag: String, matrix: &Matrix, slot: Slot, label: String, source: String) -> impl IntoView {
    let id = slot.field_id();
    let start = matrix.translations.get(&tag).map(|words| slot.read(words)).unwrap_or_default();
    let text = RwSignal::new(start.clone());
    let multiline = matches!(slot, Slot::Description | Slot::RowDescription(..));
    let on_input = move |ev| {
        let value = event_target_value(&ev);
        text.set(value.clone());
        draft.matrix.update(|m| slot.write(m.translations.entry(tag.clone()).or_default(), value));
    };
    let shown = start.clone();
    let input = match multiline {
        true => {
            view! { <textarea id=id.clone() rows="2" prop:value=shown on:input=on_input>{start}</textarea> }.into_any()
        }
        false => view! { <input type="text" id=id.clone() value=start prop:value=shown on:input=on_input/> }.into_any(),
    };
    view! {
        <div class="translation-pair" class:untranslated=move || text.with(|t| t.trim().is_empty())>
            <p class="source" lang=matrix.language.clone() translate="no">{source}</p>
            <div class="field">
                <label for=id>{label}</label>
                {input}
                <p class="untranslated-mark" hidden=move || text.with(|t| !t.trim().is_empty())>
                    {say(Say::EditorNotTranslated)}
                </p>
            </div>
        </div>
    }
}
