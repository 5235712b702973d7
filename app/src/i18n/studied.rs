//! The browser's copy of the page's messages: every island's phrasebook
//! is learnt into one table, indexed by [`Say::index`], and the plural
//! rules of its language come from the browser's own `Intl.PluralRules`.

use super::phrasebook::{fill, Phrasebook};
use super::{Arg, Say};
use std::cell::RefCell;

thread_local! {
    static MESSAGES: RefCell<Vec<Vec<String>>> = const { RefCell::new(Vec::new()) };
    static PLURALS: RefCell<Option<js_sys::Intl::PluralRules>> = const { RefCell::new(None) };
}

/// Adds `book`'s messages to those the page knows.
pub fn learn(book: &Phrasebook) {
    MESSAGES.with_borrow_mut(|messages| {
        for (from, texts) in &book.parts() {
            let end = from + texts.len();
            if messages.len() < end {
                messages.resize(end, Vec::new());
            }
            messages[*from..end].clone_from_slice(texts);
        }
    });
    let locales = js_sys::Array::of1(&book.plurals().into());
    let rules = js_sys::Intl::PluralRules::new(&locales, &js_sys::Object::new());
    PLURALS.with_borrow_mut(|plurals| *plurals = Some(rules));
}

/// `what` filled with `args`; empty if no island brought it.
pub fn say(what: Say, args: &[(&str, Arg)]) -> String {
    let category = |n: i64| {
        let picked = PLURALS.with_borrow(|rules| rules.as_ref().map(|rules| rules.select(n as f64)));
        picked.and_then(|name| name.as_string()).unwrap_or_default()
    };
    MESSAGES.with_borrow(|messages| messages.get(what.index()).map(|m| fill(m, args, category)).unwrap_or_default())
}
