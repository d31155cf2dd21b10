//! What the integration tests set up again and again: a small deck of What cards and its
//! library, a fixed clock, a collection over a data folder, and the real app in a kittest
//! harness. Each test crate uses the part it needs.
#![allow(dead_code)]

pub mod anki;
pub mod sync;

use std::path::Path;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use factquiz::deck::{DeckOrigin, Library};
use factquiz::schedule::Clock;
use factquiz::store::Store;
use factquiz::study::Collection;
use factquiz::ui::{App, Startup};

pub const DAY: i64 = 86_400_000;
/// 2022-01-06 12:00 UTC.
pub const NOON: i64 = 18_998 * DAY + 12 * 3_600_000;

/// A new card's state in the compact byte form that schema versions 1 and 2 kept before and
/// after each answer (the review log of version 3 dropped it, and factquiz no longer writes it).
pub fn old_new_card_state() -> Vec<u8> {
    [
        &[2u8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0][..],
        &[0xff; 9],
        &[1, 0, 0, 0],
    ]
    .concat()
}

/// A valid deck "d" of `n` What cards ("c0", "c1"...: "answer number i") with one source.
pub fn deck_text(n: usize) -> String {
    let cards: String = (0..n)
        .map(|i| {
            format!(
                "(id: \"c{i}\", kind: What, prompt: \"Question {i}?\", \
                 answer: Phrase([\"answer number {i}\"]), \
                 evidence: [(source: \"s\", locator: \"top\", says: \"it\")]),\n"
            )
        })
        .collect();
    format!(
        "Deck(id: \"d\", title: \"D\", sources: [(id: \"s\", title: \"S\", published: \"2022-01-12\")],\n\
         cards: [\n{cards}])\n"
    )
}

/// A library of the deck of [`deck_text`].
pub fn library(n: usize) -> Library {
    let mut lib = Library::default();
    lib.add_text(&deck_text(n), "d.ron", DeckOrigin::BuiltIn);
    assert!(lib.errors.is_empty(), "{:?}", lib.errors);
    lib
}

pub fn clock(ms: i64) -> Clock {
    Clock {
        now_ms: ms,
        offset_secs: 0,
    }
}

/// A collection of an `n`-card deck over the progress of `dir`, at noon on a fixed day.
pub fn collection_in(dir: &Path, n: usize) -> Collection {
    let mut c = Collection::from_parts(library(n), Store::open(dir).unwrap()).unwrap();
    c.set_clock(Some(clock(NOON)));
    c
}

/// The real app over `dir` (its built-in decks and the progress there), headless.
pub fn harness(dir: &Path, size: [f32; 2]) -> Harness<'static, App> {
    let startup = Startup::new(dir.to_path_buf());
    Harness::builder()
        .with_size(size)
        .build_eframe(move |cc| App::new(cc, startup))
}

/// A review row as schema version `v` writes it (versions 1 and 2 kept the states and the
/// mode as text; version 3 the mode as a number).
pub fn insert_old_review(conn: &rusqlite::Connection, v: i64) {
    conn.execute(
        "INSERT INTO card (key, deck_id, card_id) VALUES (1, 'd', 'c0')",
        [],
    )
    .unwrap();
    let state = old_new_card_state();
    if v < 3 {
        conn.execute(
            "INSERT INTO review (time_ms, key, grade, correct, mode, answer, taken_ms,
               elapsed_days, day, queue_before, before, after)
             VALUES (?1, 1, 3, 1, 'typed', 'answer number 0', 4000, 0, ?2, 0, ?3, ?3)",
            rusqlite::params![NOON - DAY, 18_997, state],
        )
        .unwrap();
    } else {
        conn.execute(
            "INSERT INTO review (time_ms, key, day, grade, correct, mode, queue_before,
               taken_ms, answer)
             VALUES (?1, 1, ?2, 3, 1, 1, 0, 4000, NULL)",
            rusqlite::params![NOON - DAY, 18_997],
        )
        .unwrap();
    }
}

/// Runs the binary on a data folder: its exit code, standard output and standard error.
pub fn factquiz(data: &Path, args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_factquiz"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

/// The place in the app's library of the deck with this id.
pub fn deck_place(h: &Harness<'_, App>, id: &str) -> usize {
    let coll = h.state().collection().expect("the collection");
    let place = coll.library().decks.iter().position(|d| d.deck.id == id);
    place.unwrap_or_else(|| panic!("no deck \"{id}\""))
}

/// When the answer on screen waits for how sure it was, says so with `key` (Q, W, E; Space:
/// not said).
pub fn say_how_sure(h: &mut Harness<'_, App>, key: egui::Key) {
    let waiting = h
        .state()
        .session()
        .and_then(|s| s.current.as_ref())
        .is_some_and(|c| c.ask_confidence);
    if waiting {
        h.get_by_label("How sure are you? The answer shows next.");
        h.key_press(key);
        h.run();
    }
}

/// The reviews the app's progress holds.
pub fn review_count(h: &Harness<'_, App>) -> u64 {
    let coll = h.state().collection().expect("the collection");
    coll.store().review_count().expect("the review count")
}

/// Reads everything a child process printed, in a thread, so that a full pipe never blocks it.
pub fn drain(mut from: impl std::io::Read + Send + 'static) -> std::thread::JoinHandle<String> {
    std::thread::spawn(move || {
        let mut out = Vec::new();
        let _ = from.read_to_end(&mut out);
        String::from_utf8_lossy(&out).into_owned()
    })
}

/// Starts `cmd` with its output piped, kills it after `wait`, and gives back what it printed
/// (stdout, stderr); fails when the child stopped by itself before the kill.
pub fn kill_after(
    cmd: &mut std::process::Command,
    wait: std::time::Duration,
    round: usize,
) -> (String, String) {
    use std::process::Stdio;
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = drain(child.stdout.take().unwrap());
    let err = drain(child.stderr.take().unwrap());
    std::thread::sleep(wait);
    let _ = child.kill();
    let status = child.wait().unwrap();
    let (out, err) = (out.join().unwrap(), err.join().unwrap());
    assert!(
        status.code().is_none(),
        "round {round}: the child stopped by itself ({status}):\n{out}\n{err}"
    );
    (out, err)
}

/// The seed of a crash test's random kills: FACTQUIZ_CRASH_SEED, or a new one (printed, so
/// that a failing run can be repeated).
pub fn crash_seed() -> u64 {
    let seed: u64 = std::env::var("FACTQUIZ_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(rand::random);
    println!("seed {seed} (FACTQUIZ_CRASH_SEED={seed} repeats this run)");
    seed
}
