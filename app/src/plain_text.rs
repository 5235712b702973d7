//! Characters no name or text typed into Tally may hold: control
//! characters (NUL and the like), the bidirectional overrides, embeddings
//! and isolates that make text read differently from how it is stored
//! ("Trojan Source"), and invisible spaces. They would reach pages, CSV
//! and the presenter as they are. Tabs and line breaks stay allowed, and
//! so do the joiners and marks real scripts need (ZWJ and ZWNJ in Persian,
//! Indic scripts and emoji; LRM and RLM in right-to-left text).
//! Shared with the browser, whose editor checks as it goes.

/// The first character of `text` that no text here may hold.
pub fn forbidden_character(text: &str) -> Option<char> {
    text.chars().find(|&c| {
        (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}')
    })
}

/// `what` names the text ("title", "group 2"); the message says which
/// character to remove, since it cannot be seen, in the request's language.
pub fn check(what: &str, text: &str) -> Result<(), String> {
    match forbidden_character(text) {
        Some(c) => {
            let code = format!("{:04X}", c as u32);
            Err(crate::i18n::t_with("text-forbidden-character", &[("what", what.into()), ("code", code.into())]))
        }
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hidden_characters_are_named_and_real_scripts_pass() {
        assert_eq!(
            check("title", "a\u{0}b").unwrap_err(),
            "title holds the invisible or control character U+0000; remove it"
        );
        for bad in ["\u{202E}gnp.exe", "x\u{200B}y", "\u{2066}a", "\u{FEFF}t", "bell\u{7}"] {
            assert!(forbidden_character(bad).is_some(), "{bad:?}");
        }
        for good in ["Déjà vu", "line\nbreak\ttab", "می\u{200C}خواهم", "👩\u{200D}💻", "שלום\u{200F}", "2^n"]
        {
            assert_eq!(forbidden_character(good), None, "{good:?}");
        }
    }
}
