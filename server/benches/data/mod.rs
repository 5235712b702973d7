//! The data generator: N boards × M submissions written into a fresh
//! database through the store's own code (`Store::insert_board`, then
//! `Store::apply` in group commits of up to 2,048), so the aggregates are
//! the ones the server would have written and `server verify` passes.
//! Answers come from a fixed-seed generator: the same shape gives the same
//! data.

use app::answers::Answers;
use app::backend::catalog;
use app::backend::store::{self, BoardInfo, DatabaseOptions, DatabaseUrl, Store, Submission};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

/// Submissions per group commit, the writer's own largest batch.
const BATCH: usize = 2048;

/// How much to write.
#[derive(Clone, Copy, Debug)]
pub struct Shape {
    /// Boards, named `gen-000000`, `gen-000001`, … on the programmer matrix.
    pub boards: usize,
    /// Respondents per board, each with one complete submission.
    pub per_board: usize,
}

/// The id of generated board `n`.
pub fn board_id(n: usize) -> String {
    format!("gen-{n:06}")
}

/// Writes `shape` into the (new, empty) database at `url`, telling
/// `progress` how many submissions are stored after each commit.
pub async fn generate(url: &str, shape: Shape, mut progress: impl FnMut(&str, usize)) -> Result<(), String> {
    let url = DatabaseUrl::parse(url)?;
    let store = store::open(&url, &DatabaseOptions::default()).await.map_err(|e| e.to_string())?;
    let matrices = Path::new(env!("CARGO_MANIFEST_DIR")).join("../matrices");
    let catalog = catalog::load_dir(&matrices).map_err(|e| e.to_string())?;
    let matrix = catalog["programmer"].clone();
    let json = serde_json::to_string(&*matrix).map_err(|e| e.to_string())?;
    let rows: Vec<String> = matrix.rows().map(|r| r.id.clone()).collect();
    for n in 0..shape.boards {
        let info = BoardInfo {
            id: board_id(n),
            matrix_id: "programmer".into(),
            title: format!("Generated team {n}"),
            private: false,
            created_at: 1_700_000_000 + n as i64,
        };
        store.insert_board(info, None, json.clone()).await.map_err(|e| e.to_string())?;
        if (n + 1) % 1000 == 0 {
            progress("boards", n + 1);
        }
    }
    let mut seed = 0x7a11_u64;
    let mut batch = Vec::with_capacity(BATCH);
    let mut stored = 0;
    for n in 0..shape.boards {
        for r in 0..shape.per_board {
            let answers: Answers = rows.iter().map(|row| (row.clone(), next(&mut seed) as u8 % 4)).collect();
            batch.push(Submission {
                board: board_id(n),
                respondent: format!("generated-{r:08}"),
                answers,
                submitted_at: 1_700_000_000 + r as i64,
                shape: 0,
                group: None,
                role: None,
                // Generated boards are open to anyone and never change that.
                admitted_at: 0,
            });
            if batch.len() == BATCH {
                stored += commit(&*store, &mut batch).await?;
                progress("submissions", stored);
            }
        }
    }
    stored += commit(&*store, &mut batch).await?;
    progress("submissions", stored);
    Ok(())
}

async fn commit(store: &dyn Store, batch: &mut Vec<Submission>) -> Result<usize, String> {
    let size = batch.len();
    if size > 0 {
        store.apply(Arc::new(std::mem::take(batch))).await.map_err(|e| e.to_string())?;
    }
    Ok(size)
}

/// A 64-bit linear congruential step: fixed data, no dependency.
fn next(seed: &mut u64) -> u64 {
    *seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
    *seed >> 33
}

/// The data file for `shape`, generated on first use.
#[allow(dead_code)] // the benchmarks' helper; `examples/generate.rs` writes where it is told instead
pub async fn data_file(shape: Shape) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/bench-data");
    let file = dir.join(format!("boards-{}x{}.db", shape.boards, shape.per_board));
    if !file.exists() {
        std::fs::create_dir_all(&dir).unwrap();
        let partial = file.with_extension("partial");
        let _ = std::fs::remove_file(&partial);
        let url = format!("sqlite://{}", partial.display());
        let started = Instant::now();
        let said = |what: &str, done: usize| {
            if done % 100_000 < 2048 {
                eprintln!("generating: {done} {what} ({:.0} s)", started.elapsed().as_secs_f64());
            }
        };
        generate(&url, shape, said).await.unwrap();
        std::fs::rename(&partial, &file).unwrap();
        let _ = std::fs::remove_file(partial.with_extension("partial.lock"));
        eprintln!("generated {} in {:.0} s", file.display(), started.elapsed().as_secs_f64());
    }
    file
}
