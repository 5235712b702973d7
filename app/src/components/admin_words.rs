//! What went wrong, for a board's admin, in the page's language: the
//! admin controls' one way of showing an error (a file of its own so that
//! the controls and the panel that mounts them do not import each other).

use crate::error::TallyError;
use crate::i18n::{say, say_with, Say};

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
    use leptos::prelude::{provide_context, Owner};

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
