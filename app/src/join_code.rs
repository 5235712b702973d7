//! A board's join code: what a person types on the home page to reach it,
//! shown beside the presenter's QR code and in the admin's share links.
//! A private board's id is 32 random hex digits, too long to read out in a
//! room; its code is the first ten, in two groups of five ("3f9ac-21b7e"):
//! 40 of its 128 bits, a trillion codes, tried no faster than the
//! wrong-code limit allows (`backend::use_cases::join`). A public board's
//! code is its address.

/// Hex digits of a private board's id that make its code.
pub const CODE_DIGITS: usize = 10;

/// The code for the board `id`. (A public address that happens to be 32
/// hex digits gets a short code too; it names the board just the same.)
pub fn join_code(id: &str) -> String {
    let unguessable = id.len() == 32 && id.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    match unguessable {
        true => format!("{}-{}", &id[..CODE_DIGITS / 2], &id[CODE_DIGITS / 2..CODE_DIGITS]),
        false => id.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::join_code;

    #[test]
    fn a_private_board_is_joined_by_the_start_of_its_id() {
        assert_eq!(join_code("3f9ac21b7e00112233445566778899aa"), "3f9ac-21b7e");
        assert_eq!(join_code("team-a"), "team-a");
        assert_eq!(join_code("3f9ac21b7e"), "3f9ac21b7e", "short hex is an address");
    }
}
