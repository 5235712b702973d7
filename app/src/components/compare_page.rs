//! `/b/{board}/compare`: two rounds, or two groups, side by side. Per row,
//! both distributions (counts and shares in words, a bar beside each) and
//! how the median level moved; optionally the rows that moved most first.
//! The choice is a plain GET form, so the page works without JavaScript.

use crate::board_feed::refetched_live;
use crate::comparison::{Comparison, SideFigures};
use crate::components::board_page::head_text;
use crate::error::TallyError;
use crate::matrix::{Matrix, Row};
use crate::server_fns::compare_figures;
use crate::stats::Stats;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn ComparePage() -> impl IntoView {
    let (params, query) = (use_params_map(), use_query_map());
    let board = params.read_untracked().get("board").unwrap_or_default();
    let chosen = |name: &str| query.read_untracked().get(name).unwrap_or_default();
    let (a, b, moved_first) = (chosen("a"), chosen("b"), chosen("sort") == "moved");
    view! {
        <Suspense fallback=|| view! { <p>"Loading the figures…"</p> }>
            {Suspend::new(async move {
                match compare_figures(board.clone(), a.clone(), b.clone(), String::new()).await {
                    Ok(initial) => {
                        let title = head_text(&format!("Compare: {} · Tally", initial.title));
                        view! {
                            <Title text=title/>
                            <LiveComparison board a b moved_first initial=Some(initial) refusal=None/>
                        }
                            .into_any()
                    }
                    Err(error @ TallyError::Forbidden(_)) => {
                        crate::components::unavailable::waiting_is_fine();
                        view! {
                            <Title text="Compare · Tally"/>
                            <LiveComparison board a b moved_first initial=None refusal=Some(error)/>
                        }
                            .into_any()
                    }
                    Err(error) => crate::components::unavailable::unavailable(&board, &error).into_any(),
                }
            })}
        </Suspense>
    }
}

/// The comparison, fetched again whenever the board's figures move, so the
/// open round is live and a group appears the moment it reaches the threshold.
/// While the board hides its figures (`initial` is `None`, `refusal` says
/// why), the page says so; the admin's tab, which holds the key, fetches
/// them with it at once, and everyone's page shows them once revealed.
// Lazy (a wasm file of its own) in split builds; see the `split` feature.
#[cfg_attr(feature = "split", island(lazy))]
#[cfg_attr(not(feature = "split"), island)]
fn LiveComparison(
    board: String,
    a: String,
    b: String,
    moved_first: bool,
    initial: Option<Comparison>,
    refusal: Option<TallyError>,
) -> impl IntoView {
    let key = crate::components::admin_key::held_key(&board);
    let fetch = {
        let board = board.clone();
        move |key| compare_figures(board.clone(), a.clone(), b.clone(), key)
    };
    let figures = refetched_live(board.clone(), key, initial, fetch);
    move || match (figures.get(), &refusal) {
        (Some(figures), _) => comparison_view(board.clone(), figures, moved_first).into_any(),
        (None, Some(refusal)) => crate::components::unavailable::reason(&board, refusal).into_any(),
        (None, None) => ().into_any(),
    }
}

fn comparison_view(board: String, comparison: Comparison, moved_first: bool) -> impl IntoView {
    let Comparison { title, matrix, choices, a, b } = comparison;
    let select = |name: &'static str, label: &'static str, current: &SideFigures| {
        let options = choices
            .iter()
            .map(|(value, text)| view! { <option value=value.clone() selected=*text == current.label>{text.clone()}</option> })
            .collect_view();
        view! { <label>{label}" "<select name=name>{options}</select></label> }
    };
    let mut rows: Vec<&Row> = matrix.rows().collect();
    if moved_first {
        rows.sort_by_key(|row| std::cmp::Reverse(movement(row, &a, &b)));
    }
    let body = rows.into_iter().map(|row| row_view(row, &matrix, &a, &b)).collect_view();
    view! {
        <header class="board-header">
            <h1>{format!("Compare: {title}")}</h1>
            <a href=format!("/b/{board}")>"Back to the board"</a>
        </header>
        <form method="get" class="compare-choice">
            {select("a", "Compare", &a)}
            {select("b", "with", &b)}
            <label class="checkbox">
                <input type="checkbox" name="sort" value="moved" checked=moved_first/>
                "Rows that moved most first"
            </label>
            <button type="submit">"Show"</button>
        </form>
        {withheld_note(&a)}
        {withheld_note(&b)}
        <div class="table-scroll" tabindex="0" aria-label="Comparison table (scrolls sideways)">
            <table class="compare">
                <caption class="visually-hidden">{format!("{} compared with {}, row by row", a.label, b.label)}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Competency"</th>
                        <th scope="col">{a.label.clone()}</th>
                        <th scope="col">{b.label.clone()}</th>
                        <th scope="col">"Median"</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}

fn withheld_note(side: &SideFigures) -> Option<impl IntoView> {
    side.stats.is_none().then(|| {
        view! {
            <p class="withheld" role="note">
                {format!(
                    "{}: its figures are withheld (fewer than {} people, or a smaller group could be worked out from them).",
                    side.label, side.min_group_size
                )}
            </p>
        }
    })
}

/// How far the median moved, in levels; rows without both medians last.
fn movement(row: &Row, a: &SideFigures, b: &SideFigures) -> Option<usize> {
    let median = |side: &SideFigures| side.stats.as_ref().and_then(|s| s.median_level(&row.id));
    Some(median(a)?.abs_diff(median(b)?))
}

fn row_view(row: &Row, matrix: &Matrix, a: &SideFigures, b: &SideFigures) -> impl IntoView {
    let short = |level: Option<usize>| level.and_then(|l| matrix.levels.get(l)).map(|l| l.short.clone());
    let median = |side: &SideFigures| side.stats.as_ref().and_then(|s| s.median_level(&row.id));
    let shift = match (median(a), median(b)) {
        (Some(from), Some(to)) if from == to => format!("{} (no change)", short(Some(from)).unwrap_or_default()),
        (Some(from), Some(to)) => {
            let direction = if to > from { "up" } else { "down" };
            let (from_text, to_text) = (short(Some(from)).unwrap_or_default(), short(Some(to)).unwrap_or_default());
            format!("{from_text} → {to_text} ({direction} {})", from.abs_diff(to))
        }
        _ => "—".to_string(),
    };
    view! {
        <tr>
            <th scope="row">{row.title.clone()}</th>
            <td data-label=a.label.clone()>{distribution(row, matrix, a.stats.as_ref())}</td>
            <td data-label=b.label.clone()>{distribution(row, matrix, b.stats.as_ref())}</td>
            <td class="shift" data-label="Median">{shift}</td>
        </tr>
    }
}

/// One line per level: its short label, the count and share in words, and
/// a bar as long as the share (the words carry it without colour).
fn distribution(row: &Row, matrix: &Matrix, stats: Option<&Stats>) -> impl IntoView {
    let Some(stats) = stats else { return view! { <span class="withheld">"withheld"</span> }.into_any() };
    let levels = matrix
        .levels
        .iter()
        .enumerate()
        .map(|(level, info)| {
            view! {
                <li>
                    <span class="level-tag">{info.short.clone()}</span>
                    {format!(" {} ({}%)", stats.count(&row.id, level), stats.percent(&row.id, level))}
                    <span class="bar" style=format!("--share: {}", stats.share_css(&row.id, level)) aria-hidden="true"></span>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="distribution">{levels}</ul> }.into_any()
}
