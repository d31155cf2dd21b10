//! Calibration and overconfident topics from a hand-built history with known confidences:
//! the figures (all cards, disputed figures, by kind, by claim status), `factquiz stats
//! --json`, the statistics screen, and the weak-topics screen's overconfident topics with
//! their Study button.

mod common;

use std::path::Path;

use egui_kittest::kittest::Queryable;
use factquiz::quiz::{Confidence, Grade};
use factquiz::schedule::day::study_day;
use factquiz::schedule::{CardState, Queue};
use factquiz::store::{ReviewRecord, Store};
use factquiz::ui::Screen;
use serde_json::Value;

/// Four cards: f1 a figure of a disputed claim, f2 a figure of a confirmed one, w1 a Who card
/// about no claim, v1 a verdict on the disputed claim.
const DECK: &str = r#"Deck(
    id: "cal",
    title: "Calibration",
    sources: [(id: "s", title: "S", published: "2022-01-12")],
    claims: [
        (id: "toll", statement: "The toll was 225.", made_by: "officials", status: Disputed,
         values: [(source: "s", value: "225", locator: "top", says: "225 died")]),
        (id: "troops", statement: "2,030 troops came.", made_by: "the alliance", status: Confirmed,
         values: [(source: "s", value: "2,030", locator: "top", says: "2,030 came")]),
    ],
    cards: [
        (id: "f1", kind: Figure, topics: ["event/Unrest", "figure/Toll"], prompt: "How many died?",
         answer: Number(value: 225, unit: "deaths"), claim: "toll",
         evidence: [(source: "s", locator: "top", says: "225 died")]),
        (id: "f2", kind: Figure, topics: ["figure/Troops"], prompt: "How many troops came?",
         answer: Number(value: 2030, unit: "troops"), claim: "troops",
         evidence: [(source: "s", locator: "top", says: "2,030 came")]),
        (id: "w1", kind: Who, topics: ["person/Nobody", "event/Unrest"], prompt: "Who spoke?",
         answer: Name(["Nobody Special"]),
         evidence: [(source: "s", locator: "top", says: "he spoke")]),
        (id: "v1", kind: Verdict, topics: ["figure/Toll"], prompt: "Is the toll of 225 confirmed?",
         answer: Verdict(Disputed), claim: "toll",
         evidence: [(source: "s", locator: "top", says: "225 died")]),
    ],
)"#;

const DAY: i64 = 86_400_000;

/// The history, relative to now: (card, days ago, confidence, right).
fn history() -> Vec<(&'static str, i64, Option<Confidence>, bool)> {
    use Confidence::*;
    let mut h = vec![
        // f1, the disputed figure: sure four times, right once; two guesses, one right.
        ("f1", 20, Some(Sure), false),
        ("f1", 12, Some(Sure), false),
        ("f1", 6, Some(Sure), true),
        ("f1", 2, Some(Sure), false),
        ("f1", 30, Some(Guess), true),
        ("f1", 25, Some(Guess), false),
        // f2, the confirmed figure: sure twice, right twice.
        ("f2", 10, Some(Sure), true),
        ("f2", 3, Some(Sure), true),
        // w1: thought so three times, right twice; sure once, right.
        ("w1", 9, Some(Think), true),
        ("w1", 8, Some(Think), false),
        ("w1", 4, Some(Think), true),
        ("w1", 1, Some(Sure), true),
        // v1: sure once, wrong.
        ("v1", 5, Some(Sure), false),
        // Not asked: left out of calibration.
        ("f2", 15, None, false),
        ("w1", 14, None, false),
        // Older than a year (and than 90 days): left out.
        ("w1", 400, Some(Sure), false),
    ];
    h.sort_by_key(|r| -r.1);
    h
}

/// A data folder with the deck and the history written into its progress.
fn studied_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let decks = dir.path().join("decks");
    std::fs::create_dir_all(&decks).unwrap();
    std::fs::write(decks.join("cal.ron"), DECK).unwrap();
    let now = chrono::Utc::now().timestamp_millis();
    let offset = factquiz::schedule::day::local_offset_secs(now);
    let records: Vec<ReviewRecord> = history()
        .into_iter()
        .map(|(card, ago, confidence, correct)| {
            let time_ms = now - ago * DAY;
            let after = CardState {
                stability: 5.0,
                difficulty: 5.0,
                due_ms: now + DAY,
                due_day: study_day(now + DAY, offset),
                last_review_ms: time_ms,
                reps: 3,
                lapses: 0,
                streak: 1,
                queue: Queue::Review,
                suspended: false,
                buried_until_day: i64::MIN,
                leech: false,
            };
            ReviewRecord {
                deck_id: "cal".into(),
                card_id: card.into(),
                time_ms,
                grade: if correct { Grade::Good } else { Grade::Again } as u8,
                correct,
                mode: "choice".into(),
                answer: (!correct).then(|| "wrong".to_string()),
                taken_ms: 5_000,
                confidence,
                day: study_day(time_ms, offset),
                before: Some(after),
                after,
            }
        })
        .collect();
    Store::open(dir.path())
        .unwrap()
        .record_many(&records)
        .unwrap();
    dir
}

fn stats_json(dir: &Path, args: &[&str]) -> (i32, Value) {
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_factquiz"))
        .arg("--data-dir")
        .arg(dir)
        .arg("stats")
        .args(args)
        .env_remove("FACTQUIZ_DATA_DIR")
        .output()
        .unwrap();
    let code = o.status.code().unwrap();
    let v = serde_json::from_slice(&o.stdout).unwrap_or(Value::Null);
    (code, v)
}

/// (answers, right) of each level of a calibration object: sure, think, guess.
fn levels(v: &Value) -> [(u64, u64); 3] {
    ["sure", "think", "guess"].map(|l| {
        (
            v[l]["answers"].as_u64().unwrap(),
            v[l]["right"].as_u64().unwrap(),
        )
    })
}

#[test]
fn stats_json_gives_the_calibration_of_the_history() {
    let dir = studied_folder();
    let (code, v) = stats_json(dir.path(), &["--json"]);
    assert_eq!(code, 0);
    let cal = &v["calibration"];
    // Sure 8 times in the year (the one older is out), right 4; think 3/2; guess 2/1.
    assert_eq!(levels(&cal["all"]), [(8, 4), (3, 2), (2, 1)]);
    assert_eq!(cal["all"]["sure"]["rate"].as_f64(), Some(0.5));
    assert!((cal["all"]["sure"]["expected"].as_f64().unwrap() - 0.95).abs() < 1e-6);
    assert!(cal["all"]["think"]["rate"].as_f64().unwrap() > 0.66);
    // Disputed figures (f1 only): sure 4, right 1; a guess right once in two.
    assert_eq!(levels(&cal["disputed_figures"]), [(4, 1), (0, 0), (2, 1)]);
    assert!(cal["disputed_figures"]["think"]["rate"].is_null());
    let kinds = &cal["by_kind"];
    assert_eq!(levels(&kinds["Figure"]), [(6, 3), (0, 0), (2, 1)]);
    assert_eq!(levels(&kinds["Who"]), [(1, 1), (3, 2), (0, 0)]);
    assert_eq!(levels(&kinds["Verdict"]), [(1, 0), (0, 0), (0, 0)]);
    assert!(
        kinds.get("When").is_none(),
        "kinds without answers are left out"
    );
    let status = &cal["by_claim_status"];
    assert_eq!(levels(&status["disputed"]), [(5, 1), (0, 0), (2, 1)]);
    assert_eq!(levels(&status["confirmed"]), [(2, 2), (0, 0), (0, 0)]);
    assert_eq!(levels(&status["no claim"]), [(1, 1), (3, 2), (0, 0)]);
    // The rest of what the screen shows is there too.
    assert_eq!(v["reviews_last_year"], 15);
    assert_eq!(v["states"]["review"], 4);
    assert!(
        v["topics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["topic"] == "figure/Toll")
    );
    // One deck: the same here; an unknown deck: exit 2.
    let (code, one) = stats_json(dir.path(), &["--deck", "cal", "--json"]);
    assert_eq!(code, 0);
    assert_eq!(one["deck"], "cal");
    assert_eq!(one["calibration"], v["calibration"]);
    let (code, other) = stats_json(dir.path(), &["--deck", "disputed-figures", "--json"]);
    assert_eq!(code, 0);
    assert_eq!(levels(&other["calibration"]["all"]), [(0, 0); 3]);
    assert_eq!(stats_json(dir.path(), &["--deck", "nope"]).0, 2);
}

#[test]
fn the_statistics_screen_shows_the_calibration() {
    let dir = studied_folder();
    let mut h = common::harness(dir.path(), [1100.0, 900.0]);
    h.run();
    h.key_press(egui::Key::G);
    for _ in 0..500 {
        h.step();
        if h.query_by_label_contains("Reviews in the last year")
            .is_some()
        {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    h.run_steps(3);
    assert_eq!(h.state().screen(), Screen::Stats);
    h.get_by_label("Calibration: how often you were right when sure, thinking so or guessing");
    h.get_by_label(
        "When sure, you were right 50% of the time (8 answers); a calibrated learner is right about 95% of the time when sure: overconfident.",
    );
    // The table: all cards, then disputed figures beside them.
    h.get_by_label("50% of 8");
    h.get_by_label("67% of 3");
    h.get_by_label("25% of 4");
    assert_eq!(
        h.get_all_by_label("50% of 2").count(),
        2,
        "guesses: all cards and disputed figures"
    );
}

#[test]
fn overconfident_topics_are_listed_with_a_study_button() {
    let dir = studied_folder();
    let c = factquiz::study::Collection::open(dir.path(), &[]).unwrap();
    let list = factquiz::stats::calibration::overconfident_topics(&c).unwrap();
    let got: Vec<(&str, u32, u32)> = list
        .iter()
        .map(|o| (o.topic.as_str(), o.sure, o.sure_wrong))
        .collect();
    // figure/Toll: f1 sure 4 (3 wrong) and v1 sure 1 (wrong); event/Unrest: f1 and w1.
    assert_eq!(got, vec![("figure/Toll", 5, 4), ("event/Unrest", 5, 3)]);
    let ids = |slots: &[factquiz::schedule::queue::Slot]| -> Vec<String> {
        slots.iter().map(|s| c.ids(*s).unwrap().1).collect()
    };
    assert_eq!(
        ids(&list[0].cards),
        ["f1", "v1"],
        "most sure-and-wrong first"
    );
    drop(c);

    let mut h = common::harness(dir.path(), [1100.0, 900.0]);
    h.run();
    h.key_press(egui::Key::T);
    h.run();
    h.get_by_label("Overconfident topics");
    h.get_by_label("sure 5 times, wrong 4 (80%)");
    h.get_by_label("sure 5 times, wrong 3 (60%)");
    h.get_by_label("Study figure/Toll").click();
    h.run();
    assert_eq!(h.state().screen(), Screen::Review);
    let s = h.state().session().unwrap();
    let coll = h.state().collection().unwrap();
    let first = coll.ids(s.current.as_ref().unwrap().slot).unwrap().1;
    let next: Vec<String> = s.queue.iter().map(|x| coll.ids(*x).unwrap().1).collect();
    assert_eq!(first, "f1");
    assert_eq!(next, ["v1"], "then the topic's other cards: none here");
}
