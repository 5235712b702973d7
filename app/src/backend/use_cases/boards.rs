//! Boards: creating one for a team, and reading a board's matrix, figures
//! and page.

use super::access::Respondent;
use super::reveal::shown;
use super::{Caller, Tally};
use crate::answers::Draft;
use crate::backend::engine::{now, BoardMatrix};
use crate::backend::store::BoardInfo;
use crate::backend::{admin_key, matrix_body, qr_code};
use crate::error::TallyError;
use crate::groups::GroupSettings;
use crate::matrix::{is_identifier, Matrix};
use crate::page_data::{BoardPageData, StartForm};
use crate::rounds::RoundInfo;
use crate::stats::Stats;
use axum::http::HeaderMap;
use std::sync::Arc;

/// The longest board title, in characters.
const MAX_TITLE: usize = 120;

/// A group's figures as every door shows them.
#[derive(serde::Serialize)]
#[serde(untagged)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum GroupFigures {
    /// The figures, as for the whole board, with the group named.
    Shown {
        group: String,
        #[serde(flatten)]
        stats: Stats,
    },
    /// Fewer people than `min_group_size` are in the group: no count of any
    /// kind, not even of respondents.
    Withheld { board: String, round: u32, group: String, withheld: bool, min_group_size: u32 },
}

/// Which matrix a new board is on; the board keeps its own copy.
pub enum MatrixChoice {
    /// A built-in template, by id.
    Template(String),
    /// One the creator wrote (see `backend::matrix_body`), checked again here.
    Custom(Matrix),
}

/// What a new board's creator asked for. Empty or blank text counts as
/// not given.
pub struct NewBoard {
    pub matrix: MatrixChoice,
    /// A public address (`/b/<slug>`); without one the board is private.
    pub slug: Option<String>,
    /// Defaults to the matrix's title.
    pub title: Option<String>,
}

/// A created board and its admin key, shown this once and never stored.
pub struct CreatedBoard {
    pub info: BoardInfo,
    pub admin_key: String,
    /// The site's public address (`TALLY_PUBLIC_URL`), or empty for links
    /// relative to the site.
    pub base: String,
}

// What is wrong with a field reads after the field's name ("must be at
// most 120 characters"); each door names the field in its own words (the
// API's `slug` is the page's "address").

/// A public address must be a short identifier (the page's link).
pub fn check_address(slug: &str) -> Result<(), String> {
    let ok = slug.len() >= 3 && is_identifier(slug);
    ok.then_some(()).ok_or_else(|| "must be 3-64 characters of a-z, 0-9, '-' or '_'".to_string())
}

/// A title must fit a heading and hold no invisible characters.
pub fn check_title(title: &str) -> Result<(), String> {
    if title.chars().count() > MAX_TITLE {
        Err(format!("must be at most {MAX_TITLE} characters"))
    } else if let Some(c) = crate::plain_text::forbidden_character(title) {
        Err(format!("holds the invisible or control character U+{:04X}; remove it", c as u32))
    } else {
        Ok(())
    }
}

impl CreatedBoard {
    /// The board's address.
    pub fn url(&self) -> String {
        format!("{}/b/{}", self.base, self.info.id)
    }

    /// The address with the admin key in its fragment, which browsers never
    /// send to a server, so the key stays out of logs.
    pub fn admin_url(&self) -> String {
        format!("{}#admin={}", self.url(), self.admin_key)
    }
}

impl Tally {
    /// Creates a board on a loaded matrix: with a slug it is public at that
    /// address, without one it gets an unguessable 128-bit id.
    /// Refused with 429 past the per-address rate or the hourly ceiling,
    /// checked only once the request is otherwise valid.
    pub async fn create_board(&self, caller: &Caller, new: NewBoard) -> Result<CreatedBoard, TallyError> {
        let matrix = match new.matrix {
            MatrixChoice::Template(id) => self.engine.matrix_by_id(&id)?,
            MatrixChoice::Custom(matrix) => Arc::new(matrix_body::checked(matrix)?),
        };
        let given = |text: Option<String>| text.map(|t| t.trim().to_string()).filter(|t| !t.is_empty());
        let (id, private) = match given(new.slug) {
            Some(slug) => {
                check_address(&slug).map_err(|refused| {
                    let shown: String = slug.chars().take(64).collect();
                    TallyError::BadRequest(format!("slug '{shown}' {}", refused))
                })?;
                (slug, false)
            }
            None => (format!("{:032x}", rand::random::<u128>()), true),
        };
        let title = given(new.title).unwrap_or_else(|| matrix.title.clone());
        check_title(&title).map_err(|refused| TallyError::BadRequest(format!("title {}", refused)))?;
        self.limits.new_board(caller.ip)?;
        let info = BoardInfo { id, matrix_id: matrix.id.clone(), title, private, created_at: now() };
        let key = admin_key::new_key();
        self.engine.add_board(info.clone(), Some(admin_key::hash(&key)), matrix).await?;
        self.own_new_board(caller, &info.id).await?;
        Ok(CreatedBoard { info, admin_key: key, base: self.public_url.clone().unwrap_or_default() })
    }

    /// Checks a new board as the start form typed it, without creating it:
    /// each field's problem in the form's own words (the address field is
    /// "address", not the API's "slug"), and whether the address is taken.
    /// `form.problem` is left for the caller when nothing is found.
    pub async fn recheck_new_board(&self, form: &mut StartForm) {
        if self.engine.matrix_by_id(&form.matrix).is_err() {
            form.problem = Some("Pick one of the matrices.".into());
        }
        if let Err(refused) = check_title(form.title.trim()) {
            form.title_problem = Some(format!("The title {}.", refused));
        }
        let slug = form.slug.trim();
        form.address_problem = match check_address(slug) {
            _ if slug.is_empty() => None,
            Err(refused) => Some(format!("The address {}.", refused)),
            Ok(()) if self.engine.board(slug).await.is_ok() => {
                Some("This address is taken: pick another, or leave it empty for a private link.".into())
            }
            Ok(()) => None,
        };
    }

    /// The board's matrix as of now, with its revision, for whoever the
    /// board's access rule lets in.
    pub async fn matrix(&self, caller: &Caller, board: &str) -> Result<BoardMatrix, TallyError> {
        let served = self.engine.board(board).await?;
        self.enter(caller, &served).await?;
        Ok(served.current())
    }

    /// The built-in templates a board can start from, by id.
    pub fn templates(&self) -> Vec<Arc<Matrix>> {
        self.engine.templates()
    }

    /// One template.
    pub fn template(&self, id: &str) -> Result<Arc<Matrix>, TallyError> {
        self.engine.matrix_by_id(id)
    }

    /// The board's latest figures, of the open round or of `round`, as the
    /// caller may see them (withheld while the board hides them from them).
    pub async fn stats(&self, caller: &Caller, board: &str, round: Option<u32>) -> Result<Stats, TallyError> {
        let served = self.engine.board(board).await?;
        let stats = match round {
            Some(round) => self.engine.round_stats(&served, round).await?,
            None => served.stats(),
        };
        Ok(shown(&stats, self.sees_figures(caller, &served).await?))
    }

    /// One group's figures in a round (the open one by default), or what is
    /// withheld: a group below the board's threshold shows nothing but that,
    /// and a board that hides its figures from the caller shows the group's
    /// respondent count only.
    pub async fn group_stats(
        &self,
        caller: &Caller,
        board: &str,
        round: Option<u32>,
        group: &str,
    ) -> Result<GroupFigures, TallyError> {
        let served = self.engine.board(board).await?;
        let round = round.unwrap_or_else(|| served.stats().round);
        Ok(match self.engine.group_stats(&served, round, group).await? {
            Some(stats) => {
                let stats = shown(&stats, self.sees_figures(caller, &served).await?);
                GroupFigures::Shown { group: group.to_string(), stats }
            }
            None => GroupFigures::Withheld {
                board: served.info.id.clone(),
                round,
                group: group.to_string(),
                withheld: true,
                min_group_size: served.groups().min_group_size,
            },
        })
    }

    /// The groups respondents choose from, and the threshold.
    pub async fn groups(&self, board: &str) -> Result<GroupSettings, TallyError> {
        Ok(self.engine.board(board).await?.groups())
    }

    /// The board's rounds, oldest first, for whoever the board's access
    /// rule lets in.
    pub async fn rounds(&self, caller: &Caller, board: &str) -> Result<Vec<RoundInfo>, TallyError> {
        let served = self.engine.board(board).await?;
        self.enter(caller, &served).await?;
        self.engine.rounds(&served).await
    }

    /// The open round's number and label, for a page that heard of a new one.
    pub async fn open_round(&self, board: &str) -> Result<(u32, String), TallyError> {
        let served = self.engine.board(board).await?;
        let round = served.stats().round;
        Ok((round, self.engine.round_label(&served, round).await?))
    }

    /// Everything the board's page shows, with the caller's own earlier
    /// answers if they have any (else, for an invited person, the group
    /// their invitation names, preselected); the figures withheld if the
    /// board hides them from the caller.
    pub async fn board_page(&self, caller: &Caller, board: &str) -> Result<BoardPageData, TallyError> {
        let served = self.engine.board(board).await?;
        let (viewer, previous) = self.entering_viewer(caller, &served).await?;
        let current = served.current();
        let open = served.stats();
        let stats = shown(&open, open.reveal.shows(&viewer, open.round));
        let round_label = self.engine.round_label(&served, stats.round).await?;
        Ok(BoardPageData {
            board: served.info.id.clone(),
            title: served.info.title.clone(),
            matrix: (*current.matrix).clone(),
            matrix_rev: current.rev,
            round_label,
            stats,
            groups: served.groups().groups,
            draft: match (&previous, self.respondent(caller, &served).await?) {
                (None, Respondent::Invited { invitation, .. }) => {
                    let (group, role) = (invitation.group.unwrap_or_default(), invitation.role.unwrap_or_default());
                    (!group.is_empty() || !role.is_empty()).then(|| Draft { group, role, ..Draft::default() })
                }
                _ => None,
            },
            previous,
            untranslated: 0,
        })
    }

    /// The board's absolute address, to share or to show: under the site's
    /// public URL (`TALLY_PUBLIC_URL`), or under the host the request came
    /// in on (its `headers`) when none is configured.
    pub async fn board_address(&self, board: &str, headers: &HeaderMap) -> Result<String, TallyError> {
        let served = self.engine.board(board).await?;
        Ok(format!("{}/b/{}", self.site_base(headers)?, served.info.id))
    }

    /// The QR code that opens the board, at [`Tally::board_address`].
    pub async fn join_qr(&self, board: &str, headers: &HeaderMap) -> Result<String, TallyError> {
        qr_code::qr_svg(&self.board_address(board, headers).await?)
    }
}
