//! The messages of the parts of a page whose code loads later (the
//! visitor's history, the admin's controls): they come with their code,
//! not in every page's props.

use crate::error::TallyError;
use crate::i18n::{Phrasebook, Section};
use leptos::prelude::*;

/// Served at `/api/words`: the messages of `section` (its place in
/// [`Section::ALL`]), in the language this request negotiates, which is
/// the page's: the same cookie and `Accept-Language` choose both.
#[server(endpoint = "words")]
pub async fn words(section: u8) -> Result<Phrasebook, TallyError> {
    let unknown = || TallyError::BadRequest(format!("there is no section {section} of messages"));
    let known = Section::ALL.get(usize::from(section)).ok_or_else(unknown)?;
    Ok(Phrasebook::of(&[*known]))
}

/// Fetches `section`'s messages and learns them; a failure leaves them
/// blank rather than stopping the part that needs them.
#[cfg(feature = "hydrate")]
pub async fn learn_section(section: Section) {
    let place = Section::ALL.iter().position(|s| *s == section).unwrap_or_default();
    if let Ok(book) = words(place as u8).await {
        crate::i18n::learn(&book);
    }
}
