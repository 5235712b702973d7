//! The page's door: the server functions its forms and buttons call. Each
//! decodes its arguments, calls one use case (`backend::use_cases`) and
//! maps the outcome; the rules live in the use case, shared with the JSON
//! API. Without JavaScript a form posts here as a plain HTML form and is
//! redirected back to the page.

pub mod editor;
pub mod home;
pub mod invitations;
pub mod lifecycle;
pub mod sign_in;
pub mod webhooks;
pub mod words;

use crate::comparison::Comparison;
use crate::error::TallyError;
use crate::groups::GroupSettings;
use crate::matrix::Matrix;
use crate::page_data::{BoardPageData, PresentData, SubmitOutcome};
use crate::reveal::RevealSettings;
use crate::rounds::{MyRound, RoundInfo, Trends};
use crate::stats::Stats;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// Served at `/api/load_board`: the board's page, with the visitor's
/// earlier answers, or, shown with the refusal of a form they posted
/// without JavaScript, what they had picked in it. `key`: the admin key,
/// for the admin of a board open to invited people only (blank: none).
/// The matrix comes in the page's language where it is translated, or
/// `as_written`, for the editor.
#[server(endpoint = "load_board")]
pub async fn load_board(
    board: String,
    #[server(default)] key: String,
    #[server(default)] as_written: bool,
) -> Result<BoardPageData, TallyError> {
    use crate::backend::form_draft::{recall, Form};
    let key = Some(key).filter(|k| !k.is_empty());
    crate::backend::context::run(key, |door| async move {
        let mut page = door.tally.board_page(&door.caller, &board).await?;
        if !as_written {
            page = page.in_language(crate::i18n::current().language());
        }
        if door.request.uri.query().is_some_and(|query| query.contains("__err=")) {
            let form = Form { board: &page.board, matrix: &page.matrix, rev: page.matrix_rev, groups: &page.groups };
            page.draft = recall(&door.tally.respondents.draft_cookie(), &door.request.headers, &form);
        }
        Ok(page)
    })
    .await
}

/// Served at `/api/open_round`: the number and label of the board's open
/// round, for a page that heard live of a new one. (Not `load_board`: the
/// browser decodes a round's label with far less code than a whole page.)
#[server(endpoint = "open_round")]
pub async fn open_round(board: String) -> Result<(u32, String), TallyError> {
    crate::backend::context::run(None, |door| async move { door.tally.open_round(&board).await }).await
}

/// Served at `/api/present_board`: the board for the presenter screen, with
/// the address people join it at. `key`: the admin key, which lets the
/// screen into a board open to invited people only (blank: none); the
/// figures are always the room's, never the admin's.
#[server(endpoint = "present_board")]
pub async fn present_board(board: String, #[server(default)] key: String) -> Result<PresentData, TallyError> {
    let key = Some(key).filter(|k| !k.is_empty());
    let room_key = key.is_some();
    crate::backend::context::run(key, |door| async move {
        let mut page =
            door.tally.board_page(&door.caller, &board).await?.in_language(crate::i18n::current().language());
        // The key lets the screen in; it must not show what only the admin may see.
        if room_key && !page.stats.reveal.public() {
            page.stats = page.stats.withheld();
        }
        let address = door.tally.board_address(&board, &door.request.headers).await?;
        let invited = door.tally.invited_count(&board).await?;
        Ok(PresentData { page, address, invited })
    })
    .await
}

/// Served at `/api/board_matrix`: the board's matrix and its revision, for
/// a page that heard the admin edited it.
#[server(endpoint = "board_matrix")]
pub async fn board_matrix(board: String) -> Result<(Matrix, u64), TallyError> {
    crate::backend::context::run(None, |door| async move {
        let current = door.tally.matrix(&door.caller, &board).await?;
        Ok((current.matrix.in_language(crate::i18n::current().language()).matrix, current.rev))
    })
    .await
}

/// Served at `/api/submit_answers`. `answers` holds the form's
/// `answers[<row id>] = <level index>` fields.
#[server(endpoint = "submit_answers")]
pub async fn submit_answers(
    board: String,
    #[server(default)] answers: BTreeMap<String, String>,
    #[server(default)] group: String,
    #[server(default)] role: String,
) -> Result<SubmitOutcome, TallyError> {
    use crate::answers::{Belonging, RawLevel};
    use crate::backend::context;
    context::run(None, |door| async move {
        let raw = answers.iter().map(|(row, level)| (row.clone(), RawLevel::from_text(level)));
        let belonging = Belonging { group: Some(group.clone()), role: Some(role.clone()) };
        let submitted = door.tally.submit(&door.caller, &board, raw, belonging).await;
        if submitted.is_err() && context::plain_form_post() {
            let posted = crate::backend::form_draft::Posted { answers: &answers, group: &group, role: &role };
            keep_draft(&door, &board, &posted).await;
        }
        let submitted = submitted?;
        if let Some(token) = submitted.token.as_ref().filter(|_| submitted.issued) {
            context::add_header(axum::http::header::SET_COOKIE, door.tally.respondents.set_cookie(token));
        }
        remember_board(&door, &board, false);
        let submitted_at = submitted.receipt.submitted_at;
        Ok(SubmitOutcome { stats: submitted.stats, submitted_at, pass: submitted.pass })
    })
    .await
}

/// Keeps the choices of a refused plain form for the page the refusal
/// goes back to (see `form_draft`).
#[cfg(feature = "ssr")]
async fn keep_draft(
    door: &crate::backend::context::Door,
    board: &str,
    posted: &crate::backend::form_draft::Posted<'_>,
) {
    use crate::backend::form_draft::{keep, Form};
    let (Ok(current), Ok(groups)) = (door.tally.matrix(&door.caller, board).await, door.tally.groups(board).await)
    else {
        return;
    };
    let form = Form { board, matrix: &current.matrix, rev: current.rev, groups: &groups.groups };
    let cookie = keep(&door.tally.respondents.draft_cookie(), &form, posted);
    crate::backend::context::add_header(axum::http::header::SET_COOKIE, cookie);
}

/// Served at `/api/create_board`, the start page's form: answers with a
/// redirect to the new board's admin link, or, refused, back to the form
/// with what was typed (the form then says what is wrong, and where).
#[server(endpoint = "create_board")]
pub async fn create_board(
    matrix: String,
    #[server(default)] title: String,
    #[server(default)] slug: String,
) -> Result<String, TallyError> {
    use crate::backend::use_cases::boards::{MatrixChoice, NewBoard};
    let typed = [("matrix", matrix.clone()), ("title", title.clone()), ("slug", slug.clone())];
    let new = NewBoard { matrix: MatrixChoice::Template(matrix), slug: Some(slug), title: Some(title) };
    let created = create(new).await;
    match &created {
        Ok(url) => leptos_axum::redirect(url),
        Err(error) if crate::backend::context::plain_form_post() => leptos_axum::redirect(&start_again(&typed, error)),
        Err(_) => {}
    }
    created
}

/// The start page's address with the refused form's values, for it to
/// show them again and check them (`check`); a limit's wait in seconds.
#[cfg(feature = "ssr")]
fn start_again(typed: &[(&str, String)], error: &TallyError) -> String {
    let wait = match error {
        TallyError::RateLimited { retry_after, .. } | TallyError::Unavailable { retry_after, .. } => *retry_after,
        _ => 0,
    };
    let mut fields: Vec<(&str, String)> = typed.to_vec();
    fields.extend([("check", "true".to_string()), ("wait", wait.to_string())]);
    format!("/start?{}", serde_urlencoded::to_string(&fields).unwrap_or_default())
}

/// Creates the board, and remembers it in this browser's list of boards;
/// returns its admin link.
#[cfg(feature = "ssr")]
async fn create(new: crate::backend::use_cases::boards::NewBoard) -> Result<String, TallyError> {
    crate::backend::context::run(None, |door| async move {
        let created = door.tally.create_board(&door.caller, new).await?;
        remember_board(&door, &created.info.id, true);
        Ok(created.admin_url())
    })
    .await
}

/// Adds `board` to the browser's `tally_boards` cookie ("Your boards").
#[cfg(feature = "ssr")]
fn remember_board(door: &crate::backend::context::Door, board: &str, created: bool) {
    let cookie = door.tally.respondents.boards_cookie();
    let value = crate::backend::your_boards::remember(&cookie, &door.request.headers, board, created);
    crate::backend::context::add_header(axum::http::header::SET_COOKIE, value);
}

/// Served at `/api/set_board_closed`, for the admin panel.
#[server(endpoint = "set_board_closed")]
pub async fn set_board_closed(board: String, key: String, closed: bool) -> Result<Stats, TallyError> {
    crate::backend::context::run(Some(key), |door| async move {
        Ok((*door.tally.set_closed(&door.caller, &board, closed).await?).clone())
    })
    .await
}

/// Served at `/api/set_reveal`, for the admin panel: when the figures are
/// shown (`reveal`: live, after_submit or facilitator), and whether they
/// are revealed now; every open page hears of it live.
#[server(endpoint = "set_reveal")]
pub async fn set_reveal(
    board: String,
    key: String,
    reveal: String,
    revealed: bool,
) -> Result<RevealSettings, TallyError> {
    use crate::backend::use_cases::reveal::RevealChange;
    use crate::reveal::RevealMode;
    crate::backend::context::run(Some(key), |door| async move {
        let mode = RevealMode::parse(&reveal).ok_or_else(|| {
            let shown: String = reveal.chars().take(20).collect();
            TallyError::BadRequest(format!("unknown reveal mode '{shown}' (use live, after_submit or facilitator)"))
        })?;
        let change = RevealChange { reveal: Some(mode), revealed: Some(revealed) };
        door.tally.set_reveal(&door.caller, &board, change).await
    })
    .await
}

/// Served at `/api/board_groups`: the groups respondents choose from and
/// the threshold, for the admin panel's form.
#[server(endpoint = "board_groups")]
pub async fn board_groups(board: String) -> Result<GroupSettings, TallyError> {
    crate::backend::context::run(None, |door| async move { door.tally.groups(&board).await }).await
}

/// Served at `/api/set_groups`, for the admin panel: the groups, one per
/// line (blank lines ignored), and the anonymity threshold.
#[server(endpoint = "set_groups")]
pub async fn set_groups(
    board: String,
    key: String,
    #[server(default)] groups: String,
    min_group_size: u32,
) -> Result<GroupSettings, TallyError> {
    let groups = groups.lines().map(str::trim).filter(|g| !g.is_empty()).map(String::from).collect();
    let settings = GroupSettings { groups, min_group_size };
    crate::backend::context::run(Some(key), |door| async move {
        door.tally.set_groups(&door.caller, &board, settings).await
    })
    .await
}

/// Served at `/api/start_round`, for the admin panel: freezes the open
/// round and opens the next; every open page hears of it live.
#[server(endpoint = "start_round")]
pub async fn start_round(
    board: String,
    key: String,
    #[server(default)] label: String,
) -> Result<RoundInfo, TallyError> {
    crate::backend::context::run(Some(key), |door| async move {
        door.tally.start_round(&door.caller, &board, Some(label)).await
    })
    .await
}

/// Served at `/api/compare_figures`: two rounds or two groups of a board
/// side by side (`a`, `b`: `r:<round>` or `g:<round>:<group>`; blank for
/// the round before the open one and the open one). `key`, the admin's,
/// shows figures the board hides from others.
#[server(endpoint = "compare_figures")]
pub async fn compare_figures(
    board: String,
    #[server(default)] a: String,
    #[server(default)] b: String,
    #[server(default)] key: String,
) -> Result<Comparison, TallyError> {
    let key = Some(key).filter(|k| !k.is_empty());
    crate::backend::context::run(key, |door| async move {
        let mut comparison = door.tally.compare(&door.caller, &board, &a, &b).await?;
        crate::page_data::in_language(&mut comparison.title, &mut comparison.matrix, crate::i18n::current().language());
        Ok(comparison)
    })
    .await
}

/// Served at `/api/my_rounds`: the visitor's own answers in every round,
/// found by their cookie; nobody else's.
#[server(endpoint = "my_rounds")]
pub async fn my_rounds(board: String) -> Result<Vec<MyRound>, TallyError> {
    crate::backend::context::run(None, |door| async move { door.tally.my_rounds(&door.caller, &board).await }).await
}

/// Served at `/api/withdraw_answers`: the visitor's answers taken out of
/// the open round, or of every round; returns how many rounds lost one.
#[server(endpoint = "withdraw_answers")]
pub async fn withdraw_answers(board: String, every_round: bool) -> Result<usize, TallyError> {
    crate::backend::context::run(
        None,
        |door| async move { door.tally.withdraw(&door.caller, &board, every_round).await },
    )
    .await
}

/// Served at `/api/board_gaps`: a role's gaps in one round and the round
/// before (blanks: the matrix's first role, everyone, the open round).
/// `key`, the admin's, shows figures the board hides from others.
#[server(endpoint = "board_gaps")]
pub async fn board_gaps(
    board: String,
    #[server(default)] role: String,
    #[server(default)] group: String,
    #[server(default)] round: String,
    #[server(default)] key: String,
) -> Result<crate::gaps::Gaps, TallyError> {
    use crate::backend::use_cases::gaps::GapsQuery;
    let key = Some(key).filter(|k| !k.is_empty());
    let round = match round.trim() {
        "" => None,
        text => Some(text.parse().map_err(|_| {
            TallyError::BadRequest(format!("'{}' is not a round number", text.chars().take(20).collect::<String>()))
        })?),
    };
    let language = Some(crate::i18n::current().language().to_string());
    let query = GapsQuery { role, group, round, language };
    crate::backend::context::run(key, |door| async move { door.tally.gaps(&door.caller, &board, query).await }).await
}

/// Served at `/api/board_trends`: every round's figures, oldest first, of
/// the whole board or of one group (blank: the whole board). `key`, the
/// admin's, shows figures the board hides from others.
#[server(endpoint = "board_trends")]
pub async fn board_trends(
    board: String,
    #[server(default)] group: String,
    #[server(default)] key: String,
) -> Result<Trends, TallyError> {
    let key = Some(key).filter(|k| !k.is_empty());
    crate::backend::context::run(key, |door| async move {
        let mut trends = door.tally.trends(&door.caller, &board, Some(&group)).await?;
        crate::page_data::in_language(&mut trends.title, &mut trends.matrix, crate::i18n::current().language());
        Ok(trends)
    })
    .await
}
