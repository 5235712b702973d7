//! Starting a board for a team: pick a matrix, a title and, for a public
//! board, an address. Without an address the board gets an unguessable link.
//! Not an island: the browser posts the form itself and follows the
//! redirect to the new board's admin link; a refusal comes back in the
//! page's address (`__err`), and the action rendered on the server shows it.
//! Its server function, `create_board`, calls the same use case as
//! `POST /api/boards`.

use crate::server_fns::CreateBoard;
use leptos::prelude::*;
use leptos::server_fn::ServerFn;

/// `matrices` lists (id, title) of every template; `current`, the id of the
/// matrix of the board on show, is chosen at first.
#[component]
pub fn NewBoard(matrices: Vec<(String, String)>, current: String) -> impl IntoView {
    let create = ServerAction::<CreateBoard>::new();
    let error = move || match create.value().get() {
        Some(Err(e)) => Some(e.to_string()),
        _ => None,
    };
    view! {
        <details class="new-board" open=move || error().is_some()>
            <summary>"Start a board for your team"</summary>
            <form action=CreateBoard::url() method="post">
                <label>
                    "Matrix "
                    <select name="matrix">
                        {matrices
                            .into_iter()
                            .map(|(id, title)| {
                                let chosen = id == current;
                                view! { <option value=id selected=chosen>{title}</option> }
                            })
                            .collect_view()}
                    </select>
                </label>
                <label>"Title " <input name="title" maxlength="120" placeholder="e.g. Platform team"/></label>
                <label>
                    "Public address /b/"
                    <input name="slug" maxlength="64" placeholder="team-a" aria-describedby="slug-hint"/>
                </label>
                <p id="slug-hint" class="hint">
                    "3–64 characters of a–z, 0–9, - or _. Leave it empty for a private board with an unguessable link."
                </p>
                <button type="submit">"Create board"</button>
                <p class="error" role="alert">{error}</p>
            </form>
            <p class="hint"><a href="/new">"Or write your own matrix"</a>", from a template or from nothing."</p>
        </details>
    }
}
