//! The message catalogues, one Fluent bundle per [`Locale`], built once.
//! The pseudo-locales are the English catalogue passed through
//! `fluent-pseudo`'s transform, so they never need writing. A message
//! missing from a language falls back to English (and is logged): the
//! tests hold every catalogue to the same messages, so this is a safety
//! net, not a way to leave text untranslated.

use super::{Arg, Locale};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast::Pattern;
use std::borrow::Cow;
use std::sync::LazyLock;

/// Each offered language's catalogue, as written.
pub const SOURCES: [(Locale, &str); 4] = [
    (Locale::En, include_str!("../../locales/en/tally.ftl")),
    (Locale::De, include_str!("../../locales/de/tally.ftl")),
    (Locale::Fr, include_str!("../../locales/fr/tally.ftl")),
    (Locale::Es, include_str!("../../locales/es/tally.ftl")),
];

static BUNDLES: LazyLock<Vec<(Locale, FluentBundle<FluentResource>)>> =
    LazyLock::new(|| Locale::ALL.into_iter().map(|locale| (locale, bundle(locale))).collect());

/// Message `id` in `locale`, with `args`; English if `locale` lacks it, and
/// the id itself if English does too (a test keeps that from shipping).
pub fn text(locale: Locale, id: &str, args: &[(&str, Arg)]) -> String {
    format(locale, id, args)
        .or_else(|| {
            tracing::error!(locale = locale.tag(), id, "message missing; English shown");
            format(Locale::En, id, args)
        })
        .unwrap_or_else(|| id.to_string())
}

fn format(locale: Locale, id: &str, args: &[(&str, Arg)]) -> Option<String> {
    let bundle = &BUNDLES.iter().find(|(l, _)| *l == locale)?.1;
    let pattern = bundle.get_message(id)?.value()?;
    let mut values = FluentArgs::new();
    for (name, arg) in args {
        match arg {
            Arg::Text(text) => values.set(*name, FluentValue::from(text.as_str())),
            Arg::Number(n) => values.set(*name, FluentValue::from(*n)),
        }
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&values), &mut errors);
    if !errors.is_empty() {
        tracing::error!(locale = locale.tag(), id, ?errors, "message formatted with errors");
    }
    Some(text.into_owned())
}

/// What a pseudo-locale does to each piece of the English text.
pub(super) type Transform = fn(&str) -> Cow<str>;

/// Message `id` as `locale` writes it (English if it lacks it), and what
/// is done to its text: for the islands' templates (see `templates`).
pub(super) fn pattern(locale: Locale, id: &str) -> Option<(&'static Pattern<&'static str>, Option<Transform>)> {
    let written = |locale: Locale| {
        let bundle = &BUNDLES.iter().find(|(l, _)| *l == locale)?.1;
        Some((bundle.get_message(id)?.value()?, transform(locale)))
    };
    written(locale).or_else(|| written(Locale::En))
}

/// What a pseudo-locale does to the English text; nothing, for a language.
fn transform(locale: Locale) -> Option<Transform> {
    match locale {
        Locale::Accented => Some(accented),
        Locale::Mirrored => Some(mirrored),
        _ => None,
    }
}

/// The catalogue of `locale`: its own, or English transformed.
fn bundle(locale: Locale) -> FluentBundle<FluentResource> {
    let source = SOURCES.iter().find(|(l, _)| *l == locale).map(|(_, s)| *s).unwrap_or_else(english);
    let transform = transform(locale);
    let mut bundle = FluentBundle::new_concurrent(vec![locale.plural_tag().parse().expect("the tags are valid")]);
    // No invisible isolation marks around variables: the text is what the
    // catalogue says, and the page's `dir` handles direction.
    bundle.set_use_isolating(false);
    bundle.set_transform(transform);
    let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(resource, errors)| {
        tracing::error!(locale = locale.tag(), ?errors, "catalogue has syntax errors; the rest is used");
        resource
    });
    if let Err(errors) = bundle.add_resource(resource) {
        tracing::error!(locale = locale.tag(), ?errors, "catalogue defines a message twice");
    }
    bundle
}

fn english() -> &'static str {
    SOURCES[0].1
}

/// Accented, and padded to 40% longer than the English: German and French
/// run about that much longer, so a layout that holds this holds them.
/// (`transform`, not `transform_dom`: the catalogues hold no markup, and
/// "/b/<address>" is text to accent, not a tag to skip.)
fn accented(text: &str) -> Cow<'_, str> {
    let accented = fluent_pseudo::transform(text, false, true);
    let (length, target) = (accented.chars().count(), (text.chars().count() * 14).div_ceil(10));
    match target.saturating_sub(length) {
        0 => accented,
        short => Cow::Owned(format!("{accented}{}", "~".repeat(short))),
    }
}

fn mirrored(text: &str) -> Cow<'_, str> {
    fluent_pseudo::transform(text, true, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The message ids a catalogue defines, in its order.
    fn ids(source: &str) -> Vec<&str> {
        source
            .lines()
            .filter_map(|line| line.split_once(" =").map(|(id, _)| id))
            .filter(|id| !id.starts_with(' '))
            .collect()
    }

    #[test]
    fn every_catalogue_parses_and_defines_the_english_messages_and_no_others() {
        for (locale, source) in SOURCES {
            let parsed = FluentResource::try_new(source.to_string());
            assert!(parsed.is_ok(), "{}: {:?}", locale.tag(), parsed.err().map(|(_, errors)| errors));
            assert_eq!(ids(source), ids(english()), "{} holds the same messages, in the same order", locale.tag());
        }
    }

    #[test]
    fn plural_forms_follow_each_language() {
        let answered = |locale, count: u64| text(locale, "answered-count", &[("count", count.into())]);
        let expected = [
            (Locale::En, ["no one has answered yet", "1 person has answered", "2 people have answered"]),
            (Locale::De, ["noch hat niemand geantwortet", "1 Person hat geantwortet", "2 Personen haben geantwortet"]),
            (Locale::Fr, ["personne n’a encore répondu", "1 personne a répondu", "2 personnes ont répondu"]),
            (Locale::Es, ["nadie ha respondido todavía", "1 persona ha respondido", "2 personas han respondido"]),
        ];
        for (locale, [none, one, two]) in expected {
            assert_eq!([answered(locale, 0), answered(locale, 1), answered(locale, 2)], [none, one, two]);
            for many in [5, 21] {
                assert_eq!(answered(locale, many), two.replacen('2', &many.to_string(), 1), "{}", locale.tag());
            }
        }
    }

    #[test]
    fn the_pseudo_locales_change_the_catalogues_letters_but_not_the_variables() {
        let english = text(Locale::En, "manage-board", &[("board", "Team A".into())]);
        let accented = text(Locale::Accented, "manage-board", &[("board", "Team A".into())]);
        assert!(english.starts_with("Manage") && accented.ends_with("Team A"), "{accented}");
        // Vowels keep their letter (doubled); every consonant is replaced.
        let consonant = |c: char| c.is_ascii_alphabetic() && !"aeiouAEIOU".contains(c);
        assert!(!accented.trim_end_matches("Team A").chars().any(consonant), "{accented}");
        let lead = |locale| text(locale, "home-lead", &[]).chars().count();
        assert!(lead(Locale::Accented) * 10 >= lead(Locale::En) * 14, "40% longer");
        let mirrored = text(Locale::Mirrored, "join-button", &[]);
        assert!(!mirrored.chars().any(consonant), "{mirrored}");
    }

    #[test]
    fn a_missing_message_falls_back_to_english_then_to_its_id() {
        assert_eq!(text(Locale::De, "no-such-message", &[]), "no-such-message");
    }
}
