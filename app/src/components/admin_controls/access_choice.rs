//! Who may answer the board: anyone with the link, invited people, or
//! people signed in to this site (when it offers sign-in), optionally only
//! with addresses of some domains.

use crate::access::{AccessMode, InvitationList};
use crate::i18n::{say, Say};
use crate::server_fns::invitations::SetAccess;
use leptos::prelude::*;

pub fn access_choice(board: String, key: String, list: RwSignal<Option<InvitationList>>) -> impl IntoView {
    let set = ServerAction::<SetAccess>::new();
    Effect::new(move |_| {
        if let Some(Ok(access)) = set.value().get() {
            list.update(|l| l.iter_mut().for_each(|l| l.access = access));
        }
    });
    let current = move || list.with(|l| l.as_ref().map(|l| l.access)).unwrap_or_default();
    let sign_in = move || list.with(|l| l.as_ref().is_some_and(|l| l.sign_in));
    let domains = RwSignal::new(String::new());
    Effect::new(move |_| {
        let stored = list.with(|l| l.as_ref().map(|l| l.domains.join(", ")));
        domains.set(stored.unwrap_or_default());
    });
    let send = {
        let (board, key) = (board.clone(), key.clone());
        move |mode: AccessMode| {
            let (board, key, domains) = (board.clone(), key.clone(), domains.get_untracked());
            set.dispatch(SetAccess { board, key, access: mode.as_str().into(), domains });
        }
    };
    let choices = AccessMode::ALL.map(|mode| {
        let send = send.clone();
        let offered = move || mode != AccessMode::Members || sign_in();
        view! {
            <label hidden=move || !offered()>
                <input type="radio" name="access" prop:checked=move || current() == mode on:change=move |_| send(mode)/>
                {say(mode.describe())}
            </label>
        }
    });
    let save_domains = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        send(AccessMode::Members);
    };
    view! {
        <div class="access-choice" role="radiogroup" aria-label=say(Say::AccessLabel)>{choices.collect_view()}</div>
        <form class="member-domains" hidden=move || current() != AccessMode::Members on:submit=save_domains>
            <label>
                {say(Say::AccessDomains)}
                <input type="text" placeholder=say(Say::AccessDomainsExample) bind:value=domains/>
            </label>
            <button type="submit">{say(Say::AccessSaveDomains)}</button>
        </form>
        <p class="hint" hidden=sign_in>{say(Say::AccessNoSignIn)}</p>
        <p class="error" role="alert">{move || set.value().get().and_then(Result::err).map(|e| crate::components::admin_words::said(&e))}</p>
    }
}
