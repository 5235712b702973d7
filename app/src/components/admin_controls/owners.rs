//! Who else manages the board when signed in: the owners, added by email.
//! Shown only on a server that offers sign-in (elsewhere boards have none).

use crate::i18n::{say, say_with, Say};
use crate::my_boards::Owner;
use crate::server_fns::sign_in::{load_owners, ChangeOwner};
use leptos::prelude::*;

#[component]
pub fn OwnerControls(board: String, key: String) -> impl IntoView {
    let owners = RwSignal::new(None::<Vec<Owner>>);
    let (load_board, load_key) = (board.clone(), key.clone());
    leptos::task::spawn_local(async move {
        if let Ok(listed) = load_owners(load_board, load_key).await {
            owners.set(listed);
        }
    });
    let change = ServerAction::<ChangeOwner>::new();
    Effect::new(move |_| {
        if let Some(Ok(listed)) = change.value().get() {
            owners.set(Some(listed));
        }
    });
    let email = RwSignal::new(String::new());
    let (add_board, add_key) = (board.clone(), key.clone());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (board, key, email) = (add_board.clone(), add_key.clone(), email.get_untracked());
        change.dispatch(ChangeOwner { board, key, email, add: true });
    };
    let remove = move |email: String| {
        change.dispatch(ChangeOwner { board: board.clone(), key: key.clone(), email, add: false });
    };
    move || {
        let listed = owners.get()?;
        let rows = listed.into_iter().map(|owner| owner_row(owner, remove.clone()));
        Some(view! {
            <form class="owner-controls" on:submit=add.clone()>
                <fieldset>
                    <legend>{say(Say::OwnersLegend)}</legend>
                    <p class="hint">{say(Say::OwnersHint)}</p>
                    <ul class="owners">{rows.collect_view()}</ul>
                    <label>{say(Say::OwnersAddLabel)} " " <input type="email" required bind:value=email/></label>
                    <button type="submit">{say(Say::OwnersAdd)}</button>
                    <p class="error" role="alert">{move || change.value().get().and_then(Result::err).map(|e| crate::components::admin_words::said(&e))}</p>
                </fieldset>
            </form>
        })
    }
}

fn owner_row(owner: Owner, remove: impl Fn(String) + Clone + 'static) -> impl IntoView {
    let shown = if owner.email.is_empty() { say(Say::OwnersStarter) } else { owner.email.clone() };
    let status = say(if owner.signed_in { Say::OwnersSignedIn } else { Say::OwnersNotSignedIn });
    let label = say_with(Say::RemoveWho, &[("name", shown.as_str().into())]);
    let email = owner.email;
    view! {
        <li>
            {shown} " · " {status} " "
            <button type="button" class="link-button" aria-label=label on:click=move |_| remove(email.clone())>{say(Say::Remove)}</button>
        </li>
    }
}
