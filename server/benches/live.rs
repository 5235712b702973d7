//! Live push under load: C WebSocket clients follow B boards (C / B each)
//! while 1,000 submissions per second are offered over HTTP by 16 keep-alive
//! clients, spread evenly over the boards. For every delivered message it
//! measures the time from the sending and from the acknowledgement of the
//! newest submission it carries to its arrival; it also reports the
//! submissions acknowledged per second, their acknowledgement latency,
//! messages per client per second, and the server's RSS per idle
//! connection. In the same run, a bare tokio-tungstenite broadcaster (a
//! child process of this binary) sends frames of the same size at the same
//! pace to the same number of clients, and our figures are reported as
//! ratios to it. The bare broadcaster runs twice: queueing every frame for
//! every client (a broadcast channel of 16), and latest-wins (a `watch`, as
//! Tally does), which tells Tally's own overhead apart from the difference
//! between the two designs.
//!
//! `cargo bench -p server --bench live` (`TALLY_BENCH_SECONDS`, default 5;
//! `TALLY_BENCH_RUNS`, default `1000x1,10000x1,10000x1000`: clients × boards
//! for each run).

#[path = "../tests/it/common/mod.rs"]
mod common;
mod load;

use common::TestServer;
use load::{collect, deliveries, drive, follow, rate_within, rss_kib, unix_nanos, CpuMeter, Delivery, Drive};
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::time::Duration;
use tokio_tungstenite::tungstenite::Message;

const INTERVAL: Duration = Duration::from_millis(50);

fn main() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    if std::env::args().any(|a| a == "bare-broadcaster") {
        return runtime.block_on(bare::serve());
    }
    runtime.block_on(run());
}

async fn run() {
    let seconds: u64 = std::env::var("TALLY_BENCH_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(5);
    println!("| clients | boards | system | p50 | p99 | max | msgs/client/s | server CPU/msg | converged | RSS/idle conn | acknowledged/s | ack p50 / p99 | sent→client p50 / p99 |");
    println!("|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    let runs: Vec<(usize, usize)> = std::env::var("TALLY_BENCH_RUNS")
        .unwrap_or_else(|_| "1000x1,10000x1,10000x1000".into())
        .split(',')
        .filter_map(|run| run.trim().split_once('x'))
        .filter_map(|(clients, boards)| Some((clients.parse().ok()?, boards.parse().ok()?)))
        .collect();
    for (clients, boards) in runs {
        // All load comes from 127.0.0.1, as behind a balancer: limits off.
        let server = TestServer::start_with(&[("TALLY_LIMIT_CREATE_IP", "off"), ("TALLY_MAX_BOARDS_PER_HOUR", "off")]);
        let frame_size = frame_size(&server).await;
        let (tally, drive, tally_cpu, rss) = measure_tally(server, clients, boards, 1_000, seconds).await;
        print_row(clients, boards, "Tally", &tally, tally_cpu, Some((rss, &drive)));
        let mut ratios = Vec::new();
        for mode in [bare::Mode::Queue, bare::Mode::Latest] {
            let (bare, bare_cpu) = measure_bare(Bare::start(mode, frame_size, clients), clients, seconds).await;
            print_row(clients, boards, &format!("bare, {}", mode.label()), &bare, bare_cpu, None);
            ratios.push(format!(
                "| {clients} | {boards} | Tally / bare, {} | {:.2}× | {:.2}× | | {:.2}× | {:.2}× | | | | | sent→client p99: {:.2}× |",
                mode.label(),
                tally.percentile(0.5) / bare.percentile(0.5).max(1e-9),
                tally.percentile(0.99) / bare.percentile(0.99).max(1e-9),
                tally.rate / bare.rate.max(1e-9),
                cpu_per_message(&tally, tally_cpu) / cpu_per_message(&bare, bare_cpu),
                tally.sent_percentile(0.99) / bare.percentile(0.99).max(1e-9),
            ));
        }
        ratios.iter().for_each(|line| println!("{line}"));
    }
}

/// Server CPU time per delivered message, in µs, from the cores the server
/// kept busy during the window.
fn cpu_per_message(d: &Delivery, busy_cores: f64) -> f64 {
    busy_cores * 1e6 / (d.rate * d.clients as f64).max(1e-9)
}

fn print_row(clients: usize, boards: usize, system: &str, d: &Delivery, busy_cores: f64, tally: Option<(f64, &Drive)>) {
    let submissions = tally.map(|(rss, drive)| {
        format!(
            "{rss:.1} KiB | {:.0} | {:.1} / {:.1} ms | {:.1} / {:.1} ms",
            drive.acknowledged_per_second(),
            drive.ack_percentile(0.5),
            drive.ack_percentile(0.99),
            d.sent_percentile(0.5),
            d.sent_percentile(0.99),
        )
    });
    println!(
        "| {clients} | {boards} | {system} | {:.1} ms | {:.1} ms | {:.1} ms | {:.1} | {:.1} µs | {}/{} | {} |",
        d.percentile(0.5),
        d.percentile(0.99),
        d.max(),
        d.rate,
        cpu_per_message(d, busy_cores),
        d.converged,
        d.clients,
        submissions.unwrap_or_else(|| " | | |".into()),
    );
}

/// What the clients saw, the submissions, the cores the server kept busy
/// meanwhile, and its RSS per idle connection. With more than one board,
/// boards `fan-0`, `fan-1`, … are made first. Stops the server at the end.
async fn measure_tally(
    server: TestServer,
    clients: usize,
    boards: usize,
    per_second: u64,
    seconds: u64,
) -> (Delivery, Drive, f64, f64) {
    let names: Vec<String> = match boards {
        1 => vec!["default".into()],
        n => (0..n).map(|k| format!("fan-{k}")).collect(),
    };
    if boards > 1 {
        for name in &names {
            server.create_board(serde_json::json!({ "matrix": "programmer", "slug": name })).await;
        }
    }
    let rss_before = rss_kib(server.pid());
    let mut followers = Vec::new();
    for name in &names {
        followers.push(follow(&server.ws_url(&format!("/api/boards/{name}/live")), clients / boards).await);
    }
    tokio::time::sleep(Duration::from_secs(1)).await;
    let rss_per_connection = (rss_kib(server.pid()) - rss_before) / clients as f64;
    let cpu = CpuMeter::start(server.pid());
    let drive = drive(&server, &names, per_second, seconds).await;
    let busy_cores = cpu.busy_cores();
    // A second for the last frames to land, then the clients end with the server.
    tokio::time::sleep(Duration::from_secs(1)).await;
    drop(server);
    let mut parts = Vec::new();
    for (board, board_followers) in followers.into_iter().enumerate() {
        parts.push(deliveries(collect(board_followers).await, &drive, board));
    }
    (Delivery::merge(parts), drive, busy_cores, rss_per_connection)
}

/// The same for the bare broadcaster, whose frames carry their send time.
async fn measure_bare(bare: Bare, clients: usize, seconds: u64) -> (Delivery, f64) {
    let followers = follow(&bare.base, clients).await;
    let (cpu, window_start) = (CpuMeter::start(bare.child.id()), unix_nanos());
    tokio::time::sleep(Duration::from_secs(seconds)).await;
    let window_end = unix_nanos();
    let busy_cores = cpu.busy_cores();
    drop(bare);
    let mut all_seen = collect(followers).await;
    let mut latencies = Vec::new();
    for seen in &mut all_seen {
        seen.retain(|(_, _, arrival)| (window_start..window_end).contains(arrival));
        latencies.extend(seen.iter().map(|(_, sent, arrival)| arrival.saturating_sub(*sent) as f64 / 1e6));
    }
    latencies.sort_by(|a, b| a.total_cmp(b));
    let last_versions: Vec<u64> = all_seen.iter().map(|seen| seen.last().map(|s| s.0).unwrap_or(0)).collect();
    let newest = last_versions.iter().copied().max().unwrap_or(0);
    let converged = last_versions.iter().filter(|v| newest - **v <= 1).count();
    let rate = rate_within(&all_seen, window_start, window_end);
    (Delivery { latencies_ms: latencies, from_send_ms: Vec::new(), rate, converged, clients }, busy_cores)
}

/// The bare broadcaster: this same binary, started with `bare-broadcaster`.
struct Bare {
    child: Child,
    base: String,
}

impl Bare {
    fn start(mode: bare::Mode, frame_size: usize, clients: usize) -> Bare {
        let mut command = Command::new(std::env::current_exe().unwrap());
        command.arg("bare-broadcaster").arg(mode.label());
        command.env("FRAME_SIZE", frame_size.to_string()).env("CLIENTS", clients.to_string());
        let mut child = command.stdout(Stdio::piped()).spawn().expect("the bare broadcaster starts");
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let base = lines
            .by_ref()
            .map_while(Result::ok)
            .find_map(|line| {
                line.split("open ").nth(1).map(|u| u.trim_end_matches('/').replacen("http://", "ws://", 1))
            })
            .expect("the bare broadcaster prints its address");
        Bare { child, base }
    }
}

impl Drop for Bare {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The size of one live message, for the bare broadcaster to match.
async fn frame_size(server: &TestServer) -> usize {
    let stats = reqwest::get(server.url("/api/boards/default/stats")).await.unwrap().text().await.unwrap();
    stats.len() + r#","type":"stats","watching":10000"#.len()
}

/// The baseline: accept WebSockets with tokio-tungstenite's defaults and,
/// once every client is connected, send each of them the same frame every
/// interval, stamped with its send time.
mod bare {
    use super::*;
    use futures_util::SinkExt;
    use tokio::net::TcpListener;
    use tokio::sync::{broadcast, watch};

    /// How frames reach a connection that is still sending an earlier one.
    #[derive(Clone, Copy, PartialEq)]
    pub enum Mode {
        /// Each waits in a broadcast channel (16 deep), so a slow client
        /// falls behind and later reads several frames at once.
        Queue,
        /// Only the newest is kept, so a slow client skips frames.
        Latest,
    }

    impl Mode {
        pub fn label(self) -> &'static str {
            match self {
                Mode::Queue => "queueing",
                Mode::Latest => "latest-wins",
            }
        }
    }

    /// A connection's source of frames in either mode.
    enum Feed {
        Queue(broadcast::Receiver<Message>),
        Latest(watch::Receiver<Message>),
    }

    impl Feed {
        async fn next(&mut self) -> Option<Message> {
            match self {
                Feed::Queue(frames) => loop {
                    match frames.recv().await {
                        Ok(frame) => return Some(frame),
                        Err(broadcast::error::RecvError::Lagged(_)) => continue,
                        Err(broadcast::error::RecvError::Closed) => return None,
                    }
                },
                Feed::Latest(frames) => {
                    frames.changed().await.ok()?;
                    let frame = frames.borrow_and_update().clone();
                    Some(frame)
                }
            }
        }
    }

    pub async fn serve() {
        let latest = std::env::args().any(|a| a == Mode::Latest.label());
        let size: usize = std::env::var("FRAME_SIZE").unwrap().parse().unwrap();
        let clients: usize = std::env::var("CLIENTS").unwrap().parse().unwrap();
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        println!("open http://{}/", listener.local_addr().unwrap());
        let (queue, _) = broadcast::channel::<Message>(16);
        let (newest, _) = watch::channel(Message::text(""));
        let all_connected = Arc::new(tokio::sync::Barrier::new(clients + 1));
        let (start, queue_sender, newest_sender) = (all_connected.clone(), queue.clone(), newest.clone());
        tokio::spawn(async move {
            start.wait().await;
            let mut ticker = tokio::time::interval(INTERVAL);
            for version in 1u64.. {
                ticker.tick().await;
                let head = format!("{{\"type\":\"stats\",\"version\":{version},\"sent\":{},\"pad\":\"", unix_nanos());
                let text = format!("{head}{}\"}}", "x".repeat(size.saturating_sub(head.len() + 2)));
                let _ = queue_sender.send(Message::text(text.clone()));
                newest_sender.send_replace(Message::text(text));
            }
        });
        loop {
            let (stream, _) = listener.accept().await.unwrap();
            let mut feed = if latest { Feed::Latest(newest.subscribe()) } else { Feed::Queue(queue.subscribe()) };
            let all_connected = all_connected.clone();
            tokio::spawn(async move {
                let Ok(mut socket) = tokio_tungstenite::accept_async(stream).await else { return };
                all_connected.wait().await;
                while let Some(frame) = feed.next().await {
                    if socket.send(frame).await.is_err() {
                        break;
                    }
                }
            });
        }
    }
}
