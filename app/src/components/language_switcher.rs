//! The language switcher on every page: a link per offered language to
//! this same address with `?lang=` (which the server then remembers), so
//! it works without JavaScript. Server-rendered: nothing of it reaches any
//! bundle.

use crate::i18n::{self, t, Locale};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

#[component]
pub fn LanguageSwitcher() -> impl IntoView {
    let location = use_location();
    let (path, search) = (location.pathname.get_untracked(), location.search.get_untracked());
    let current = i18n::current();
    let links = Locale::OFFERED
        .into_iter()
        .map(|locale| {
            let (name, href) = (locale.name(), switch_to(&path, &search, locale));
            let current = (locale == current).then_some("true");
            // Each name is in its own language: not for a translating browser to change.
            view! { <a href=href lang=locale.tag() translate="no" aria-current=current>{name}</a> }
        })
        .collect_view();
    view! { <nav class="language-switcher" aria-label=t("language-label")>{links}</nav> }
}

/// This address (`path`, and its query `search`) in `locale`: the same
/// query, its `lang` replaced.
fn switch_to(path: &str, search: &str, locale: Locale) -> String {
    let kept: Vec<&str> = search
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.is_empty() && !pair.starts_with("lang="))
        .collect();
    let mut query = kept.join("&");
    if !query.is_empty() {
        query.push('&');
    }
    format!("{path}?{query}lang={}", locale.tag())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_switch_keeps_the_address_and_its_query_and_replaces_the_language() {
        assert_eq!(switch_to("/b/team", "", Locale::De), "/b/team?lang=de");
        assert_eq!(switch_to("/b/team/compare", "?a=1&lang=fr&b=2", Locale::Es), "/b/team/compare?a=1&b=2&lang=es");
    }
}
