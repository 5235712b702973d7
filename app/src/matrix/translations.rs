//! A matrix in other languages. The matrix is written in one language (its
//! `language`); `translations` holds, per language tag, the words of
//! whatever has been translated, found by the ids of the levels,
//! categories, rows and roles they belong to, so a translation never
//! changes the matrix's shape. Whatever a translation leaves out is shown
//! in the matrix's own language, and the page says how much
//! ([`Matrix::in_language`]). Exports and the API keep the matrix as
//! written, translations included.

use super::{Matrix, MatrixProblem, MAX_DESCRIPTION, MAX_TITLE};
use crate::i18n::{t_with, Arg};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The language a matrix is written in when it does not say.
pub const SOURCE_LANGUAGE: &str = "en";

/// The languages a matrix may be written or translated in: the ones Tally's
/// pages speak.
pub const LANGUAGES: [&str; 4] = ["en", "de", "fr", "es"];

/// One language's words for a matrix; each field may be left out.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Translation {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Level id → its label and short label.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub levels: BTreeMap<String, LevelWords>,
    /// Category id → its title.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub categories: BTreeMap<String, String>,
    /// Row id → its title and descriptions.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub rows: BTreeMap<String, RowWords>,
    /// Role id → its title.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub roles: BTreeMap<String, String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct LevelWords {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub short: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RowWords {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// In level order; an empty one is not translated.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub descriptions: Vec<String>,
}

/// A matrix as a page in some language shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Shown {
    /// The matrix, each text in the page's language where it is translated.
    pub matrix: Matrix,
    /// How many of its texts are still in the matrix's own language (none
    /// when the page speaks that language).
    pub untranslated: usize,
}

/// Puts `translated` in `slot` unless it is blank; counts it if it is.
fn take(slot: &mut String, translated: Option<&String>, untranslated: &mut usize) {
    match translated.filter(|t| !t.trim().is_empty()) {
        Some(words) => slot.clone_from(words),
        None if slot.trim().is_empty() => {}
        None => *untranslated += 1,
    }
}

impl Matrix {
    /// The matrix in `language` (a tag of [`LANGUAGES`]): translated where
    /// it can be, in its own language elsewhere. The translations
    /// themselves stay behind: a page carries one language only.
    pub fn in_language(&self, language: &str) -> Shown {
        let mut matrix = Matrix { translations: BTreeMap::new(), ..self.clone() };
        if language == self.language {
            return Shown { matrix, untranslated: 0 };
        }
        let none = Translation::default();
        let words = self.translations.get(language).unwrap_or(&none);
        let mut untranslated = 0;
        let count = &mut untranslated;
        take(&mut matrix.title, Some(&words.title), count);
        take(&mut matrix.description, Some(&words.description), count);
        for level in &mut matrix.levels {
            let found = words.levels.get(&level.id);
            take(&mut level.label, found.map(|w| &w.label), count);
            take(&mut level.short, found.map(|w| &w.short), count);
        }
        for category in &mut matrix.categories {
            take(&mut category.title, words.categories.get(&category.id), count);
            for row in &mut category.rows {
                let found = words.rows.get(&row.id);
                take(&mut row.title, found.map(|w| &w.title), count);
                for (d, description) in row.descriptions.iter_mut().enumerate() {
                    take(description, found.and_then(|w| w.descriptions.get(d)), count);
                }
            }
        }
        for role in &mut matrix.roles {
            take(&mut role.title, words.roles.get(&role.id), count);
        }
        Shown { matrix, untranslated }
    }
}

impl Matrix {
    /// What is wrong with the matrix's language and translations: a
    /// language Tally does not speak, a translation into the matrix's own
    /// language, words for a level, category, row or role the matrix does
    /// not have, or more descriptions than levels. Each at its field.
    pub(super) fn translation_problems(&self) -> Vec<MatrixProblem> {
        let mut found = Vec::new();
        let mut add = |path: String, message: String| found.push(MatrixProblem { path, message });
        let known = ("known", Arg::from(LANGUAGES.join(", ")));
        if !LANGUAGES.contains(&self.language.as_str()) {
            add(
                "/language".into(),
                t_with("matrix-unknown-language", &[("tag", self.language.as_str().into()), known.clone()]),
            );
        }
        for (tag, words) in &self.translations {
            let at = format!("/translations/{tag}");
            if !LANGUAGES.contains(&tag.as_str()) {
                add(at.clone(), t_with("matrix-unknown-language", &[("tag", tag.as_str().into()), known.clone()]));
            } else if *tag == self.language {
                add(at.clone(), t_with("matrix-translation-of-source", &[("tag", tag.as_str().into())]));
            }
            let unknown = |message: &str, id: &str| t_with(message, &[("tag", tag.as_str().into()), ("id", id.into())]);
            for id in words.levels.keys().filter(|id| !self.levels.iter().any(|l| &l.id == *id)) {
                add(format!("{at}/levels/{id}"), unknown("matrix-translation-no-level", id));
            }
            for id in words.categories.keys().filter(|id| !self.categories.iter().any(|c| &c.id == *id)) {
                add(format!("{at}/categories/{id}"), unknown("matrix-translation-no-category", id));
            }
            for (id, row) in &words.rows {
                if self.row(id).is_none() {
                    add(format!("{at}/rows/{id}"), unknown("matrix-translation-no-row", id));
                } else if row.descriptions.len() > self.levels.len() {
                    let counts = [("n", row.descriptions.len().into()), ("levels", self.levels.len().into())];
                    let args =
                        [[("tag", tag.as_str().into()), ("id", id.as_str().into())].as_slice(), &counts].concat();
                    add(format!("{at}/rows/{id}/descriptions"), t_with("matrix-translation-descriptions", &args));
                }
            }
            for id in words.roles.keys().filter(|id| !self.roles.iter().any(|r| &r.id == *id)) {
                add(format!("{at}/roles/{id}"), unknown("matrix-translation-no-role", id));
            }
        }
        found
    }

    /// Every translated text with its path and its longest allowed length,
    /// for the size limits a matrix people send must keep.
    pub(super) fn translated_texts(&self) -> Vec<(String, &str, usize)> {
        let mut texts = Vec::new();
        for (tag, words) in &self.translations {
            let at = format!("/translations/{tag}");
            texts.push((format!("{at}/title"), words.title.as_str(), MAX_TITLE));
            texts.push((format!("{at}/description"), words.description.as_str(), MAX_DESCRIPTION));
            for (id, level) in &words.levels {
                texts.push((format!("{at}/levels/{id}/label"), level.label.as_str(), MAX_TITLE));
                texts.push((format!("{at}/levels/{id}/short"), level.short.as_str(), MAX_TITLE));
            }
            for (id, title) in &words.categories {
                texts.push((format!("{at}/categories/{id}"), title.as_str(), MAX_TITLE));
            }
            for (id, title) in &words.roles {
                texts.push((format!("{at}/roles/{id}"), title.as_str(), MAX_TITLE));
            }
            for (id, row) in &words.rows {
                texts.push((format!("{at}/rows/{id}/title"), row.title.as_str(), MAX_TITLE));
                for (d, text) in row.descriptions.iter().enumerate() {
                    texts.push((format!("{at}/rows/{id}/descriptions/{d}"), text.as_str(), MAX_DESCRIPTION));
                }
            }
        }
        texts
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matrix::tests::sample;

    fn german() -> Translation {
        let mut words = Translation { title: "Muster".into(), ..Translation::default() };
        words.levels.insert("a".into(), LevelWords { label: "Stufe A".into(), short: "A".into() });
        words.categories.insert("one".into(), "Eins".into());
        let descriptions = vec!["wenig".into(), String::new(), "viel".into()];
        words.rows.insert("r1".into(), RowWords { title: "Zeile 1".into(), descriptions });
        words
    }

    #[test]
    fn a_page_gets_what_is_translated_and_the_rest_as_written_counted() {
        let mut m = sample();
        m.translations.insert("de".into(), german());
        let shown = m.in_language("de");
        assert_eq!(shown.matrix.title, "Muster");
        assert_eq!(
            (shown.matrix.levels[0].label.as_str(), shown.matrix.levels[1].label.as_str()),
            ("Stufe A", "Level b")
        );
        assert_eq!(shown.matrix.categories[0].title, "Eins");
        assert_eq!(shown.matrix.categories[0].rows[0].descriptions, ["wenig", "mid", "viel"]);
        assert!(shown.matrix.translations.is_empty(), "one language travels");
        // Untranslated: 2 level texts × 2 levels, "Two", rows r2 and r3
        // (title and 3 descriptions each), and r1's middle description.
        assert_eq!(shown.untranslated, 4 + 1 + 8 + 1);
        assert!(shown.matrix.same_shape(&m));
    }

    #[test]
    fn the_matrix_own_language_and_an_unknown_one() {
        let mut m = sample();
        m.translations.insert("de".into(), german());
        assert_eq!(
            m.in_language("en"),
            Shown { matrix: Matrix { translations: BTreeMap::new(), ..m.clone() }, untranslated: 0 }
        );
        let spanish = m.in_language("es");
        assert_eq!(spanish.matrix.title, "Sample");
        assert_eq!(spanish.untranslated, 1 + 3 * 2 + 2 + 3 * 4);
    }
}
