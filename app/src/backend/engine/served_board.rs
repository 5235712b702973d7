//! A board this instance serves: what it is, its matrix, and its latest
//! figures, published as immutable snapshots on a `watch` channel. The
//! matrix is swapped whole when its admin edits it, always before the
//! figures that announce the edit are published.

use super::figures::{figures, Header};
use super::invitations::{InvitationsById, KnownAdmission};
use crate::backend::store::{BoardInfo, StoredBoard};
use crate::groups::GroupSettings;
use crate::matrix::Matrix;
use crate::stats::Stats;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, LazyLock, RwLock};
use std::time::Instant;
use tokio::sync::watch;

/// Milliseconds since the process first asked: a cheap clock a board's last
/// use can be kept in as one atomic integer.
pub(super) fn clock() -> u64 {
    static START: LazyLock<Instant> = LazyLock::new(Instant::now);
    START.elapsed().as_millis() as u64
}

pub struct ServedBoard {
    /// What the board is: id, title, matrix id, privacy.
    pub info: BoardInfo,
    /// The matrix its figures are about, as of the latest edit.
    matrix: RwLock<BoardMatrix>,
    /// The groups respondents choose from, as of the latest change.
    groups: RwLock<GroupSettings>,
    /// The latest figures; readers borrow, the writer and follower offer.
    stats: watch::Sender<Arc<Stats>>,
    /// A round's label as last read from the store, (round, label): a
    /// label never changes once its round starts, so page views read it
    /// from the store once per round, not once each.
    label: RwLock<Option<(u32, String)>>,
    /// Who may answer besides the access setting: the member domains and
    /// the invitations, kept from one change to the next.
    admission: RwLock<KnownAdmission>,
    /// When it was last asked for or written to, in ms of
    /// [`clock`]: a board idle long enough is evicted.
    last_used: AtomicU64,
}

/// A board's matrix at one revision, read as a whole so answers are checked
/// against one matrix and tagged with that matrix's shape.
#[derive(Clone)]
pub struct BoardMatrix {
    pub matrix: Arc<Matrix>,
    /// The board version at which this matrix was stored.
    pub rev: u64,
    /// Structural edits so far (see `Submission::shape`).
    pub shape: u64,
}

impl ServedBoard {
    /// The board as the store has it.
    pub(super) fn restore(stored: StoredBoard, matrix: Arc<Matrix>) -> ServedBoard {
        let stats = snapshot(&stored, &matrix);
        let matrix = RwLock::new(BoardMatrix { matrix, rev: stored.matrix_rev, shape: stored.shape });
        let groups = RwLock::new(stored.groups);
        let stats = watch::channel(Arc::new(stats)).0;
        let last_used = AtomicU64::new(clock());
        let admission = RwLock::new(KnownAdmission::new(stored.admission_rev, stored.member_domains));
        ServedBoard { info: stored.info, matrix, groups, stats, label: RwLock::new(None), admission, last_used }
    }

    /// Marks the board as in use now.
    pub(super) fn touch(&self) {
        self.last_used.store(clock(), Ordering::Relaxed);
    }

    /// When it was last in use, in ms of [`clock`].
    pub(super) fn last_used(&self) -> u64 {
        self.last_used.load(Ordering::Relaxed)
    }

    /// How many live receivers follow its figures (each live channel holds one).
    pub(super) fn watchers(&self) -> usize {
        self.stats.receiver_count()
    }

    /// The matrix as of now.
    pub fn matrix(&self) -> Arc<Matrix> {
        self.current().matrix
    }

    /// The groups and the anonymity threshold as of now.
    pub fn groups(&self) -> GroupSettings {
        self.groups.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// The label of `round`, if it is the one remembered.
    pub(super) fn remembered_label(&self, round: u32) -> Option<String> {
        let label = self.label.read().unwrap_or_else(|e| e.into_inner());
        label.as_ref().filter(|(n, _)| *n == round).map(|(_, label)| label.clone())
    }

    pub(super) fn remember_label(&self, round: u32, label: String) {
        *self.label.write().unwrap_or_else(|e| e.into_inner()) = Some((round, label));
    }

    /// The version at which who may answer last changed, as last heard;
    /// read before the access setting, so answers admitted under a stale
    /// one carry a stale revision, which the commit refuses.
    pub fn admission_rev(&self) -> u64 {
        self.known_invitations().0
    }

    /// The admission revision, and the invitations as read at it if they are.
    pub(super) fn known_invitations(&self) -> (u64, Option<InvitationsById>) {
        self.admission.read().unwrap_or_else(|e| e.into_inner()).get()
    }

    /// On a board open to members, the email domains it takes (empty: any).
    pub fn member_domains(&self) -> Arc<Vec<String>> {
        self.admission.read().unwrap_or_else(|e| e.into_inner()).domains()
    }

    pub(super) fn remember_invitations(&self, rev: u64, by_id: InvitationsById) {
        self.admission.write().unwrap_or_else(|e| e.into_inner()).remember(rev, by_id);
    }

    /// The matrix with its revision and shape.
    pub fn current(&self) -> BoardMatrix {
        self.matrix.read().unwrap_or_else(|e| e.into_inner()).clone()
    }

    pub fn stats(&self) -> Arc<Stats> {
        self.stats.borrow().clone()
    }

    /// A receiver that wakes on every new snapshot (for live push).
    pub fn subscribe(&self) -> watch::Receiver<Arc<Stats>> {
        self.stats.subscribe()
    }

    /// Publishes `stats` unless a snapshot at least as new is already out.
    /// The writer and the follower both publish; this keeps versions seen by
    /// readers from ever going backwards, whichever of them comes second.
    pub(super) fn offer(&self, stats: Stats) {
        self.stats.send_if_modified(|current| {
            let newer = stats.supersedes(current);
            if newer {
                *current = Arc::new(stats);
            }
            newer
        });
    }

    /// Tells whoever follows the board that it was deleted, at `version`.
    pub(super) fn offer_gone(&self, version: u64) {
        self.offer(self.stats().gone(version));
    }

    /// Publishes the stored figures if they are newer than what is out;
    /// `edited` is the stored matrix, read when its revision moved.
    pub(super) fn offer_stored(&self, stored: &StoredBoard, edited: Option<Arc<Matrix>>) {
        if let Some(matrix) = edited {
            let mut current = self.matrix.write().unwrap_or_else(|e| e.into_inner());
            if stored.matrix_rev > current.rev {
                *current = BoardMatrix { matrix, rev: stored.matrix_rev, shape: stored.shape };
            }
        }
        if stored.version > self.stats().version {
            *self.groups.write().unwrap_or_else(|e| e.into_inner()) = stored.groups.clone();
        }
        // After the access setting it goes with: whoever reads the new
        // revision reads the new setting.
        self.offer(snapshot(stored, &self.matrix()));
        let mut admission = self.admission.write().unwrap_or_else(|e| e.into_inner());
        admission.changed_at(stored.admission_rev, &stored.member_domains);
    }
}

/// Counts for rows or levels the matrix no longer has are left out.
fn snapshot(stored: &StoredBoard, matrix: &Matrix) -> Stats {
    let StoredBoard { version, round, respondents, closed, matrix_rev, reveal, access, .. } = *stored;
    let header = Header { version, round, respondents, closed, matrix_rev, reveal, access };
    let cells = stored.counts.iter().map(|(row, level, n)| (row.as_str(), *level, *n));
    figures(&stored.info.id, matrix, header, cells)
}
