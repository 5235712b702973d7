//! One competency: a row of radio-button cells, each shaded by the share of
//! people at that level and carrying a popover with the live figures. The
//! figures are read from the board's `stats` signal, so a new snapshot
//! updates shading and any open popover in place. Withheld figures have no
//! counts: no shading and no figures; the page says once why. When the
//! person has picked a role, `matrix_form::role_marks` marks the level it
//! expects here and tells their gap to it in the row's `.gap`: only in
//! their browser.

use crate::answers::PreviousAnswers;
use crate::i18n::{say, say_with, Say};
use crate::matrix::{Matrix, Row};
use crate::stats::Stats;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn CompetencyRow(
    row: Row,
    matrix: Arc<Matrix>,
    stats: RwSignal<Stats>,
    chosen: RwSignal<Option<u8>>,
    previous: RwSignal<Option<PreviousAnswers>>,
    at_fault: Signal<bool>,
) -> impl IntoView {
    let title_id = format!("row-{}", row.id);
    let cells = matrix
        .levels
        .iter()
        .zip(&row.descriptions)
        .enumerate()
        .map(|(index, (level, description))| {
            let (row_id, popover_id) = (row.id.clone(), format!("pop-{}-{index}", row.id));
            let figures = {
                let row_id = row_id.clone();
                move || {
                    // Withheld: the page says why once, above the table, not in every cell.
                    stats.with(|s| match (s.withheld, s.answered(&row_id)) {
                        (true, _) => None,
                        (false, 0) => Some(say(Say::NoAnswersYet)),
                        (false, n) => {
                            let percent = say_with(Say::Percent, &[("n", s.percent(&row_id, index).into())]);
                            let k = s.count(&row_id, index);
                            let args = [("k", k.into()), ("n", n.into()), ("percent", percent.into())];
                            Some(say_with(Say::CellFigures, &args))
                        }
                    })
                }
            };
            let shading = {
                let row_id = row_id.clone();
                move || format!("--share: {}", stats.with(|s| s.share_css(&row_id, index)))
            };
            let initially_checked = chosen.get_untracked() == Some(index as u8);
            view! {
                <td class="cell" class:chosen=move || chosen.get() == Some(index as u8) style=shading>
                    <label translate="no">
                        <input
                            type="radio"
                            name=format!("answers[{row_id}]")
                            value=index.to_string()
                            checked=initially_checked
                            aria-describedby=popover_id.clone()
                            on:change=move |_| chosen.set(Some(index as u8))
                        />
                        <span class="level-tag">{level.short.clone()}</span>
                        <span class="description">{description.clone()}</span>
                    </label>
                    <span class="popover" role="tooltip" id=popover_id>
                        <strong translate="no">{format!("{}: ", level.label)}</strong>
                        <span translate="no">{description.clone()}</span>
                        <span class="figures">{figures}</span>
                    </span>
                </td>
            }
        })
        .collect_view();

    let levels = matrix.clone();
    let row_id = row.id.clone();
    let standing = move || {
        let mine = previous.with(|p| p.as_ref().and_then(|p| p.answers.get(&row_id).copied()))?;
        let median = stats.with(|s| s.median_level(&row_id))?;
        let short = |i: usize| levels.levels.get(i).map(|l| l.short.clone()).unwrap_or_default();
        let relation = match (mine as usize).cmp(&median) {
            std::cmp::Ordering::Less => Say::StandingBelow,
            std::cmp::Ordering::Equal => Say::StandingAt,
            std::cmp::Ordering::Greater => Say::StandingAbove,
        };
        Some(say_with(relation, &[("mine", short(mine as usize).into()), ("median", short(median).into())]))
    };

    view! {
        <tr class:at-fault=move || at_fault.get()>
            <th scope="row" id=title_id translate="no">{row.title.clone()}</th>
            {cells}
            <td class="standing">
                <span class="you">{standing}</span>
                <span class="gap" id=format!("gap-{}", row.id)></span>
            </td>
        </tr>
    }
}
