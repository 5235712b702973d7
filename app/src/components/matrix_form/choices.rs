//! The form's choices: each row's chosen level, kept by row id so they
//! outlive a redraw of the table (the admin edited the matrix).

use crate::answers::Draft;
use crate::matrix::Matrix;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// Each row's chosen level (an index into the levels), by row id; a row
/// the matrix gains later gets its signal on first use.
#[derive(Clone, Copy)]
pub struct Choices {
    chosen: StoredValue<BTreeMap<String, RwSignal<Option<u8>>>>,
    /// The form's owner: signals made while the table is drawn belong to
    /// the form, so they outlive a redraw of the table.
    owner: StoredValue<Owner>,
}

impl Choices {
    pub fn new(start: Option<Draft>) -> Choices {
        let answers = start.into_iter().flat_map(|d| d.answers);
        let chosen = answers.map(|(row, level)| (row, RwSignal::new(Some(level)))).collect();
        let owner = Owner::current().unwrap_or_default();
        Choices { chosen: StoredValue::new(chosen), owner: StoredValue::new(owner) }
    }

    pub fn of(&self, row: &str) -> RwSignal<Option<u8>> {
        if let Some(signal) = self.chosen.with_value(|map| map.get(row).copied()) {
            return signal;
        }
        let signal = self.owner.with_value(|owner| owner.with(|| RwSignal::new(None)));
        self.chosen.update_value(|map| {
            map.insert(row.to_string(), signal);
        });
        signal
    }

    /// Each of `matrix`'s rows that has a choice, with its level.
    pub fn chosen<T: FromIterator<(String, u8)>>(&self, matrix: &Matrix) -> T {
        matrix.rows().filter_map(|row| Some((row.id.clone(), self.of(&row.id).get_untracked()?))).collect()
    }

    /// The first row still to answer before the form can be sent, if any:
    /// any row without a choice, or, where rows may be skipped, the first
    /// row while none has one.
    pub fn first_missing(&self, matrix: &Matrix) -> Option<String> {
        let unanswered = |row: &&crate::matrix::Row| self.of(&row.id).get_untracked().is_none();
        if matrix.allow_partial && matrix.rows().any(|row| !unanswered(&row)) {
            return None;
        }
        matrix.rows().find(unanswered).map(|row| row.id.clone())
    }

    /// How many of `matrix`'s rows have a choice.
    pub fn answered(&self, matrix: &Matrix) -> usize {
        matrix.rows().filter(|row| self.of(&row.id).get().is_some()).count()
    }

    /// Keeps each choice on the same level (by id) when the admin reorders
    /// levels; a choice whose level is gone is cleared.
    pub fn carry_over(&self, old: &Matrix, new: &Matrix) {
        for row in new.rows() {
            let chosen = self.of(&row.id);
            if let Some(index) = chosen.get_untracked() {
                let id = old.levels.get(index as usize).map(|l| &l.id);
                chosen.set(id.and_then(|id| new.levels.iter().position(|l| &l.id == id)).map(|i| i as u8));
            }
        }
    }
}
