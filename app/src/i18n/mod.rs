//! Languages: every string a person reads comes from a message catalogue
//! in their language, `app/locales/{tag}/tally.ftl` (Fluent syntax, so
//! each language writes its own plural forms).
//!
//! * [`Locale`] — the languages offered, and two pseudo-locales for tests:
//!   one accented and about a third longer, one right-to-left.
//! * `negotiate` (server) — which one a request gets: `?lang=`, then the
//!   `tally_lang` cookie, then `Accept-Language`, then English.
//! * `catalog` (server) — the catalogues, formatted by `fluent-bundle`.
//!   The Fluent runtime stays on the server: it would cost the browser's
//!   bundle more than the board page has room for, and the browser needs
//!   only the strings of the language chosen.
//! * [`t`] — a message in the current request's language, for the
//!   components only the server renders.
//! * [`say`] — a message an island shows, named by [`Say`]: the server
//!   formats it from the catalogue; the browser fills in the template the
//!   island's [`Phrasebook`] prop brought (see `phrasebook`, `templates`).

#[cfg(feature = "ssr")]
pub mod catalog;
mod messages;
#[cfg(feature = "ssr")]
pub mod negotiate;
mod phrasebook;
mod say;
mod say_admin;
#[cfg(feature = "hydrate")]
mod studied;
#[cfg(feature = "ssr")]
mod templates;

pub use phrasebook::Phrasebook;
pub use say::{Say, Section};

use serde::{Deserialize, Serialize};

/// A language Tally speaks, or a pseudo-locale made from English.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Locale {
    #[default]
    En,
    De,
    Fr,
    Es,
    /// English, accented and lengthened: text that stays plain ASCII was
    /// not taken from the catalogue.
    Accented,
    /// English, letters turned and the page laid out right to left.
    Mirrored,
}

impl Locale {
    /// The languages people choose from.
    pub const OFFERED: [Locale; 4] = [Locale::En, Locale::De, Locale::Fr, Locale::Es];
    pub const ALL: [Locale; 6] = [Locale::En, Locale::De, Locale::Fr, Locale::Es, Locale::Accented, Locale::Mirrored];

    /// Its BCP 47 tag (the pseudo-locales' are the conventional ones).
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::De => "de",
            Locale::Fr => "fr",
            Locale::Es => "es",
            Locale::Accented => "en-XA",
            Locale::Mirrored => "ar-XB",
        }
    }

    /// The writing direction, for `<html dir>`.
    pub fn dir(self) -> &'static str {
        match self {
            Locale::Mirrored => "rtl",
            _ => "ltr",
        }
    }

    /// The language whose plural rules its text follows (a pseudo-locale's
    /// is English's).
    pub fn plural_tag(self) -> &'static str {
        match self {
            Locale::Accented | Locale::Mirrored => "en",
            _ => self.tag(),
        }
    }

    /// The language a matrix's text is chosen in for this locale (a
    /// pseudo-locale's is English, which it is made from).
    pub fn language(self) -> &'static str {
        self.plural_tag()
    }

    /// The language's name in itself, as the switcher shows it.
    pub fn name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::De => "Deutsch",
            Locale::Fr => "Français",
            Locale::Es => "Español",
            Locale::Accented => "Ȧƈƈḗƞŧḗḓ",
            Locale::Mirrored => "Mirrored",
        }
    }

    /// The locale a tag names exactly (any case), if Tally has it.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        Locale::ALL.into_iter().find(|locale| locale.tag().eq_ignore_ascii_case(tag.trim()))
    }
}

/// A message's variable: text (a name, a title) or a number, which picks
/// the plural form.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    Text(String),
    Number(i64),
}

impl From<&str> for Arg {
    fn from(text: &str) -> Arg {
        Arg::Text(text.to_string())
    }
}

impl From<String> for Arg {
    fn from(text: String) -> Arg {
        Arg::Text(text)
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Number(n as i64)
    }
}

impl From<u64> for Arg {
    fn from(n: u64) -> Arg {
        Arg::Number(n as i64)
    }
}

impl From<u32> for Arg {
    fn from(n: u32) -> Arg {
        Arg::Number(n.into())
    }
}

/// The language of the request being rendered (English outside one, and
/// in the browser, which renders no server component).
pub fn current() -> Locale {
    #[cfg(feature = "ssr")]
    return leptos::prelude::use_context::<axum::http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<Locale>().copied())
        .unwrap_or_default();
    #[cfg(not(feature = "ssr"))]
    Locale::default()
}

/// Message `id` in the current request's language.
pub fn t(id: &str) -> String {
    t_with(id, &[])
}

/// Message `id` in the current request's language, with its variables.
/// Only the server formats messages: the components that call this are
/// rendered there (islands get their strings as props).
pub fn t_with(id: &str, args: &[(&str, Arg)]) -> String {
    #[cfg(feature = "ssr")]
    return catalog::text(current(), id, args);
    #[cfg(not(feature = "ssr"))]
    {
        let _ = args;
        id.to_string()
    }
}

/// What an island says, in the page's language.
pub fn say(what: Say) -> String {
    say_with(what, &[])
}

/// What an island says, with its variables, in the page's language.
pub fn say_with(what: Say, args: &[(&str, Arg)]) -> String {
    #[cfg(feature = "ssr")]
    return catalog::text(current(), what.id(), args);
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    return studied::say(what, args);
    #[cfg(not(any(feature = "ssr", feature = "hydrate")))]
    {
        let _ = (what, args);
        String::new()
    }
}

/// `--said-{name}: "{what}";`, for a stylesheet that says `what` in the
/// page's language (`content: var(--said-{name})`).
pub fn css_said(name: &str, what: Say) -> String {
    let text = say(what).replace('\\', "\\\\").replace('"', "\\\"").replace('\n', " ");
    format!("--said-{name}: \"{text}\";")
}

/// Makes `book` the browser's source for [`say`]; called first thing by
/// each island that shows messages (on the server, which formats from the
/// catalogues, it does nothing).
pub fn learn(book: &Phrasebook) {
    #[cfg(feature = "hydrate")]
    studied::learn(book);
    #[cfg(not(feature = "hydrate"))]
    let _ = book;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_read_back_in_any_case_and_unknown_ones_are_refused() {
        for locale in Locale::ALL {
            assert_eq!(Locale::from_tag(&locale.tag().to_uppercase()), Some(locale));
        }
        assert_eq!(Locale::from_tag("pt"), None);
        assert_eq!(Locale::Mirrored.dir(), "rtl");
        assert_eq!(Locale::De.dir(), "ltr");
    }
}
