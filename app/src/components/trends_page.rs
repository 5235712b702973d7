//! `/b/{board}/trends`: how many answered in each round, and where each
//! row's median level went from round to round. The charts are plain SVG
//! drawn here: two small fixed shapes cost fewer lines than adopting a chart
//! crate and its weight in the browser's bundle. Every chart carries its
//! numbers as text (readable without colour), and the same figures come as
//! a table for screen readers and for copying.

use crate::board_feed::refetched_live;
use crate::components::board_page::head_text;
use crate::error::TallyError;
use crate::i18n::{learn, say, say_with, t, t_with, Phrasebook, Say, Section};
use crate::matrix::Matrix;
use crate::rounds::{RoundInfo, Trends};
use crate::server_fns::board_trends;
use crate::stats::Stats;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// Width of a chart, in SVG units.
const W: f64 = 320.0;
/// Height of a chart, in SVG units.
const H: f64 = 120.0;

#[component]
pub fn TrendsPage() -> impl IntoView {
    let (params, query) = (use_params_map(), use_query_map());
    let board = params.read_untracked().get("board").unwrap_or_default();
    let group = query.read_untracked().get("group").unwrap_or_default();
    view! {
        <Suspense fallback=|| view! { <p>{t("trends-loading")}</p> }>
            {Suspend::new(async move {
                match board_trends(board.clone(), group.clone(), String::new()).await {
                    Ok(initial) => {
                        let heading = t_with("trends-heading", &[("title", initial.title.as_str().into())]);
                        let words = Phrasebook::of(&[Section::Trends]);
                        view! {
                            <Title text=head_text(&format!("{heading} · Tally"))/>
                            <LiveTrends board group initial=Some(initial) refusal=None words/>
                        }
                            .into_any()
                    }
                    Err(error @ TallyError::Forbidden(_)) => {
                        crate::components::unavailable::waiting_is_fine();
                        let (title, words) = (format!("{} · Tally", t("link-trends")), Phrasebook::of(&[Section::Trends, Section::Refusal]));
                        view! { <Title text=title/><LiveTrends board group initial=None refusal=Some(error) words/> }.into_any()
                    }
                    Err(error) => crate::components::unavailable::unavailable(&board, &error).into_any(),
                }
            })}
        </Suspense>
    }
}

/// The charts, fetched again whenever the board's figures move, so the open
/// round is live. While the board hides its figures, as `LiveComparison`:
/// the admin's tab fetches them with its key.
// Lazy (a wasm file of its own) in split builds; see the `split` feature.
#[cfg_attr(feature = "split", island(lazy))]
#[cfg_attr(not(feature = "split"), island)]
fn LiveTrends(
    board: String,
    group: String,
    initial: Option<Trends>,
    refusal: Option<TallyError>,
    words: Phrasebook,
) -> impl IntoView {
    learn(&words);
    let key = crate::components::admin_key::held_key(&board);
    let fetch = {
        let board = board.clone();
        move |key| board_trends(board.clone(), group.clone(), key)
    };
    let trends = refetched_live(board.clone(), key, initial, fetch);
    move || match (trends.get(), &refusal) {
        (Some(trends), _) => trends_view(board.clone(), trends).into_any(),
        (None, Some(refusal)) => crate::components::unavailable::reason(&board, refusal).into_any(),
        (None, None) => ().into_any(),
    }
}

fn trends_view(board: String, trends: Trends) -> impl IntoView {
    let Trends { title, matrix, group, groups, min_group_size, rounds } = trends;
    let withheld = say(Say::TrendsWithheld);
    let rows = matrix
        .rows()
        .map(|row| {
            let medians: Vec<Median> =
                rounds.iter().map(|(_, s)| s.as_ref().map(|s| s.median_level(&row.id))).collect();
            view! {
                <figure class="trend">
                    <figcaption translate="no">{row.title.clone()}</figcaption>
                    {median_chart(&matrix, &rounds, &medians, &row.title, &withheld)}
                </figure>
            }
        })
        .collect_view();
    let (heading, people) = match &group {
        Some(group) => {
            let args = [("title", title.as_str().into()), ("group", group.as_str().into())];
            (say_with(Say::TrendsHeadingGroup, &args), say_with(Say::TrendsPeopleGroup, &args))
        }
        None => (say_with(Say::TrendsHeading, &[("title", title.into())]), say(Say::TrendsPeople)),
    };
    view! {
        <header class="board-header">
            <h1>{heading}</h1>
            <a href=format!("/b/{board}")>{say(Say::TrendsBack)}</a>
        </header>
        {group_choice(&groups, group.as_deref(), min_group_size)}
        <section aria-labelledby="respondents-heading">
            <h2 id="respondents-heading">{people}</h2>
            {respondents_chart(&rounds, group.as_deref(), &withheld)}
        </section>
        <section aria-labelledby="medians-heading">
            <h2 id="medians-heading">{say(Say::TrendsMedians)}</h2>
            <div class="trends">{rows}</div>
        </section>
        <details class="trend-table">
            <summary>{say(Say::TrendsAsTable)}</summary>
            {figures_table(&matrix, &rounds, &withheld)}
        </details>
    }
}

/// A row's median level in one round: `None` where the round's figures
/// are withheld, `Some(None)` where nobody answered the row.
type Median = Option<Option<usize>>;

/// A GET form to pick the whole board or one group; none without groups.
fn group_choice(groups: &[String], chosen: Option<&str>, min_group_size: u32) -> Option<impl IntoView> {
    if groups.is_empty() {
        return None;
    }
    let options = groups
        .iter()
        .map(|g| view! { <option value=g.clone() selected=chosen == Some(g.as_str()) translate="no">{g.clone()}</option> })
        .collect_view();
    Some(view! {
        <form method="get" class="compare-choice">
            <label>
                {say(Say::TrendsFiguresOf)}
                " "
                <select name="group">
                    <option value="" selected=chosen.is_none()>{say(Say::TrendsWholeBoard)}</option>
                    {options}
                </select>
            </label>
            <button type="submit">{say(Say::TrendsShow)}</button>
            <p class="hint">{say_with(Say::TrendsGroupHint, &[("n", min_group_size.into())])}</p>
        </form>
    })
}

/// One bar per round, its count written above it; a withheld round says so.
/// `group`: the group shown, if not the whole board.
fn respondents_chart(rounds: &[(RoundInfo, Option<Stats>)], group: Option<&str>, withheld: &str) -> impl IntoView {
    let most = rounds.iter().filter_map(|(_, s)| s.as_ref().map(|s| s.respondents)).max().unwrap_or(0).max(1) as f64;
    let step = W / rounds.len().max(1) as f64;
    let bars = rounds
        .iter()
        .enumerate()
        .map(|(i, (info, stats))| {
            let count = stats.as_ref().map(|s| s.respondents);
            let height = (H - 40.0) * count.unwrap_or(0) as f64 / most;
            let x = i as f64 * step + step * 0.15;
            let written = count.map(|n| n.to_string()).unwrap_or_else(|| withheld.to_string());
            view! {
                <g>
                    <rect x=x y=H - 20.0 - height width=step * 0.7 height=height class="bar"></rect>
                    <text x=x + step * 0.35 y=H - 24.0 - height text-anchor="middle">{written}</text>
                    <text x=x + step * 0.35 y=H - 5.0 text-anchor="middle" class="axis">{info.label.clone()}</text>
                </g>
            }
        })
        .collect_view();
    let summary: Vec<String> = rounds
        .iter()
        .map(|(info, s)| {
            let said = s.as_ref().map_or(withheld.to_string(), |s| s.respondents.to_string());
            say_with(Say::TrendsRoundSaid, &[("round", info.label.as_str().into()), ("said", said.into())])
        })
        .collect();
    let summary = summary.join(", ");
    let label = match group {
        Some(group) => say_with(Say::TrendsPeopleLabelGroup, &[("group", group.into()), ("summary", summary.into())]),
        None => say_with(Say::TrendsPeopleLabel, &[("summary", summary.into())]),
    };
    view! {
        <svg class="chart" viewBox=format!("0 0 {W} {H}") role="img" aria-label=label>
            {bars}
        </svg>
    }
}

/// A line through the row's median level in each round, each point named.
fn median_chart(
    matrix: &Matrix,
    rounds: &[(RoundInfo, Option<Stats>)],
    medians: &[Median],
    title: &str,
    withheld: &str,
) -> impl IntoView {
    let levels = matrix.levels.len().max(2);
    let step = W / rounds.len().max(1) as f64;
    let point = |i: usize, level: usize| {
        (i as f64 * step + step / 2.0, H - 20.0 - (H - 40.0) * level as f64 / (levels - 1) as f64)
    };
    let line: Vec<String> = medians
        .iter()
        .enumerate()
        .filter_map(|(i, m)| m.flatten().map(|level| point(i, level)))
        .map(|(x, y)| format!("{x:.1},{y:.1}"))
        .collect();
    let short = |level: usize| matrix.levels.get(level).map(|l| l.short.clone()).unwrap_or_default();
    let points = medians
        .iter()
        .enumerate()
        .map(|(i, median)| {
            let label = rounds[i].0.label.clone();
            let (x, _) = point(i, 0);
            let marker = median.flatten().map(|level| {
                let (x, y) = point(i, level);
                view! {
                    <circle cx=x cy=y r="4"></circle>
                    <text x=x y=y - 8.0 text-anchor="middle">{short(level)}</text>
                }
            });
            view! {
                {marker}
                <text x=x y=H - 5.0 text-anchor="middle" class="axis">{label}</text>
            }
        })
        .collect_view();
    let words: Vec<String> = rounds
        .iter()
        .zip(medians)
        .map(|((info, _), m)| {
            let said = match m {
                Some(m) => m.map(short).unwrap_or_else(|| say(Say::TrendsNoAnswers)),
                None => withheld.to_string(),
            };
            say_with(Say::TrendsRoundSaid, &[("round", info.label.as_str().into()), ("said", said.into())])
        })
        .collect();
    let label = say_with(Say::TrendsMedianLabel, &[("title", title.into()), ("summary", words.join(", ").into())]);
    view! {
        <svg class="chart" viewBox=format!("0 0 {W} {H}") role="img" aria-label=label>
            <polyline points=line.join(" ") class="line"></polyline>
            {points}
        </svg>
    }
}

/// Rows × rounds: the median level, and the respondents per round on top.
fn figures_table(matrix: &Matrix, rounds: &[(RoundInfo, Option<Stats>)], withheld: &str) -> impl IntoView {
    let short =
        |level: Option<usize>| level.and_then(|l| matrix.levels.get(l)).map(|l| l.short.clone()).unwrap_or("—".into());
    let cell = |stats: &Option<Stats>, text: &dyn Fn(&Stats) -> String| {
        view! { <td>{stats.as_ref().map(text).unwrap_or_else(|| withheld.to_string())}</td> }
    };
    let head = rounds.iter().map(|(info, _)| view! { <th scope="col">{info.label.clone()}</th> }).collect_view();
    let people = rounds.iter().map(|(_, s)| cell(s, &|s| s.respondents.to_string())).collect_view();
    let body = matrix
        .rows()
        .map(|row| {
            let cells = rounds.iter().map(|(_, s)| cell(s, &|s| short(s.median_level(&row.id)))).collect_view();
            view! { <tr><th scope="row" translate="no">{row.title.clone()}</th>{cells}</tr> }
        })
        .collect_view();
    view! {
        <table class="compare">
            <caption>{say(Say::TrendsCaption)}</caption>
            <thead><tr><th scope="col">{say(Say::TrendsRow)}</th>{head}</tr></thead>
            <tbody>
                <tr><th scope="row">{say(Say::TrendsPeopleRow)}</th>{people}</tr>
                {body}
            </tbody>
        </table>
    }
}
