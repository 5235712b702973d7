//! Who else manages the board when signed in: the owners, added by email.
//! Shown only on a server that offers sign-in (elsewhere boards have none).

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
                    <legend>"Owners"</legend>
                    <p class="hint">"Owners manage this board from My boards once they sign in with their address; the admin link keeps working."</p>
                    <ul class="owners">{rows.collect_view()}</ul>
                    <label>"Add an owner by email" <input type="email" required bind:value=email/></label>
                    <button type="submit">"Add owner"</button>
                    <p class="error" role="alert">{move || change.value().get().and_then(Result::err).map(|e| e.to_string())}</p>
                </fieldset>
            </form>
        })
    }
}

fn owner_row(owner: Owner, remove: impl Fn(String) + Clone + 'static) -> impl IntoView {
    let shown = if owner.email.is_empty() { "(who started the board)".to_string() } else { owner.email.clone() };
    let status = if owner.signed_in { "has signed in" } else { "not signed in yet" };
    let label = format!("Remove {shown}");
    let email = owner.email;
    view! {
        <li>
            {shown} " · " {status} " "
            <button type="button" class="link-button" aria-label=label on:click=move |_| remove(email.clone())>"Remove"</button>
        </li>
    }
}
