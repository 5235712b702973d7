//! Counters and histograms for Prometheus (`GET /metrics`). One set per
//! process, so they are plain atomics in a static: any layer can count
//! without being handed a registry, and counting costs a few atomic adds.

use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::time::Duration;

pub static METRICS: Metrics = Metrics {
    accepted: AtomicU64::new(0),
    rejected: [const { AtomicU64::new(0) }; REJECTIONS.len()],
    database_errors: AtomicU64::new(0),
    batch_sizes: Histogram::new(),
    fan_out: Histogram::new(),
};

/// The statuses a refused submission can get, in the order `rejected` counts them.
const REJECTIONS: [u16; 7] = [400, 403, 404, 409, 413, 422, 429];

pub struct Metrics {
    accepted: AtomicU64,
    rejected: [AtomicU64; REJECTIONS.len()],
    database_errors: AtomicU64,
    /// Submissions per group commit.
    pub batch_sizes: Histogram,
    /// Seconds from a frame's publication to its write on one socket.
    pub fan_out: Histogram,
}

impl Metrics {
    pub fn accepted(&self) {
        self.accepted.fetch_add(1, Relaxed);
    }

    /// A submission refused with this HTTP status (500s are database errors).
    pub fn rejected(&self, status: u16) {
        if let Some(i) = REJECTIONS.iter().position(|s| *s == status) {
            self.rejected[i].fetch_add(1, Relaxed);
        }
    }

    pub fn database_error(&self) {
        self.database_errors.fetch_add(1, Relaxed);
    }

    /// Everything in Prometheus' text format.
    pub fn render(&self) -> String {
        let mut out = String::new();
        out.push_str("# HELP tally_submissions_accepted_total Submissions committed and acknowledged.\n");
        out.push_str("# TYPE tally_submissions_accepted_total counter\n");
        out.push_str(&format!("tally_submissions_accepted_total {}\n", self.accepted.load(Relaxed)));
        out.push_str("# HELP tally_submissions_rejected_total Submissions refused, by HTTP status.\n");
        out.push_str("# TYPE tally_submissions_rejected_total counter\n");
        for (status, count) in REJECTIONS.iter().zip(&self.rejected) {
            out.push_str(&format!("tally_submissions_rejected_total{{status=\"{status}\"}} {}\n", count.load(Relaxed)));
        }
        out.push_str("# HELP tally_database_errors_total Failed database operations.\n");
        out.push_str("# TYPE tally_database_errors_total counter\n");
        out.push_str(&format!("tally_database_errors_total {}\n", self.database_errors.load(Relaxed)));
        self.batch_sizes.render("tally_group_commit_size", "Submissions per group commit.", &mut out);
        self.fan_out.render(
            "tally_fan_out_seconds",
            "Time from a live frame's publication to its write on a socket.",
            &mut out,
        );
        out
    }
}

/// Upper bounds of the buckets; a histogram counts values in both units.
const BOUNDS: [f64; 12] = [1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0, 128.0, 256.0, 512.0, 1024.0, 2048.0];

/// A fixed-bucket histogram. Batch sizes use the bounds as counts; fan-out
/// uses them as milliseconds (exported in seconds).
pub struct Histogram {
    buckets: [AtomicU64; BOUNDS.len()],
    count: AtomicU64,
    /// In the histogram's own unit, times 1,000 (for millisecond fractions).
    sum_milli: AtomicU64,
}

impl Histogram {
    const fn new() -> Histogram {
        Histogram {
            buckets: [const { AtomicU64::new(0) }; BOUNDS.len()],
            count: AtomicU64::new(0),
            sum_milli: AtomicU64::new(0),
        }
    }

    pub fn record(&self, value: f64) {
        if let Some(i) = BOUNDS.iter().position(|b| value <= *b) {
            self.buckets[i].fetch_add(1, Relaxed);
        }
        self.count.fetch_add(1, Relaxed);
        self.sum_milli.fetch_add((value * 1000.0) as u64, Relaxed);
    }

    pub fn record_duration(&self, elapsed: Duration) {
        self.record(elapsed.as_secs_f64() * 1000.0);
    }

    fn render(&self, name: &str, help: &str, out: &mut String) {
        // Durations are kept in ms and exported in seconds, as Prometheus prefers.
        let scale = if name.ends_with("_seconds") { 1000.0 } else { 1.0 };
        out.push_str(&format!("# HELP {name} {help}\n# TYPE {name} histogram\n"));
        let mut cumulative = 0;
        for (bound, bucket) in BOUNDS.iter().zip(&self.buckets) {
            cumulative += bucket.load(Relaxed);
            out.push_str(&format!("{name}_bucket{{le=\"{}\"}} {cumulative}\n", bound / scale));
        }
        let count = self.count.load(Relaxed);
        out.push_str(&format!("{name}_bucket{{le=\"+Inf\"}} {count}\n"));
        out.push_str(&format!("{name}_sum {}\n", self.sum_milli.load(Relaxed) as f64 / 1000.0 / scale));
        out.push_str(&format!("{name}_count {count}\n"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histograms_are_cumulative_and_scaled() {
        let h = Histogram::new();
        h.record(3.0);
        h.record(3000.0);
        h.record_duration(Duration::from_millis(1));
        let mut out = String::new();
        h.render("x_seconds", "help", &mut out);
        assert!(out.contains("x_seconds_bucket{le=\"0.001\"} 1\n"), "{out}");
        assert!(out.contains("x_seconds_bucket{le=\"0.004\"} 2\n"), "{out}");
        assert!(out.contains("x_seconds_bucket{le=\"2.048\"} 2\n"), "{out}");
        assert!(out.contains("x_seconds_bucket{le=\"+Inf\"} 3\n"), "{out}");
        assert!(out.contains("x_seconds_count 3\n"), "{out}");
        assert!(out.contains("x_seconds_sum 3.004\n"), "{out}");
    }
}
