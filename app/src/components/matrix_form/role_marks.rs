//! The person's own gap to the role they picked, row by row: the level the
//! role expects is marked in each row, and beside it how far their choice
//! is from it. Worked out in their browser from their choices and the
//! matrix, never sent anywhere. Its code loads only once a role is picked
//! (`#[lazy]` in split builds, like the visitor's history), so boards and
//! people without roles do not carry it: it finds each row's cells and its
//! `.gap` by their names, and keeps them in step with the role, the
//! choices and the matrix.

use super::choices::Choices;
use crate::board_feed::BoardFeed;
use leptos::prelude::*;

/// An empty place; once a role is picked, the marks are mounted into it.
pub fn role_marks(feed: BoardFeed, role: RwSignal<String>, choices: Choices) -> impl IntoView {
    let place = NodeRef::<leptos::html::Div>::new();
    #[cfg(feature = "hydrate")]
    {
        let started = StoredValue::new(false);
        Effect::new(move |_| {
            let picked = role.with(|r| !r.is_empty());
            let Some(place) = place.get() else { return };
            if picked && !started.get_value() {
                started.set_value(true);
                leptos::task::spawn_local(mount_marks(place, feed, role, choices));
            }
        });
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (feed, role, choices);
    view! { <div class="role-marks-place" node_ref=place hidden></div> }
}

/// Loads the marks' code (in split builds; see the `split` feature), then
/// starts them in `place`.
#[cfg(feature = "hydrate")]
#[cfg_attr(feature = "split", lazy)]
async fn mount_marks(
    place: leptos::web_sys::HtmlDivElement,
    feed: BoardFeed,
    role: RwSignal<String>,
    choices: Choices,
) {
    leptos::mount::mount_to(place.into(), move || view! { <Marks feed role choices/> }).forget();
}

/// Nothing to show of its own: it keeps the table's marks up to date.
#[cfg(feature = "hydrate")]
#[component]
fn Marks(feed: BoardFeed, role: RwSignal<String>, choices: Choices) -> impl IntoView {
    Effect::new(move |_| {
        let picked = role.get();
        feed.matrix.with(|matrix| {
            let role = matrix.roles.iter().find(|r| r.id == picked);
            for row in matrix.rows() {
                let expected = role.and_then(|role| matrix.expected_level(role, &row.id));
                let text = gap(matrix, choices.of(&row.id).get(), expected);
                mark_row(&row.id, expected, text.as_deref().unwrap_or(""));
            }
        });
    });
}

/// Marks the cell of `expected` in `row` (and no other) and writes `text`
/// into the row's `.gap`.
#[cfg(feature = "hydrate")]
fn mark_row(row: &str, expected: Option<usize>, text: &str) {
    use leptos::wasm_bindgen::JsCast;
    let document = document();
    if let Some(gap) = document.get_element_by_id(&format!("gap-{row}")) {
        gap.set_text_content(Some(text));
    }
    let Ok(inputs) = document.query_selector_all(&format!("input[name=\"answers[{row}]\"]")) else { return };
    for i in 0..inputs.length() {
        let Some(input) = inputs.item(i).and_then(|n| n.dyn_into::<leptos::web_sys::HtmlInputElement>().ok()) else {
            continue;
        };
        if let Ok(Some(cell)) = input.closest("td") {
            let marked = expected.is_some_and(|e| input.value() == e.to_string());
            let _ = cell.class_list().toggle_with_force("expected", marked);
        }
    }
}

/// The person's gap to what their role expects, by how many levels.
#[cfg(any(feature = "hydrate", test))]
fn gap(matrix: &crate::matrix::Matrix, chosen: Option<u8>, expected: Option<usize>) -> Option<String> {
    use crate::i18n::{say_with, Say};
    let (mine, expected) = (chosen? as usize, expected?);
    let short = &matrix.levels.get(expected)?.short;
    let (levels, side) = match mine.cmp(&expected) {
        std::cmp::Ordering::Less => (expected - mine, Say::RoleGapBelow),
        std::cmp::Ordering::Equal => (0, Say::RoleGapAt),
        std::cmp::Ordering::Greater => (mine - expected, Say::RoleGapAbove),
    };
    Some(say_with(side, &[("expected", short.clone().into()), ("levels", levels.into())]))
}

#[cfg(test)]
mod tests {
    use super::gap;
    use crate::matrix::tests::sample;

    #[test]
    fn a_gap_says_which_way_and_how_far() {
        let m = sample();
        assert_eq!(gap(&m, Some(0), Some(2)).unwrap(), "Your role expects c: you are 2 levels below");
        assert_eq!(gap(&m, Some(2), Some(1)).unwrap(), "Your role expects b: you are 1 level above");
        assert_eq!(gap(&m, Some(1), Some(1)).unwrap(), "Your role expects b: you are at it");
        assert_eq!((gap(&m, None, Some(1)), gap(&m, Some(1), None)), (None, None));
    }
}
