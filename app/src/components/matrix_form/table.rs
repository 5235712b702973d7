//! The form's table: one row per competency, grouped by category, one
//! column per level. Redrawn only when the matrix itself changes; figures
//! and choices move inside it through their own signals.

use super::choices::Choices;
use crate::answers::PreviousAnswers;
use crate::board_feed::BoardFeed;
use crate::components::competency_row::CompetencyRow;
use crate::i18n::{css_said, say, Say};
use crate::matrix::Matrix;
use leptos::prelude::*;

/// `at_fault`: the rows the last refusal named.
pub fn matrix_table(
    feed: BoardFeed,
    choices: Choices,
    previous: RwSignal<Option<PreviousAnswers>>,
    at_fault: Signal<Vec<String>>,
) -> impl IntoView {
    move || {
        let matrix = feed.matrix.get();
        let said = [css_said("chosen", Say::ChosenMark), css_said("expected", Say::ExpectedMark)].concat();
        view! {
            <table class="matrix" style=said>
                <caption class="visually-hidden">{say(Say::TableCaption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{say(Say::CompetencyHeading)}</th>
                        {level_headings(&matrix)}
                        <th scope="col">{say(Say::StandingHeading)}</th>
                    </tr>
                </thead>
                {categories(&matrix, feed, choices, previous, at_fault)}
            </table>
        }
    }
}

fn level_headings(matrix: &Matrix) -> impl IntoView {
    let headings = matrix.levels.iter().map(|level| {
        view! {
            <th scope="col" translate="no">
                <span class="level-short">{level.short.clone()}</span>
                <span class="level-label">{level.label.clone()}</span>
            </th>
        }
    });
    headings.collect_view()
}

/// One `<tbody>` per category, its title first.
fn categories(
    matrix: &std::sync::Arc<Matrix>,
    feed: BoardFeed,
    choices: Choices,
    previous: RwSignal<Option<PreviousAnswers>>,
    at_fault: Signal<Vec<String>>,
) -> impl IntoView {
    let level_count = matrix.levels.len();
    let bodies = matrix.categories.iter().map(|category| {
        let rows = category.rows.iter().map(|row| {
            let row_id = row.id.clone();
            let faulty = Signal::derive(move || at_fault.with(|rows| rows.contains(&row_id)));
            view! {
                <CompetencyRow
                    row=row.clone()
                    matrix=matrix.clone()
                    stats=feed.stats
                    chosen=choices.of(&row.id)
                    previous
                    at_fault=faulty
                />
            }
        });
        view! {
            <tbody>
                <tr class="category">
                    <th scope="colgroup" colspan=level_count + 2 translate="no">{category.title.clone()}</th>
                </tr>
                {rows.collect_view()}
            </tbody>
        }
    });
    bodies.collect_view()
}
