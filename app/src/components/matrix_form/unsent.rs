//! Choices made but not sent yet survive a new load of the page in the
//! same tab: switching the page's language is a new load (its links work
//! without JavaScript), and so is a reload. The form keeps them in the
//! tab's session storage as they change, puts them back once hydrated, and
//! forgets them once they are sent. The server never sees them.

use super::choices::Choices;
use crate::board_feed::BoardFeed;
use leptos::prelude::*;

/// Keeps the form's choices, its group and its role across loads.
pub fn keep_unsent(feed: BoardFeed, choices: Choices, (group, role): (RwSignal<String>, RwSignal<String>)) {
    #[cfg(feature = "hydrate")]
    {
        use crate::answers::Draft;
        let slot = slot(&feed.board());
        // The first run comes after hydration, so what it puts back does not
        // disturb it; every run after saves what the form now shows.
        Effect::new(move |ran: Option<()>| {
            let answers = feed.matrix.with(|matrix| choices.watched(matrix));
            let shown = Draft { answers, group: group.get(), role: role.get() };
            let kept = ran.is_none().then(|| read(&slot)).flatten().filter(|kept| *kept != shown);
            match kept {
                Some(kept) => {
                    feed.matrix.with_untracked(|matrix| choices.put_back(matrix, &kept.answers));
                    group.set(kept.group);
                    role.set(kept.role);
                }
                None => write(&slot, &shown),
            }
        });
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (feed, choices, group, role);
}

/// Forgets the choices of `board` once they are sent.
pub fn forget_unsent(board: &str) {
    #[cfg(feature = "hydrate")]
    if let Some(storage) = window().session_storage().ok().flatten() {
        let _ = storage.remove_item(&slot(board));
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = board;
}

#[cfg(feature = "hydrate")]
fn slot(board: &str) -> String {
    format!("tally.unsent.{board}")
}

#[cfg(feature = "hydrate")]
fn read(slot: &str) -> Option<crate::answers::Draft> {
    let text = window().session_storage().ok().flatten()?.get_item(slot).ok().flatten()?;
    serde_json::from_str(&text).ok()
}

#[cfg(feature = "hydrate")]
fn write(slot: &str, draft: &crate::answers::Draft) {
    if let (Some(storage), Ok(text)) = (window().session_storage().ok().flatten(), serde_json::to_string(draft)) {
        let _ = storage.set_item(slot, &text);
    }
}
