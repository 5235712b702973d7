//! `/b/{board}/present`: the screen a facilitator puts on the projector.
//! Every row with the crowd's share at each level, as figures and bars in
//! type large enough for the back of a room, filling the screen; how many
//! answered and how many watch; the QR code, the site and the join code
//! people join with. Opened through the admin link it also carries the
//! admin's controls, folded away from the room's sight. It follows the
//! board live, like its page, and shows what the room may see: before a
//! facilitator's reveal, no figures and the count of answers.

use crate::board_feed::{BoardFeed, FeedStart};
use crate::components::admin_panel::AdminPanel;
use crate::components::board_page::head_text;
use crate::error::TallyError;
use crate::i18n::{css_said, learn, say, say_with, t, t_with, Arg, Phrasebook, Say, Section};
use crate::matrix::{Matrix, Row};
use crate::page_data::{BoardPageData, PresentData};
use crate::server_fns::present_board;
use crate::stats::Stats;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
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
        <Suspense fallback=|| view! { <p>{t("present-loading")}</p> }>
            {Suspend::new(async move {
                match present_board(board.clone(), String::new()).await {
                    Ok(present) => {
                        let board_title = [("title", Arg::from(present.page.title.as_str()))];
                        let title = head_text(&format!("{} · Tally", t_with("present-title", &board_title)));
                        let description = head_text(&t_with("present-description", &board_title));
                        let words = Phrasebook::of(&[Section::Live, Section::Present]);
                        view! { <Title text=title/><Meta name="description" content=description/><Presenter present words/> }
                            .into_any()
                    }
                    Err(TallyError::NotAdmitted(refusal)) => {
                        view! { <PresenterDoor board refusal words=Phrasebook::of(&[Section::Live, Section::Present, Section::Refusal])/> }.into_any()
                    }
                    Err(error) => crate::components::unavailable::unavailable(&board, &error).into_any(),
                }
            })}
        </Suspense>
    }
}

/// The screen itself, an island: it follows the board live, matrix edits
/// included (the rows redraw when the feed's matrix changes).
// Lazy (a wasm file of its own) in split builds; see the `split` feature.
#[cfg_attr(feature = "split", island(lazy))]
#[cfg_attr(not(feature = "split"), island)]
fn Presenter(present: PresentData, words: Phrasebook) -> impl IntoView {
    learn(&words);
    presenter(present, None)
}

/// The presenter of a board open to invited people only, which the server
/// cannot show its admin (see `admin_door`): loaded with the key this tab
/// holds, or else the refusal.
#[cfg_attr(feature = "split", island(lazy))]
#[cfg_attr(not(feature = "split"), island)]
fn PresenterDoor(board: String, refusal: String, words: Phrasebook) -> impl IntoView {
    learn(&words);
    let loaded = crate::components::admin_door::loaded_as_admin(&board, |board, key: String| async move {
        present_board(board, key.clone()).await.map(|present| (present, key))
    });
    let refused = TallyError::NotAdmitted(refusal);
    move || match loaded.get() {
        Some((present, key)) => presenter(present, Some(key)).into_any(),
        None => crate::components::unavailable::reason(&board, &refused).into_any(),
    }
}

/// The screen. `room_key`: the admin key that lets the room's view into a
/// board open to invited people only.
fn presenter(present: PresentData, room_key: Option<String>) -> impl IntoView {
    let PresentData { page, address, invited } = present;
    let BoardPageData { board, title, matrix, matrix_rev, stats, round_label, .. } = page;
    // The room's view: it never sends the admin's key as the admin's, so a
    // projector shows only what the room may see.
    let start = FeedStart { board: board.clone(), stats, round_label, matrix, matrix_rev };
    let feed = BoardFeed::follow_as_room(start, room_key);
    let stats = feed.stats;
    let hydrated = RwSignal::new(false);
    Effect::new(move |_| hydrated.set(true));
    // Redrawn only when the admin edits the matrix; bars move by their signals.
    let rows = move || {
        let matrix = feed.matrix.get();
        let categories = matrix.categories.iter().map(|category| {
            let rows = category.rows.iter().map(|row| level_bars(row, &matrix, stats)).collect_view();
            view! {
                <section class="present-category">
                    <div class="present-levels" aria-hidden="true" translate="no">
                        <h2 translate="no">{category.title.clone()}</h2>
                        {matrix.levels.iter().map(|l| view! { <span>{l.short.clone()}</span> }).collect_view()}
                    </div>
                    <ul>{rows}</ul>
                </section>
            }
        });
        categories.collect_view()
    };
    let layout = move || feed.matrix.with(|m| layout_style(m));
    let key = move || levels_key(&feed.matrix.get());
    let said = [css_said("nobody", Say::PresentNobody), css_said("withheld", Say::PresentWithheld)].concat();
    view! {
        <div class="present" style=said data-hydrated=move || hydrated.get().to_string()>
            <header class="present-header">
                <h1 translate="no">{title.clone()}</h1>
                <p class="present-answered">{move || feed.answered()}{of_invited(invited)}</p>
                <p class="present-live" role="status">{move || feed.status_line()}</p>
                {move || stats.with(|s| s.closed).then(|| view! { <p class="present-closed">{say(Say::PresentClosed)}</p> })}
                {move || stats.with(|s| s.withheld).then(|| view! { <p class="present-hidden">{say(Say::PresentHidden)}</p> })}
                {full_screen_button()}
                {move || feed.matrix.with(|m| !m.roles.is_empty()).then(|| view! {
                    <a class="present-gaps-link" href=format!("/b/{}/gaps?present=1", feed.board())>{say(Say::PresentGapsLink)}</a>
                })}
            </header>
            <div class="present-body">
                <div class="present-rows" style=layout>{rows}</div>
                {join_panel(&board, &address)}
                <aside class="present-side" aria-label=say(Say::LevelsLabel)>{key}</aside>
            </div>
            {admin_toggle(feed)}
        </div>
    }
}

/// How the rows share the screen: one column for a short matrix, two for a
/// long one, each row's height the screen's share (`--slots`: rows and
/// category headings per column), and the cells' count (`--levels`).
fn layout_style(matrix: &Matrix) -> String {
    let rows: usize = matrix.categories.iter().map(|c| c.rows.len()).sum();
    let slots = rows + matrix.categories.len();
    let columns = if slots > 20 { 2 } else { 1 };
    format!("--columns: {columns}; --slots: {}; --levels: {}", slots.div_ceil(columns), matrix.levels.len())
}

/// " (of 15 invited)" on a board with invitations.
fn of_invited(invited: u64) -> Option<String> {
    (invited > 0).then(|| format!(" {}", say_with(Say::OfInvited, &[("count", invited.into())])))
}

/// Where the room joins: the QR code, then the site's address and the
/// board's join code, each on one unbroken line, for those who type.
fn join_panel(board: &str, address: &str) -> impl IntoView {
    let site = address.split("/b/").next().unwrap_or_default();
    let site = site.trim_start_matches("https://").trim_start_matches("http://").to_string();
    let code = crate::join_code::join_code(board);
    let (site_width, code_width) =
        (format!("--chars: {}", site.len().max(8)), format!("--chars: {}", code.len().max(8)));
    view! {
        <aside class="present-join" aria-label=say(Say::JoinLabel)>
            <img
                src=format!("/api/boards/{board}/qr.svg")
                alt=say_with(Say::QrAlt, &[("address", address.into())])
                width="300"
                height="300"
            />
            <p>{say(Say::ScanOrGo)}</p>
            <p class="present-site" style=site_width translate="no">{site}</p>
            <p>{say(Say::EnterCode)}</p>
            <p class="present-code" style=code_width translate="no">{code}</p>
        </aside>
    }
}

/// Fills the screen with the presenter (the browser's own full screen; Esc
/// leaves it). The button hides itself there.
fn full_screen_button() -> impl IntoView {
    let go = move |_| {
        #[cfg(feature = "hydrate")]
        if let Some(page) = document().document_element() {
            let _ = page.request_fullscreen();
        }
    };
    view! { <button type="button" class="present-full" on:click=go>{say(Say::FullScreen)}</button> }
}

/// The admin's controls, for whoever opened the presenter through the admin
/// link, folded away behind a small button so the room does not see them
/// (shown only when the panel has controls in it: see the stylesheet).
fn admin_toggle(feed: BoardFeed) -> impl IntoView {
    let open = RwSignal::new(false);
    view! {
        <div class="present-controls" class:open=move || open.get()>
            <button type="button" class="controls-toggle" aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)>
                {move || say(if open.get() { Say::HideControls } else { Say::Controls })}
            </button>
            <AdminPanel feed/>
        </div>
    }
}

/// "Pract.: Practitioner", or just "Aware" where the short name is the name.
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
                <li translate="no"><span class=format!("key-swatch level-{}", i % LEVEL_CLASSES)></span>{level_name(&level.short, &level.label)}</li>
            }
        })
        .collect_view();
    view! { <ul class="present-key" aria-label=say(Say::LevelsLabel)>{items}</ul> }
}

/// One row: its title, then one cell per level holding the share as a
/// figure (always in full) above a bar of that level's colour; the whole
/// stated in words for screen readers.
fn level_bars(row: &Row, matrix: &Arc<Matrix>, stats: RwSignal<Stats>) -> impl IntoView {
    let cells = (0..matrix.levels.len())
        .map(|level| {
            let row_id = row.id.clone();
            let share = Signal::derive(move || stats.with(|s| s.percent(&row_id, level)));
            view! {
                <span class=format!("level-cell level-{}", level % LEVEL_CLASSES)>
                    <span class="figure">{move || say_with(Say::Percent, &[("n", share.get().into())])}</span>
                    <span class="bar" style=move || format!("width: {}%", share.get())></span>
                </span>
            }
        })
        .collect_view();
    let (row_id, title, levels) = (row.id.clone(), row.title.clone(), matrix.clone());
    let label = move || {
        let title = || Arg::from(title.clone());
        stats.with(|s| match s.answered(&row_id) {
            _ if s.withheld => say_with(Say::RowHidden, &[("title", title())]),
            0 => say_with(Say::RowNobody, &[("title", title())]),
            n => {
                let part = |(i, level): (usize, &crate::matrix::Level)| {
                    let percent = say_with(Say::Percent, &[("n", s.percent(&row_id, i).into())]);
                    let k = s.count(&row_id, i).into();
                    say_with(
                        Say::RowPart,
                        &[("level", level.short.as_str().into()), ("k", k), ("percent", percent.into())],
                    )
                };
                let parts: Vec<String> = levels.levels.iter().enumerate().map(part).collect();
                say_with(Say::RowFigures, &[("title", title()), ("parts", parts.join(", ").into()), ("n", n.into())])
            }
        })
    };
    let row_id = row.id.clone();
    let nobody = move || stats.with(|s| !s.withheld && s.answered(&row_id) == 0);
    let withheld = move || stats.with(|s| s.withheld);
    view! {
        <li class="present-row">
            <span class="present-title" aria-hidden="true" translate="no">{row.title.clone()}</span>
            <span class="cells" class:nobody=nobody class:withheld=withheld role="img" aria-label=label>{cells}</span>
        </li>
    }
}
