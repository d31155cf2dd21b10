//! What the benchmarks share: the heavy user's collection (100,000 cards, 1,000,000 reviews,
//! written once by `examples/synth_collection.rs`, which the bench that includes this module
//! also includes as `synth`), copying it, opening it as the app does, and the figures written
//! for `scripts/bench.sh`.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::time::Duration;

use factquiz::deck::Library;
use factquiz::store::Store;
use factquiz::study::Collection;

pub const CARDS: usize = 100_000;
pub const REVIEWS: usize = 1_000_000;

pub fn target_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .map_or_else(|| PathBuf::from("target"), Path::to_path_buf)
}

/// Whether this is a benchmark run (`cargo bench`), not `cargo test` running each benchmark
/// once to see that it works: that one uses a small collection and records nothing.
pub fn benching() -> bool {
    std::env::args().any(|a| a == "--bench")
}

/// The large collection, written on the first run and reused after (under `cargo test`, the
/// small one: 1,000 cards, 10,000 reviews).
pub fn fixed_collection() -> PathBuf {
    let (dir, cards, reviews) = if benching() {
        let dir = std::env::var_os("FACTQUIZ_BENCH_COLLECTION")
            .map_or_else(|| target_dir().join("bench-collection"), PathBuf::from);
        (dir, CARDS, REVIEWS)
    } else {
        (target_dir().join("bench-collection-small"), 1_000, 10_000)
    };
    let done = dir.join("complete");
    if !done.exists() {
        let _ = std::fs::remove_dir_all(&dir);
        eprintln!(
            "writing the benchmark collection into {} (once; a few minutes)",
            dir.display()
        );
        let w = crate::synth::generate(cards, reviews, &dir, 42);
        eprintln!("{w:?}");
        // Leave the file as the app finds it: the log checkpointed into the file.
        drop(Store::open(&dir).expect("reopen the collection"));
        std::fs::write(&done, format!("{w:?}\n")).expect("mark the collection complete");
    }
    dir
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create a folder");
    for e in std::fs::read_dir(from).expect("read a folder").flatten() {
        let path = e.path();
        let name = e.file_name();
        if name == "backups" || name == "factquiz.lock" {
            continue;
        }
        if path.is_dir() {
            copy_dir(&path, &to.join(&name));
        } else {
            std::fs::copy(&path, to.join(&name)).expect("copy a file");
        }
    }
}

/// The collection as the app holds it (opened without the daily backup and integrity check,
/// which the start-up figure of `scripts/bench.sh` covers): its decks' copies in the deck
/// cache written first, so that cards are read from there as the app reads them.
pub fn open(dir: &Path) -> Collection {
    factquiz::deck::library::write_copies(dir);
    let lib = Library::load(Some(&factquiz::data_dir::user_decks(dir)), &[]);
    let store = Store::open(dir).expect("open the store");
    Collection::from_parts(lib, store).expect("open the collection")
}

/// Writes a figure for `scripts/bench.sh` as JSON: `{"name": ..., key: ms, ...}`.
pub fn record(name: &str, figures: &[(&str, f64)]) {
    if !benching() {
        return;
    }
    let dir = target_dir().join("bench-results");
    let _ = std::fs::create_dir_all(&dir);
    let body: Vec<String> = figures
        .iter()
        .map(|(k, v)| format!("\"{k}\": {v:.4}"))
        .collect();
    let json = format!("{{\"name\": \"{name}\", {}}}\n", body.join(", "));
    eprint!("{name}: {json}");
    let _ = std::fs::write(dir.join(format!("{name}.json")), json);
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
