//! The home page's and the start page's server functions: the boards this
//! browser knows, joining a board by its code, and the form that starts a
//! board (whose refusals come back to the form with what was typed).

use crate::error::TallyError;
use crate::page_data::{KnownBoard, StartForm};
use leptos::prelude::*;

/// Served at `/api/your_boards`: the boards this browser created or
/// answered (its `tally_boards` cookie), newest first; boards gone since
/// are left out.
#[server(endpoint = "your_boards")]
pub async fn your_boards() -> Result<Vec<KnownBoard>, TallyError> {
    use crate::backend::your_boards;
    crate::backend::context::run(None, |door| async move {
        let cookie = door.tally.respondents.boards_cookie();
        let mut known = Vec::new();
        for board in your_boards::read(&cookie, &door.request.headers) {
            if let Ok(served) = door.tally.engine.board(&board.id).await {
                known.push(KnownBoard { id: board.id, title: served.info.title.clone(), created: board.created });
            }
        }
        Ok(known)
    })
    .await
}

/// Served at `/api/join_board`: the path of the board `code` names (its
/// join code, its address or a pasted link).
#[server(endpoint = "join_board")]
pub async fn join_board(code: String) -> Result<String, TallyError> {
    crate::backend::context::run(None, |door| async move {
        Ok(format!("/b/{}", door.tally.find_board(&door.caller, &code).await?))
    })
    .await
}

/// Served at `/api/load_start_form`: the start page's form. After a refusal
/// (`check`), the typed `title` and `slug` are checked again here, so the
/// page names what is wrong without carrying any message in its address;
/// `wait` is the seconds a limit asked for.
#[server(endpoint = "load_start_form")]
pub async fn load_start_form(
    #[server(default)] matrix: String,
    #[server(default)] title: String,
    #[server(default)] slug: String,
    #[server(default)] check: bool,
    #[server(default)] wait: u64,
) -> Result<StartForm, TallyError> {
    crate::backend::context::run(None, |door| async move {
        let templates = door.tally.templates().iter().map(|m| card(m)).collect();
        // At first, the matrix the home page lets everyone try.
        let matrix = match matrix.is_empty() {
            true => door
                .tally
                .engine
                .board(crate::DEFAULT_BOARD)
                .await
                .map(|b| b.info.matrix_id.clone())
                .unwrap_or_default(),
            false => matrix,
        };
        let mut form = StartForm { templates, matrix, title, slug, ..StartForm::default() };
        if check {
            door.tally.recheck_new_board(&mut form).await;
            let fields_fine = form.title_problem.is_none() && form.address_problem.is_none();
            if wait > 0 {
                form.problem = Some(format!("Many boards were started from here lately; try again in {wait} s."));
            } else if fields_fine && form.problem.is_none() {
                form.problem = Some("The board could not be created; please try again.".into());
            }
        }
        Ok(form)
    })
    .await
}

#[cfg(feature = "ssr")]
fn card(matrix: &crate::matrix::Matrix) -> crate::page_data::TemplateCard {
    crate::page_data::TemplateCard {
        id: matrix.id.clone(),
        title: matrix.title.clone(),
        description: matrix.description.clone(),
        rows: matrix.categories.iter().map(|c| c.rows.len()).sum(),
        levels: matrix.levels.len(),
    }
}
