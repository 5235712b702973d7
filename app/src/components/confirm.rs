//! Asking before an action that cannot be taken back (withdrawing answers,
//! removing part of a matrix): the browser's own dialog, which every
//! browser makes accessible and keyboard-operable.

/// Whether the person said yes to `question`. Outside the browser (the
/// server's render never acts) the answer is no.
pub fn confirmed(question: &str) -> bool {
    #[cfg(feature = "hydrate")]
    return leptos::prelude::window().confirm_with_message(question).unwrap_or(false);
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = question;
        false
    }
}
