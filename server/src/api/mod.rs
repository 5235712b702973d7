//! The public JSON API (see docs/API.md): the second door onto the use
//! cases (`app::backend::use_cases`), beside the page's server functions.
//! Handlers only decode a request into a caller and arguments, call one use
//! case, and encode its outcome; errors become responses in one place
//! (`app::backend::http_error`).

use app::backend::use_cases::gaps::GapsQuery;
use app::backend::use_cases::Tally;
use app::error::TallyError;
use axum::extract::rejection::QueryRejection;
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{delete, get, post, put};
use axum::{Json, Router};
use extract::ApiCaller;
use serde::Deserialize;
use serde_json::json;

mod answers;
mod board_settings;
mod boards;
mod export;
mod extract;
mod invitations;
mod join;
mod matrices;
mod owners;
mod rounds;

pub use extract::bearer;
pub use matrices::templates;

/// The largest request body the API reads, documented in docs/API.md.
pub const BODY_LIMIT: usize = 64 * 1024;
/// A body that carries a whole matrix (a new board's, a matrix edit), or
/// a list of up to 1,000 people to invite.
pub const MATRIX_LIMIT: usize = 512 * 1024;

/// The editor's server functions, which carry a whole matrix.
const EDITOR_FUNCTIONS: [&str; 5] =
    ["/api/check_matrix", "/api/import_matrix", "/api/export_matrix", "/api/create_custom_board", "/api/edit_matrix"];

/// The largest body a request may carry: a new board's, a matrix edit's
/// and the editor's may hold a matrix.
pub fn body_limit(method: &Method, path: &str) -> usize {
    let path = path.trim_end_matches('/');
    let new_board = method == Method::POST && path == "/api/boards";
    let matrix_edit = method == Method::PUT && path.starts_with("/api/boards/") && path.ends_with("/matrix");
    let editor = method == Method::POST && EDITOR_FUNCTIONS.contains(&path);
    let invitations = method == Method::POST && path.starts_with("/api/boards/") && path.ends_with("/invitations");
    if new_board || matrix_edit || editor || invitations {
        MATRIX_LIMIT
    } else {
        BODY_LIMIT
    }
}

pub fn router<S>(tally: Tally) -> Router<S> {
    Router::new()
        .route("/", post(boards::create).layer(DefaultBodyLimit::max(MATRIX_LIMIT)))
        .route(
            "/{board}/matrix",
            get(matrices::board_matrix).put(matrices::edit_matrix).layer(DefaultBodyLimit::max(MATRIX_LIMIT)),
        )
        .route("/{board}/stats", get(stats))
        .route("/{board}/rounds", get(rounds::list).post(rounds::start))
        .route("/{board}/gaps", get(gaps))
        .route("/{board}/groups", get(board_settings::groups).put(board_settings::set_groups))
        .route("/{board}/settings", put(board_settings::set_reveal))
        .route("/{board}/access", put(invitations::set_access))
        .route(
            "/{board}/invitations",
            get(invitations::list).post(invitations::invite).layer(DefaultBodyLimit::max(MATRIX_LIMIT)),
        )
        .route("/{board}/invitations/{id}", delete(invitations::delete))
        .route("/{board}/owners", get(owners::list).post(owners::add))
        .route("/{board}/owners/{email}", delete(owners::remove))
        .route("/{board}/invitations/{id}/{action}", post(invitations::act))
        .route("/{board}/qr.svg", get(join::qr_code))
        .route("/{board}/respondents/me", delete(answers::withdraw))
        .route("/{board}/submissions", post(answers::submit))
        .route("/{board}/{action}", post(boards::close_or_reopen))
        .route("/{board}/export/{format}", get(export::export).post(export::export))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(tally)
}

/// `GET /api/me/boards`: the signed-in caller's boards.
pub fn me<S>(tally: Tally) -> Router<S> {
    Router::new().route("/boards", get(owners::my_boards)).with_state(tally)
}

/// `POST /api/respondents`: a respondent token to answer with.
pub fn respondents<S>(tally: Tally) -> Router<S> {
    Router::new().route("/", post(issue_respondent)).with_state(tally)
}

async fn issue_respondent(State(tally): State<Tally>, ApiCaller(caller): ApiCaller) -> Result<Response, TallyError> {
    let token = tally.issue_respondent(&caller)?;
    Ok((StatusCode::CREATED, Json(json!({ "respondent": token.as_str() }))).into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StatsQuery {
    /// A round's number; the open round when left out.
    round: Option<u32>,
    /// One of the board's groups; everyone when left out.
    group: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GapsParams {
    /// One of the matrix's roles, by id; its first when left out.
    role: Option<String>,
    /// One of the board's groups; everyone in the role when left out.
    group: Option<String>,
    /// A round's number; the open round when left out.
    round: Option<u32>,
}

/// `GET /api/boards/{board}/gaps`: a role's gaps, as the gaps page shows them.
async fn gaps(
    State(tally): State<Tally>,
    Path(board): Path<String>,
    ApiCaller(caller): ApiCaller,
    query: Result<Query<GapsParams>, QueryRejection>,
) -> Result<Response, TallyError> {
    let Query(GapsParams { role, group, round }) = query.map_err(|e| TallyError::BadRequest(e.body_text()))?;
    let query = GapsQuery { role: role.unwrap_or_default(), group: group.unwrap_or_default(), round, language: None };
    Ok(Json(tally.gaps(&caller, &board, query).await?).into_response())
}

/// The figures, or what of them the caller may see: the respondent cookie
/// of someone who answered, or the admin key, may show what a board hides.
async fn stats(
    State(tally): State<Tally>,
    Path(board): Path<String>,
    ApiCaller(caller): ApiCaller,
    query: Result<Query<StatsQuery>, QueryRejection>,
) -> Result<Response, TallyError> {
    let Query(StatsQuery { round, group }) = query.map_err(|e| TallyError::BadRequest(e.body_text()))?;
    match group {
        Some(group) => Ok(Json(tally.group_stats(&caller, &board, round, &group).await?).into_response()),
        None => Ok(Json(tally.stats(&caller, &board, round).await?).into_response()),
    }
}
