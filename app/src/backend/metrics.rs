//! What Tally counts for Prometheus (`GET /metrics`), through the `metrics`
//! facade: any layer records without being handed a registry, and a process
//! without an installed recorder (an in-process test or benchmark) records
//! nothing. The binary installs the Prometheus exporter with [`install`].
//!
//! Names and labels are all written here, so this file is the list of what
//! `/metrics` shows. No label ever carries a private board's id.

pub use metrics::{Gauge, Histogram};
pub use metrics_exporter_prometheus::PrometheusHandle;

use metrics::{counter, describe_counter, describe_gauge, describe_histogram, gauge, histogram, Unit};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder};
use std::time::Duration;

const ACCEPTED: &str = "tally_submissions_accepted_total";
const REJECTED: &str = "tally_submissions_rejected_total";
const DATABASE_ERRORS: &str = "tally_database_errors_total";
const GROUP_COMMIT: &str = "tally_group_commit_size";
const FAN_OUT: &str = "tally_fan_out_seconds";
const LIVE: &str = "tally_live_connections";
const SLOW_DROPPED: &str = "tally_live_slow_clients_dropped_total";
const PRIVATE_LIVE: &str = "tally_private_live_connections";
const LIVE_BOARDS: &str = "tally_live_boards";
const BOARDS_LOADED: &str = "tally_boards_loaded";
const BOARD_LOADS: &str = "tally_board_loads_total";
const BOARD_EVICTIONS: &str = "tally_board_evictions_total";
const BOARDS_REFUSED: &str = "tally_boards_refused_total";

/// Installs the Prometheus recorder for this process and describes every
/// metric; the handle renders the text format. Histograms get fixed
/// buckets (powers of two: submissions per commit, milliseconds of fan-out).
pub fn install() -> Result<PrometheusHandle, metrics_exporter_prometheus::BuildError> {
    let sizes: Vec<f64> = (0..12).map(|i| f64::from(1u32 << i)).collect();
    let seconds: Vec<f64> = sizes.iter().map(|ms| ms / 1000.0).collect();
    let handle = PrometheusBuilder::new()
        .set_buckets_for_metric(Matcher::Full(GROUP_COMMIT.into()), &sizes)?
        .set_buckets_for_metric(Matcher::Full(FAN_OUT.into()), &seconds)?
        .install_recorder()?;
    describe_counter!(ACCEPTED, "Submissions committed and acknowledged.");
    describe_counter!(REJECTED, "Submissions refused, by HTTP status.");
    describe_counter!(DATABASE_ERRORS, "Failed database operations.");
    describe_histogram!(GROUP_COMMIT, "Submissions per group commit.");
    describe_histogram!(FAN_OUT, Unit::Seconds, "Time from a live frame's publication to its write on a socket.");
    describe_counter!(SLOW_DROPPED, "Live connections dropped because a frame could not be sent in time.");
    describe_gauge!(LIVE, "Open live connections to each public board.");
    describe_gauge!(PRIVATE_LIVE, "Open live connections to private boards, all together.");
    describe_gauge!(LIVE_BOARDS, "Boards with a live broadcaster: those someone watches on this server.");
    describe_gauge!(BOARDS_LOADED, "Boards held in memory: those in use lately, not all stored.");
    describe_counter!(BOARD_LOADS, "Boards read from the database on first use.");
    describe_counter!(BOARD_EVICTIONS, "Idle boards dropped from memory.");
    describe_counter!(BOARDS_REFUSED, "Board loads refused because stored aggregates disagree with a recount.");
    // Shown at zero from the start, so a scrape never misses them.
    counter!(ACCEPTED).absolute(0);
    counter!(DATABASE_ERRORS).absolute(0);
    counter!(SLOW_DROPPED).absolute(0);
    gauge!(PRIVATE_LIVE).set(0.0);
    gauge!(LIVE_BOARDS).set(0.0);
    gauge!(BOARDS_LOADED).set(0.0);
    counter!(BOARD_LOADS).absolute(0);
    counter!(BOARD_EVICTIONS).absolute(0);
    counter!(BOARDS_REFUSED).absolute(0);
    Ok(handle)
}

/// Drains histogram samples into their buckets now and then, so memory does
/// not grow between scrapes.
pub async fn upkeep(handle: PrometheusHandle) {
    loop {
        tokio::time::sleep(Duration::from_secs(1)).await;
        handle.run_upkeep();
    }
}

pub fn accepted() {
    counter!(ACCEPTED).increment(1);
}

/// A submission refused with this HTTP status (500s are database errors).
pub fn rejected(status: u16) {
    if status != 500 {
        counter!(REJECTED, "status" => status.to_string()).increment(1);
    }
}

pub fn database_error() {
    counter!(DATABASE_ERRORS).increment(1);
}

pub fn slow_client_dropped() {
    counter!(SLOW_DROPPED).increment(1);
}

pub fn group_commit(size: usize) {
    histogram!(GROUP_COMMIT).record(size as f64);
}

/// The fan-out latency histogram, as a handle: recording through it skips
/// the registry look-up, and live push records once per socket per frame.
pub fn fan_out() -> Histogram {
    histogram!(FAN_OUT)
}

/// Boards with a live broadcaster.
pub fn live_boards() -> Gauge {
    gauge!(LIVE_BOARDS)
}

/// A board read from the store, or evicted: how many are held now.
pub fn boards_loaded(now: usize) {
    gauge!(BOARDS_LOADED).set(now as f64);
}

pub fn board_loaded() {
    counter!(BOARD_LOADS).increment(1);
}

pub fn boards_evicted(how_many: usize) {
    counter!(BOARD_EVICTIONS).increment(how_many as u64);
}

pub fn board_refused() {
    counter!(BOARDS_REFUSED).increment(1);
}

/// The gauge that counts one board's open live connections: its own for a
/// public board, the shared one for private boards (whose ids are secrets).
pub fn live_connections(board: &str, private: bool) -> Gauge {
    if private {
        gauge!(PRIVATE_LIVE)
    } else {
        gauge!(LIVE, "board" => board.to_string())
    }
}
