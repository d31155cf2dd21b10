//! Confidence: asked before the answer shows (keys Q W E, or after the answer, before it is
//! revealed), stored with the review, read back from every earlier schema after migration,
//! shown in the feedback, and nudging the suggested grade; the setting that turns it off; and
//! `factquiz answer --confidence`.

mod common;

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use factquiz::quiz::{AskConfidence, Confidence, Grade, Mode, Response};
use factquiz::schedule::queue::Slot;
use factquiz::schedule::{CardState, Queue};
use factquiz::store::{ReviewRecord, Store, schema};
use factquiz::study::{Collection, StudySession};
use factquiz::ui::{App, Screen};

/// The first card of the test deck.
const FIRST: Slot = Slot { deck: 0, card: 0 };

/// The right answer's number, or a wrong one, of the choice (or verdict) question on screen.
fn choice(s: &StudySession, right: bool) -> usize {
    let q = &s.current.as_ref().expect("a question").question;
    assert!(
        matches!(q.mode, Mode::Choice | Mode::Verdict),
        "{:?}",
        q.mode
    );
    let c = q.correct_choice.expect("a right choice");
    if right { c } else { (c + 1) % q.choices.len() }
}

#[test]
fn confidence_is_stored_with_the_review_and_read_back() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut c = common::collection_in(dir.path(), 3);
        let mut s = StudySession::start(&c, vec![0], 1).unwrap();
        assert!(s.current.as_ref().unwrap().ask_confidence);
        let pick = choice(&s, false);
        s.answer_with_confidence(&c, Response::Choice(pick), Some(Confidence::Sure));
        assert_eq!(
            s.answered.as_ref().unwrap().confidence,
            Some(Confidence::Sure)
        );
        s.grade(&mut c, Grade::Again).unwrap();
        let pick = choice(&s, true);
        s.answer(&c, Response::Choice(pick));
        s.grade(&mut c, Grade::Good).unwrap();
    }
    let store = Store::open(dir.path()).unwrap();
    let all = store.all_reviews().unwrap();
    let got: Vec<(bool, Option<Confidence>)> =
        all.iter().map(|r| (r.correct, r.confidence)).collect();
    assert_eq!(got, vec![(false, Some(Confidence::Sure)), (true, None)]);
    let counted = store.confident_answers(0).unwrap();
    assert_eq!(counted.len(), 1);
    assert_eq!(
        (counted[0].confidence, counted[0].answers, counted[0].right),
        (Confidence::Sure, 1, 0)
    );
    let mut csv = Vec::new();
    store.export_reviews_csv(&mut csv).unwrap();
    let csv = String::from_utf8(csv).unwrap();
    assert!(csv.lines().nth(1).unwrap().ends_with(",sure"), "{csv}");
}

/// A review row as schema version `v` writes it (versions 1 and 2 kept the states and the
/// mode as text; version 3 the mode as a number).
fn insert_old_review(conn: &rusqlite::Connection, v: i64) {
    conn.execute(
        "INSERT INTO card (key, deck_id, card_id) VALUES (1, 'd', 'c0')",
        [],
    )
    .unwrap();
    let state = common::old_new_card_state();
    if v < 3 {
        conn.execute(
            "INSERT INTO review (time_ms, key, grade, correct, mode, answer, taken_ms,
               elapsed_days, day, queue_before, before, after)
             VALUES (?1, 1, 3, 1, 'typed', 'answer number 0', 4000, 0, ?2, 0, ?3, ?3)",
            rusqlite::params![common::NOON - common::DAY, 18_997, state],
        )
        .unwrap();
    } else {
        conn.execute(
            "INSERT INTO review (time_ms, key, day, grade, correct, mode, queue_before,
               taken_ms, answer)
             VALUES (?1, 1, ?2, 3, 1, 1, 0, 4000, NULL)",
            rusqlite::params![common::NOON - common::DAY, 18_997],
        )
        .unwrap();
    }
}

#[test]
fn every_earlier_schema_migrates_and_then_takes_confidence() {
    for from in 1..schema::VERSION {
        let dir = tempfile::tempdir().unwrap();
        {
            let mut conn =
                rusqlite::Connection::open(dir.path().join(factquiz::store::FILE_NAME)).unwrap();
            schema::create_at_version(&mut conn, from).unwrap();
            insert_old_review(&conn, from);
        }
        let mut store = Store::open(dir.path()).unwrap();
        assert_eq!(store.schema_version().unwrap(), schema::VERSION);
        let old = store.all_reviews().unwrap();
        assert_eq!(old.len(), 1, "from version {from}");
        assert_eq!((old[0].grade, old[0].confidence), (3, None));
        let mut after = CardState::new_card();
        after.queue = Queue::Review;
        store
            .record_answer(&ReviewRecord {
                deck_id: "d".into(),
                card_id: "c0".into(),
                time_ms: common::NOON,
                grade: Grade::Hard as u8,
                correct: true,
                mode: "choice".into(),
                answer: None,
                taken_ms: 2000,
                confidence: Some(Confidence::Guess),
                day: 18_998,
                before: None,
                after,
            })
            .unwrap();
        let all = store.all_reviews().unwrap();
        assert_eq!(all[1].confidence, Some(Confidence::Guess), "from {from}");
        let counted = store.confident_answers(0).unwrap();
        assert_eq!(counted.len(), 1, "only the answer with a confidence counts");
        assert_eq!(store.integrity_check().unwrap(), "ok");
    }
}

#[test]
fn confidence_nudges_the_suggested_grade() {
    let dir = tempfile::tempdir().unwrap();
    let c = common::collection_in(dir.path(), 3);
    let slot = FIRST;
    let q = c.question(slot, Mode::Choice, 5).unwrap();
    let right = Response::Choice(q.correct_choice.unwrap());
    let wrong = Response::Choice((q.correct_choice.unwrap() + 1) % q.choices.len());
    let suggested = |r: &Response, conf: Option<Confidence>, ms: i64| {
        c.check_answer(slot, q.clone(), r.clone(), conf, ms)
            .unwrap()
            .grade
    };
    use Confidence::*;
    // Right and sure: Good; Easy when also fast; a sure answer is not Hard for being slow.
    assert_eq!(suggested(&right, Some(Sure), 3_000), Grade::Easy);
    assert_eq!(suggested(&right, Some(Sure), 9_000), Grade::Good);
    assert_eq!(suggested(&right, Some(Sure), 60_000), Grade::Good);
    // Not measured (the command line): never Easy.
    assert_eq!(suggested(&right, Some(Sure), 0), Grade::Good);
    // Right but guessing: Hard, however fast.
    assert_eq!(suggested(&right, Some(Guess), 2_000), Grade::Hard);
    // Think so, or nothing said: slow is Hard, else Good.
    assert_eq!(suggested(&right, Some(Think), 3_000), Grade::Good);
    assert_eq!(suggested(&right, Some(Think), 60_000), Grade::Hard);
    assert_eq!(suggested(&right, None, 60_000), Grade::Hard);
    assert_eq!(suggested(&right, None, 3_000), Grade::Good);
    // Wrong stays Again whatever the confidence.
    for conf in [Some(Sure), Some(Think), Some(Guess), None] {
        assert_eq!(suggested(&wrong, conf, 3_000), Grade::Again);
    }
    // The intervals shown are the scheduler's for each grade, whatever is suggested.
    let a = c
        .check_answer(slot, q.clone(), right.clone(), Some(Sure), 3_000)
        .unwrap();
    let b = c.check_answer(slot, q, right, Some(Guess), 3_000).unwrap();
    assert_eq!(a.intervals, b.intervals);
}

#[test]
fn the_setting_says_when_to_ask() {
    let dir = tempfile::tempdir().unwrap();
    let mut c = common::collection_in(dir.path(), 3);
    let slot = FIRST;
    // Default: asked, but not for a typed answer to a learned card.
    assert!(c.asks_confidence(slot, Mode::Choice));
    assert!(
        c.asks_confidence(slot, Mode::Typed),
        "a new card typed is asked"
    );
    let q = c.question(slot, Mode::Typed, 0).unwrap();
    let a = c
        .check_answer(slot, q, Response::Text("answer number 0".into()), None, 0)
        .unwrap();
    c.record_answer(&a, Grade::Good).unwrap();
    assert_eq!(c.state(slot).unwrap().queue, Queue::Review);
    assert!(!c.asks_confidence(slot, Mode::Typed));
    assert!(c.asks_confidence(slot, Mode::Choice));
    for (setting, typed_learned, choice) in [
        (AskConfidence::Always, true, true),
        (AskConfidence::Never, false, false),
    ] {
        let mut s = c.settings().clone();
        s.ask_confidence = setting;
        c.save_settings(s).unwrap();
        assert_eq!(c.asks_confidence(slot, Mode::Typed), typed_learned);
        assert_eq!(c.asks_confidence(slot, Mode::Choice), choice);
        let session = StudySession::with_queue(&c, vec![0], [slot].into(), 0);
        assert_eq!(session.current.unwrap().ask_confidence, choice);
    }
}

/// Presses the key of the right option (or a wrong one) of the question on screen.
fn press_choice(h: &mut Harness<'_, App>, right: bool) {
    let pick = choice(h.state().session().unwrap(), right);
    h.key_press([Key::Num1, Key::Num2, Key::Num3, Key::Num4][pick]);
    h.run();
}

/// The confidence and suggested grade of the answer on screen.
fn answered(h: &Harness<'_, App>) -> (Option<Confidence>, Grade) {
    let a = h.state().session().unwrap().answered.as_ref().unwrap();
    (a.confidence, a.grade)
}

#[test]
fn the_review_screen_asks_before_the_answer_shows_and_the_feedback_says_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = common::harness(dir.path(), [1100.0, 800.0]);
    h.run();
    h.key_press(Key::Num1);
    h.run();
    assert_eq!(h.state().screen(), Screen::Review);
    h.get_by_label("How sure are you?");
    // Picked first (Q: sure), then a wrong option: the feedback says what that means.
    h.key_press(Key::Q);
    h.run();
    press_choice(&mut h, false);
    h.get_by_label("Not right");
    let line = "Sure, and wrong: this is a person you were confident about. Check it against the evidence below.";
    h.get_by_label(line);
    assert_eq!(answered(&h), (Some(Confidence::Sure), Grade::Again));
    h.key_press(Key::Space);
    h.run();
    // Answered first: the answer waits, with its words, until E (guessing) is pressed.
    press_choice(&mut h, true);
    assert!(
        h.state().session().unwrap().answered.is_none(),
        "not revealed yet"
    );
    h.get_by_label("How sure are you? The answer shows next.");
    h.get_by_label_contains("Your answer: ");
    assert!(h.query_by_label("Right").is_none());
    h.key_press(Key::E);
    h.run();
    h.get_by_label("Right");
    h.get_by_label("A guess, and right: Hard is suggested, so that it comes back soon.");
    assert_eq!(answered(&h), (Some(Confidence::Guess), Grade::Hard));
    h.key_press(Key::Space);
    h.run();
    let reviews = h
        .state()
        .collection()
        .unwrap()
        .store()
        .all_reviews()
        .unwrap();
    let got: Vec<(u8, Option<Confidence>)> =
        reviews.iter().map(|r| (r.grade, r.confidence)).collect();
    assert_eq!(
        got,
        vec![
            (Grade::Again as u8, Some(Confidence::Sure)),
            (Grade::Hard as u8, Some(Confidence::Guess))
        ]
    );
    // Space instead of a confidence: revealed without one.
    press_choice(&mut h, true);
    h.key_press(Key::Space);
    h.run();
    assert_eq!(answered(&h).0, None);
    h.get_by_label("Right");
}

#[test]
fn with_the_setting_off_nothing_is_asked() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = common::harness(dir.path(), [1100.0, 800.0]);
    h.run();
    {
        let coll = h.state_mut().collection_mut().unwrap();
        let mut s = coll.settings().clone();
        s.ask_confidence = AskConfidence::Never;
        coll.save_settings(s).unwrap();
    }
    h.key_press(Key::Num1);
    h.run();
    assert!(h.query_by_label("How sure are you?").is_none());
    press_choice(&mut h, true);
    h.get_by_label("Right");
    assert_eq!(answered(&h).0, None);
}

#[test]
fn the_command_line_takes_a_confidence() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_factquiz"))
            .arg("--data-dir")
            .arg(dir.path())
            .args(args)
            .env_remove("FACTQUIZ_DATA_DIR")
            .output()
            .unwrap()
    };
    let card = ["answer", "disputed-figures", "fig-death-toll-225", "225"];
    let o = run(&[&card[..], &["--confidence", "guess", "--json"]].concat());
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["confidence"], "guess");
    assert_eq!(v["suggested"], "Hard", "right but guessing");
    let o = run(&[&card[..], &["--confidence", "maybe"]].concat());
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("one of: sure, think, guess"));
    let o = run(&[
        "answer",
        "disputed-figures",
        "fig-death-toll-227",
        "227",
        "--confidence",
        "sure",
    ]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("confidence: sure\n"), "{text}");
    assert!(text.contains("(suggested Good)"), "{text}");
    let c = Collection::open(dir.path(), &[]).unwrap();
    let got: Vec<Option<Confidence>> = c
        .store()
        .all_reviews()
        .unwrap()
        .iter()
        .map(|r| r.confidence)
        .collect();
    assert_eq!(got, vec![Some(Confidence::Guess), Some(Confidence::Sure)]);
}
