//! The public JSON API (see docs/API.md): the second door onto the use
//! cases (`app::backend::use_cases`), beside the page's server functions.
//! Handlers only decode a request into a caller and arguments, call one use
//! case, and encode its outcome; errors become responses in one place
//! (`app::backend::http_error`).

use app::backend::use_cases::boards::GroupFigures;
use app::backend::use_cases::gaps::GapsQuery;
use app::backend::use_cases::Tally;
use app::error::TallyError;
use app::gaps::Gaps;
use app::stats::Stats;
use axum::extract::rejection::QueryRejection;
use axum::extract::{DefaultBodyLimit, Path, Query, State};
use axum::http::{Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use document::ErrorBody;
use extract::{ApiCaller, OnBoard};
use serde::{Deserialize, Serialize};
use utoipa::openapi::schema::{AnyOfBuilder, Schema};
use utoipa::openapi::{Ref, RefOr};
use utoipa::{IntoParams, ToSchema};
use utoipa_axum::router::{OpenApiRouter, UtoipaMethodRouterExt};
use utoipa_axum::routes;

mod answers;
mod board_settings;
mod boards;
mod docs_page;
pub mod document;
mod export;
mod extract;
mod invitations;
mod join;
mod lifecycle;
mod matrices;
mod owners;
mod rounds;
mod webhooks;

pub use extract::bearer;
pub use matrices::{reader as matrix_reader, templates};

/// The largest request body the API reads, documented in docs/API.md.
pub const BODY_LIMIT: usize = 64 * 1024;
/// A body that carries a whole matrix (a new board's, a matrix edit), or
/// a list of up to 1,000 people to invite.
pub const MATRIX_LIMIT: usize = 512 * 1024;

/// The editor's server functions, which carry a whole matrix.
const EDITOR_FUNCTIONS: [&str; 7] = [
    "/api/check_matrix",
    "/api/import_matrix",
    "/api/export_matrix",
    "/api/import_spreadsheet",
    "/api/export_spreadsheet",
    "/api/create_custom_board",
    "/api/edit_matrix",
];

/// The largest body a request may carry: a new board's, a matrix edit's
/// and the editor's may hold a matrix.
pub fn body_limit(method: &Method, path: &str) -> usize {
    let path = path.trim_end_matches('/');
    let new_board = method == Method::POST && path == "/api/boards";
    let matrix_edit = method == Method::PUT && path.starts_with("/api/boards/") && path.ends_with("/matrix");
    let editor = method == Method::POST && EDITOR_FUNCTIONS.contains(&path);
    let invitations = method == Method::POST && path.starts_with("/api/boards/") && path.ends_with("/invitations");
    let matrix_file = method == Method::POST && path == "/api/matrices/read";
    if new_board || matrix_edit || editor || invitations || matrix_file {
        MATRIX_LIMIT
    } else {
        BODY_LIMIT
    }
}

/// Every route under `/api/boards`, each registered with its documentation.
pub fn router<S: Clone + Send + Sync + 'static>(tally: Tally) -> OpenApiRouter<S> {
    let matrix_sized = || DefaultBodyLimit::max(MATRIX_LIMIT);
    OpenApiRouter::new()
        .routes(routes!(boards::create).layer(matrix_sized()))
        .routes(routes!(matrices::board_matrix, matrices::edit_matrix).layer(matrix_sized()))
        .routes(routes!(stats))
        .routes(routes!(rounds::list, rounds::start))
        .routes(routes!(gaps))
        .routes(routes!(board_settings::groups, board_settings::set_groups))
        .routes(routes!(board_settings::set_reveal))
        .routes(routes!(invitations::set_access))
        .routes(routes!(invitations::list, invitations::invite).layer(matrix_sized()))
        .routes(routes!(invitations::delete))
        .routes(routes!(invitations::reissue))
        .routes(routes!(invitations::revoke))
        .routes(routes!(owners::list, owners::add))
        .routes(routes!(owners::remove))
        .routes(routes!(join::qr_code))
        .routes(routes!(answers::withdraw))
        .routes(routes!(answers::submit))
        .routes(routes!(boards::close))
        .routes(routes!(boards::reopen))
        .routes(routes!(export::export_with_header, export::export_with_form))
        .routes(routes!(webhooks::list, webhooks::add))
        .routes(routes!(webhooks::remove))
        .routes(routes!(webhooks::deliveries))
        .routes(routes!(webhooks::resend))
        .routes(routes!(lifecycle::delete_board))
        .routes(routes!(lifecycle::audit))
        .routes(routes!(lifecycle::audit_download_with_header, lifecycle::audit_download_with_form))
        .routes(routes!(lifecycle::my_data))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(tally)
}

/// `GET /api/me/boards`: the signed-in caller's boards.
pub fn me<S: Clone + Send + Sync + 'static>(tally: Tally) -> OpenApiRouter<S> {
    OpenApiRouter::new().routes(routes!(owners::my_boards)).with_state(tally)
}

/// `POST /api/respondents`: a respondent token to answer with.
pub fn respondents<S: Clone + Send + Sync + 'static>(tally: Tally) -> OpenApiRouter<S> {
    OpenApiRouter::new().routes(routes!(issue_respondent)).with_state(tally)
}

/// A new respondent token.
#[derive(Serialize, ToSchema)]
struct Respondent {
    /// Send it as the `tally_respondent` cookie, or as `respondent` in a body.
    respondent: String,
}

#[utoipa::path(post, path = "", tag = "answers", responses(
    (status = 201, description = "A new respondent token, for answering from a program", body = Respondent),
))]
async fn issue_respondent(State(tally): State<Tally>, ApiCaller(caller): ApiCaller) -> Result<Response, TallyError> {
    let token = tally.issue_respondent(&caller)?;
    Ok((StatusCode::CREATED, Json(Respondent { respondent: token.as_str().to_string() })).into_response())
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
struct StatsQuery {
    /// A round's number; the open round when left out.
    round: Option<u32>,
    /// One of the board's groups; everyone when left out.
    group: Option<String>,
}

#[derive(Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
struct GapsParams {
    /// One of the matrix's roles, by id; its first when left out.
    role: Option<String>,
    /// One of the board's groups; everyone in the role when left out.
    group: Option<String>,
    /// A round's number; the open round when left out.
    round: Option<u32>,
}

/// `GET /api/boards/{board}/gaps`: a role's gaps, as the gaps page shows them.
#[utoipa::path(get, path = "/{board}/gaps", tag = "groups and roles", params(OnBoard, GapsParams),
    security((), ("admin_key" = [])),
    responses(
        (status = 200, description = "The role's gaps; `figures` is null where too few people are in the slice", body = Gaps),
        (status = 403, description = "The board hides its figures from this caller", body = ErrorBody),
        (status = 404, description = "No such board or round", body = ErrorBody),
    ))]
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

/// What `GET …/stats` answers: the board's figures, or one group's, shown
/// or withheld. Any of the two (a group's shown figures are also figures).
struct StatsAnswer;

impl utoipa::PartialSchema for StatsAnswer {
    fn schema() -> RefOr<Schema> {
        let either =
            AnyOfBuilder::new().item(Ref::from_schema_name("Stats")).item(Ref::from_schema_name("GroupFigures"));
        RefOr::T(Schema::AnyOf(either.build()))
    }
}

impl ToSchema for StatsAnswer {
    fn schemas(schemas: &mut Vec<(String, RefOr<Schema>)>) {
        schemas.push(("Stats".into(), <Stats as utoipa::PartialSchema>::schema()));
        schemas.push(("GroupFigures".into(), <GroupFigures as utoipa::PartialSchema>::schema()));
        <Stats as ToSchema>::schemas(schemas);
        <GroupFigures as ToSchema>::schemas(schemas);
    }
}

/// The figures, or what of them the caller may see: the respondent cookie
/// of someone who answered, or the admin key, may show what a board hides.
#[utoipa::path(get, path = "/{board}/stats", tag = "boards", params(OnBoard, StatsQuery),
    security((), ("respondent" = []), ("admin_key" = [])),
    responses(
        (status = 200, description = "The figures (with `group` asked: that group's, or `withheld` and no counts while it is too small)", body = StatsAnswer),
        (status = 403, description = "A private board's figures, to someone who may not see them", body = ErrorBody),
        (status = 404, description = "No such board, round or group", body = ErrorBody),
    ))]
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
