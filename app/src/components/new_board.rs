//! Starting a board for a team: pick a matrix, a title and, for a public
//! board, an address. Without an address the board gets an unguessable link.
//! The server function calls the same engine method as `POST /api/boards`.

use crate::error::TallyError;
use leptos::prelude::*;

/// Served at `/api/create_board`; answers with a redirect to the new board's
/// admin link: the board's address with its admin key in the fragment, which
/// browsers never send to a server, so the key stays out of logs.
#[server(endpoint = "create_board")]
pub async fn create_board(
    matrix: String,
    #[server(default)] title: String,
    #[server(default)] slug: String,
) -> Result<String, TallyError> {
    use crate::server_context;
    let request = server_context::request()?;
    let result = async {
        let engine = server_context::engine()?;
        let slug = Some(slug.trim().to_string()).filter(|s| !s.is_empty());
        let (info, key) = engine.create_board(&matrix, slug, Some(title)).await?;
        let url = format!("/b/{}#admin={key}", info.id);
        leptos_axum::redirect(&url);
        Ok(url)
    }
    .await;
    server_context::with_status(&request, result)
}

/// `matrices` lists (id, title) of every loaded matrix.
#[component]
pub fn NewBoard(matrices: Vec<(String, String)>) -> impl IntoView {
    let create = ServerAction::<CreateBoard>::new();
    let error = move || match create.value().get() {
        Some(Err(e)) => Some(e.to_string()),
        _ => None,
    };
    view! {
        <details class="new-board">
            <summary>"Start a board for your team"</summary>
            <ActionForm action=create>
                <label>
                    "Matrix "
                    <select name="matrix">
                        {matrices
                            .into_iter()
                            .map(|(id, title)| view! { <option value=id>{title}</option> })
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
            </ActionForm>
        </details>
    }
}
