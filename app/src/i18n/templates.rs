//! The server's side of the [`Phrasebook`]: each message read from its
//! Fluent syntax tree and flattened into the template the browser fills.
//! The messages islands show keep to what such a template can say: text,
//! variables, and at most one choice by a variable (the test below holds
//! every one of them to it, and to the same text Fluent formats).

use super::catalog::{self, Transform};
use super::{Locale, Phrasebook, Section};
use fluent_syntax::ast::{Expression, InlineExpression, Pattern, PatternElement, VariantKey};

/// `sections` of the catalogue of `locale`.
pub fn phrasebook(locale: Locale, sections: &[Section]) -> Phrasebook {
    let part = |section: &Section| {
        let messages = section.messages();
        let texts = messages.iter().map(|say| template(locale, say.id())).collect();
        (messages.first().map_or(0, |first| first.index()), texts)
    };
    Phrasebook::new(locale.plural_tag(), &sections.iter().map(part).collect::<Vec<_>>())
}

/// Message `id` as a template; its id if it cannot be one (logged).
fn template(locale: Locale, id: &str) -> Vec<String> {
    let flattened = catalog::pattern(locale, id).and_then(|(pattern, transform)| flatten(pattern, transform));
    flattened.unwrap_or_else(|| {
        tracing::error!(locale = locale.tag(), id, "message missing or too elaborate for an island");
        vec![id.to_string()]
    })
}

/// `[text]`, or `[variable, key, text, …]` around the one choice in it.
fn flatten(pattern: &Pattern<&str>, transform: Option<Transform>) -> Option<Vec<String>> {
    let (mut before, mut after, mut choice) = (String::new(), String::new(), None);
    for element in &pattern.elements {
        let text = if choice.is_none() { &mut before } else { &mut after };
        match element {
            PatternElement::Placeable { expression: Expression::Select { selector, variants } } if choice.is_none() => {
                let InlineExpression::VariableReference { id } = selector else { return None };
                choice = Some((id.name, variants));
            }
            PatternElement::Placeable { expression: Expression::Select { .. } } => return None,
            element => text.push_str(&plain(std::slice::from_ref(element), transform)?),
        }
    }
    let Some((variable, variants)) = choice else { return Some(vec![before]) };
    let mut template = vec![variable.to_string()];
    for variant in variants {
        let key = match &variant.key {
            VariantKey::Identifier { name } | VariantKey::NumberLiteral { value: name } => *name,
        };
        template.push(format!("{}{key}", if variant.default { "*" } else { "" }));
        template.push(format!("{before}{}{after}", plain(&variant.value.elements, transform)?));
    }
    Some(template)
}

/// Text and variables, with no choice in them.
fn plain(elements: &[PatternElement<&str>], transform: Option<Transform>) -> Option<String> {
    let mut out = String::new();
    for element in elements {
        match element {
            PatternElement::TextElement { value } => out.push_str(&transform.map_or((*value).into(), |t| t(value))),
            PatternElement::Placeable { expression: Expression::Inline(inline) } => match inline {
                InlineExpression::VariableReference { id } => out.push_str(&format!("{{{}}}", id.name)),
                InlineExpression::StringLiteral { value } | InlineExpression::NumberLiteral { value } => {
                    out.push_str(value)
                }
                _ => return None,
            },
            PatternElement::Placeable { .. } => return None,
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::super::phrasebook::fill;
    use super::super::{catalog, Arg, Say};
    use super::*;
    use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};

    fn category(locale: Locale) -> impl Fn(i64) -> String {
        let tag = locale.plural_tag().parse::<unic_langid::LanguageIdentifier>().unwrap();
        let rules = PluralRules::create(tag, PluralRuleType::CARDINAL).unwrap();
        move |n| {
            let name = match rules.select(n).unwrap() {
                PluralCategory::ZERO => "zero",
                PluralCategory::ONE => "one",
                PluralCategory::TWO => "two",
                PluralCategory::FEW => "few",
                PluralCategory::MANY => "many",
                PluralCategory::OTHER => "other",
            };
            name.to_string()
        }
    }

    /// Every variable an island's message takes: numbers given each test
    /// number in turn, texts a word.
    fn samples() -> Vec<Vec<(&'static str, Arg)>> {
        let numbers = [
            "count", "n", "k", "levels", "rounds", "answered", "total", "invited", "batch", "groups", "chars", "below",
            "at", "above",
        ];
        let texts = [
            "round", "people", "when", "title", "mine", "median", "expected", "percent", "address", "parts", "level",
            "steps", "line", "gaps", "role", "format", "label", "name", "side", "a", "b", "from", "to", "group",
            "summary", "said", "whose", "board", "year", "month", "day", "hour", "minute", "tag",
        ];
        let sample = |n: i64| {
            let numbers = numbers.iter().map(move |name| (*name, Arg::Number(n)));
            numbers.chain(texts.iter().map(|name| (*name, Arg::Text(format!("<{name}>"))))).collect()
        };
        [0, 1, 2, 5, 21].into_iter().map(sample).collect()
    }

    #[test]
    fn every_island_message_fills_in_as_fluent_formats_it_in_every_locale() {
        for locale in Locale::ALL {
            let book = phrasebook(locale, Section::ALL);
            assert_eq!(book.plurals(), locale.plural_tag());
            for (from, texts) in &book.parts() {
                for (offset, template) in texts.iter().enumerate() {
                    let marked = template.iter().any(|piece| piece.contains(super::super::phrasebook::MARKS));
                    assert!(!marked, "{} {template:?} holds a mark", locale.tag());
                    let say = Section::ALL.iter().flat_map(|s| s.messages()).find(|s| s.index() == from + offset);
                    let id = say.map(|s: &Say| s.id()).unwrap();
                    assert_ne!(template, &vec![id.to_string()], "{} {id} is a template", locale.tag());
                    for args in samples() {
                        let expected = catalog::text(locale, id, &args);
                        assert_eq!(fill(template, &args, category(locale)), expected, "{} {id}", locale.tag());
                    }
                }
            }
        }
    }

    #[test]
    fn a_message_with_two_choices_is_refused_as_a_template() {
        let (pattern, _) = catalog::pattern(Locale::En, "start-template-size").unwrap();
        assert_eq!(flatten(pattern, None), None);
        let (pattern, _) = catalog::pattern(Locale::En, "answered-count").unwrap();
        assert_eq!(flatten(pattern, None).unwrap()[..3], ["count", "0", "no one has answered yet"]);
    }
}
