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
use crate::i18n::{learn, say, say_with, t, t_with, Phrasebook, Say, Section};
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
        <Suspense fallback=|| view! { <p>{t("gaps-loading")}</p> }>
            {Suspend::new(async move {
                let (role, group, round) = asked.clone();
                match board_gaps(board.clone(), role, group, round, String::new()).await {
                    Ok(initial) => {
                        let title = t_with("gaps-title", &[("title", initial.title.as_str().into())]);
                        let title = head_text(&format!("{title} · Tally"));
                        let words = Phrasebook::of(&[Section::Gaps]);
                        view! { <Title text=title/><LiveGaps board asked present initial=Some(initial) refusal=None words/> }
                            .into_any()
                    }
                    Err(error @ TallyError::Forbidden(_)) => {
                        crate::components::unavailable::waiting_is_fine();
                        view! { <Title text=format!("{} · Tally", t("link-gaps"))/><LiveGaps board asked present initial=None refusal=Some(error) words=Phrasebook::of(&[Section::Gaps, Section::Refusal])/> }
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
    words: Phrasebook,
) -> impl IntoView {
    learn(&words);
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
        Some(group) => say_with(Say::GapsWhoseGroup, &[("role", role_title.into()), ("group", group.as_str().into())]),
        None => role_title,
    };
    let round_label = gaps.rounds.iter().find(|(n, _)| *n == gaps.round).map(|(_, l)| l.clone()).unwrap_or_default();
    view! {
        <header class="board-header">
            <h1>{say_with(Say::GapsHeading, &[("whose", whose.into()), ("round", round_label.into())])}</h1>
            <a href=format!("/b/{board}")>{say(Say::GapsBack)}</a>
        </header>
        {choices(&gaps, present)}
        {match &gaps.figures {
            Some(figures) => figures_table(figures, gaps.before.as_ref()).into_any(),
            None => view! {
                <p class="notice" role="status">{say_with(Say::GapsWithheld, &[("n", gaps.min_group_size.into())])}</p>
            }
            .into_any(),
        }}
    }
}

/// A GET form to pick the role, the group and the round (on a projector, it stays there).
fn choices(gaps: &Gaps, present: bool) -> impl IntoView {
    let option = |value: String, label: String, selected: bool| view! { <option value=value selected=selected translate="no">{label}</option> };
    let roles = gaps.roles.iter().map(|(id, title)| option(id.clone(), title.clone(), *id == gaps.role)).collect_view();
    let groups =
        gaps.groups.iter().map(|g| option(g.clone(), g.clone(), gaps.group.as_ref() == Some(g))).collect_view();
    let rounds =
        gaps.rounds.iter().map(|(n, label)| option(n.to_string(), label.clone(), *n == gaps.round)).collect_view();
    view! {
        <form method="get" class="compare-choice gaps-choice">
            <label>{say(Say::GapsRole)} " " <select name="role">{roles}</select></label>
            {(!gaps.groups.is_empty()).then(|| view! {
                <label>
                    {say(Say::GapsGroup)}
                    " "
                    <select name="group">
                        <option value="" selected=gaps.group.is_none()>{say(Say::GapsEveryone)}</option>
                        {groups}
                    </select>
                </label>
            })}
            <label>{say(Say::GapsRound)} " " <select name="round">{rounds}</select></label>
            {present.then(|| view! { <input type="hidden" name="present" value="1"/> })}
            <button type="submit">{say(Say::GapsShow)}</button>
        </form>
    }
}

/// One line per row the role expects something of, the largest share
/// below first; each with its figures as words and the round before.
fn figures_table(figures: &GapFigures, before: Option<&(String, Option<GapFigures>)>) -> impl IntoView {
    let before_heading = before.map(|(label, _)| say_with(Say::GapsInRound, &[("round", label.as_str().into())]));
    let rows = figures
        .rows
        .iter()
        .map(|gap| {
            let earlier = before.map(|(_, figures)| match figures.as_ref() {
                Some(figures) => since(gap, figures.row(&gap.row)),
                None => say(Say::GapsWithheldCell),
            });
            view! {
                <tr>
                    <th scope="row">
                        <span translate="no">{gap.title.clone()}</span>
                        <span class="expects">{say_with(Say::GapsExpected, &[("level", gap.expected.as_str().into())])}</span>
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
        <p>{say_with(Say::GapsAnswered, &[("count", figures.respondents.into())])}</p>
        <div class="table-scroll" tabindex="0" aria-label=say(Say::GapsTableLabel)>
            <table class="gaps">
                <thead>
                    <tr>
                        <th scope="col">{say(Say::GapsRowHeading)}</th>
                        <th scope="col">{say(Say::GapsAgainst)}</th>
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
    let Some(before) = before.filter(|b| b.answered() > 0) else { return say(Say::GapsNoAnswers) };
    // Shares compared without division: below / answered, now and before.
    let (now_share, then_share) = (now.below * before.answered(), before.below * now.answered());
    let trend = match now_share.cmp(&then_share) {
        std::cmp::Ordering::Less => Say::GapsSinceClosed,
        std::cmp::Ordering::Equal => Say::GapsSinceSame,
        std::cmp::Ordering::Greater => Say::GapsSinceWidened,
    };
    say_with(trend, &[("below", before.below.into()), ("answered", before.answered().into())])
}
