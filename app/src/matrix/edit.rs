//! The editor's structural operations on a matrix: adding, removing and
//! moving levels, categories, rows and roles, each keeping every row's
//! descriptions in step with the levels. Plain functions on [`Matrix`], so
//! they are tested here and the editor's views only call them.

use super::{Category, Level, Matrix, Role, Row, Translation};

/// Which way an item moves in its list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

/// Swaps `list[index]` with its neighbour; returns the item's new index,
/// or `None` when it is already at that end.
fn shift<T>(list: &mut [T], index: usize, direction: Direction) -> Option<usize> {
    let to = match direction {
        Direction::Up => index.checked_sub(1)?,
        Direction::Down => Some(index + 1).filter(|to| *to < list.len())?,
    };
    list.swap(index, to);
    Some(to)
}

impl Matrix {
    /// A matrix with nothing in it yet, to start writing one.
    pub fn blank() -> Matrix {
        Matrix {
            id: String::new(),
            title: String::new(),
            description: String::new(),
            allow_partial: false,
            levels: Vec::new(),
            categories: Vec::new(),
            roles: Vec::new(),
            language: super::SOURCE_LANGUAGE.into(),
            translations: std::collections::BTreeMap::new(),
        }
    }

    /// Appends an empty level, and an empty description for it to every row.
    pub fn add_level(&mut self) {
        self.levels.push(Level { id: String::new(), label: String::new(), short: String::new() });
        self.each_row(|row| row.descriptions.push(String::new()));
    }

    /// Removes a level, with its description in every row and whatever a
    /// role expected of it.
    pub fn remove_level(&mut self, index: usize) {
        if index < self.levels.len() {
            let gone = self.levels.remove(index).id;
            self.roles.iter_mut().for_each(|role| role.expects.retain(|_, level| *level != gone));
            self.each_row(|row| {
                if index < row.descriptions.len() {
                    row.descriptions.remove(index);
                }
            });
            self.each_translation(|words| {
                words.levels.remove(&gone);
                for row in words.rows.values_mut().filter(|row| index < row.descriptions.len()) {
                    row.descriptions.remove(index);
                }
            });
        }
    }

    /// Moves a level, with its description in every row.
    pub fn move_level(&mut self, index: usize, direction: Direction) -> Option<usize> {
        let to = shift(&mut self.levels, index, direction)?;
        self.each_row(|row| {
            if index.max(to) < row.descriptions.len() {
                row.descriptions.swap(index, to);
            }
        });
        self.each_translation(|words| {
            for row in words.rows.values_mut().filter(|row| index.min(to) < row.descriptions.len()) {
                row.descriptions.resize(row.descriptions.len().max(index.max(to) + 1), String::new());
                row.descriptions.swap(index, to);
            }
        });
        Some(to)
    }

    pub fn add_category(&mut self) {
        self.categories.push(Category { id: String::new(), title: String::new(), rows: Vec::new() });
    }

    /// Removes a category, with its rows and what roles expected of them.
    pub fn remove_category(&mut self, index: usize) {
        if index < self.categories.len() {
            let gone = self.categories.remove(index);
            self.each_translation(|words| {
                words.categories.remove(&gone.id);
            });
            for row in gone.rows {
                self.forget_row(&row.id);
            }
        }
    }

    pub fn move_category(&mut self, index: usize, direction: Direction) -> Option<usize> {
        shift(&mut self.categories, index, direction)
    }

    /// Appends a row to a category, with one empty description per level.
    pub fn add_row(&mut self, category: usize) {
        let descriptions = vec![String::new(); self.levels.len()];
        if let Some(category) = self.categories.get_mut(category) {
            category.rows.push(Row { id: String::new(), title: String::new(), descriptions });
        }
    }

    /// Removes a row, with what roles expected of it.
    pub fn remove_row(&mut self, category: usize, index: usize) {
        if let Some(category) = self.categories.get_mut(category).filter(|c| index < c.rows.len()) {
            let gone = category.rows.remove(index).id;
            self.forget_row(&gone);
        }
    }

    /// Forgets a removed row: what roles expected of it, and its translations.
    fn forget_row(&mut self, row: &str) {
        self.roles.iter_mut().for_each(|role| {
            role.expects.remove(row);
        });
        self.each_translation(|words| {
            words.rows.remove(row);
        });
    }

    pub fn move_row(&mut self, category: usize, index: usize, direction: Direction) -> Option<usize> {
        shift(&mut self.categories.get_mut(category)?.rows, index, direction)
    }

    /// Appends a role that expects nothing yet.
    pub fn add_role(&mut self) {
        self.roles.push(Role { id: String::new(), title: String::new(), expects: Default::default() });
    }

    pub fn remove_role(&mut self, index: usize) {
        if index < self.roles.len() {
            let gone = self.roles.remove(index).id;
            self.each_translation(|words| {
                words.roles.remove(&gone);
            });
        }
    }

    pub fn move_role(&mut self, index: usize, direction: Direction) -> Option<usize> {
        shift(&mut self.roles, index, direction)
    }

    /// Sets the level (by id) `role` expects in `row`, or (`None`) expects nothing there.
    pub fn set_expectation(&mut self, role: usize, row: &str, level: Option<String>) {
        if let Some(role) = self.roles.get_mut(role) {
            match level {
                Some(level) => role.expects.insert(row.to_string(), level),
                None => role.expects.remove(row),
            };
        }
    }

    fn each_row(&mut self, mut change: impl FnMut(&mut Row)) {
        self.categories.iter_mut().flat_map(|c| c.rows.iter_mut()).for_each(&mut change);
    }

    /// Keeps the translations in step with a change of the matrix itself.
    fn each_translation(&mut self, change: impl FnMut(&mut Translation)) {
        self.translations.values_mut().for_each(change);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matrix::tests::sample;
    use crate::matrix::RowWords;

    #[test]
    fn levels_carry_their_descriptions_along() {
        let mut m = sample();
        m.add_level();
        assert!(m.rows().all(|r| r.descriptions.len() == 4 && r.descriptions[3].is_empty()));
        assert_eq!(m.move_level(0, Direction::Down), Some(1));
        assert_eq!(m.levels[1].id, "a");
        assert_eq!(m.categories[0].rows[0].descriptions[..2], ["mid".to_string(), "low".into()]);
        assert_eq!(m.move_level(0, Direction::Up), None, "already first");
        m.remove_level(1);
        assert_eq!(m.levels.iter().map(|l| l.id.as_str()).collect::<Vec<_>>(), ["b", "c", ""]);
        assert!(m.rows().all(|r| r.descriptions == ["mid", "high", ""]));
    }

    #[test]
    fn translations_follow_what_is_moved_and_removed() {
        let mut m = sample();
        let row = RowWords { title: "Zeile".into(), descriptions: vec!["wenig".into(), "mittel".into()] };
        let words =
            Translation { rows: [("r1".into(), row.clone()), ("r3".into(), row)].into(), ..Translation::default() };
        m.translations.insert("de".into(), words);
        m.move_level(1, Direction::Down);
        assert_eq!(m.translations["de"].rows["r1"].descriptions, ["wenig", "", "mittel"], "in step with the levels");
        m.remove_level(0);
        assert_eq!(m.translations["de"].rows["r1"].descriptions, ["", "mittel"]);
        m.remove_row(0, 0);
        m.remove_category(1);
        assert!(m.translations["de"].rows.is_empty(), "{:?}", m.translations);
        assert!(m.problems().is_empty(), "{:?}", m.problems());
    }

    #[test]
    fn rows_and_categories_are_added_moved_and_removed() {
        let mut m = sample();
        m.add_category();
        m.add_row(2);
        assert_eq!(m.categories[2].rows[0].descriptions.len(), 3, "one description per level");
        assert_eq!(m.move_row(0, 1, Direction::Up), Some(0));
        assert_eq!(m.categories[0].rows[0].id, "r2");
        assert_eq!(m.move_row(0, 1, Direction::Down), None, "already last");
        assert_eq!(m.move_category(2, Direction::Up), Some(1));
        m.remove_row(1, 0);
        m.remove_category(0);
        assert_eq!(m.categories.iter().map(|c| c.rows.len()).collect::<Vec<_>>(), [0, 1]);
        m.remove_row(9, 9);
        m.remove_level(9);
        assert_eq!(m.rows().count(), 1, "out-of-range indices change nothing");
    }

    #[test]
    fn roles_are_added_moved_and_removed_and_their_expectations_set() {
        let mut m = sample();
        m.add_role();
        m.add_role();
        m.roles[0].title = "First".into();
        m.set_expectation(0, "r1", Some("c".into()));
        m.set_expectation(0, "r2", Some("a".into()));
        m.set_expectation(0, "r2", None);
        assert_eq!(m.roles[0].expects.len(), 1);
        assert_eq!(m.expected_level(&m.roles[0], "r1"), Some(2));
        assert_eq!(m.move_role(0, Direction::Down), Some(1));
        assert_eq!(m.roles[1].title, "First");
        m.remove_role(0);
        m.remove_role(9);
        assert_eq!(m.roles.len(), 1);
    }

    #[test]
    fn removing_a_row_or_a_level_takes_what_roles_expected_of_it() {
        let mut m = crate::matrix::tests::sample_with_roles();
        m.remove_row(0, 0); // r1, expected by both roles
        assert!(m.roles.iter().all(|r| !r.expects.contains_key("r1")));
        m.remove_level(1); // b: junior's r2 and senior's r3
        assert!(m.roles.iter().all(|r| r.expects.is_empty()), "{:?}", m.roles);
        assert!(m.problems().is_empty(), "{:?}", m.problems());
    }

    #[test]
    fn a_blank_matrix_lists_what_it_still_needs() {
        let paths: Vec<String> = Matrix::blank().problems().into_iter().map(|p| p.path).collect();
        assert!(paths.contains(&"/title".to_string()) && paths.contains(&"/levels".to_string()), "{paths:?}");
    }
}
