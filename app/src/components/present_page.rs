//! `/b/{board}/present`: the screen a facilitator puts on the projector.
//! Every row as one stacked bar of the crowd's levels, in type large enough
//! for the back of a room, how many answered and how many watch, and the QR
//! code and address people join at. Opened through the admin link it also
//! carries the admin's controls. It follows the board live, like its page,
//! and shows what the room may see: before a facilitator's reveal, empty
//! bars and the count of answers.

use crate::board_feed::{BoardFeed, FeedStart};
use crate::components::admin_panel::AdminPanel;
use crate::components::board_page::head_text;
use crate::matrix::{Matrix, Row};
use crate::page_data::{BoardPageData, PresentData};
use crate::server_fns::present_board;
use crate::stats::Stats;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use std::sync::Arc;

/// Level colours cycle through this many classes (`level-0` …); matrices
/// with more levels reuse them, and every segment is labelled in words.
const LEVEL_CLASSES: usize = 6;

#[component]
pub fn PresentPage() -> impl IntoView {
    let params = use_params_map();
    let board = params.read_untracked().get("board").unwrap_or_default();
    view! {
        <Suspense fallback=|| view! { <p>"Loading the board…"</p> }>
            {Suspend::new(async move {
                match present_board(board.clone()).await {
                    Ok(present) => {
                        let title = head_text(&format!("Presenting: {} · Tally", present.page.title));
                        view! { <Title text=title/><Presenter present/> }.into_any()
                    }
                    Err(error) => crate::components::unavailable::unavailable(&board, &error).into_any(),
                }
            })}
        </Suspense>
    }
}

/// The screen itself, an island: it follows the board live.
// Lazy (a wasm file of its own) in split builds; see the `split` feature.
#[cfg_attr(feature = "split", island(lazy))]
#[cfg_attr(not(feature = "split"), island)]
fn Presenter(present: PresentData) -> impl IntoView {
    let PresentData { page, address } = present;
    let BoardPageData { board, title, matrix, matrix_rev, stats, round_label, .. } = page;
    // The room's view: it never sends the admin's key, so a projector shows
    // only what the room may see.
    let feed = BoardFeed::follow_as_room(FeedStart { board: board.clone(), stats, round_label, matrix, matrix_rev });
    let stats = feed.stats;
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    // Redrawn only when the admin edits the matrix; bars move by their signals.
    let rows = move || {
        let matrix = feed.matrix.get();
        let categories = matrix.categories.iter().map(|category| {
            let rows = category.rows.iter().map(|row| stacked_bar(row, &matrix, stats)).collect_view();
            view! {
                <section class="present-category">
                    <h2>{category.title.clone()}</h2>
                    <ul>{rows}</ul>
                </section>
            }
        });
        categories.collect_view()
    };
    let key = move || levels_key(&feed.matrix.get());
    view! {
        <div class="present" data-hydrated=move || hydrated.get().to_string()>
            <header class="present-header">
                <h1>{title.clone()}</h1>
                <p class="present-answered">{move || feed.answered()}</p>
                <p class="present-live" role="status">{move || feed.status_line()}</p>
                {move || stats.with(|s| s.closed).then(|| view! { <p class="present-closed">"Closed: no more answers"</p> })}
                {move || stats.with(|s| s.withheld).then(|| view! { <p class="present-hidden">"Figures hidden until revealed"</p> })}
            </header>
            <div class="present-body">
                <div class="present-rows">{rows}</div>
                <aside class="present-join" aria-label="Join this board">
                    <img src=format!("/api/boards/{board}/qr.svg") alt=format!("QR code: {address}") width="300" height="300"/>
                    <p>"Scan, or open"</p>
                    <p class="present-address">{address.clone()}</p>
                    {key}
                    <AdminPanel feed/>
                </aside>
            </div>
        </div>
    }
}

/// "2ⁿ: 2^n (Level 0)", or just "Aware" where the short name is the name.
fn level_name(short: &str, label: &str) -> String {
    match short == label {
        true => short.to_string(),
        false => format!("{short}: {label}"),
    }
}

/// What each colour means, in words.
fn levels_key(matrix: &Matrix) -> impl IntoView {
    let items = matrix
        .levels
        .iter()
        .enumerate()
        .map(|(i, level)| {
            view! {
                <li><span class=format!("key-swatch level-{}", i % LEVEL_CLASSES)></span>{level_name(&level.short, &level.label)}</li>
            }
        })
        .collect_view();
    view! { <ul class="present-key" aria-label="Levels">{items}</ul> }
}

/// One row: a bar split by the share of people at each level, each part
/// naming its level and percentage; the whole stated in its label.
fn stacked_bar(row: &Row, matrix: &Arc<Matrix>, stats: RwSignal<Stats>) -> impl IntoView {
    let segments = matrix
        .levels
        .iter()
        .enumerate()
        .map(|(level, info)| {
            let (row_id, short) = (row.id.clone(), info.short.clone());
            let percent = {
                let row_id = row_id.clone();
                move || stats.with(|s| s.percent(&row_id, level))
            };
            let share = Signal::derive(move || stats.with(|s| s.share_css(&row_id, level)));
            view! {
                <span class=format!("segment level-{}", level % LEVEL_CLASSES)
                    class:empty=move || share.with(|s| s == "0.000")
                    style=move || format!("flex-grow: {}", share.get())>
                    {move || format!("{short} {}%", percent())}
                </span>
            }
        })
        .collect_view();
    let (row_id, title, levels) = (row.id.clone(), row.title.clone(), matrix.clone());
    let label = move || {
        stats.with(|s| match s.answered(&row_id) {
            _ if s.withheld => format!("{title}: figures hidden"),
            0 => format!("{title}: no answers yet"),
            n => {
                let parts: Vec<String> = levels
                    .levels
                    .iter()
                    .enumerate()
                    .map(|(i, l)| format!("{} {} ({}%)", l.short, s.count(&row_id, i), s.percent(&row_id, i)))
                    .collect();
                format!("{title}: {} of {n}", parts.join(", "))
            }
        })
    };
    let row_id = row.id.clone();
    let nobody = move || stats.with(|s| !s.withheld && s.answered(&row_id) == 0);
    let withheld = move || stats.with(|s| s.withheld);
    view! {
        <li class="present-row">
            <span class="present-title" aria-hidden="true">{row.title.clone()}</span>
            <span class="stack" class:nobody=nobody class:withheld=withheld role="img" aria-label=label>{segments}</span>
        </li>
    }
}
