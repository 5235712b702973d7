//! Who may answer the board, and the people invited to it: what
//! `PUT …/access` and `…/invitations` do over the API. Each person gets a
//! personal link, shown once (Tally keeps only a keyed hash of it): copied
//! one by one or downloaded as CSV. Who answered is shown in batches, and
//! how many answered follows the live figures.

use super::share::copy_button;
use crate::access::{Invitation, InvitationList, IssuedLink};
use crate::board_feed::BoardFeed;
use crate::components::confirm::confirmed;
use crate::components::editor::browser::{chosen_file, download};
use crate::error::TallyError;
use crate::i18n::{say, say_with, Arg, Say};
use crate::server_fns::invitations::{load_invitations, ChangeInvitation, Invite};
use leptos::prelude::*;

#[component]
pub fn PeopleControls(board: String, key: String, feed: BoardFeed) -> impl IntoView {
    let list = RwSignal::new(None::<InvitationList>);
    let reload = {
        let (board, key) = (board.clone(), key.clone());
        Callback::new(move |_: ()| {
            let (board, key) = (board.clone(), key.clone());
            leptos::task::spawn_local(async move {
                if let Ok(current) = load_invitations(board, key).await {
                    list.set(Some(current));
                }
            });
        })
    };
    // How many answered moves with the figures.
    Effect::new(move |_| {
        feed.stats.with(|s| s.respondents);
        reload.run(());
    });
    let issued = RwSignal::new(Vec::<IssuedLink>::new());
    view! {
        <fieldset class="people-controls">
            <legend>{say(Say::AccessLabel)}</legend>
            {super::access_choice::access_choice(board.clone(), key.clone(), list)}
            {participation(list)}
            {invite_form(board.clone(), key.clone(), issued, reload)}
            {new_links(issued)}
            {invitation_table((board, key), list, issued, reload, feed)}
        </fieldset>
    }
}

fn participation(list: RwSignal<Option<InvitationList>>) -> impl IntoView {
    move || {
        list.with(|l| {
            l.as_ref().filter(|l| l.invited > 0).map(|l| {
                view! {
                    <p class="participation" role="status">
                        {say_with(Say::PeopleParticipation, &[("answered", l.answered.into()), ("invited", l.invited.into())])}
                    </p>
                    <p class="hint">{say_with(Say::PeopleBatches, &[("batch", l.batch.into())])}</p>
                }
            })
        })
    }
}

fn invite_form(board: String, key: String, issued: RwSignal<Vec<IssuedLink>>, reload: Callback<()>) -> impl IntoView {
    let people = RwSignal::new(String::new());
    let invite = ServerAction::<Invite>::new();
    Effect::new(move |_| {
        if let Some(Ok(links)) = invite.value().get() {
            issued.set(links);
            people.set(String::new());
            reload.run(());
        }
    });
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        invite.dispatch(Invite { board: board.clone(), key: key.clone(), people: people.get_untracked() });
    };
    let load_file = move |ev: leptos::ev::Event| {
        leptos::task::spawn_local(async move {
            if let Some((_, bytes)) = chosen_file(&ev).await {
                people.set(String::from_utf8_lossy(&bytes).into_owned());
            }
        });
    };
    view! {
        <form class="invite" on:submit=send>
            <label>
                {say(Say::PeopleInviteLabel)}
                <textarea rows="4" placeholder=say(Say::PeopleInviteExample)
                    prop:value=move || people.get() on:input=move |ev| people.set(event_target_value(&ev))></textarea>
            </label>
            <label>{say(Say::PeopleCsv)} " " <input type="file" accept=".csv,text/csv" on:change=load_file/></label>
            <button type="submit">{say(Say::PeopleCreate)}</button>
            <ul class="error" role="alert">{move || refusal(invite.value().get())}</ul>
        </form>
    }
}

/// Each problem of a refused list, one per line.
fn refusal(outcome: Option<Result<Vec<IssuedLink>, TallyError>>) -> Vec<impl IntoView> {
    let problems = match outcome {
        Some(Err(TallyError::InvalidList(problems))) => problems.into_iter().map(|p| p.message).collect(),
        Some(Err(other)) => vec![crate::components::admin_words::said(&other)],
        _ => Vec::new(),
    };
    problems.into_iter().map(|message| view! { <li>{message}</li> }).collect()
}

fn new_links(issued: RwSignal<Vec<IssuedLink>>) -> impl IntoView {
    move || {
        let links = issued.get();
        (!links.is_empty()).then(|| {
            let csv = links_csv(&links);
            let items = links.into_iter().map(|link| {
                let name = [("name", link.name.as_str().into())];
                let label = say_with(Say::PeopleCopyLink, &name);
                view! {
                    <li>
                        <span class="who">{link.name.clone()}</span>
                        <input type="text" readonly aria-label=say_with(Say::PeopleLinkLabel, &name) value=link.link.clone()/>
                        {copy_button(label, link.link)}
                    </li>
                }
            });
            view! {
                <section class="new-links" aria-label=say(Say::PeopleNewLinks)>
                    <p class="warning">{say(Say::PeopleCopyNow)}</p>
                    <button type="button" on:click=move |_| download("personal-links.csv", csv.as_bytes(), "text/csv")>
                        {say(Say::PeopleDownload)}
                    </button>
                    <ul>{items.collect_view()}</ul>
                </section>
            }
        })
    }
}

/// `name,email,link` with a header; a field is quoted when it must be,
/// and one a spreadsheet would run as a formula starts with `'`.
fn links_csv(links: &[IssuedLink]) -> String {
    let field = |text: &str| {
        let text = if text.starts_with(['=', '+', '-', '@']) { format!("'{text}") } else { text.to_string() };
        match text.contains([',', '"', '\n', '\r']) {
            true => format!("\"{}\"", text.replace('"', "\"\"")),
            false => text,
        }
    };
    let rows = links.iter().map(|l| format!("{},{},{}\r\n", field(&l.name), field(&l.email), field(&l.link)));
    std::iter::once("name,email,link\r\n".to_string()).chain(rows).collect()
}

/// The invited people, each role named by its title in the matrix as it
/// now stands (`feed`).
fn invitation_table(
    (board, key): (String, String),
    list: RwSignal<Option<InvitationList>>,
    issued: RwSignal<Vec<IssuedLink>>,
    reload: Callback<()>,
    feed: BoardFeed,
) -> impl IntoView {
    let change = ServerAction::<ChangeInvitation>::new();
    Effect::new(move |_| {
        if let Some(Ok(link)) = change.value().get() {
            issued.set(link.into_iter().collect());
            reload.run(());
        }
    });
    let act = move |id: String, action: &'static str| {
        change.dispatch(ChangeInvitation { board: board.clone(), key: key.clone(), id, action: action.into() });
    };
    let act = StoredValue::new(act);
    let rows = move || {
        let invitations = list.with(|l| l.as_ref().map(|l| l.invitations.clone())).unwrap_or_default();
        let title = |id: String| {
            feed.matrix.with(|m| m.roles.iter().find(|r| r.id == id).map_or(id.clone(), |r| r.title.clone()))
        };
        let titled = invitations.into_iter().map(|i| Invitation { role: i.role.clone().map(title), ..i });
        titled.map(|invitation| invitation_row(invitation, act)).collect_view()
    };
    view! {
        // Its own scroll box on a phone, reachable by keyboard.
        <div class="invitations-scroll" tabindex="0" role="region" aria-label=say(Say::PeopleTableLabel)>
            <table class="invitations">
                <caption>{say(Say::PeopleCaption)}</caption>
                <thead>
                    <tr>{COLUMNS.map(|column| view! { <th scope="col">{say(column)}</th> }).collect_view()}</tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <p class="error" role="alert">{move || change.value().get().and_then(Result::err).map(|e| crate::components::admin_words::said(&e))}</p>
    }
}

/// The invitation table's column headings.
const COLUMNS: [Say; 6] =
    [Say::PeopleName, Say::PeopleEmail, Say::PeopleGroup, Say::PeopleRole, Say::PeopleAnswered, Say::PeopleLink];

fn invitation_row<F: Fn(String, &'static str) + Send + Sync + 'static>(
    invitation: Invitation,
    act: StoredValue<F>,
) -> impl IntoView {
    let Invitation { id, name, email, group, role, revoked, answered, .. } = invitation;
    let status = say(match (revoked, answered) {
        (true, _) => Say::PeopleWithdrawn,
        (false, true) => Say::PeopleYes,
        (false, false) => Say::PeopleNotYet,
    });
    let who = [("name", Arg::from(name.as_str()))];
    let button = move |label: String, action: &'static str, question: Option<String>| {
        let id = id.clone();
        let click = move |_| {
            if question.as_deref().is_none_or(confirmed) {
                act.with_value(|act| act(id.clone(), action));
            }
        };
        view! { <button type="button" on:click=click>{label}</button> }
    };
    view! {
        <tr>
            <th scope="row">{name.clone()}</th>
            <td data-label=say(Say::PeopleEmail)>{(!email.is_empty()).then_some(email)}</td>
            <td data-label=say(Say::PeopleGroup)>{group}</td>
            <td data-label=say(Say::PeopleRole)>{role}</td>
            <td data-label=say(Say::PeopleAnswered)>{status}</td>
            <td class="actions">
                {button(say_with(Say::PeopleReissue, &who), "reissue", Some(say_with(Say::PeopleAskReissue, &who)))}
                {(!revoked).then(|| button(say_with(Say::PeopleRevoke, &who), "revoke", None))}
                {button(say_with(Say::RemoveWho, &who), "delete", Some(say_with(Say::PeopleAskDelete, &who)))}
            </td>
        </tr>
    }
}
