//! The invitations this browser opened: a cookie (`tally_invited`) of
//! signed entries `<board>.<invitation>.<generation>.<tag>`, joined by `~`,
//! at most one per board. Opening a personal link adds the entry for its
//! board, so from then on this device answers as that person there. The
//! entry names the link's generation: issuing the link again (after it
//! leaked, say) drops every device that opened the older one. Whether the
//! invitation still holds (not revoked, not deleted, same generation) is
//! asked of the store on use, so a change on one instance holds on all.

use super::respondent::Respondents;
use crate::matrix::is_identifier;
use axum::http::{HeaderMap, HeaderValue};

/// Boards one browser keeps an invitation for; the oldest is forgotten first.
const MAX_KEPT: usize = 20;

/// Kept for a year, as the respondent cookie is.
const MAX_AGE: u64 = 365 * 24 * 3600;

/// One opened invitation, its signature checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Opened {
    pub board: String,
    pub invitation: String,
    pub generation: u32,
}

/// The entries of `text` (the cookie as sent) whose signature holds.
pub fn read(respondents: &Respondents, text: &str) -> Vec<Opened> {
    text.split('~')
        .filter_map(|entry| {
            let mut parts = entry.split('.');
            let (board, invitation, generation, tag) = (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
            let generation: u32 = generation.parse().ok()?;
            let sane = is_identifier(board) && invitation.bytes().all(|b| b.is_ascii_hexdigit());
            (sane && respondents.invited_tag_holds(board, invitation, generation, tag)).then(|| Opened {
                board: board.to_string(),
                invitation: invitation.to_string(),
                generation,
            })
        })
        .take(MAX_KEPT)
        .collect()
}

/// The invitation opened in this browser for `board`, if any.
pub fn for_board(respondents: &Respondents, text: Option<&str>, board: &str) -> Option<Opened> {
    read(respondents, text?).into_iter().find(|opened| opened.board == board)
}

/// `Set-Cookie` for the list with `opened` in place of any earlier entry
/// for its board.
pub fn remember(respondents: &Respondents, headers: &HeaderMap, opened: &Opened) -> HeaderValue {
    let cookie = respondents.invited_cookie();
    let mut list = read(respondents, &cookie.read(headers).unwrap_or_default());
    list.retain(|entry| entry.board != opened.board);
    list.insert(0, opened.clone());
    list.truncate(MAX_KEPT);
    let entries: Vec<String> = list
        .iter()
        .map(|o| {
            let tag = respondents.invited_tag(&o.board, &o.invitation, o.generation);
            format!("{}.{}.{}.{tag}", o.board, o.invitation, o.generation)
        })
        .collect();
    cookie.set(&entries.join("~"), MAX_AGE)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backend::signer::Signer;
    use axum::http::header;

    fn opened(board: &str, invitation: &str, generation: u32) -> Opened {
        Opened { board: board.into(), invitation: invitation.into(), generation }
    }

    fn as_request(set: HeaderValue) -> HeaderMap {
        let pair = set.to_str().unwrap().split(';').next().unwrap().to_string();
        let mut headers = HeaderMap::new();
        headers.insert(header::COOKIE, HeaderValue::from_str(&pair).unwrap());
        headers
    }

    #[test]
    fn one_entry_per_board_and_only_signed_ones_count() {
        let respondents = Respondents::new(Signer::new([3; 32]), false);
        let first = remember(&respondents, &HeaderMap::new(), &opened("team-a", "ab12", 1));
        let second = remember(&respondents, &as_request(first), &opened("team-b", "cd34", 1));
        let third = remember(&respondents, &as_request(second), &opened("team-a", "ab12", 2));
        let text = respondents.invited_cookie().read(&as_request(third)).unwrap();
        assert_eq!(read(&respondents, &text), vec![opened("team-a", "ab12", 2), opened("team-b", "cd34", 1)]);
        assert_eq!(for_board(&respondents, Some(&text), "team-b"), Some(opened("team-b", "cd34", 1)));

        let forged = text.replace("team-b.cd34.1", "team-b.cd35.1");
        assert_eq!(for_board(&respondents, Some(&forged), "team-b"), None, "a changed entry's tag fails");
        let other_server = Respondents::new(Signer::new([4; 32]), false);
        assert!(read(&other_server, &text).is_empty());
    }
}
