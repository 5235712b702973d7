//! One board followed live in the browser: the model every live page reads
//! (the form, the presenter and the admin controls through [`BoardFeed`];
//! compare and trends through [`refetched_live`]), so "only newer figures
//! win", the watcher count, the live status, the round's label, the matrix
//! after an admin's edit and the credentials are wired once, here.
//!
//! On the server a feed is just its starting values: nothing moves until
//! the page hydrates and the socket ([`crate::live_client`]) opens.

use crate::i18n::{say_with, Say};
use crate::live_client::LiveStatus;
use crate::live_message::ClientMessage;
#[cfg(feature = "hydrate")]
use crate::live_message::LiveMessage;
use crate::matrix::Matrix;
use crate::rounds::{default_label, shown_label};
use crate::stats::Stats;
use leptos::prelude::*;
use std::sync::Arc;

/// A board as the page last heard of it. Copy: every part is a signal.
#[derive(Clone, Copy)]
pub struct BoardFeed {
    board: StoredValue<String>,
    /// The figures shown: only newer ones replace them (see [`Self::offer`]).
    pub stats: RwSignal<Stats>,
    pub live: RwSignal<LiveStatus>,
    /// Open live connections to the board, once the socket has said.
    pub watching: RwSignal<Option<u64>>,
    /// (round, its label) as last fetched; fetched again when a round opens.
    pub round_label: RwSignal<(u32, String)>,
    /// The board's matrix, fetched again when the admin edits it.
    pub matrix: RwSignal<Arc<Matrix>>,
    /// Why the server refused a credential the socket sent, if it did.
    pub refusal: RwSignal<Option<String>>,
    /// What the socket sends to see figures the board hides from others (a
    /// submission's pass, the admin key). `None` for a room view (the
    /// presenter): it never sends any, so it shows only what the room may see.
    pub credentials: Option<RwSignal<Vec<ClientMessage>>>,
    /// A room's view: it sends at most the credential that lets it in (on a
    /// board open to invited people only), never one that shows more.
    pub room: bool,
}

/// What a page starts from, as the server rendered it.
pub struct FeedStart {
    pub board: String,
    pub stats: Stats,
    pub round_label: String,
    pub matrix: Matrix,
    /// The matrix's revision (see [`Stats::matrix_rev`]).
    pub matrix_rev: u64,
}

impl BoardFeed {
    /// A feed that sends credentials (the board's own page).
    pub fn follow(start: FeedStart) -> BoardFeed {
        Self::start(start, Some(RwSignal::new(Vec::new())), false)
    }

    /// The room's view: it shows only what the room may see. `room_key`:
    /// the admin key that lets it into a board open to invited people only.
    pub fn follow_as_room(start: FeedStart, room_key: Option<String>) -> BoardFeed {
        let credentials = room_key.map(|key| RwSignal::new(vec![ClientMessage::Room(key)]));
        Self::start(start, credentials, true)
    }

    fn start(start: FeedStart, credentials: Option<RwSignal<Vec<ClientMessage>>>, room: bool) -> BoardFeed {
        let FeedStart { board, stats, round_label, matrix, matrix_rev } = start;
        let feed = BoardFeed {
            board: StoredValue::new(board),
            round_label: RwSignal::new((stats.round, round_label)),
            stats: RwSignal::new(stats),
            live: RwSignal::new(LiveStatus::Offline),
            watching: RwSignal::new(None),
            refusal: RwSignal::new(None),
            matrix: RwSignal::new(Arc::new(matrix)),
            credentials,
            room,
        };
        #[cfg(feature = "hydrate")]
        feed.subscribe(matrix_rev);
        #[cfg(not(feature = "hydrate"))]
        let _ = matrix_rev;
        feed
    }

    pub fn board(&self) -> String {
        self.board.get_value()
    }

    /// Shows `incoming` if it is newer than what is shown (a submission's
    /// reply and live messages may arrive in either order), and fetches the
    /// label of a round opened since.
    pub fn offer(&self, incoming: Stats) {
        let new_round = incoming.round > self.stats.with_untracked(|s| s.round);
        self.stats.maybe_update(|current| {
            let newer = incoming.supersedes(current);
            if newer {
                *current = incoming;
            }
            newer
        });
        if new_round {
            self.fetch_round_label();
        }
    }

    /// Adds `credential` to what the socket sends, replacing an earlier one
    /// of its kind (a new pass replaces the last); nothing for a room view.
    pub fn add_credential(&self, credential: ClientMessage) {
        let Some(credentials) = self.credentials.filter(|_| !self.room) else { return };
        credentials.maybe_update(|all| {
            let new = !all.contains(&credential);
            if new {
                all.retain(|c| std::mem::discriminant(c) != std::mem::discriminant(&credential));
                all.push(credential);
            }
            new
        });
    }

    /// "2026 Q4: 3 people have answered" (see [`answered_line`]).
    pub fn answered(&self) -> String {
        self.stats.with(|s| self.round_label.with(|label| answered_line(s, label)))
    }

    /// "● Live · 3 watching", and so on.
    pub fn status_line(&self) -> String {
        self.live.get().describe(self.watching.get())
    }

    fn fetch_round_label(&self) {
        #[cfg(feature = "hydrate")]
        leptos::task::spawn_local(fetch_round_label(self.board(), self.round_label));
    }

    /// Opens the socket; every message moves the feed. `matrix_rev` is the
    /// revision of the matrix the page rendered.
    #[cfg(feature = "hydrate")]
    fn subscribe(self, matrix_rev: u64) {
        let shown_rev = StoredValue::new(matrix_rev);
        let credentials = self.credentials.map_or_else(|| Signal::stored(Vec::new()), Signal::from);
        self.live.set(LiveStatus::Connecting);
        Effect::new(move |_| {
            crate::live_client::subscribe(&self.board(), self.live, credentials, move |message| match message {
                LiveMessage::Stats { stats, watching } => {
                    self.watching.set(Some(watching));
                    if stats.matrix_rev > shown_rev.get_value() {
                        self.fetch_matrix(shown_rev);
                    }
                    self.offer(stats);
                }
                LiveMessage::Refused { message } => self.refusal.set(Some(message)),
            });
        });
    }

    /// Fetches the matrix after an admin's edit.
    #[cfg(feature = "hydrate")]
    fn fetch_matrix(self, shown_rev: StoredValue<u64>) {
        leptos::task::spawn_local(fetch_matrix(self.board(), shown_rev, self.matrix));
    }
}

/// "2026 Q4: 3 people have answered", or without a name in a first round
/// nobody named. `label` is (round, its name) as last fetched; a label of
/// another round than the figures' is not used ("Round N" until it comes).
pub fn answered_line(stats: &Stats, label: &(u32, String)) -> String {
    let people = say_with(Say::Respondents, &[("count", stats.respondents.into())]);
    let round = match label {
        (1, name) if stats.round == 1 && *name == default_label(1) => return people,
        (round, name) if *round == stats.round => shown_label(*round, name),
        _ => say_with(Say::RoundNumber, &[("n", stats.round.into())]),
    };
    say_with(Say::RespondentsInRound, &[("round", round.into()), ("people", people.into())])
}

/// Figures a page fetches on its own (compare, trends), starting from those
/// the server rendered (`initial`; `None` while the board hid them) and
/// fetched again with `fetch` each time the board reaches a newer version
/// than the last heard, and once on the first frame (figures that moved
/// between the page's rendering and its socket opening would otherwise be
/// missed). `fetch` is handed `key`, the admin key this tab holds (empty
/// without one), which shows figures the board hides from others. A page
/// that had none and holds no key does not ask while the room's figures
/// are hidden: it would only be refused. A failed fetch keeps what is
/// shown. On the server it never moves.
pub fn refetched_live<T, F, Fut>(board: String, key: String, initial: Option<T>, fetch: F) -> ReadSignal<Option<T>>
where
    T: Send + Sync + 'static,
    F: Fn(String) -> Fut + 'static,
    Fut: std::future::Future<Output = Result<T, crate::error::TallyError>> + 'static,
{
    let shown_at_first = initial.is_some();
    let (figures, set_figures) = signal(initial);
    #[cfg(feature = "hydrate")]
    {
        let last = StoredValue::new(None::<u64>);
        let status = RwSignal::new(LiveStatus::Offline);
        let fetch = std::rc::Rc::new(fetch);
        Effect::new(move |_| {
            let (fetch, key) = (fetch.clone(), key.clone());
            crate::live_client::subscribe(&board, status, Signal::stored(Vec::new()), move |message| {
                let LiveMessage::Stats { stats, .. } = message else { return };
                if last.get_value().is_some_and(|seen| stats.version <= seen) {
                    return;
                }
                last.set_value(Some(stats.version));
                if stats.withheld && !shown_at_first && key.is_empty() {
                    return;
                }
                let next = fetch(key.clone());
                leptos::task::spawn_local(async move {
                    if let Ok(fetched) = next.await {
                        set_figures.set(Some(fetched));
                    }
                });
            });
        });
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (board, key, shown_at_first, fetch, set_figures);
    figures
}

// What a page fetches when the board changes under it: its code loads from
// a wasm file of its own (in split builds) the first time, since most
// visits see no new round and no edit.

/// The open round's number and name, into `label`.
#[cfg(feature = "hydrate")]
#[cfg_attr(feature = "split", lazy)]
async fn fetch_round_label(board: String, label: RwSignal<(u32, String)>) {
    if let Ok(open) = crate::server_fns::open_round(board).await {
        label.set(open);
    }
}

/// The edited matrix, into `matrix`; an older answer than the revision
/// shown is dropped.
#[cfg(feature = "hydrate")]
#[cfg_attr(feature = "split", lazy)]
async fn fetch_matrix(board: String, shown_rev: StoredValue<u64>, matrix: RwSignal<Arc<Matrix>>) {
    if let Ok((edited, rev)) = crate::server_fns::board_matrix(board).await {
        if rev > shown_rev.get_value() {
            shown_rev.set_value(rev);
            matrix.set(Arc::new(edited));
        }
    }
}
