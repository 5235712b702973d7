//! `/b/{board}/trends`: how many answered in each round, and where each
//! row's median level went from round to round. The charts are plain SVG
//! drawn here: two small fixed shapes cost fewer lines than adopting a chart
//! crate and its weight in the browser's bundle. Every chart carries its
//! numbers as text (readable without colour), and the same figures come as
//! a table for screen readers and for copying.

use crate::matrix::Matrix;
use crate::rounds::{RoundInfo, Trends};
use crate::server_fns::board_trends;
use crate::stats::Stats;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// Width of a chart, in SVG units.
const W: f64 = 320.0;
/// Height of a chart, in SVG units.
const H: f64 = 120.0;

#[component]
pub fn TrendsPage() -> impl IntoView {
    let params = use_params_map();
    let board = move || params.read().get("board").unwrap_or_default();
    // Fetched again whenever the board's figures move, so the open round is live.
    let changes = crate::live_client::newer_versions(board());
    let data = Resource::new(move || (board(), changes.get()), |(board, _)| board_trends(board));
    view! {
        <Transition fallback=|| view! { <p>"Loading the rounds…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(trends) => trends_view(board(), trends).into_any(),
                    Err(error) => view! { <p class="error" role="alert">{error.to_string()}</p> }.into_any(),
                }
            })}
        </Transition>
    }
}

fn trends_view(board: String, trends: Trends) -> impl IntoView {
    let Trends { title, matrix, rounds } = trends;
    let rows = matrix
        .rows()
        .map(|row| {
            let medians: Vec<Option<usize>> = rounds.iter().map(|(_, s)| s.median_level(&row.id)).collect();
            view! {
                <figure class="trend">
                    <figcaption>{row.title.clone()}</figcaption>
                    {median_chart(&matrix, &rounds, &medians, &row.title)}
                </figure>
            }
        })
        .collect_view();
    view! {
        <header class="board-header">
            <h1>{format!("Trends: {title}")}</h1>
            <a href=format!("/b/{board}")>"Back to the board"</a>
        </header>
        <section aria-labelledby="respondents-heading">
            <h2 id="respondents-heading">"People who answered, per round"</h2>
            {respondents_chart(&rounds)}
        </section>
        <section aria-labelledby="medians-heading">
            <h2 id="medians-heading">"Median level per row, round by round"</h2>
            <div class="trends">{rows}</div>
        </section>
        <details class="trend-table">
            <summary>"The same figures as a table"</summary>
            {figures_table(&matrix, &rounds)}
        </details>
    }
}

/// One bar per round, its count written above it.
fn respondents_chart(rounds: &[(RoundInfo, Stats)]) -> impl IntoView {
    let most = rounds.iter().map(|(_, s)| s.respondents).max().unwrap_or(0).max(1) as f64;
    let step = W / rounds.len().max(1) as f64;
    let bars = rounds
        .iter()
        .enumerate()
        .map(|(i, (info, stats))| {
            let height = (H - 40.0) * stats.respondents as f64 / most;
            let x = i as f64 * step + step * 0.15;
            view! {
                <g>
                    <rect x=x y=H - 20.0 - height width=step * 0.7 height=height class="bar"></rect>
                    <text x=x + step * 0.35 y=H - 24.0 - height text-anchor="middle">{stats.respondents}</text>
                    <text x=x + step * 0.35 y=H - 5.0 text-anchor="middle" class="axis">{info.label.clone()}</text>
                </g>
            }
        })
        .collect_view();
    let summary: Vec<String> = rounds.iter().map(|(info, s)| format!("{}: {}", info.label, s.respondents)).collect();
    view! {
        <svg class="chart" viewBox=format!("0 0 {W} {H}") role="img" aria-label=format!("People who answered: {}", summary.join(", "))>
            {bars}
        </svg>
    }
}

/// A line through the row's median level in each round, each point named.
fn median_chart(
    matrix: &Matrix,
    rounds: &[(RoundInfo, Stats)],
    medians: &[Option<usize>],
    title: &str,
) -> impl IntoView {
    let levels = matrix.levels.len().max(2);
    let step = W / rounds.len().max(1) as f64;
    let point = |i: usize, level: usize| {
        (i as f64 * step + step / 2.0, H - 20.0 - (H - 40.0) * level as f64 / (levels - 1) as f64)
    };
    let line: Vec<String> = medians
        .iter()
        .enumerate()
        .filter_map(|(i, m)| m.map(|level| point(i, level)))
        .map(|(x, y)| format!("{x:.1},{y:.1}"))
        .collect();
    let short = |level: usize| matrix.levels.get(level).map(|l| l.short.clone()).unwrap_or_default();
    let points = medians
        .iter()
        .enumerate()
        .map(|(i, median)| {
            let label = rounds[i].0.label.clone();
            let (x, _) = point(i, 0);
            let marker = median.map(|level| {
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
        .map(|((info, _), m)| format!("{}: {}", info.label, m.map(short).unwrap_or_else(|| "no answers".into())))
        .collect();
    view! {
        <svg class="chart" viewBox=format!("0 0 {W} {H}") role="img" aria-label=format!("{title}, median level: {}", words.join(", "))>
            <polyline points=line.join(" ") class="line"></polyline>
            {points}
        </svg>
    }
}

/// Rows × rounds: the median level, and the respondents per round on top.
fn figures_table(matrix: &Matrix, rounds: &[(RoundInfo, Stats)]) -> impl IntoView {
    let short =
        |level: Option<usize>| level.and_then(|l| matrix.levels.get(l)).map(|l| l.short.clone()).unwrap_or("—".into());
    let head = rounds.iter().map(|(info, _)| view! { <th scope="col">{info.label.clone()}</th> }).collect_view();
    let people = rounds.iter().map(|(_, s)| view! { <td>{s.respondents}</td> }).collect_view();
    let body = matrix
        .rows()
        .map(|row| {
            let cells = rounds.iter().map(|(_, s)| view! { <td>{short(s.median_level(&row.id))}</td> }).collect_view();
            view! { <tr><th scope="row">{row.title.clone()}</th>{cells}</tr> }
        })
        .collect_view();
    view! {
        <table class="compare">
            <caption>"Median level per row and round"</caption>
            <thead><tr><th scope="col">"Row"</th>{head}</tr></thead>
            <tbody>
                <tr><th scope="row">"People who answered"</th>{people}</tr>
                {body}
            </tbody>
        </table>
    }
}
