//! Which matrices there are, and which boards stay in memory.

use app::backend::engine::CachePolicy;
use std::path::PathBuf;
use std::time::Duration;

#[derive(clap::Args, Debug)]
pub struct BoardArgs {
    /// Directory of matrix files, validated at start-up
    #[arg(long, env = "TALLY_MATRICES", default_value = "matrices")]
    pub matrices: PathBuf,
    /// Matrix of the board at /
    #[arg(long, env = "TALLY_DEFAULT_MATRIX", default_value = "programmer")]
    pub default_matrix: String,
    /// A board held in memory that nobody asked for or wrote to for this many seconds is dropped (and read
    /// again, and checked, on its next use)
    #[arg(long, env = "TALLY_BOARD_IDLE_SECONDS", default_value_t = 300, value_parser = clap::value_parser!(u64).range(1..=86_400))]
    board_idle_seconds: u64,
    /// At most this many boards held in memory; past it the least recently used are dropped (never one in use)
    #[arg(long, env = "TALLY_MAX_LOADED_BOARDS", default_value_t = 10_000, value_parser = clap::value_parser!(u64).range(1..=10_000_000))]
    max_loaded_boards: u64,
}

impl BoardArgs {
    pub fn cache_policy(&self) -> CachePolicy {
        CachePolicy {
            idle_after: Duration::from_secs(self.board_idle_seconds),
            max_loaded: self.max_loaded_boards as usize,
        }
    }
}
