//! Speed of merging through the shared folder (issue 20), at the scale of a heavy user: into
//! the 100,000-card collection with 1,000,000 reviews of `benches/scale.rs` (its journal
//! written to the folder once, as after its first sync), merge 100,000 reviews from another
//! device (one for each card, a day after the collection's last) and, as an ordinary merge,
//! a session's 200. Each merge runs on a fresh copy of the collection and the folder (the
//! copying is not timed). The first export of the whole history is timed once and written to
//! `target/bench-results/sync_export.json`. Under `cargo test` each runs once on the small
//! collection (1,000 cards), with 1,000 reviews instead of 100,000.

#[allow(dead_code)]
#[path = "../examples/synth_collection.rs"]
mod synth;

#[path = "shared/mod.rs"]
mod shared;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criterion::{Criterion, SamplingMode};
use factquiz::schedule::Scheduler;
use factquiz::store::Store;
use factquiz::store::sync::SyncedReview;
use factquiz::sync::event::{Entry, Event};
use factquiz::sync::{Device, segment};
use shared::{benching, copy_dir, fixed_collection, ms, record, target_dir};

/// The other device.
const OTHER: &str = "0b0e6a52-5c2f-4bd7-9d1e-2f1c8d7a9e31";

/// A collection whose journal is in its folder, and the other device's segments to merge.
struct Base {
    _tmp: tempfile::TempDir,
    data: PathBuf,
    folder: PathBuf,
    me: Device,
}

fn base() -> Base {
    let tmp = tempfile::Builder::new()
        .prefix("factquiz-sync-bench-")
        .tempdir_in(target_dir())
        .expect("a temporary folder");
    let data = tmp.path().join("data");
    let folder = tmp.path().join("folder");
    copy_dir(&fixed_collection(), &data);
    std::fs::create_dir_all(&folder).expect("the folder");
    let mut store = Store::open(&data).expect("the store");
    let me = factquiz::sync::config::device(&mut store).expect("the device");
    let sched = Scheduler::new(&[], 0.9).expect("a scheduler");
    let t = Instant::now();
    let out = factquiz::sync::run(&mut store, &folder, &me, &sched, None, now_ms())
        .expect("the first sync");
    record(
        "sync_export",
        &[("ms", ms(t.elapsed())), ("events", out.written as f64)],
    );
    Base {
        _tmp: tmp,
        data,
        folder,
        me,
    }
}

fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

/// The other device's journal: `n` reviews, each of another card, after every review here.
fn other_journal(data: &Path, n: usize, into: &Path) {
    let store = Store::open_read_only(data).expect("the store");
    let mut cards: Vec<(String, String, i64)> = Vec::new();
    store
        .for_each_state(|deck, card, s, _| cards.push((deck.into(), card.into(), s.last_review_ms)))
        .expect("the states");
    cards.sort();
    let after = cards.iter().map(|c| c.2).max().unwrap_or(0) + 86_400_000;
    let entries: Vec<Entry> = cards
        .iter()
        .cycle()
        .take(n)
        .enumerate()
        .map(|(i, (deck, card, _))| {
            let time_ms = after + i as i64 * 1000;
            Entry {
                seq: i as i64 + 1,
                event: Event::Review(SyncedReview {
                    deck: deck.clone(),
                    card: card.clone(),
                    time_ms,
                    order_ms: time_ms,
                    tz: 0,
                    day: time_ms / 86_400_000,
                    grade: [3, 3, 3, 1, 2, 4][i % 6],
                    correct: i % 6 != 3,
                    mode: "typed".into(),
                    queue_before: 2,
                    taken_ms: 6000,
                    answer: (i % 6 == 3).then(|| "a wrong answer".into()),
                    confidence: None,
                    due_ms: None,
                    // What the card taught, as an answer given with facts kept carries it.
                    fact: Some(0x9e37_79b9_7f4a_7c15 ^ (i as u64 % cards.len() as u64)),
                    learned: Some(format!("answer number {i}; claim disputed: 225 / 238")),
                }),
            }
        })
        .collect();
    let dir = into
        .join("factquiz")
        .join("devices")
        .join(OTHER)
        .join("journal");
    std::fs::create_dir_all(&dir).expect("its folder");
    for chunk in entries.chunks(factquiz::sync::export::SEGMENT_EVENTS) {
        segment::write(&dir, OTHER, "desktop", chunk, after).expect("a segment");
    }
}

/// A copy of the collection and its folder (the journal hard-linked), with the other device's
/// `n` reviews to merge.
fn fresh(base: &Base, others: &Path, into: &Path) -> (PathBuf, PathBuf) {
    let (data, folder) = (into.join("data"), into.join("folder"));
    copy_dir(&base.data, &data);
    link_dir(&base.folder, &folder);
    link_dir(others, &folder);
    (data, folder)
}

fn link_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("a folder");
    for e in std::fs::read_dir(from).expect("a folder").flatten() {
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            link_dir(&e.path(), &target);
        } else if std::fs::hard_link(e.path(), &target).is_err() {
            std::fs::copy(e.path(), &target).expect("a file");
        }
    }
}

/// One merge of the other device's journal into a fresh copy, timed.
fn merge_once(base: &Base, others: &Path, expect: usize) -> Duration {
    let tmp = tempfile::Builder::new()
        .prefix("factquiz-sync-merge-")
        .tempdir_in(target_dir())
        .expect("a temporary folder");
    let (data, folder) = fresh(base, others, tmp.path());
    let mut store = Store::open(&data).expect("the store");
    let sched = Scheduler::new(&[], 0.9).expect("a scheduler");
    let t = Instant::now();
    let out = factquiz::sync::run(&mut store, &folder, &base.me, &sched, None, now_ms())
        .expect("the merge");
    let took = t.elapsed();
    assert_eq!(out.reviews_added, expect);
    took
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    let base = base();
    let big = if benching() { 100_000 } else { 1_000 };
    let mut g = c.benchmark_group("sync");
    g.sampling_mode(SamplingMode::Flat);
    g.sample_size(10);
    g.warm_up_time(Duration::from_millis(1));
    for n in [big, 200] {
        let name = format!("merge_{n}_reviews");
        let others = tempfile::tempdir().expect("a folder");
        other_journal(&base.data, n, others.path());
        g.measurement_time(Duration::from_secs(if n > 1000 { 20 } else { 2 }));
        g.bench_function(&name, |b| {
            b.iter_custom(|iters| {
                (0..iters)
                    .map(|_| merge_once(&base, others.path(), n))
                    .sum()
            })
        });
    }
    g.finish();
    c.final_summary();
}
