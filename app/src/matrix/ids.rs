//! Ids a matrix's author left out, made from titles: transliterated to
//! ASCII (`deunicode`: "Référent" → `referent`, "数据" → `shu-ju`), then
//! lowercase letters and digits joined by '-', unique where they must be
//! (levels among levels, categories among categories, rows across the whole
//! matrix). A title with nothing usable in it gives a numbered id (`row-3`).
//! Server-side only: the browser bundle does without the transliteration
//! tables.

use super::Matrix;
use std::collections::HashSet;

/// At most this long, like every id.
const MAX_ID: usize = 64;

impl Matrix {
    /// Fills every empty id from its title (a level's from its label).
    /// Ids given stay as they are, even when invalid: checking is
    /// [`Matrix::problems`]' job, and it names them.
    pub fn fill_missing_ids(&mut self) {
        if self.id.is_empty() {
            self.id = slug(&self.title, "matrix", 1);
        }
        let mut taken: HashSet<String> = self.levels.iter().map(|l| l.id.clone()).collect();
        for (i, level) in self.levels.iter_mut().enumerate().filter(|(_, l)| l.id.is_empty()) {
            level.id = unique(slug(&level.label, "level", i + 1), &mut taken);
        }
        let mut taken: HashSet<String> = self.categories.iter().map(|c| c.id.clone()).collect();
        for (i, category) in self.categories.iter_mut().enumerate().filter(|(_, c)| c.id.is_empty()) {
            category.id = unique(slug(&category.title, "category", i + 1), &mut taken);
        }
        let mut taken: HashSet<String> = self.rows().map(|r| r.id.clone()).collect();
        let rows = self.categories.iter_mut().flat_map(|c| c.rows.iter_mut());
        for (i, row) in rows.enumerate().filter(|(_, r)| r.id.is_empty()) {
            row.id = unique(slug(&row.title, "row", i + 1), &mut taken);
        }
        let mut taken: HashSet<String> = self.roles.iter().map(|r| r.id.clone()).collect();
        for (i, role) in self.roles.iter_mut().enumerate().filter(|(_, r)| r.id.is_empty()) {
            role.id = unique(slug(&role.title, "role", i + 1), &mut taken);
        }
    }
}

/// `title` as an id, or `<kind>-<number>` when nothing of it is usable.
fn slug(title: &str, kind: &str, number: usize) -> String {
    let mut slug = String::new();
    for c in deunicode::deunicode(title).chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.truncate(MAX_ID - 4); // room for a "-999" that makes it unique
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        format!("{kind}-{number}")
    } else {
        slug.to_string()
    }
}

/// `id`, or `id-2`, `id-3`, … if taken; recorded as taken.
fn unique(id: String, taken: &mut HashSet<String>) -> String {
    let mut candidate = id.clone();
    let mut n = 2;
    while taken.contains(&candidate) {
        candidate = format!("{id}-{n}");
        n += 1;
    }
    taken.insert(candidate.clone());
    candidate
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matrix::tests::sample;

    #[test]
    fn titles_become_plain_unique_ids() {
        let mut m = sample();
        m.id.clear();
        m.title = "Site Reliability — Team Ladder".into();
        for row in m.categories.iter_mut().flat_map(|c| c.rows.iter_mut()) {
            row.id.clear();
            row.title = "Incident response".into();
        }
        m.categories[1].rows[0].title = "—".into();
        m.levels[0].id.clear();
        m.levels[0].label = "b".into(); // taken by the second level
        m.fill_missing_ids();
        assert_eq!(m.id, "site-reliability-team-ladder");
        let rows: Vec<&str> = m.rows().map(|r| r.id.as_str()).collect();
        assert_eq!(rows, ["incident-response", "incident-response-2", "row-3"]);
        assert_eq!(m.levels[0].id, "b-2");
        assert!(m.problems().is_empty(), "{:?}", m.problems());
    }

    #[test]
    fn long_titles_are_cut_to_a_valid_id() {
        assert_eq!(slug(&"word ".repeat(40), "row", 1).len(), 59);
        assert!(crate::matrix::is_identifier(&slug(&"x".repeat(300), "row", 1)));
    }
}
