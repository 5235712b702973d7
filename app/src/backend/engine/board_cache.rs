//! Boards on demand. Start-up reads no board: a board is read from the
//! store on first use, checked against a recount of its own answers, and
//! kept in memory while it is in use. Memory at rest follows the boards in
//! use, not the boards stored, and start-up takes as long with a million
//! boards stored as with one.
//!
//! A board is evicted once it has been idle (nobody asked for it, nothing
//! was written to it) for [`CachePolicy::idle_after`], or, when more than
//! [`CachePolicy::max_loaded`] are held, the least recently used go first.
//! A board anything still holds is never evicted: a request under way, a
//! submission waiting for the writer and a live channel each keep a
//! reference, so an evicted board is one nobody can still be using.
//!
//! **A write racing a load.** A load reads the store, then publishes the
//! board; a write stores, then moves the board in memory. A write landing
//! between the two finds no board to move, and the load would then publish
//! figures from before it. So every write first counts itself in
//! [`BoardCache::news`] (one counter per stripe of board ids), and a load
//! that sees its stripe's count move while it read the store reloads the
//! board once more, which the version check makes harmless when nothing
//! was missed. Cheaper than a lock both sides would take, and loads never
//! wait for a commit.

use super::served_board::{clock, ServedBoard};
use crate::backend::metrics;
use crate::error::TallyError;
use std::collections::HashMap;
use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

/// Stripes of [`BoardCache::news`]: a write makes loads of 1 in this many
/// boards read again.
const STRIPES: usize = 64;

/// How long a board whose aggregates disagree with a recount stays refused
/// before a request checks it again (an operator may have repaired it).
const RECHECK_REFUSED: Duration = Duration::from_secs(60);

/// Which boards stay in memory.
#[derive(Clone, Debug)]
pub struct CachePolicy {
    /// A board nobody asked for or wrote to for this long is evicted.
    pub idle_after: Duration,
    /// More boards than this and the least recently used are evicted, idle
    /// or not (never one in use).
    pub max_loaded: usize,
}

impl CachePolicy {
    /// How often idle boards are looked for: often enough that a board
    /// goes soon after its idle time, rarely enough to cost nothing.
    pub(super) fn sweep_every(&self) -> Duration {
        (self.idle_after / 4).clamp(Duration::from_millis(100), Duration::from_secs(30))
    }
}

impl Default for CachePolicy {
    fn default() -> Self {
        CachePolicy { idle_after: Duration::from_secs(300), max_loaded: 10_000 }
    }
}

/// The boards this instance holds in memory now, and what decides which.
pub(super) struct BoardCache {
    /// The boards held, by id: those in use lately.
    boards: RwLock<HashMap<String, Arc<ServedBoard>>>,
    /// Which boards stay held, and for how long.
    pub policy: CachePolicy,
    /// Writes stored, counted per stripe of board ids, so a load can tell
    /// that one landed while it read (see the module's doc).
    news: [AtomicU64; STRIPES],
    /// Boards refused because their aggregates disagree with a recount,
    /// and since when.
    refused: Mutex<HashMap<String, Instant>>,
}

/// What a load saw of the writes to its board's stripe before it read the
/// store ([`BoardCache::before_load`]).
pub(super) struct LoadTicket(u64);

impl BoardCache {
    pub fn new(policy: CachePolicy) -> BoardCache {
        BoardCache {
            boards: RwLock::default(),
            policy,
            news: std::array::from_fn(|_| AtomicU64::new(0)),
            refused: Mutex::default(),
        }
    }

    pub fn cached(&self, id: &str) -> Option<Arc<ServedBoard>> {
        self.boards.read().unwrap_or_else(|e| e.into_inner()).get(id).cloned()
    }

    /// The ids of every board held.
    pub fn ids(&self) -> Vec<String> {
        self.boards.read().unwrap_or_else(|e| e.into_inner()).keys().cloned().collect()
    }

    /// The board held as `id`, or `made` held from now on.
    pub fn hold(&self, id: &str, made: impl FnOnce() -> ServedBoard) -> Arc<ServedBoard> {
        let mut boards = self.boards.write().unwrap_or_else(|e| e.into_inner());
        let board = boards.entry(id.to_string()).or_insert_with(|| Arc::new(made())).clone();
        metrics::boards_loaded(boards.len());
        board
    }

    /// Before a load reads the store: refused if the board was refused
    /// lately, and otherwise what to compare with after the read.
    pub fn before_load(&self, id: &str) -> Result<LoadTicket, TallyError> {
        self.still_refused(id)?;
        Ok(LoadTicket(self.news[stripe(id)].load(Ordering::SeqCst)))
    }

    /// After a load has published the board: whether a write landed while
    /// it read (then the board must be read again), with room made if
    /// there are too many boards.
    pub fn after_load(&self, id: &str, ticket: LoadTicket) -> bool {
        let missed = self.news[stripe(id)].load(Ordering::SeqCst) != ticket.0;
        // Idle boards go in the periodic sweep; a load only makes room.
        if self.boards.read().unwrap_or_else(|e| e.into_inner()).len() > self.policy.max_loaded {
            self.keep_within(self.policy.max_loaded);
        }
        missed
    }

    /// Counts a write to `id` as stored (so a load reading meanwhile reads
    /// again), then gives the board if it is held, for the write to move.
    pub fn mark_written(&self, id: &str) -> Option<Arc<ServedBoard>> {
        self.news[stripe(id)].fetch_add(1, Ordering::SeqCst);
        self.cached(id)
    }

    /// Lets go of a board that no longer exists, and gives it, if it was
    /// held, for its followers to be told.
    pub fn forget(&self, id: &str) -> Option<Arc<ServedBoard>> {
        self.news[stripe(id)].fetch_add(1, Ordering::SeqCst);
        self.boards.write().unwrap_or_else(|e| e.into_inner()).remove(id)
    }

    /// Evicts every board idle past the policy, then, while more than
    /// `most` remain, the least recently used. Returns how many went.
    pub fn keep_within(&self, most: usize) -> usize {
        let mut boards = self.boards.write().unwrap_or_else(|e| e.into_inner());
        let idle_since = clock().saturating_sub(self.policy.idle_after.as_millis() as u64);
        // Only the map holds it, and no live channel follows it: nobody is using it.
        let unused = |board: &Arc<ServedBoard>| Arc::strong_count(board) == 1 && board.watchers() == 0;
        let before = boards.len();
        boards.retain(|_, board| !(unused(board) && board.last_used() < idle_since));
        if boards.len() > most {
            // Down to 90%, so a full cache does not sort on every load.
            let target = most - most / 10;
            let mut candidates: Vec<(u64, String)> =
                boards.iter().filter(|(_, b)| unused(b)).map(|(id, b)| (b.last_used(), id.clone())).collect();
            candidates.sort_unstable();
            for (_, id) in candidates.into_iter().take(boards.len().saturating_sub(target)) {
                boards.remove(&id);
            }
        }
        let evicted = before - boards.len();
        metrics::boards_evicted(evicted);
        metrics::boards_loaded(boards.len());
        evicted
    }

    /// Refuses a board refused less than [`RECHECK_REFUSED`] ago, without
    /// reading it again.
    fn still_refused(&self, id: &str) -> Result<(), TallyError> {
        let mut refused = self.refused.lock().unwrap_or_else(|e| e.into_inner());
        refused.retain(|_, since| since.elapsed() < RECHECK_REFUSED);
        match refused.get(id) {
            Some(since) => Err(refusal(id, RECHECK_REFUSED.saturating_sub(since.elapsed()))),
            None => Ok(()),
        }
    }

    /// Logs why the board is refused and remembers that it is.
    pub fn refuse(&self, id: &str, mismatches: Vec<String>) -> TallyError {
        metrics::board_refused();
        tracing::error!(
            board = id,
            mismatches = %mismatches.join("; "),
            "board not served: its stored aggregates disagree with a recount of its answers (`server verify` checks every board)"
        );
        self.refused.lock().unwrap_or_else(|e| e.into_inner()).insert(id.to_string(), Instant::now());
        refusal(id, RECHECK_REFUSED)
    }
}

fn refusal(id: &str, retry_after: Duration) -> TallyError {
    TallyError::Unavailable {
        what: format!(
            "board '{id}' cannot be served: its stored figures disagree with a recount of its answers, and the operator has been told"
        ),
        retry_after: retry_after.as_secs().max(1),
    }
}

fn stripe(id: &str) -> usize {
    BuildHasherDefault::<DefaultHasher>::default().hash_one(id) as usize % STRIPES
}
