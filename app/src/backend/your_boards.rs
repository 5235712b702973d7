//! The boards this browser created or answered, for the home page's "Your
//! boards". They live in a cookie of their own (`tally_boards`), because
//! the server cannot list them: a respondent has a different id on every
//! board, so nothing stored ties two boards to one browser, on purpose.
//! The list holds ids only (titles are read when it is shown), newest
//! first, at most [`MAX_KEPT`].

use super::site_cookie::SiteCookie;
use crate::matrix::is_identifier;
use axum::http::{HeaderMap, HeaderValue};

/// Boards remembered; the oldest is forgotten first.
pub const MAX_KEPT: usize = 20;

/// Kept for a year, as the respondent cookie is.
const MAX_AGE: u64 = 365 * 24 * 3600;

/// One remembered board.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YourBoard {
    pub id: String,
    /// Created here (else only answered here).
    pub created: bool,
}

/// The list in the request's cookie; entries that are not board ids are
/// dropped, so a tampered cookie shows nothing but real boards' titles.
pub fn read(cookie: &SiteCookie, headers: &HeaderMap) -> Vec<YourBoard> {
    let text = cookie.read(headers).unwrap_or_default();
    text.split('~')
        .filter_map(|entry| {
            let (role, id) = entry.split_once('.')?;
            let created = match role {
                "c" => true,
                "a" => false,
                _ => return None,
            };
            is_identifier(id).then(|| YourBoard { id: id.to_string(), created })
        })
        .take(MAX_KEPT)
        .collect()
}

/// `Set-Cookie` for the list with `board` at its head. Having created a
/// board is not forgotten by answering it.
pub fn remember(cookie: &SiteCookie, headers: &HeaderMap, board: &str, created: bool) -> HeaderValue {
    let mut boards = read(cookie, headers);
    let created = created || boards.iter().any(|b| b.id == board && b.created);
    boards.retain(|b| b.id != board);
    boards.insert(0, YourBoard { id: board.to_string(), created });
    boards.truncate(MAX_KEPT);
    let text: Vec<String> = boards.iter().map(|b| format!("{}.{}", if b.created { "c" } else { "a" }, b.id)).collect();
    cookie.set(&text.join("~"), MAX_AGE)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::header;

    fn request_with(value: &HeaderValue) -> HeaderMap {
        let cookie = value.to_str().unwrap().split(';').next().unwrap().to_string();
        let mut headers = HeaderMap::new();
        headers.insert(header::COOKIE, HeaderValue::from_str(&cookie).unwrap());
        headers
    }

    #[test]
    fn the_newest_board_leads_and_creating_outlives_answering() {
        let cookie = SiteCookie::new("tally_boards", false);
        let first = remember(&cookie, &HeaderMap::new(), "team-a", true);
        let second = remember(&cookie, &request_with(&first), "team-b", false);
        let third = remember(&cookie, &request_with(&second), "team-a", false);
        let boards = read(&cookie, &request_with(&third));
        let shown: Vec<(&str, bool)> = boards.iter().map(|b| (b.id.as_str(), b.created)).collect();
        assert_eq!(shown, [("team-a", true), ("team-b", false)]);
    }

    #[test]
    fn only_so_many_are_kept_and_junk_is_dropped() {
        let cookie = SiteCookie::new("tally_boards", false);
        let mut set = remember(&cookie, &HeaderMap::new(), "board-0", false);
        for n in 1..=MAX_KEPT {
            set = remember(&cookie, &request_with(&set), &format!("board-{n}"), false);
        }
        let boards = read(&cookie, &request_with(&set));
        assert_eq!(boards.len(), MAX_KEPT);
        assert_eq!(boards[0].id, format!("board-{MAX_KEPT}"));
        assert!(boards.iter().all(|b| b.id != "board-0"), "the oldest is forgotten");
        let mut tampered = HeaderMap::new();
        tampered.insert(header::COOKIE, HeaderValue::from_static("tally_boards=x.y~a.<b>~c.fine~a.A-Z"));
        assert_eq!(read(&cookie, &tampered), [YourBoard { id: "fine".into(), created: true }]);
    }
}
