//! Weak topics, chart figures and browser filters on a hand-built history with known answers,
//! and every screen opened in the real app.

mod common;

use factquiz::deck::{DeckOrigin, Library};
use factquiz::quiz::Grade;
use factquiz::schedule::queue::Slot;
use factquiz::schedule::{CardState, Clock, Queue};
use factquiz::stats::charts_job;
use factquiz::stats::topics::{RecallAt, leeches, topic_stats, weak_topic_queue};
use factquiz::store::{ReviewRecord, Store};
use factquiz::study::browse::{Filter, SortBy, StateFilter, rows, select};
use factquiz::study::{Collection, StudyResult, no_waker};

const DAY: i64 = 86_400_000;
/// Day 19,000 (2022-01-08) at noon UTC.
const NOON: i64 = 19_000 * DAY + 12 * 3_600_000;

/// Four cards: a0 and a1 have topic "person/A", b0 and b1 "person/B"; b1 is also "event/X".
fn deck() -> String {
    let card = |id: &str, topics: &str, answer: &str| {
        format!(
            "(id: \"{id}\", kind: What, topics: [{topics}], prompt: \"Q {id}?\", answer: Phrase([\"{answer}\"]),
              evidence: [(source: \"s\", locator: \"top\", says: \"it\")]),"
        )
    };
    format!(
        "Deck(id: \"d\", title: \"D\", sources: [(id: \"s\", title: \"S\", published: \"2022\")],
          cards: [{}{}{}{}])",
        card("a0", "\"person/A\"", "alpha zero"),
        card("a1", "\"person/A\"", "alpha one"),
        card("b0", "\"person/B\"", "bravo zero"),
        card("b1", "\"person/B\", \"event/X\"", "bravo one"),
    )
}

fn collection_over(store: Store) -> Collection {
    let mut lib = Library::default();
    lib.add_text(&deck(), "d.ron", DeckOrigin::BuiltIn);
    let mut c = Collection::from_parts(lib, store).unwrap();
    c.set_clock(Some(Clock {
        now_ms: NOON,
        offset_secs: 0,
    }));
    c
}

/// A review of `card` on `day` (relative to today), right or not, leaving a review state that
/// was last reviewed `stale_days` ago with stability `stability`.
fn review(card: &str, day: i64, correct: bool, after: CardState) -> ReviewRecord {
    ReviewRecord {
        deck_id: "d".into(),
        card_id: card.into(),
        time_ms: NOON + day * DAY,
        grade: if correct {
            Grade::Good as u8
        } else {
            Grade::Again as u8
        },
        correct,
        mode: "typed".into(),
        answer: Some(if correct {
            "right".into()
        } else {
            format!("wrong {day}")
        }),
        taken_ms: 4_000,
        confidence: None,
        day: 19_000 + day,
        before: Some(CardState {
            queue: Queue::Review,
            ..CardState::new_card()
        }),
        after,
    }
}

fn state(stability: f32, last_days_ago: i64, lapses: u32) -> CardState {
    CardState {
        stability,
        difficulty: 5.0,
        due_ms: NOON + DAY,
        due_day: 19_001 + i64::from(lapses),
        last_review_ms: NOON - last_days_ago * DAY,
        reps: 3,
        lapses,
        streak: 0,
        queue: Queue::Review,
        suspended: false,
        buried_until_day: i64::MIN,
        leech: lapses >= 8,
    }
}

/// The collection over a progress that holds a known history.
fn studied() -> Collection {
    // A: well known (high stability, reviewed yesterday, all right).
    // B: weak (low stability, reviewed 20 days ago, mostly wrong); b1 is a leech.
    let records = vec![
        review("a0", -1, true, state(100.0, 1, 0)),
        review("a1", -1, true, state(100.0, 1, 0)),
        review("b0", -20, false, state(1.0, 20, 1)),
        review("b1", -25, false, state(2.0, 20, 8)),
        review("b1", -20, true, state(2.0, 20, 8)),
        review("b0", -40, false, state(1.0, 20, 1)), // older than 30 days: not in accuracy
    ];
    let mut store = Store::in_memory().unwrap();
    store.record_many(&records).unwrap();
    collection_over(store)
}

#[test]
fn topics_rank_weakest_first_with_known_figures() {
    let c = studied();
    let stats = topic_stats(&c, RecallAt::InAWeek).unwrap();
    let names: Vec<&str> = stats.iter().map(|t| t.topic.as_str()).collect();
    // B: recall low and 1 of 3 right; X (only b1): 1 of 2 right; A: all right, recall high.
    assert_eq!(names, vec!["person/B", "event/X", "person/A"]);
    let b = &stats[0];
    assert_eq!(
        (b.cards, b.studied, b.unseen, b.lapses, b.leeches),
        (2, 2, 0, 9, 1)
    );
    assert_eq!(
        b.recent_answers, 3,
        "the review 40 days ago is outside the 30 days"
    );
    assert!((b.accuracy.unwrap() - 1.0 / 3.0).abs() < 1e-6);
    let a = &stats[2];
    assert_eq!(a.accuracy, Some(1.0));
    // Recall in a week: A (stability 100, a day since) above 98%; B far below.
    assert!(
        a.recall.unwrap() > 0.98 && b.recall.unwrap() < 0.7,
        "{a:?} {b:?}"
    );
}

#[test]
fn a_weak_topic_session_takes_its_cards_lowest_recall_first() {
    let mut c = studied();
    let q: Vec<Slot> = weak_topic_queue(&c, &["person/B".into()], 10)
        .into_iter()
        .collect();
    // b0 (stability 1) is weaker than b1 (stability 2); neither is due today.
    assert_eq!(
        q,
        vec![Slot { deck: 0, card: 2 }, Slot { deck: 0, card: 3 }]
    );
    assert!(c.state(q[0]).unwrap().due_day > c.clock().today());
    // Unseen cards come after studied ones; suspended cards never.
    c.set_suspended(Slot { deck: 0, card: 2 }, true).unwrap();
    let q: Vec<Slot> = weak_topic_queue(&c, &["person/B".into(), "person/A".into()], 10)
        .into_iter()
        .collect();
    assert_eq!(q.len(), 3);
    assert_eq!(q[0], Slot { deck: 0, card: 3 });
}

#[test]
fn leeches_list_the_wrong_answers() {
    let c = studied();
    let l = leeches(&c).unwrap();
    assert_eq!(l.len(), 1);
    assert_eq!(l[0].slot, Slot { deck: 0, card: 3 });
    assert_eq!(l[0].wrong_answers, vec!["wrong -25".to_string()]);
}

#[test]
fn chart_figures_match_the_history() {
    let c = studied();
    let charts = charts_job(&c, None, no_waker()).wait().unwrap();
    let today = charts.days.last().unwrap();
    assert_eq!(today.day, 19_000);
    let yesterday = charts.days[charts.days.len() - 2];
    assert_eq!((yesterday.reviews, yesterday.right), (2, 2));
    assert_eq!(yesterday.seconds, 8.0);
    let total: u32 = charts.days.iter().map(|d| d.reviews).sum();
    assert_eq!(total, 6);
    // Every review here was of a card in review: retention 3 right of 6, all in one month.
    let answers: u32 = charts.retention.iter().map(|m| m.answers).sum();
    let right: u32 = charts.retention.iter().map(|m| m.right).sum();
    assert_eq!((answers, right), (6, 3));
    assert_eq!(charts.states.review, 4);
    assert_eq!(charts.states.leech, 1);
    // Due tomorrow: a0, a1 (due_day 19,001); b0 on 19,002; b1 on 19,009.
    assert_eq!(&charts.forecast[..3], &[0, 2, 1]);
    assert_eq!(charts.forecast[9], 1);
}

#[test]
fn browser_filters_and_sorts() {
    let c = studied();
    let r = rows(&c);
    let ids = |sel: StudyResult<Vec<u32>>| -> Vec<String> {
        sel.unwrap()
            .iter()
            .map(|&i| c.card(r[i as usize].slot()).unwrap().id.to_string())
            .collect()
    };
    assert_eq!(
        ids(select(&c, &r, &Filter::default())),
        ["a0", "a1", "b0", "b1"]
    );
    let text = Filter {
        text: "BRAVO".into(),
        ..Filter::default()
    };
    assert_eq!(ids(select(&c, &r, &text)), ["b0", "b1"]);
    let topic = Filter {
        topic: Some("event/X".into()),
        ..Filter::default()
    };
    assert_eq!(ids(select(&c, &r, &topic)), ["b1"]);
    let leech = Filter {
        state: Some(StateFilter::Leech),
        ..Filter::default()
    };
    assert_eq!(ids(select(&c, &r, &leech)), ["b1"]);
    let by_recall = Filter {
        sort: SortBy::Recall,
        ..Filter::default()
    };
    assert_eq!(ids(select(&c, &r, &by_recall)), ["b0", "b1", "a0", "a1"]);
    let by_lapses = Filter {
        sort: SortBy::Lapses,
        descending: true,
        ..Filter::default()
    };
    assert_eq!(ids(select(&c, &r, &by_lapses))[0], "b1");
}

#[test]
fn every_screen_opens_in_the_app() {
    use egui_kittest::kittest::Queryable;
    use factquiz::ui::Screen;
    let dir = tempfile::tempdir().unwrap();
    let mut h = common::harness(dir.path(), [1100.0, 800.0]);
    h.run();
    let n = h.state().collection().unwrap().library().card_count();
    let all = format!("{n} of {n} cards");
    for (key, screen, text) in [
        (egui::Key::T, Screen::Topics, "Weak topics"),
        (egui::Key::B, Screen::Browser, all.as_str()),
        (egui::Key::G, Screen::Stats, "Statistics"),
    ] {
        h.key_press(egui::Key::Escape);
        h.run_steps(3);
        h.key_press(key);
        // The statistics screen shows a spinner while its worker computes: step, do not settle.
        h.run_steps(3);
        assert_eq!(h.state().screen(), screen);
        h.get_by_label(text);
    }
    // The charts arrive from the worker.
    for _ in 0..500 {
        if h.query_by_label_contains("Reviews in the last year")
            .is_some()
        {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
        h.step();
    }
    h.get_by_label_contains("Reviews in the last year");
    // The browser shows a card's evidence and history when one is picked.
    h.key_press(egui::Key::Escape);
    h.run_steps(3);
    h.key_press(egui::Key::B);
    h.run();
    h.get_all_by_label_contains("aftermath-2022-2024 · Who")
        .next()
        .unwrap()
        .click();
    h.run();
    h.get_by_label("Review history");
    h.get_by_label("Evidence");
}
