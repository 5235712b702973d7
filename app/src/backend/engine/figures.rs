//! Figures built from counted cells under a board's header: the one way the
//! engine makes a [`Stats`], whether from a stored board, a frozen round or
//! one group's answers.

use crate::access::AccessMode;
use crate::matrix::Matrix;
use crate::reveal::RevealSettings;
use crate::stats::Stats;

/// Everything in a [`Stats`] but its counts.
#[derive(Clone, Copy)]
pub(super) struct Header {
    pub version: u64,
    pub round: u32,
    pub respondents: u64,
    pub closed: bool,
    pub matrix_rev: u64,
    pub reveal: RevealSettings,
    pub access: AccessMode,
}

impl Header {
    /// The header of `current` (a board's published figures), to build
    /// another round's or a group's figures under.
    pub fn of(current: &Stats) -> Header {
        let Stats { version, round, respondents, closed, matrix_rev, reveal, access, .. } = *current;
        Header { version, round, respondents, closed, matrix_rev, reveal, access }
    }
}

/// `cells` (row id, level, how many) added up under `header`; cells the
/// matrix no longer has are left out.
pub(super) fn figures<'a>(
    board: &str,
    matrix: &Matrix,
    header: Header,
    cells: impl IntoIterator<Item = (&'a str, u8, u64)>,
) -> Stats {
    let mut stats = Stats::empty(board, matrix);
    let Header { version, round, respondents, closed, matrix_rev, reveal, access } = header;
    (stats.version, stats.round, stats.respondents) = (version, round, respondents);
    (stats.closed, stats.matrix_rev, stats.reveal, stats.access) = (closed, matrix_rev, reveal, access);
    for (row, level, n) in cells {
        if let Some(count) = stats.counts.get_mut(row).and_then(|c| c.get_mut(level as usize)) {
            *count += n;
        }
    }
    stats
}
