//! The admin's controls, shown when the page is opened through the admin
//! link (`/b/<board>#admin=<key>`): close or reopen the board, choose when
//! the figures are shown and reveal or hide them, start the next round,
//! edit its matrix and download its aggregates. The key comes in the
//! address's fragment, which browsers never send to a server, so it is read
//! in the browser (then kept out of sight: see `admin_key`) and sent only
//! with the admin's own requests.

use crate::board_feed::BoardFeed;
use crate::error::TallyError;
use crate::i18n::{say, say_with, Say};
use leptos::prelude::*;

/// The admin key is added to the feed's live credentials, so the admin sees
/// figures the board hides. The presenter's feed takes none: a projector
/// shows what the room may see, not what the admin may.
///
/// Only a board's admin needs the controls, so their code is not in the
/// page's bundle: what renders here is an empty place, and once the key is
/// found in the address the controls load from a wasm file of their own
/// (`#[lazy]`, in split builds) and are mounted into it.
#[component]
pub fn AdminPanel(feed: BoardFeed) -> impl IntoView {
    let place = NodeRef::<leptos::html::Div>::new();
    // Effects run only in the browser; the server renders the empty place.
    #[cfg(feature = "hydrate")]
    Effect::new(move |_| {
        let Some(place) = place.get() else { return };
        let Some(key) = super::admin_key::admin_key(&feed.board()) else { return };
        feed.add_credential(crate::live_message::ClientMessage::Admin(key.clone()));
        leptos::task::spawn_local(mount_controls(place, feed, key));
    });
    #[cfg(not(feature = "hydrate"))]
    let _ = feed;
    view! { <div class="admin-place" node_ref=place></div> }
}

/// Loads the controls' code (in split builds; see the `split` feature),
/// then shows them in `place`.
#[cfg(feature = "hydrate")]
#[cfg_attr(feature = "split", lazy)]
async fn mount_controls(place: leptos::web_sys::HtmlDivElement, feed: BoardFeed, key: String) {
    crate::server_fns::words::learn_section(crate::i18n::Section::Admin).await;
    let board = feed.board();
    let controls = move || view! { <super::admin_controls::AdminControls board key feed/> };
    leptos::mount::mount_to(place.into(), controls).forget();
}

/// What went wrong, for the admin, in the page's language. Errors the
/// server words itself (a bad group name, a list's lines) already come in
/// it; the rest have fixed English texts meant for the API, said here again.
pub fn said(error: &TallyError) -> String {
    match error {
        TallyError::Forbidden(_) | TallyError::Unauthenticated(_) => say(Say::AdminErrorForbidden),
        TallyError::UnknownBoard(_) => say(Say::AdminErrorNoBoard),
        TallyError::UnknownGroup { group, .. } => say_with(Say::AdminErrorNoGroup, &[("group", group.as_str().into())]),
        TallyError::BoardClosed(_) => say(Say::AdminErrorClosed),
        TallyError::TooLarge(bytes) => say_with(Say::AdminErrorTooLarge, &[("count", (*bytes as u64).into())]),
        TallyError::RateLimited { retry_after, .. } | TallyError::Unavailable { retry_after, .. } => {
            say_with(Say::AdminErrorBusy, &[("count", (*retry_after).into())])
        }
        TallyError::Internal(_) => say(Say::AdminErrorFailed),
        other => other.to_string(),
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    /// `said` as a page in `locale` says it.
    fn said_in(locale: Locale, error: &TallyError) -> String {
        Owner::new().with(|| {
            let (mut parts, ()) = axum::http::Request::new(()).into_parts();
            parts.extensions.insert(locale);
            provide_context(parts);
            said(error)
        })
    }

    #[test]
    fn the_apis_fixed_english_is_said_again_in_the_page_language() {
        let closed = TallyError::BoardClosed("team".into());
        assert_eq!(said_in(Locale::De, &closed), "Das Board nimmt keine neuen Antworten an: Öffne es zuerst wieder.");
        assert_eq!(said_in(Locale::En, &closed), "The board is closed to new answers: reopen it first.");
        let busy = TallyError::RateLimited { what: "too many requests".into(), retry_after: 7 };
        assert_eq!(
            said_in(Locale::Es, &busy),
            "El servidor está ocupado ahora mismo; no se ha cambiado nada. Vuelve a intentarlo dentro de 7 s."
        );
        let forbidden = TallyError::Forbidden("send the board's admin key as 'Authorization: Bearer <key>'".into());
        assert!(said_in(Locale::Fr, &forbidden).starts_with("Ce tableau n’accepte plus le lien d’administration"));
        // What the server words itself passes through as it came.
        let worded = TallyError::BadRequest("Gruppe „A“ steht zweimal da".into());
        assert_eq!(said_in(Locale::De, &worded), "Gruppe „A“ steht zweimal da");
    }
}
