//! The server's threads, read from `/proc`: fan-out runs below the request
//! threads (`server/src/live/mod.rs`), and the allocator purges freed pages
//! from a thread of its own (`server/src/allocator.rs`: without it, an idle
//! server would keep them).

use crate::common;

use common::TestServer;
use std::collections::BTreeMap;

/// Each thread's name and nice value.
fn threads(pid: u32) -> BTreeMap<String, Vec<i64>> {
    let mut niceness = BTreeMap::<String, Vec<i64>>::new();
    for task in std::fs::read_dir(format!("/proc/{pid}/task")).unwrap().map(|t| t.unwrap().path()) {
        let stat = std::fs::read_to_string(task.join("stat")).unwrap();
        // After the name's closing parenthesis, the nice value is the 17th field.
        let fields: Vec<&str> = stat[stat.rfind(')').unwrap() + 2..].split(' ').collect();
        let name = std::fs::read_to_string(task.join("comm")).unwrap().trim().to_string();
        niceness.entry(name).or_default().push(fields[16].parse().unwrap());
    }
    niceness
}

#[test]
fn live_threads_run_below_the_request_threads_and_the_allocator_purges_on_its_own() {
    let server = TestServer::start();
    // A new thread names and renices itself once it runs; on a busy machine
    // that may come after the server answers, so look again for a bounded while.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    let niceness = loop {
        let niceness = threads(server.pid());
        if niceness.contains_key("tally-live") || std::time::Instant::now() > deadline {
            break niceness;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    // Relative to the process's own value: it may run niced itself.
    let own = niceness["server"][0];
    assert_eq!(niceness.get("tally-live"), Some(&vec![(own + 5).min(19)]), "{niceness:?}");
    let workers = &niceness["tokio-rt-worker"];
    assert!(!workers.is_empty() && workers.iter().all(|&n| n == own), "{niceness:?}");
    assert!(niceness.contains_key("jemalloc_bg_thd"), "{niceness:?}");
}
