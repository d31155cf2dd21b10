//! Importing an Anki package at the size issue 21 names: 20,000 notes (Basic, reversed and
//! Cloze, so about 30,000 cards) and 300,000 reviews, read (zip, zstd, the collection, HTML to
//! text, cards and histories) and written (backup, every review and each card's FSRS state
//! from its history in one transaction, the decks). The package is made once into
//! `target/bench-anki/` by the tests' own Anki file maker. Under `cargo test` it runs once on a
//! small package (500 notes, 5,000 reviews).

#[path = "../tests/common/anki.rs"]
mod anki;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anki::{ASIA, AnkiFile, BASIC, CLOZE, DEFAULT_DECK, REVERSED, REVIEW_QUEUE};
use criterion::{BatchSize, Criterion, criterion_group};
use factquiz::interop::{Options, read};
use factquiz::study::Collection;

/// One day in milliseconds (the Anki file maker counts in it).
const DAY: i64 = 86_400_000;
const NOTES: usize = 20_000;
const REVIEWS: usize = 300_000;

fn benching() -> bool {
    std::env::args().any(|a| a == "--bench")
}

fn target_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .map_or_else(|| PathBuf::from("target"), Path::to_path_buf)
}

/// A package of `notes` notes (half Basic, a quarter reversed, a quarter Cloze with two
/// deletions) in two decks, with HTML in their fields, and `reviews` reviews spread over the
/// cards, a few days apart, mostly Good with some Again.
fn make_package(path: &Path, notes: usize, reviews: usize) -> usize {
    let f = AnkiFile::new(18);
    f.begin();
    let mut cards = Vec::new();
    for i in 0..notes {
        let id = 1_000_000 + i as i64;
        let deck = if i % 3 == 0 { DEFAULT_DECK } else { ASIA };
        let tags = format!("topic{} bench::import", i % 40);
        match i % 4 {
            0 | 1 => {
                let q = format!("What is fact <b>{i}</b> of the set?");
                f.note(
                    id,
                    &format!("g{i}"),
                    BASIC,
                    &[&q, &format!("answer&nbsp;{i}")],
                    &tags,
                );
                cards.push((id * 10, id, deck, 0));
            }
            2 => {
                let q = format!("term {i}");
                f.note(
                    id,
                    &format!("g{i}"),
                    REVERSED,
                    &[&q, &format!("meaning<br>{i}")],
                    &tags,
                );
                cards.push((id * 10, id, deck, 0));
                cards.push((id * 10 + 1, id, deck, 1));
            }
            _ => {
                let text = format!(
                    "In {{{{c1::{}}}}} the count was {{{{c2::{i}::a number}}}}.",
                    1900 + i % 120
                );
                f.note(id, &format!("g{i}"), CLOZE, &[&text, "extra"], &tags);
                cards.push((id * 10, id, deck, 0));
                cards.push((id * 10 + 1, id, deck, 1));
            }
        }
    }
    for &(card, note, deck, ord) in &cards {
        f.card(card, note, deck, ord, REVIEW_QUEUE);
    }
    let t0 = 19_000 * DAY;
    let per_card = reviews.div_ceil(cards.len());
    let mut written = 0;
    'all: for k in 0..per_card {
        for (c, &(card, ..)) in cards.iter().enumerate() {
            if written == reviews {
                break 'all;
            }
            let ease = if (c + k) % 7 == 0 { 1 } else { 3 };
            let time = t0 + (k as i64) * 3 * DAY + c as i64 * 1_000;
            f.review(time, card, ease, 5_000, u8::from(k > 0));
            written += 1;
        }
    }
    f.commit();
    f.write_apkg(path);
    cards.len()
}

fn package() -> PathBuf {
    let (notes, reviews) = if benching() {
        (NOTES, REVIEWS)
    } else {
        (500, 5_000)
    };
    let dir = target_dir().join("bench-anki");
    std::fs::create_dir_all(&dir).expect("a folder for the package");
    let path = dir.join(format!("notes{notes}-reviews{reviews}.apkg"));
    if !path.exists() {
        let cards = make_package(&path, notes, reviews);
        eprintln!(
            "wrote {} ({notes} notes, {cards} cards, {reviews} reviews)",
            path.display()
        );
    }
    path
}

fn import(c: &mut Criterion) {
    let path = package();
    let mut g = c.benchmark_group("anki import");
    g.sample_size(10).measurement_time(Duration::from_secs(60));
    g.bench_function("read and import an apkg", |b| {
        b.iter_batched(
            || tempfile::tempdir().expect("a data folder"),
            |dir| {
                let started = Instant::now();
                let foreign = read(&path, &Options::default(), &|_| {}).expect("read the package");
                let mut coll = Collection::open(dir.path(), &[]).expect("open a collection");
                let (done, _) = coll.import_foreign(&foreign, false, &[]).expect("import");
                assert_eq!(done.history.reviews, foreign.report.reviews);
                if !benching() {
                    assert!(foreign.report.cards > 0 && done.history.reviews > 0);
                }
                eprintln!(
                    "imported {} notes, {} cards, {} reviews in {:.2} s",
                    foreign.report.notes,
                    foreign.report.cards,
                    done.history.reviews,
                    started.elapsed().as_secs_f64()
                );
                dir
            },
            BatchSize::PerIteration,
        );
    });
    g.finish();
}

criterion_group!(benches, import);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
}
