//! One broadcaster per watched board. It waits for a new snapshot (or a
//! change in the number of watchers), encodes it once, and publishes the
//! bytes on a `watch` channel that every connection to the board reads.
//! A board that hides its figures (`app::reveal`) gets each snapshot
//! encoded twice, whole and withheld; each connection sends the one its
//! viewer may see.
//! `watch` keeps only the latest value, so a slow connection skips versions
//! instead of queueing them, and nothing grows per connection.
//!
//! A board has a channel only while someone watches it: the last watcher
//! to leave takes the channel out of the hub and stops its broadcaster, so
//! nothing stays behind per board ever watched. Joining and leaving take
//! the hub's lock, so a connection never joins a channel that is going.
//!
//! When the server shuts down the broadcaster stops and drops its end of the
//! channel; that is how every connection learns to say goodbye, so a
//! connection waits on one thing per frame rather than on frames and on
//! shutdown separately.

use crate::origin::Origins;
use crate::shutdown::Shutdown;
use app::access::AccessMode;
use app::backend::engine::ServedBoard;
use app::backend::limits::Limits;
use app::backend::metrics;
use app::backend::use_cases::Tally;
use app::error::TallyError;
use app::live_message::LiveMessage;
use app::reveal::{RevealSettings, Viewer};
use app::stats::Stats;
use axum::extract::ws::Utf8Bytes;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use tokio::sync::watch;

#[derive(Clone, Debug)]
pub struct LiveConfig {
    /// At most one message per connection per interval (`TALLY_LIVE_INTERVAL_MS`, 50).
    pub interval: Duration,
    /// Heartbeat period (`TALLY_PING_SECONDS`, 20); two missed pongs close the connection.
    pub ping_every: Duration,
    /// A connection's read buffer. Clients send only control frames and
    /// credentials (a larger message grows it), so 256 bytes: every byte is
    /// paid once per idle connection (README, live push).
    pub read_buffer: usize,
    /// Clients send only control frames and small credentials; a larger frame closes the connection.
    pub max_client_message: usize,
}

/// One snapshot, encoded for those who may see its figures and for those
/// who may not.
#[derive(Clone)]
pub struct Frame {
    pub version: u64,
    pub watching: u64,
    /// The open round, which the reveal rule is about.
    round: u32,
    /// Who may see the figures.
    reveal: RevealSettings,
    /// The message with the figures.
    whole: Utf8Bytes,
    /// The message without them; the same bytes when everyone may see them.
    withheld: Utf8Bytes,
    /// Who may answer (and watch) the board.
    access: AccessMode,
    /// The message for whoever the board's access rule keeps out: not even
    /// how many answered.
    barred: Utf8Bytes,
    /// When the broadcaster made it, for the fan-out latency metric.
    pub published: Instant,
}

impl Frame {
    /// The message `viewer` may see, and whether it has the figures.
    pub fn for_viewer(&self, viewer: &Viewer) -> (&Utf8Bytes, bool) {
        if self.access != AccessMode::Anyone && !viewer.admin && !viewer.admitted {
            return (&self.barred, false);
        }
        match self.reveal.shows(viewer, self.round) {
            true => (&self.whole, true),
            false => (&self.withheld, false),
        }
    }
}

/// What every connection to one board reads.
pub struct Channel {
    /// The board whose snapshots the broadcaster encodes.
    board: Arc<ServedBoard>,
    /// A receiver to clone for each connection; the broadcaster holds the sender.
    frames: watch::Receiver<Frame>,
    /// Open connections to the board on this server.
    watching: watch::Sender<u64>,
    /// The same count, for `/metrics` (shared by all private boards).
    gauge: metrics::Gauge,
    /// Time from a frame's publication to its write, recorded per socket.
    pub fan_out: metrics::Histogram,
    /// Its last watcher left and the hub let it go: the broadcaster stops.
    retired: AtomicBool,
}

/// The channels of the boards someone watches, by board id.
type Channels = Arc<Mutex<HashMap<String, Arc<Channel>>>>;

impl Channel {
    /// The board's frames; `changed()` fails once the server shuts down.
    pub fn frames(&self) -> watch::Receiver<Frame> {
        self.frames.clone()
    }

    /// The frame a new connection starts with. The broadcaster may not have
    /// encoded a snapshot committed a moment ago; then this one connection
    /// gets it encoded on its own, so it never starts behind.
    pub fn current(&self) -> Frame {
        let published = self.frames.borrow().clone();
        if published.version >= self.board.stats().version {
            return published;
        }
        encode(&self.board.stats(), *self.watching.borrow())
    }
}

/// A connection counted as watching its board, until it is dropped.
pub struct Watcher {
    channel: Arc<Channel>,
    /// The hub's channels, which the last watcher takes its channel out of.
    channels: Channels,
}

impl Watcher {
    pub fn channel(&self) -> &Arc<Channel> {
        &self.channel
    }
}

impl Drop for Watcher {
    fn drop(&mut self) {
        let mut channels = self.channels.lock().unwrap_or_else(|e| e.into_inner());
        let channel = &self.channel;
        channel.gauge.decrement(1.0);
        if *channel.watching.borrow() == 1 {
            // Retired before the count moves, so the broadcaster sees it when it wakes.
            channel.retired.store(true, Ordering::Relaxed);
            channels.remove(&channel.board.info.id);
            metrics::live_boards().decrement(1.0);
        }
        channel.watching.send_modify(|n| *n -= 1);
    }
}

#[derive(Clone)]
pub struct Hub {
    /// Boards and limits.
    tally: Tally,
    config: LiveConfig,
    /// Stops every broadcaster, which closes every connection.
    shutdown: Shutdown,
    /// Who may open a live socket.
    origins: Origins,
    /// One channel per board someone watches.
    channels: Channels,
    /// The runtime connections and broadcasters run on (see [`super::runtime`]).
    tasks: tokio::runtime::Handle,
}

impl Hub {
    pub fn new(
        tally: Tally,
        config: LiveConfig,
        shutdown: Shutdown,
        origins: Origins,
        tasks: tokio::runtime::Handle,
    ) -> Hub {
        Hub { tally, config, shutdown, origins, channels: Arc::default(), tasks }
    }

    /// Where live connections run.
    pub fn tasks(&self) -> &tokio::runtime::Handle {
        &self.tasks
    }

    pub fn limits(&self) -> &Limits {
        &self.tally.limits
    }

    /// The application, for resolving who a connection's viewer is.
    pub fn tally(&self) -> &Tally {
        &self.tally
    }

    /// Who may open a live socket.
    pub fn origins(&self) -> &Origins {
        &self.origins
    }

    pub fn config(&self) -> &LiveConfig {
        &self.config
    }

    /// Open live connections, on every board together.
    fn open(&self) -> u64 {
        let channels = self.channels.lock().unwrap_or_else(|e| e.into_inner());
        channels.values().map(|c| *c.watching.borrow()).sum()
    }

    /// Waits (at most `limit`) until every live socket has closed.
    pub async fn closed(&self, limit: Duration) {
        let open = || self.open();
        let deadline = tokio::time::Instant::now() + limit;
        while open() > 0 && tokio::time::Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// The board, for a connection about to watch it.
    pub async fn board(&self, board: &str) -> Result<Arc<ServedBoard>, TallyError> {
        self.tally.engine.board(board).await
    }

    /// Counts a connection as watching `board` until the returned guard is
    /// dropped; the first watcher starts the board's channel and broadcaster.
    pub fn watch(&self, board: Arc<ServedBoard>) -> Watcher {
        let mut channels = self.channels.lock().unwrap_or_else(|e| e.into_inner());
        let channel = match channels.get(&board.info.id) {
            Some(channel) => channel.clone(),
            None => {
                let (frames, receiver) = watch::channel(encode(&board.stats(), 0));
                let channel = Arc::new(Channel {
                    frames: receiver,
                    watching: watch::channel(0).0,
                    gauge: metrics::live_connections(&board.info.id, board.info.private),
                    fan_out: metrics::fan_out(),
                    retired: AtomicBool::new(false),
                    board: board.clone(),
                });
                channels.insert(board.info.id.clone(), channel.clone());
                metrics::live_boards().increment(1.0);
                self.tasks.spawn(broadcast(channel.clone(), frames, self.config.interval, self.shutdown.clone()));
                channel
            }
        };
        channel.watching.send_modify(|n| *n += 1);
        channel.gauge.increment(1.0);
        Watcher { channel, channels: self.channels.clone() }
    }
}

fn encode(stats: &Stats, watching: u64) -> Frame {
    let text = |stats: Stats| -> Utf8Bytes {
        serde_json::to_string(&LiveMessage::Stats { stats, watching }).expect("stats always serialise").into()
    };
    let whole = text(stats.clone());
    let withheld = if stats.reveal.public() { whole.clone() } else { text(stats.withheld()) };
    let barred = match stats.access {
        AccessMode::Anyone => withheld.clone(),
        _ => serde_json::to_string(&LiveMessage::Stats { stats: stats.barred(), watching: 0 })
            .expect("stats always serialise")
            .into(),
    };
    Frame {
        version: stats.version,
        watching,
        round: stats.round,
        reveal: stats.reveal,
        whole,
        withheld,
        access: stats.access,
        barred,
        published: Instant::now(),
    }
}

/// Publishes a frame, then sleeps out the interval before looking for the
/// next change: bursts of submissions or watcher changes collapse into one
/// frame per interval, always carrying the newest figures. Returns when the
/// board's last watcher has left, and (dropping `frames`, which closes every
/// connection) when the server shuts down.
async fn broadcast(channel: Arc<Channel>, frames: watch::Sender<Frame>, interval: Duration, mut shutdown: Shutdown) {
    let mut snapshots = channel.board.subscribe();
    let mut watchers = channel.watching.subscribe();
    let next_change = async {
        loop {
            // Encode exactly the snapshot marked as seen: a commit landing
            // after this line wakes the loop again, and one before it is in
            // the frame, so no version is missed and none is sent twice.
            let stats = snapshots.borrow_and_update().clone();
            let watching = *watchers.borrow_and_update();
            frames.send_replace(encode(&stats, watching));
            tokio::time::sleep(interval).await;
            tokio::select! {
                changed = snapshots.changed() => if changed.is_err() { return },
                changed = watchers.changed() => if changed.is_err() { return },
            }
            if channel.retired.load(Ordering::Relaxed) {
                return;
            }
        }
    };
    tokio::select! {
        _ = next_change => {}
        _ = shutdown.begun() => {}
    }
}
