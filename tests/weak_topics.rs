//! Weak topics by what will be forgotten, from a hand-built history: one topic answered right,
//! one answered 0% right, both a minute ago and then ten days ago. Recall *now* is near 100%
//! for both a minute after (what the screen used to show); the recall predicted in 7 days
//! tells them apart, ranks the failed topic first, and the screen shows exactly FSRS's figure.

mod common;

use std::path::Path;

use egui_kittest::kittest::Queryable;
use factquiz::quiz::{Grade, Mode, Response};
use factquiz::schedule::Clock;
use factquiz::stats::topics::{RecallAt, topic_stats};
use factquiz::study::Collection;
use factquiz::ui::Screen;

const DECK: &str = r#"Deck(
    id: "wk",
    title: "Weak",
    sources: [(id: "s", title: "S", published: "2022-01-12")],
    cards: [
        (id: "a0", kind: What, topics: ["topic/Alpha"], prompt: "First alpha?", answer: Phrase(["alpha zero"]),
         evidence: [(source: "s", locator: "top", says: "it")]),
        (id: "a1", kind: What, topics: ["topic/Alpha"], prompt: "Second alpha?", answer: Phrase(["alpha one"]),
         evidence: [(source: "s", locator: "top", says: "it")]),
        (id: "b0", kind: What, topics: ["topic/Bravo"], prompt: "First bravo?", answer: Phrase(["bravo zero"]),
         evidence: [(source: "s", locator: "top", says: "it")]),
        (id: "b1", kind: What, topics: ["topic/Bravo"], prompt: "Second bravo?", answer: Phrase(["bravo one"]),
         evidence: [(source: "s", locator: "top", says: "it")]),
    ],
)"#;

/// When the reviews were given.
const AT: i64 = common::NOON;
const MINUTE: i64 = 60_000;

/// FSRS-6's stability after a first Good and a first Again (default parameters), and its
/// recall `days` after a review with that stability: the figures the screen must show.
const GOOD_FIRST: f32 = 2.3065;
const AGAIN_FIRST: f32 = 0.212;

fn fsrs_recall(stability: f32, days: f32) -> f32 {
    let memory = fsrs::MemoryState {
        stability,
        difficulty: 5.0,
    };
    fsrs::current_retrievability(memory, days, fsrs::FSRS6_DEFAULT_DECAY)
}

/// A data folder with the deck, where Alpha's two cards were answered right and Bravo's two
/// wrong (typed, graded as suggested) at `AT`.
fn studied() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("decks")).unwrap();
    std::fs::write(dir.path().join("decks/wk.ron"), DECK).unwrap();
    let mut c = at(dir.path(), AT);
    for (card, given) in [
        ("a0", "alpha zero"),
        ("a1", "alpha one"),
        ("b0", "no idea"),
        ("b1", "no idea"),
    ] {
        let slot = c.find("wk", card).unwrap();
        let q = c.question(slot, Mode::Typed, 0).unwrap();
        let a = c
            .check_answer(slot, q, Response::Text(given.into()), None, 4_000)
            .unwrap();
        assert_eq!(
            a.grade,
            if card.starts_with('a') {
                Grade::Good
            } else {
                Grade::Again
            }
        );
        c.record_answer(&a, a.grade).unwrap();
    }
    dir
}

fn clock(ms: i64) -> Clock {
    Clock {
        now_ms: ms,
        offset_secs: 0,
    }
}

fn at(dir: &Path, ms: i64) -> Collection {
    let mut c = Collection::open(dir, &[]).unwrap();
    c.set_clock(Some(clock(ms)));
    c
}

/// Topic -> (displayed recall, accuracy), weakest first, for the deck's two topics.
fn ranked(c: &Collection) -> Vec<(String, f32, Option<f32>)> {
    topic_stats(c, RecallAt::InAWeek)
        .unwrap()
        .into_iter()
        .filter(|t| t.topic == "topic/Alpha" || t.topic == "topic/Bravo")
        .map(|t| (t.topic, t.recall.unwrap(), t.accuracy))
        .collect()
}

/// The figures a minute after the reviews and ten days after, against FSRS's own.
#[test]
fn recall_in_seven_days_ranks_the_failed_topic_first() {
    let dir = studied();
    for (after, label) in [(MINUTE, "a minute"), (10 * common::DAY, "ten days")] {
        let c = at(dir.path(), AT + after);
        let days = (after as f32 + 7.0 * common::DAY as f32) / common::DAY as f32;
        let got = ranked(&c);
        let names: Vec<&str> = got.iter().map(|t| t.0.as_str()).collect();
        assert_eq!(names, ["topic/Bravo", "topic/Alpha"], "{label} after");
        let (bravo, alpha) = (got[0].1, got[1].1);
        assert!(
            (alpha - fsrs_recall(GOOD_FIRST, days)).abs() < 1e-3,
            "{label}: {alpha}"
        );
        assert!(
            (bravo - fsrs_recall(AGAIN_FIRST, days)).abs() < 1e-3,
            "{label}: {bravo}"
        );
        assert_eq!((got[0].2, got[1].2), (Some(0.0), Some(1.0)));
        if after == MINUTE {
            // Recall now is near 100% for both, the failed topic included: it says nothing.
            let decay = c.scheduler().decay();
            for card in ["a0", "b0"] {
                let s = *c.state(c.find("wk", card).unwrap()).unwrap();
                let now = factquiz::schedule::scheduler::retrievability(&s, AT + after, decay);
                assert!(now.unwrap() > 0.99, "{card}: {now:?}");
            }
            assert!(
                alpha - bravo > 0.2,
                "in a week they differ: {alpha} {bravo}"
            );
        }
    }
}

/// The screen shows the same figures, with a heading that says when they are for.
#[test]
fn the_screen_shows_recall_in_seven_days_and_says_so() {
    let dir = studied();
    for after in [MINUTE, 10 * common::DAY] {
        let days = (after as f32 + 7.0 * common::DAY as f32) / common::DAY as f32;
        let mut h = common::harness(dir.path(), [1100.0, 900.0]);
        h.state_mut()
            .collection_mut()
            .unwrap()
            .set_clock(Some(clock(AT + after)));
        h.run();
        h.key_press(egui::Key::T);
        h.run();
        assert_eq!(h.state().screen(), Screen::Topics);
        h.get_all_by_label("Recall in 7 days").next().unwrap();
        h.get_by_label_contains("the recall FSRS predicts in 7 days");
        let pct = |r: f32| format!("{:.0}%", r * 100.0);
        h.get_by_label(&pct(fsrs_recall(GOOD_FIRST, days)));
        h.get_by_label(&pct(fsrs_recall(AGAIN_FIRST, days)));
        h.get_by_label("2 answers, 0% right");
        h.get_by_label("2 answers, 100% right");
        // The other measure: the column's heading says which.
        h.get_all_by_label("Recall when next due")
            .next()
            .unwrap()
            .click();
        h.run();
        h.get_by_label_contains("when each card next comes due");
        assert!(h.get_all_by_label_contains("%, due ").count() >= 2);
    }
}
