//! The choices of an answer form the server refused, when it was posted
//! without JavaScript. The refusal redirects back to the board's page, and
//! the page must start from what the person had picked, not from nothing.
//! They travel in a one-minute cookie (`tally_draft`), not in the address:
//! browsers keep addresses in their history and send them on as `Referer`,
//! and servers log them; a person's self-ratings belong in none of those.
//!
//! The cookie holds `<board>.<matrix revision>.<group>.<role>.<levels>`: the
//! group and role as their positions among the board's groups and the
//! matrix's roles (`-`: none), and one hex digit per row in
//! the matrix's order (`-`: no choice), which keeps the largest matrix
//! (300 rows) far under a cookie's 4 KiB. A draft of another board or of
//! an earlier revision of the matrix is ignored.

use super::site_cookie::SiteCookie;
use crate::answers::{Answers, Draft};
use crate::matrix::Matrix;
use axum::http::{HeaderMap, HeaderValue};
use std::collections::BTreeMap;

/// Long enough to follow the refusal's redirect.
const LIFETIME_SECONDS: u64 = 60;

/// What the form posted: level indices as text, by row id, the group and
/// the role's id.
pub struct Posted<'a> {
    pub answers: &'a BTreeMap<String, String>,
    pub group: &'a str,
    pub role: &'a str,
}

/// The board a draft is of, as it stands.
#[derive(Clone, Copy)]
pub struct Form<'a> {
    pub board: &'a str,
    pub matrix: &'a Matrix,
    pub rev: u64,
    pub groups: &'a [String],
}

/// `Set-Cookie` keeping `posted` for the page the refusal goes back to.
/// Levels that are not one of the matrix's are left out.
pub fn keep(cookie: &SiteCookie, form: &Form, posted: &Posted) -> HeaderValue {
    let levels: String = form
        .matrix
        .rows()
        .map(|row| {
            let level = posted.answers.get(&row.id).and_then(|text| text.trim().parse::<usize>().ok());
            match level.filter(|level| *level < form.matrix.levels.len()) {
                Some(level) => char::from_digit(level as u32, 16).unwrap_or('-'),
                None => '-',
            }
        })
        .collect();
    let group = position(form.groups.iter(), posted.group);
    let role = position(form.matrix.roles.iter().map(|r| &r.id), posted.role);
    cookie.set(&format!("{}.{}.{group}.{role}.{levels}", form.board, form.rev), LIFETIME_SECONDS)
}

/// Where `picked` is among `known`, as text (`-`: not there).
fn position<'a>(mut known: impl Iterator<Item = &'a String>, picked: &str) -> String {
    match known.position(|k| k == picked) {
        Some(index) => index.to_string(),
        None => "-".to_string(),
    }
}

/// The draft the request's cookie holds for `form`, if it holds one.
pub fn recall(cookie: &SiteCookie, headers: &HeaderMap, form: &Form) -> Option<Draft> {
    let text = cookie.read(headers)?;
    let mut parts = text.splitn(5, '.');
    let (board, rev, group) = (parts.next()?, parts.next()?, parts.next()?);
    let (role, levels) = (parts.next()?, parts.next()?);
    if board != form.board || rev.parse::<u64>().ok()? != form.rev {
        return None;
    }
    let group = group.parse::<usize>().ok().and_then(|i| form.groups.get(i)).cloned().unwrap_or_default();
    let role = role.parse::<usize>().ok().and_then(|i| form.matrix.roles.get(i)).map(|r| r.id.clone());
    let answers: Answers = form
        .matrix
        .rows()
        .zip(levels.chars())
        .filter_map(|(row, digit)| Some((row.id.clone(), digit.to_digit(16)? as u8)))
        .filter(|(_, level)| (*level as usize) < form.matrix.levels.len())
        .collect();
    Some(Draft { answers, group, role: role.unwrap_or_default() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::header;

    fn matrix() -> Matrix {
        crate::matrix::tests::sample_with_roles()
    }

    fn round_trip(posted: &Posted, stored_as: &Form, read_as: &Form) -> Option<Draft> {
        let cookie = SiteCookie::new("tally_draft", false);
        let set = keep(&cookie, stored_as, posted);
        let value = set.to_str().unwrap().split(';').next().unwrap().to_string();
        let mut headers = HeaderMap::new();
        headers.insert(header::COOKIE, HeaderValue::from_str(&value).unwrap());
        recall(&cookie, &headers, read_as)
    }

    #[test]
    fn a_draft_comes_back_as_posted_without_what_was_not_a_level() {
        let matrix = matrix();
        let rows: Vec<String> = matrix.rows().map(|r| r.id.clone()).collect();
        let answers = BTreeMap::from([
            (rows[0].clone(), " 2".to_string()),
            (rows[1].clone(), "x".to_string()),
            (rows[2].clone(), "9".to_string()),
            ("no-such-row".to_string(), "1".to_string()),
        ]);
        let groups = ["Backend".to_string(), "Frontend".to_string()];
        let form = Form { board: "team-a", matrix: &matrix, rev: 4, groups: &groups };
        let role = matrix.roles[1].id.clone();
        let draft = round_trip(&Posted { answers: &answers, group: "Frontend", role: &role }, &form, &form).unwrap();
        assert_eq!(draft.answers, Answers::from([(rows[0].clone(), 2)]));
        assert_eq!((draft.group.as_str(), draft.role.as_str()), ("Frontend", role.as_str()));
    }

    #[test]
    fn a_draft_of_another_board_or_revision_is_ignored() {
        let matrix = matrix();
        let answers = BTreeMap::from([(matrix.rows().next().unwrap().id.clone(), "1".to_string())]);
        let posted = Posted { answers: &answers, group: "", role: "no-such-role" };
        let form = Form { board: "team-a", matrix: &matrix, rev: 4, groups: &[] };
        assert!(round_trip(&posted, &form, &form)
            .is_some_and(|d| d.answers.len() == 1 && d.group.is_empty() && d.role.is_empty()));
        assert_eq!(round_trip(&posted, &form, &Form { rev: 5, ..form }), None);
        assert_eq!(round_trip(&posted, &form, &Form { board: "team-b", ..form }), None);
    }
}
