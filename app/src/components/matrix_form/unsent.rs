//! Choices made but not sent yet survive a new load of the page in the
//! same tab: switching the page's language is a new load (its links work
//! without JavaScript), and so is a reload. The form keeps them in the
//! tab's session storage as they change, puts them back once hydrated, and
//! forgets them once they are sent. The server never sees them.
//!
//! Putting them back checks the inputs themselves, once: binding every
//! radio button's `checked` to its signal would cost the page's bundle
//! several kilobytes for this one moment.

use super::choices::Choices;
use crate::board_feed::BoardFeed;
use leptos::prelude::*;

/// Keeps the form's choices, its group and its role across loads. The
/// keeping's code loads (from a wasm file of its own, in split builds) only
/// once there is something to keep: a first change, or choices kept from
/// the load before.
pub fn keep_unsent(feed: BoardFeed, choices: Choices, (group, role): (RwSignal<String>, RwSignal<String>)) {
    #[cfg(feature = "hydrate")]
    {
        let slot = slot(&feed.board());
        let kept_before = window().session_storage().ok().flatten().and_then(|s| s.get_item(&slot).ok().flatten());
        let started = StoredValue::new(false);
        // The form's owner (not the effect's, which is cleared at each rerun).
        let owner = Owner::current().unwrap_or_default();
        // Runs after hydration, then on every change of a choice.
        Effect::new(move |ran: Option<()>| {
            feed.matrix.with(|matrix| matrix.rows().for_each(|row| choices.of(&row.id).track()));
            group.track();
            role.track();
            if (ran.is_some() || kept_before.is_some()) && !started.get_value() {
                started.set_value(true);
                leptos::task::spawn_local(keep(feed, choices, (group, role), (slot.clone(), owner.clone())));
            }
        });
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (feed, choices, group, role);
}

/// Puts back what `slot` holds, if the form shows otherwise; then saves
/// what the form shows whenever it changes.
#[cfg(feature = "hydrate")]
#[cfg_attr(feature = "split", lazy)]
async fn keep(
    feed: BoardFeed,
    choices: Choices,
    (group, role): (RwSignal<String>, RwSignal<String>),
    (slot, owner): (String, Owner),
) {
    // The form's owner: the effect lives and goes with the form.
    owner.with(|| {
        Effect::new(move |ran: Option<()>| {
            let shown = feed.matrix.with(|matrix| {
                let chosen = matrix.rows().filter_map(|row| Some((row.id.as_str(), choices.of(&row.id).get()?)));
                as_text(&group.get(), &role.get(), chosen)
            });
            let storage = window().session_storage().ok().flatten();
            // Only the first run puts back; later ones need not read the slot.
            let kept = ran.is_none().then(|| storage.as_ref()?.get_item(&slot).ok().flatten()).flatten();
            match kept.filter(|kept| *kept != shown) {
                Some(kept) => feed.matrix.with_untracked(|matrix| put_back(matrix, &kept, choices, (group, role))),
                None => drop(storage.map(|s| s.set_item(&slot, &shown))),
            }
        })
    });
}

/// Checks each kept choice's radio button and picks the kept group and
/// role, in the page and in the form's signals.
#[cfg(feature = "hydrate")]
fn put_back(
    matrix: &crate::matrix::Matrix,
    kept: &str,
    choices: Choices,
    (group, role): (RwSignal<String>, RwSignal<String>),
) {
    use leptos::wasm_bindgen::JsCast;
    let Some((kept_group, kept_role, levels)) = read_back(kept) else { return };
    let find = |selector: String| document().query_selector(&selector).ok().flatten();
    for row in matrix.rows() {
        let level = levels.iter().find(|(id, _)| *id == row.id).map(|(_, level)| *level);
        let level = level.filter(|level| usize::from(*level) < matrix.levels.len());
        // The kept level's button, or (none kept) whichever is checked now.
        let value = level.map_or(":checked".to_string(), |level| format!("[value=\"{level}\"]"));
        let radio = find(format!("input[name=\"answers[{}]\"]{value}", row.id));
        if let Some(radio) = radio.and_then(|r| r.dyn_into::<leptos::web_sys::HtmlInputElement>().ok()) {
            radio.set_checked(level.is_some());
        }
        choices.of(&row.id).set(level);
    }
    for (name, signal, value) in [("group", group, kept_group), ("role", role, kept_role)] {
        if let Some(select) = find(format!("select[name=\"{name}\"]")) {
            let _ = js_sys::Reflect::set(&select, &"value".into(), &value.into());
        }
        signal.set(value.to_string());
    }
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

/// Kept as lines: the group, the role, then `row level` for each choice.
/// (Not JSON: serde's writers and a map would cost the page's bundle more
/// than these few lines. A group's name holds no line break, ids no space.)
#[cfg(any(feature = "hydrate", test))]
fn as_text<'a>(group: &str, role: &str, chosen: impl Iterator<Item = (&'a str, u8)>) -> String {
    let mut text = format!("{group}\n{role}");
    for (row, level) in chosen {
        text.push_str(&format!("\n{row} {level}"));
    }
    text
}

/// What was kept: the group, the role and each row's level.
#[cfg(any(feature = "hydrate", test))]
type Kept<'a> = (&'a str, &'a str, Vec<(&'a str, u8)>);

/// What `text` kept, or `None` for a damaged text.
#[cfg(any(feature = "hydrate", test))]
fn read_back(text: &str) -> Option<Kept<'_>> {
    let mut lines = text.split('\n');
    let (group, role) = (lines.next()?, lines.next()?);
    let choices = lines.map(|line| line.split_once(' ').and_then(|(row, level)| Some((row, level.parse().ok()?))));
    Some((group, role, choices.collect::<Option<_>>()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_choices_read_back_as_they_were_and_damaged_ones_are_dropped() {
        let chosen = [("r1", 2), ("r-2", 0)];
        let text = as_text("Data: platform team", "senior", chosen.into_iter());
        assert_eq!(read_back(&text), Some(("Data: platform team", "senior", chosen.to_vec())));
        assert_eq!(read_back(&as_text("", "", std::iter::empty())), Some(("", "", Vec::new())));
        assert_eq!(read_back("group\nrole\nr1 two"), None);
        assert_eq!(read_back(""), None);
    }
}
