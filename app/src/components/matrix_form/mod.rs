//! The form people fill in, an island. It posts to the `submit_answers`
//! server function: without JavaScript as a plain form POST that redirects
//! back to the page; hydrated, it sends the choices it shows instead (see
//! `sending`), and the page takes the reply in place. (Not
//! Leptos' `ActionForm`: that one takes its children type-erased, and an
//! erased view brings every way of rendering it into the browser's bundle.)
//!
//! The board is followed live through a [`BoardFeed`]: when it announces
//! that the admin edited the matrix, the table is redrawn, keeping every
//! choice made so far (by row and level id).

mod choices;
mod notes;
mod role_marks;
mod sending;
mod submit_bar;
mod table;
mod unsent;

use crate::answers::{Draft, PreviousAnswers};
use crate::board_feed::{BoardFeed, FeedStart};
use crate::components::admin_panel::AdminPanel;
use crate::components::legend::Legend;
use crate::components::my_progress::MyProgress;
use crate::i18n::{learn, say, say_with, Phrasebook, Say};
use crate::live_message::ClientMessage;
use crate::page_data::BoardPageData;
use crate::rounds::{shown_label, MyRound};
use crate::server_fns::SubmitAnswers;
use choices::Choices;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use notes::{belonging_choice, board_header, board_links, board_notices};
use sending::{Reply, Sent};
use std::sync::Arc;
use submit_bar::submit_bar;
use table::matrix_table;
use unsent::{forget_unsent, keep_unsent};

/// `words`: what the form says, in the page's language (see `i18n`).
#[island]
pub fn MatrixForm(view: BoardPageData, mine: Vec<MyRound>, words: Phrasebook) -> impl IntoView {
    learn(&words);
    let BoardPageData { board, title, matrix, matrix_rev, stats, round_label, previous, groups, draft, .. } = view;
    // A refused form's choices, else the visitor's last answers.
    let draft = draft.or_else(|| previous.as_ref().map(|p| Draft::from(p.clone())));
    let my_group = draft.as_ref().map(|d| d.group.clone()).unwrap_or_default();
    let my_role = draft.as_ref().map(|d| d.role.clone()).unwrap_or_default();
    let role_options = matrix.roles.iter().map(|r| (r.id.clone(), r.title.clone())).collect();
    let group_options = groups.iter().map(|g| (g.clone(), g.clone())).collect();
    let start = FeedStart { board: board.clone(), stats, round_label, matrix, matrix_rev };
    let feed = BoardFeed::follow(start);
    // The group picked in the form (blank: none).
    let group = RwSignal::new(my_group.clone());
    // The role picked (its id; blank: none): only this browser marks its gaps.
    let role = RwSignal::new(my_role.clone());
    let choices = Choices::new(draft);
    keep_choices_across_edits(feed, choices);
    keep_unsent(feed, choices, (group, role));
    let previous = RwSignal::new(previous);
    let reply = RwSignal::new(sending::refusal_of_a_plain_post());
    take_replies(feed, reply, choices, (group, role), previous);
    mark_answers_of_an_earlier_round(feed, previous);
    let problems = Signal::derive(move || match reply.get() {
        Some(Err(problems)) => problems,
        _ => Vec::new(),
    });
    // The row a submission with rows left out led to, marked like a refused one.
    let missing = RwSignal::new(None::<String>);
    let at_fault = Signal::derive(move || {
        let refused = problems.get().into_iter().filter_map(|p| p.row);
        refused.chain(missing.get()).collect()
    });
    // Escape hides popovers until focus moves or the pointer is pressed (WCAG 1.4.13).
    let dismissed = RwSignal::new(false);
    // Hydrated, the form is sent from the choices it shows, not posted.
    let send = {
        let board = board.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let first_missing = feed.matrix.with_untracked(|m| choices.first_missing(m));
            missing.set(first_missing.clone());
            if let Some(row) = first_missing {
                return focus_row(&row);
            }
            let answers = feed.matrix.with_untracked(|m| choices.chosen(m));
            let (group, role) = (group.get_untracked(), role.get_untracked());
            sending::send(Sent { board: board.clone(), answers, group, role }, reply);
        }
    };
    view! {
        {board_header(feed, title)}
        {board_links(feed, !groups.is_empty())}
        <AdminPanel feed/>
        {board_notices(feed)}
        <p class="intro">{move || intro(feed)}</p>
        <Legend/>
        <form action=SubmitAnswers::url() method="post" on:submit=send>
            <input type="hidden" name="board" value=board.clone()/>
            <div
                class="table-scroll"
                class:popovers-dismissed=move || dismissed.get()
                tabindex="0"
                aria-label=say(Say::TableLabel)
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        dismissed.set(true);
                    }
                }
                on:focusin=move |_| dismissed.set(false)
                on:pointerdown=move |_| dismissed.set(false)
            >
                {matrix_table(feed, choices, previous, at_fault)}
            </div>
            {belonging_choice(("group", Say::GroupChoice, Say::NoGroup), group_options, my_group, group)}
            {belonging_choice(("role", Say::RoleChoice, Say::NoRole), role_options, my_role, role)}
            {role_marks::role_marks(feed, role, choices)}
            {submit_bar(feed, choices, previous, missing)}
            {move || (!problems.with(Vec::is_empty)).then(|| view! {
                <div class="errors" role="alert">
                    <p>{say(Say::NothingCounted)}</p>
                    <ul>{move || problems.get().into_iter().map(|p| view! { <li>{p.message}</li> }).collect_view()}</ul>
                </div>
            })}
        </form>
        <MyProgress board matrix=feed.matrix.get_untracked() mine previous/>
    }
}

/// Takes the person to `row`: focus on its first level, which scrolls it
/// into view (clear of the sticky submit bar: see the stylesheet).
fn focus_row(row: &str) {
    #[cfg(feature = "hydrate")]
    {
        use leptos::wasm_bindgen::JsCast;
        let first = document().query_selector(&format!("input[name=\"answers[{row}]\"]"));
        if let Some(input) = first.ok().flatten().and_then(|e| e.dyn_into::<leptos::web_sys::HtmlElement>().ok()) {
            let _ = input.focus();
        }
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = row;
}

/// What to do here, as the board stands: nothing to submit once it is
/// closed, and no figures to look at while they are hidden.
fn intro(feed: BoardFeed) -> String {
    say(feed.stats.with(|s| match (s.closed, s.withheld) {
        (true, _) => Say::IntroClosed,
        (false, true) => Say::IntroHidden,
        (false, false) => Say::IntroOpen,
    }))
}

/// When the admin's edit reorders levels, each choice stays on its level
/// (by id); a choice whose level is gone is cleared.
fn keep_choices_across_edits(feed: BoardFeed, choices: Choices) {
    Effect::new(move |shown: Option<Arc<crate::matrix::Matrix>>| {
        let now = feed.matrix.get();
        if let Some(old) = shown.filter(|old| !Arc::ptr_eq(old, &now)) {
            choices.carry_over(&old, &now);
        }
        now
    });
}

/// A submission's reply: its figures (if newer), its pass (so the socket
/// may show what the board hides from those who have not answered), and
/// the answers as now stored.
fn take_replies(
    feed: BoardFeed,
    reply: RwSignal<Option<Reply>>,
    choices: Choices,
    (group, role): (RwSignal<String>, RwSignal<String>),
    previous: RwSignal<Option<PreviousAnswers>>,
) {
    Effect::new(move |_| {
        if let Some(Ok(outcome)) = reply.get() {
            forget_unsent(&feed.board());
            feed.offer(outcome.stats);
            feed.add_credential(ClientMessage::Pass(outcome.pass));
            let answers = feed.matrix.with_untracked(|m| choices.chosen(m));
            let picked = |signal: RwSignal<String>| Some(signal.get_untracked()).filter(|p| !p.is_empty());
            let (group, role, submitted_at) = (picked(group), picked(role), outcome.submitted_at);
            previous.set(Some(PreviousAnswers { answers, submitted_at, from_round: None, group, role }));
        }
    });
}

/// A new round opened while the page is open: what was submitted now
/// belongs to the round before, and counts again only once resubmitted.
fn mark_answers_of_an_earlier_round(feed: BoardFeed, previous: RwSignal<Option<PreviousAnswers>>) {
    let shown_round = StoredValue::new(feed.stats.with_untracked(|s| s.round));
    Effect::new(move |_| {
        let round = feed.stats.with(|s| s.round);
        let before = shown_round.get_value();
        if round > before {
            shown_round.set_value(round);
            let before_label =
                feed.round_label.with_untracked(|(n, label)| (*n == before).then(|| shown_label(*n, label)));
            previous.update(|p| {
                if let Some(p) = p.as_mut().filter(|p| p.from_round.is_none()) {
                    p.from_round =
                        Some(before_label.unwrap_or_else(|| say_with(Say::RoundNumber, &[("n", before.into())])));
                }
            });
        }
    });
}
