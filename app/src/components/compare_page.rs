//! `/b/{board}/compare`: two rounds, or two groups, side by side. Per row,
//! both distributions (counts and shares in words, a bar beside each) and
//! how the median level moved; optionally the rows that moved most first.
//! The choice is a plain GET form, so the page works without JavaScript.

use crate::board_feed::refetched_live;
use crate::comparison::{Comparison, SideFigures};
use crate::components::board_page::head_text;
use crate::error::TallyError;
use crate::i18n::{learn, say, say_with, t, t_with, Arg, Phrasebook, Say, Section};
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
        <Suspense fallback=|| view! { <p>{t("compare-loading")}</p> }>
            {Suspend::new(async move {
                match compare_figures(board.clone(), a.clone(), b.clone(), String::new()).await {
                    Ok(initial) => {
                        let heading = t_with("compare-heading", &[("title", initial.title.as_str().into())]);
                        let words = Phrasebook::of(&[Section::Live, Section::Compare]);
                        view! {
                            <Title text=head_text(&format!("{heading} · Tally"))/>
                            <LiveComparison board a b moved_first initial=Some(initial) refusal=None words/>
                        }
                            .into_any()
                    }
                    Err(error @ TallyError::Forbidden(_)) => {
                        crate::components::unavailable::waiting_is_fine();
                        let words = Phrasebook::of(&[Section::Live, Section::Compare, Section::Refusal]);
                        view! {
                            <Title text=format!("{} · Tally", t("link-compare"))/>
                            <LiveComparison board a b moved_first initial=None refusal=Some(error) words/>
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
    words: Phrasebook,
) -> impl IntoView {
    learn(&words);
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
    let select = |name: &'static str, label: Say, current: &SideFigures| {
        let options = choices
            .iter()
            .map(|(value, text)| view! { <option value=value.clone() selected=*text == current.label>{text.clone()}</option> })
            .collect_view();
        view! { <label>{say(label)}" "<select name=name translate="no">{options}</select></label> }
    };
    let mut rows: Vec<&Row> = matrix.rows().collect();
    if moved_first {
        rows.sort_by_key(|row| std::cmp::Reverse(movement(row, &a, &b)));
    }
    let body = rows.into_iter().map(|row| row_view(row, &matrix, &a, &b)).collect_view();
    view! {
        <header class="board-header">
            <h1>{say_with(Say::CompareHeading, &[("title", title.into())])}</h1>
            <a href=format!("/b/{board}")>{say(Say::CompareBack)}</a>
        </header>
        <form method="get" class="compare-choice">
            {select("a", Say::CompareA, &a)}
            {select("b", Say::CompareWith, &b)}
            <label class="checkbox">
                <input type="checkbox" name="sort" value="moved" checked=moved_first/>
                {say(Say::CompareMovedFirst)}
            </label>
            <button type="submit">{say(Say::CompareShow)}</button>
        </form>
        {withheld_note(&a)}
        {withheld_note(&b)}
        <div class="table-scroll" tabindex="0" aria-label=say(Say::CompareTableLabel)>
            <table class="compare">
                <caption class="visually-hidden">
                    {say_with(Say::CompareCaption, &[("a", a.label.as_str().into()), ("b", b.label.as_str().into())])}
                </caption>
                <thead>
                    <tr>
                        <th scope="col">{say(Say::CompareCompetency)}</th>
                        <th scope="col" translate="no">{a.label.clone()}</th>
                        <th scope="col" translate="no">{b.label.clone()}</th>
                        <th scope="col">{say(Say::CompareMedian)}</th>
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
                {say_with(Say::CompareWithheld, &[("side", side.label.as_str().into()), ("n", side.min_group_size.into())])}
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
        (Some(from), Some(to)) if from == to => {
            say_with(Say::CompareNoChange, &[("level", short(Some(from)).unwrap_or_default().into())])
        }
        (Some(from), Some(to)) => {
            let direction = if to > from { Say::CompareUp } else { Say::CompareDown };
            let (from_text, to_text) = (short(Some(from)).unwrap_or_default(), short(Some(to)).unwrap_or_default());
            let levels = Arg::from(from.abs_diff(to));
            say_with(direction, &[("from", from_text.into()), ("to", to_text.into()), ("levels", levels)])
        }
        _ => "—".to_string(),
    };
    view! {
        <tr>
            <th scope="row" translate="no">{row.title.clone()}</th>
            <td data-label=a.label.clone()>{distribution(row, matrix, a.stats.as_ref())}</td>
            <td data-label=b.label.clone()>{distribution(row, matrix, b.stats.as_ref())}</td>
            <td class="shift" data-label=say(Say::CompareMedian)>{shift}</td>
        </tr>
    }
}

/// One line per level: its short label, the count and share in words, and
/// a bar as long as the share (the words carry it without colour).
fn distribution(row: &Row, matrix: &Matrix, stats: Option<&Stats>) -> impl IntoView {
    let Some(stats) = stats else {
        return view! { <span class="withheld">{say(Say::CompareWithheldCell)}</span> }.into_any();
    };
    let levels = matrix
        .levels
        .iter()
        .enumerate()
        .map(|(level, info)| {
            view! {
                <li>
                    <span class="level-tag" translate="no">{info.short.clone()}</span>
                    " "
                    {share(stats.count(&row.id, level), stats.percent(&row.id, level))}
                    <span class="bar" style=format!("--share: {}", stats.share_css(&row.id, level)) aria-hidden="true"></span>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="distribution">{levels}</ul> }.into_any()
}

/// "3 (50%)", in the page's language.
fn share(count: u64, percent: u64) -> String {
    let percent = say_with(Say::Percent, &[("n", percent.into())]);
    say_with(Say::CompareShare, &[("k", count.into()), ("percent", percent.into())])
}
