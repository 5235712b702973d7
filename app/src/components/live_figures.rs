//! What every live page does with the figures it is sent: the form, the
//! presenter and the admin controls alike keep only newer figures, say how
//! many have answered in which round, and fetch a new round's label.

use crate::stats::Stats;
use leptos::prelude::*;

/// A submission's reply and live messages may arrive in either order; only
/// newer figures replace what the page shows.
pub fn show_if_newer(stats: RwSignal<Stats>, incoming: Stats) {
    stats.maybe_update(|current| {
        let newer = incoming.supersedes(current);
        if newer {
            *current = incoming;
        }
        newer
    });
}

/// "2026 Q4: 3 people have answered", or without a name in a first round
/// nobody named. `label` is (round, its name) as last fetched; a label of
/// another round than the figures' is not used ("Round N" until it comes).
pub fn answered_line(stats: &Stats, label: &(u32, String)) -> String {
    let people = match stats.respondents {
        1 => "1 person has answered".to_string(),
        n => format!("{n} people have answered"),
    };
    match label {
        (round, name) if *round == stats.round && (*round > 1 || name != "Round 1") => format!("{name}: {people}"),
        (round, _) if *round == stats.round => people,
        _ => format!("Round {}: {people}", stats.round),
    }
}

/// Asks the server for the open round's label once a new round is heard of.
#[cfg(feature = "hydrate")]
pub fn fetch_round_label(board: String, label: RwSignal<(u32, String)>) {
    leptos::task::spawn_local(async move {
        if let Ok(open) = crate::server_fns::open_round(board).await {
            label.set(open);
        }
    });
}
