//! `/b/{board}/gaps`: for one role, where its people stand against what it
//! expects, row by row, the largest share below first: the team's
//! learning needs. Of everyone in the role or of one group, in one round,
//! each row beside the round before (did the gap close?). Live like
//! trends: fetched again whenever the board's figures move. `?present=1`
//! sets it in the presenter's large type, for a projector.

use crate::board_feed::refetched_live;
use crate::components::board_page::head_text;
use crate::error::TallyError;
use crate::gaps::{GapFigures, Gaps, RowGap};
use crate::server_fns::board_gaps;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// What the page was asked for: role, group and round, as in its address.
type Asked = (String, String, String);

/// Whether the page is on a projector (`?present=1`).
fn presenting(asked_present: &str) -> bool {
    asked_present == "1"
}

#[component]
pub fn GapsPage() -> impl IntoView {
    let (params, query) = (use_params_map(), use_query_map());
    let board = params.read_untracked().get("board").unwrap_or_default();
    let asked: Asked = query.with_untracked(|q| {
        let get = |name: &str| q.get(name).unwrap_or_default();
        (get("role"), get("group"), get("round"))
    });
    let present = presenting(&query.with_untracked(|q| q.get("present").unwrap_or_default()));
    view! {
        <div class="gaps-view" class:presenting=present>
        <Suspense fallback=|| view! { <p>"Loading the gaps…"</p> }>
            {Suspend::new(async move {
                let (role, group, round) = asked.clone();
                match board_gaps(board.clone(), role, group, round, String::new()).await {
                    Ok(initial) => {
                        let title = head_text(&format!("Gaps: {} · Tally", initial.title));
                        view! { <Title text=title/><LiveGaps board asked present initial=Some(initial) refusal=None/> }.into_any()
                    }
                    Err(error @ TallyError::Forbidden(_)) => {
                        crate::components::unavailable::waiting_is_fine();
                        view! { <Title text="Gaps · Tally"/><LiveGaps board asked present initial=None refusal=Some(error)/> }
                            .into_any()
                    }
                    Err(error) => crate::components::unavailable::unavailable(&board, &error).into_any(),
                }
            })}
        </Suspense>
        </div>
    }
}

/// The gaps, fetched again whenever the board's figures move. While the
/// board hides its figures, the admin's tab fetches them with its key.
// Lazy (a wasm file of its own) in split builds; see the `split` feature.
#[cfg_attr(feature = "split", island(lazy))]
#[cfg_attr(not(feature = "split"), island)]
fn LiveGaps(
    board: String,
    asked: Asked,
    present: bool,
    initial: Option<Gaps>,
    refusal: Option<TallyError>,
) -> impl IntoView {
    let key = crate::components::admin_key::held_key(&board);
    let fetch = {
        let board = board.clone();
        move |key| {
            let (role, group, round) = asked.clone();
            board_gaps(board.clone(), role, group, round, key)
        }
    };
    let gaps = refetched_live(board.clone(), key, initial, fetch);
    move || match (gaps.get(), &refusal) {
        (Some(gaps), _) => gaps_view(&board, gaps, present).into_any(),
        (None, Some(refusal)) => crate::components::unavailable::reason(&board, refusal).into_any(),
        (None, None) => ().into_any(),
    }
}

fn gaps_view(board: &str, gaps: Gaps, present: bool) -> impl IntoView {
    let role_title = gaps.roles.iter().find(|(id, _)| *id == gaps.role).map(|(_, t)| t.clone()).unwrap_or_default();
    let whose = match &gaps.group {
        Some(group) => format!("{role_title} in {group}"),
        None => role_title,
    };
    let round_label = gaps.rounds.iter().find(|(n, _)| *n == gaps.round).map(|(_, l)| l.clone()).unwrap_or_default();
    view! {
        <header class="board-header">
            <h1>{format!("Gaps: {whose}, {round_label}")}</h1>
            <a href=format!("/b/{board}")>"Back to the board"</a>
        </header>
        {choices(&gaps, present)}
        {match &gaps.figures {
            Some(figures) => figures_table(figures, gaps.before.as_ref()).into_any(),
            None => view! {
                <p class="notice" role="status">
                    {format!(
                        "Withheld: fewer than {} people are in this slice, or showing it would let a smaller one be \
                         worked out from the rest.",
                        gaps.min_group_size
                    )}
                </p>
            }
            .into_any(),
        }}
    }
}

/// A GET form to pick the role, the group and the round (on a projector, it stays there).
fn choices(gaps: &Gaps, present: bool) -> impl IntoView {
    let option =
        |value: String, label: String, selected: bool| view! { <option value=value selected=selected>{label}</option> };
    let roles = gaps.roles.iter().map(|(id, title)| option(id.clone(), title.clone(), *id == gaps.role)).collect_view();
    let groups =
        gaps.groups.iter().map(|g| option(g.clone(), g.clone(), gaps.group.as_ref() == Some(g))).collect_view();
    let rounds =
        gaps.rounds.iter().map(|(n, label)| option(n.to_string(), label.clone(), *n == gaps.round)).collect_view();
    view! {
        <form method="get" class="compare-choice gaps-choice">
            <label>"Role " <select name="role">{roles}</select></label>
            {(!gaps.groups.is_empty()).then(|| view! {
                <label>
                    "Group "
                    <select name="group">
                        <option value="" selected=gaps.group.is_none()>"everyone"</option>
                        {groups}
                    </select>
                </label>
            })}
            <label>"Round " <select name="round">{rounds}</select></label>
            {present.then(|| view! { <input type="hidden" name="present" value="1"/> })}
            <button type="submit">"Show"</button>
        </form>
    }
}

/// One line per row the role expects something of, the largest share
/// below first; each with its figures as words and the round before.
fn figures_table(figures: &GapFigures, before: Option<&(String, Option<GapFigures>)>) -> impl IntoView {
    let before_heading = before.map(|(label, _)| format!("In {label}"));
    let rows = figures
        .rows
        .iter()
        .map(|gap| {
            let earlier = before.map(|(_, figures)| match figures.as_ref() {
                Some(figures) => since(gap, figures.row(&gap.row)),
                None => "withheld".to_string(),
            });
            view! {
                <tr>
                    <th scope="row">
                        {gap.title.clone()}
                        <span class="expects">{format!("expected: {}", gap.expected)}</span>
                    </th>
                    <td>
                        <span class="gap-bar" aria-hidden="true">
                            <span class="below" style=width(gap.below, gap.answered())></span>
                            <span class="at" style=width(gap.at, gap.answered())></span>
                            <span class="above" style=width(gap.above, gap.answered())></span>
                        </span>
                        {gap.text()}
                    </td>
                    {earlier.map(|text| view! { <td>{text}</td> })}
                </tr>
            }
        })
        .collect_view();
    view! {
        <p>{format!("{} people in this slice answered. Rows the role expects nothing of are left out.", figures.respondents)}</p>
        <div class="table-scroll" tabindex="0" aria-label="Gaps by row (scrolls sideways)">
            <table class="gaps">
                <thead>
                    <tr>
                        <th scope="col">"Competency and expected level"</th>
                        <th scope="col">"Against the expectation"</th>
                        {before_heading.map(|h| view! { <th scope="col">{h}</th> })}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

fn width(part: u64, whole: u64) -> String {
    format!("width: {}%", (part * 100).checked_div(whole).unwrap_or(0))
}

/// How the row stood in the round before, and whether its gap closed.
fn since(now: &RowGap, before: Option<&RowGap>) -> String {
    let Some(before) = before.filter(|b| b.answered() > 0) else { return "no answers".to_string() };
    // Shares compared without division: below / answered, now and before.
    let (now_share, then_share) = (now.below * before.answered(), before.below * now.answered());
    let trend = match now_share.cmp(&then_share) {
        std::cmp::Ordering::Less => "the gap closed",
        std::cmp::Ordering::Equal => "no change",
        std::cmp::Ordering::Greater => "the gap widened",
    };
    format!("{} of {} below: {trend}", before.below, before.answered())
}
