//! Speed at the scale of a heavy user (issue 8): 100,000 cards in 20 decks and 1,000,000
//! reviews. Every row of the table that runs inside the process: due counts, the first
//! card of a session, one answer (with its p50 and p99), a frame of the review, home and browser
//! screens, loading a 10,000-card deck, the browser's search and a card read from the deck
//! cache, the statistics and the parameter optimisation.
//!
//! The collection is written once into `target/bench-collection` (by
//! `examples/synth_collection.rs`, included below) and copied to a temporary folder for each
//! run, so that the answers written here never change it. `FACTQUIZ_BENCH_COLLECTION=DIR`
//! names another folder. Figures that criterion does not give (percentiles, the first frame of
//! the browser) are printed and written as JSON to `target/bench-results/`, where
//! `scripts/bench.sh` reads them. Under `cargo test` each benchmark runs once, on a small
//! collection (1,000 cards, 10,000 reviews), and nothing is recorded.

#[allow(dead_code)]
#[path = "../examples/synth_collection.rs"]
mod synth;

#[path = "scale/answers.rs"]
mod answers;
#[path = "scale/cache.rs"]
mod cache;
#[path = "scale/frames.rs"]
mod frames;

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group};
use factquiz::deck::Library;
use factquiz::stats::charts_job;
use factquiz::store::Store;
use factquiz::study::optimize_job::OptimizeJob;
use factquiz::study::{Collection, StudySession, no_waker};

const CARDS: usize = 100_000;
const REVIEWS: usize = 1_000_000;

fn target_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .map_or_else(|| PathBuf::from("target"), Path::to_path_buf)
}

/// Whether this is a benchmark run (`cargo bench`), not `cargo test` running each benchmark
/// once to see that it works: that one uses a small collection and records nothing.
fn benching() -> bool {
    std::env::args().any(|a| a == "--bench")
}

/// The large collection, written on the first run and reused after (under `cargo test`, the
/// small one: 1,000 cards, 10,000 reviews).
fn fixed_collection() -> PathBuf {
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
        let w = synth::generate(cards, reviews, &dir, 42);
        eprintln!("{w:?}");
        // Leave the file as the app finds it: the log checkpointed into the file.
        drop(Store::open(&dir).expect("reopen the collection"));
        std::fs::write(&done, format!("{w:?}\n")).expect("mark the collection complete");
    }
    dir
}

fn copy_dir(from: &Path, to: &Path) {
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

/// The copy of the large collection that read-only benchmarks share, made on first use and
/// removed at the end of the run.
static SHARED: Mutex<Option<tempfile::TempDir>> = Mutex::new(None);

fn shared_copy() -> PathBuf {
    let mut shared = SHARED.lock().unwrap_or_else(|e| e.into_inner());
    shared
        .get_or_insert_with(|| {
            let from = fixed_collection();
            let tmp = tempfile::Builder::new()
                .prefix("factquiz-bench-")
                .tempdir_in(target_dir())
                .expect("a temporary folder");
            copy_dir(&from, tmp.path());
            tmp
        })
        .path()
        .to_path_buf()
}

/// The collection as the app holds it (opened without the daily backup and integrity check,
/// which the start-up figure of `scripts/bench.sh` covers): its decks' copies in the deck
/// cache written first, so that cards are read from there as the app reads them.
fn open(dir: &Path) -> Collection {
    factquiz::deck::library::write_copies(dir);
    let lib = Library::load(Some(&factquiz::data_dir::user_decks(dir)), &[]);
    let store = Store::open(dir).expect("open the store");
    Collection::from_parts(lib, store).expect("open the collection")
}

fn all_decks(c: &Collection) -> Vec<usize> {
    (0..c.library().decks.len()).collect()
}

/// Writes a figure for `scripts/bench.sh` as JSON: `{"name": ..., key: ms, ...}`.
fn record(name: &str, figures: &[(&str, f64)]) {
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

fn percentile(sorted_ms: &[f64], p: f64) -> f64 {
    if sorted_ms.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted_ms.len() - 1) as f64 * p).round() as usize;
    sorted_ms[i]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn deck_counts(c: &mut Criterion) {
    let coll = open(&shared_copy());
    let mut g = c.benchmark_group("counts");
    g.sample_size(30);
    g.bench_function("deck_counts", |b| b.iter(|| coll.deck_counts().unwrap()));
    g.finish();
}

fn session_start(c: &mut Criterion) {
    let coll = open(&shared_copy());
    let decks = all_decks(&coll);
    let mut g = c.benchmark_group("session");
    g.sample_size(20);
    g.bench_function("start_all_decks", |b| {
        let mut seed = 0;
        b.iter(|| {
            seed += 1;
            let s = StudySession::start(&coll, decks.clone(), seed).unwrap();
            assert!(s.current.is_some());
            s
        })
    });
    g.finish();
}

fn deck_file(c: &mut Criterion) {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let path = tmp.path().join("big.ron");
    let mut rng = <rand::rngs::StdRng as rand::SeedableRng>::seed_from_u64(7);
    let deck = synth::deck(0, 10_000, &mut rng);
    std::fs::write(&path, factquiz::deck::load::to_ron(&deck)).expect("write the deck");
    let mut g = c.benchmark_group("deck");
    g.sample_size(10);
    g.bench_function("load_validate_10000_cards", |b| {
        b.iter(|| {
            let lib = Library::from_files(std::slice::from_ref(&path));
            assert_eq!(lib.card_count(), 10_000, "{:?}", lib.errors.first());
            lib
        })
    });
    g.finish();
}

fn charts(c: &mut Criterion) {
    let mut coll: Option<Collection> = None;
    let mut g = c.benchmark_group("stats");
    g.sample_size(10);
    g.bench_function("charts_all_decks", |b| {
        let coll = coll.get_or_insert_with(|| {
            let dir = shared_copy();
            // The first time ever, the day figures' cache is built from the log.
            Store::open(&dir)
                .and_then(|mut s| s.forget_day_figures())
                .expect("no cache");
            let coll = open(&dir);
            let t = Instant::now();
            charts_job(&coll, None, no_waker())
                .wait()
                .expect("the charts");
            record("charts_first", &[("ms", ms(t.elapsed()))]);
            coll
        });
        b.iter(|| {
            charts_job(coll, None, no_waker())
                .wait()
                .expect("the charts")
        })
    });
    g.finish();
}

fn optimize(c: &mut Criterion) {
    let coll = open(&shared_copy());
    let mut g = c.benchmark_group("optimize");
    g.sample_size(10);
    g.warm_up_time(Duration::from_millis(1));
    g.measurement_time(Duration::from_secs(1));
    g.bench_function("all_reviews", |b| {
        b.iter(|| {
            let mut job = OptimizeJob::start(&coll, no_waker()).expect("a writable collection");
            loop {
                if let Some(r) = job.take() {
                    return r.expect("the optimiser");
                }
                std::thread::sleep(Duration::from_millis(5));
            }
        })
    });
    g.finish();
}

criterion_group!(
    benches,
    deck_counts,
    session_start,
    deck_file,
    charts,
    frames::frames,
    answers::answer,
    cache::cache,
    optimize
);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
    // Statics are never dropped: remove the shared copy here.
    drop(SHARED.lock().unwrap_or_else(|e| e.into_inner()).take());
}
