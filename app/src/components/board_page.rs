//! One board's page: loads the matrix, the current figures and the visitor's
//! previous answers in a single server function, then hands them to the form.

use crate::answers::PreviousAnswers;
use crate::components::matrix_form::MatrixForm;
use crate::components::new_board::NewBoard;
use crate::error::TallyError;
use crate::matrix::Matrix;
use crate::stats::Stats;
use crate::DEFAULT_BOARD;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use serde::{Deserialize, Serialize};

/// Everything the page needs to render one board.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BoardView {
    pub board: String,
    pub title: String,
    pub matrix: Matrix,
    pub stats: Stats,
    pub previous: Option<PreviousAnswers>,
    /// (id, title) of every matrix a new board can use.
    pub matrices: Vec<(String, String)>,
}

/// Served at `/api/load_board`.
#[server(endpoint = "load_board")]
pub async fn load_board(board: String) -> Result<BoardView, TallyError> {
    use crate::{respondent, server_context};
    let request = server_context::request()?;
    let result = async {
        let engine = server_context::engine()?;
        let live = engine.board(&board).await?;
        let previous = match respondent::from_cookie(&request.headers) {
            Some(id) => engine.previous(&live.info.id, &id).await?,
            None => None,
        };
        Ok(BoardView {
            board: live.info.id.clone(),
            title: live.info.title.clone(),
            matrix: (*live.matrix).clone(),
            stats: (*live.stats()).clone(),
            previous,
            matrices: engine.matrices(),
        })
    }
    .await;
    server_context::with_status(&request, result)
}

#[component]
pub fn BoardPage() -> impl IntoView {
    let params = use_params_map();
    let board = move || params.read().get("board").unwrap_or_else(|| DEFAULT_BOARD.to_string());
    let data = Resource::new(board, load_board);
    view! {
        <Suspense fallback=|| view! { <p>"Loading the matrix…"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(view) => {
                        let matrices = view.matrices.clone();
                        view! {
                            <MatrixForm view/>
                            <NewBoard matrices/>
                        }
                            .into_any()
                    }
                    Err(error) => view! { <p class="error" role="alert">{error.to_string()}</p> }.into_any(),
                }
            })}
        </Suspense>
    }
}
