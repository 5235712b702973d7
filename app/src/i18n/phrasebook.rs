//! The islands' messages in the page's language, sent to the browser as
//! one of each island's props. The browser has no Fluent runtime (it would
//! not fit the board page's budget), so the server flattens each message
//! into a template the browser can fill (see `templates`): a text with
//! `{name}` where a variable goes, or, for a message whose wording depends
//! on a number, that number's name and one text per case. The browser picks
//! the case with its own `Intl.PluralRules`, so no plural data travels.

#[cfg(any(feature = "hydrate", test))]
use super::Arg;
use super::Section;
use serde::{Deserialize, Serialize};

/// Some sections of messages, in one language, written as one text: the
/// language whose plural rules choose a case, then each section (the index
/// of its first message, then its messages). A message is `[text]`, or
/// `[variable, key, text, key, text, …]`, keys being a plural category or a
/// number, the default one marked `*`. One text, not nested lists: the
/// browser reads it with a few splits instead of serde's nested readers,
/// and the page carries no quotes around every piece.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Phrasebook(String);

/// What separates sections, messages and a message's pieces: symbols no
/// catalogue uses (a test holds them to it).
pub const MARKS: [char; 3] = ['␝', '␞', '␟'];

/// A section: the index of its first message, and its messages.
pub type Part = (usize, Vec<Vec<String>>);

impl Phrasebook {
    /// Written from the plural rules' language and the sections.
    #[cfg(feature = "ssr")]
    pub fn new(plurals: &str, parts: &[Part]) -> Phrasebook {
        let [section, message, piece] = MARKS.map(String::from);
        let part = |(from, messages): &Part| {
            let messages = messages.iter().map(|pieces| pieces.join(&piece));
            std::iter::once(from.to_string()).chain(messages).collect::<Vec<_>>().join(&message)
        };
        let text =
            std::iter::once(plurals.to_string()).chain(parts.iter().map(part)).collect::<Vec<_>>().join(&section);
        Phrasebook(text)
    }

    /// The plural rules' language.
    #[cfg(any(feature = "hydrate", test))]
    pub fn plurals(&self) -> &str {
        self.0.split(MARKS[0]).next().unwrap_or_default()
    }

    /// The sections, read back.
    #[cfg(any(feature = "hydrate", test))]
    pub fn parts(&self) -> Vec<Part> {
        let part = |text: &str| {
            let mut messages = text.split(MARKS[1]);
            let from = messages.next()?.parse().ok()?;
            Some((from, messages.map(|m| m.split(MARKS[2]).map(String::from).collect()).collect()))
        };
        self.0.split(MARKS[0]).skip(1).filter_map(part).collect()
    }

    /// `sections` in the current request's language, for an island's
    /// props (which only the server makes: empty in the browser).
    pub fn of(sections: &[Section]) -> Phrasebook {
        #[cfg(feature = "ssr")]
        return super::templates::phrasebook(super::current(), sections);
        #[cfg(not(feature = "ssr"))]
        {
            let _ = sections;
            Phrasebook::default()
        }
    }

    /// What the board page's form says (and the board door's, which draws it).
    pub fn of_board() -> Phrasebook {
        Phrasebook::of(&[Section::Live, Section::Board])
    }
}

/// Fills a message's template with `args`; `category` tells a number's
/// plural category ("one", "other", …) in the page's language. (Only the
/// browser fills templates; the server formats with Fluent itself.)
#[cfg(any(feature = "hydrate", test))]
pub fn fill(message: &[String], args: &[(&str, Arg)], category: impl Fn(i64) -> String) -> String {
    let text = match message {
        [text] => text.as_str(),
        [variable, cases @ ..] => choose(variable, cases, args, category),
        [] => "",
    };
    substitute(text, args)
}

/// The case of `cases` the variable named `variable` selects: the first
/// whose key is the number itself or its category (or the text, for a text
/// variable), else the default. Fluent chooses the same way.
#[cfg(any(feature = "hydrate", test))]
fn choose<'a>(variable: &str, cases: &'a [String], args: &[(&str, Arg)], category: impl Fn(i64) -> String) -> &'a str {
    let value = args.iter().find(|(name, _)| *name == variable).map(|(_, value)| value);
    let selects = |key: &str| match value {
        Some(Arg::Number(n)) => key == n.to_string() || key == category(*n),
        Some(Arg::Text(text)) => key == text,
        None => false,
    };
    let pairs = || cases.chunks_exact(2).map(|pair| (pair[0].trim_start_matches('*'), &pair[0], &pair[1]));
    let chosen = pairs().find(|(key, _, _)| selects(key));
    let default = || pairs().find(|(_, marked, _)| marked.starts_with('*'));
    chosen.or_else(default).map_or("", |(_, _, text)| text.as_str())
}

/// `text` with each `{name}` replaced by that argument.
#[cfg(any(feature = "hydrate", test))]
fn substitute(text: &str, args: &[(&str, Arg)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else { break };
        out.push_str(&rest[..open]);
        let name = &rest[open + 1..open + close];
        match args.iter().find(|(n, _)| *n == name).map(|(_, value)| value) {
            Some(Arg::Text(text)) => out.push_str(text),
            Some(Arg::Number(n)) => out.push_str(&n.to_string()),
            None => out.push_str(&rest[open..=open + close]),
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    fn english(n: i64) -> String {
        if n == 1 { "one" } else { "other" }.to_string()
    }

    #[test]
    fn a_plain_message_has_its_variables_filled_in() {
        let message = strings(&["{k} of {n} ({p})"]);
        let args = [("k", Arg::Number(1)), ("n", Arg::Number(3)), ("p", "33%".into())];
        assert_eq!(fill(&message, &args, english), "1 of 3 (33%)");
        assert_eq!(fill(&message, &[], english), "{k} of {n} ({p})", "a missing variable stays visible");
    }

    #[test]
    fn a_number_chooses_its_exact_case_then_its_category_then_the_default() {
        let message = strings(&["count", "0", "no one", "one", "{count} person", "*other", "{count} people"]);
        let says = |n| fill(&message, &[("count", Arg::Number(n))], english);
        assert_eq!([says(0), says(1), says(2), says(21)], ["no one", "1 person", "2 people", "21 people"]);
        let state = strings(&["state", "closed", "shut", "*open", "open"]);
        assert_eq!(fill(&state, &[("state", "closed".into())], english), "shut");
        assert_eq!(fill(&state, &[("state", "odd".into())], english), "open");
    }
}
