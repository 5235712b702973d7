//! The process's memory allocator: jemalloc, with freed pages handed back
//! to the operating system a second after they fall idle.
//!
//! Why not the system's (glibc) allocator: a live connection keeps about
//! 5 KB of heap, but its handshake allocates and frees several times that
//! (HTTP buffers, headers) in between other connections' long-lived
//! pieces. glibc leaves those holes resident, so 10,000 idle connections
//! cost about 8 KiB of RSS each; jemalloc's background thread returns the
//! empty pages, and the same connections cost about 6 KiB (README, live
//! push: idle connections). mimalloc was measured too and kept the holes.
//!
//! The settings are jemalloc's own `malloc_conf`, read once at start:
//! - `background_thread:true` purges from a thread of its own, so an idle
//!   server gives memory back too (otherwise purging happens only during
//!   allocations, on the request path);
//! - `dirty_decay_ms:1000` purges freed pages after about a second instead
//!   of ten, and `muzzy_decay_ms:0` returns them for good at once (a
//!   lazily freed page still counts in RSS until the kernel wants it).

#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// Read by jemalloc (as its `malloc_conf`, under the crate's symbol prefix)
/// before the first allocation.
#[allow(non_upper_case_globals)]
#[export_name = "_rjem_malloc_conf"]
static malloc_conf: &[u8; 60] = b"background_thread:true,dirty_decay_ms:1000,muzzy_decay_ms:0\0";
