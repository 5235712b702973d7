//! Joining a board by what a person was told or shown: a private board's
//! short join code, a public board's address, or a whole link pasted.

use super::{Caller, Tally};
use crate::error::TallyError;
use crate::join_code::CODE_DIGITS;
use crate::matrix::is_identifier;

/// The board id or code in what was typed: trimmed, lower case, and taken
/// out of a link (`https://host/b/<id>#…`) when one was pasted.
fn typed_id(typed: &str) -> String {
    let typed = typed.trim();
    let after_path = typed.rsplit_once("/b/").map_or(typed, |(_, rest)| rest);
    let id = after_path.split(['/', '?', '#']).next().unwrap_or_default();
    id.to_lowercase()
}

/// A private board's code as digits only, if `id` is shaped like one.
fn code_digits(id: &str) -> Option<String> {
    let digits: String = id.chars().filter(|c| !matches!(c, '-' | ' ')).collect();
    (digits.len() == CODE_DIGITS && digits.bytes().all(|b| b.is_ascii_hexdigit())).then_some(digits)
}

impl Tally {
    /// The id of the board `typed` names. Every miss counts against the
    /// caller's wrong-code limit, and once it runs out even a right code
    /// waits (as with admin keys), so codes cannot be tried in bulk.
    pub async fn find_board(&self, caller: &Caller, typed: &str) -> Result<String, TallyError> {
        let id = typed_id(typed);
        if id.is_empty() {
            return Err(TallyError::BadRequest("type the board's code, or paste its link".into()));
        }
        self.limits.join_codes.attempt(caller.ip)?;
        if is_identifier(&id) {
            match self.engine.board(&id).await {
                Ok(board) => return Ok(board.info.id.clone()),
                Err(TallyError::UnknownBoard(_)) => {}
                Err(other) => return Err(other),
            }
        }
        if let Some(digits) = code_digits(&id) {
            let mut found = self.engine.boards_starting_with(&digits).await?;
            match found.len() {
                1 => return Ok(found.remove(0)),
                2 => {
                    return Err(TallyError::Conflict(
                        "this code fits more than one board; ask for the board's link instead".into(),
                    ))
                }
                _ => {}
            }
        }
        self.limits.join_codes.wrong(caller.ip)?;
        let shown: String = typed.trim().chars().take(40).collect();
        Err(TallyError::UnknownBoard(shown))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_and_codes_are_read_as_people_paste_them() {
        assert_eq!(typed_id("  https://tally.example/b/Team-A#admin=x "), "team-a");
        assert_eq!(typed_id("tally.example/b/3f9ac21b7e0011/present?x"), "3f9ac21b7e0011");
        assert_eq!(typed_id("3F9AC-21B7E"), "3f9ac-21b7e");
        assert_eq!(code_digits("3f9ac-21b7e").as_deref(), Some("3f9ac21b7e"));
        assert_eq!(code_digits("3f9ac 21b7e").as_deref(), Some("3f9ac21b7e"));
        assert_eq!(code_digits("team-a"), None);
        assert_eq!(code_digits("3f9ac-21b7"), None, "nine digits");
    }
}
