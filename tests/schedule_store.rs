//! Scheduling through our API against the fsrs crate's published values, daily limits, claims
//! kept apart, undo, reopening after each answer, migrations, the lock, the clock, and
//! optimisation on a real review log.

mod common;

use std::collections::{HashMap, HashSet};

use factquiz::deck::{Library, load::parse_deck};
use factquiz::quiz::{Grade, Response};
use factquiz::schedule::optimize::{optimize, read_revlog_csv};
use factquiz::schedule::queue::{DeckView, Limits, Slot, build_queue};
use factquiz::schedule::{CardState, Clock, Queue, Scheduler};
use factquiz::settings::NewOrder;
use factquiz::store::{Store, StoreError, schema};
use factquiz::study::{Collection, StudySession};

const DAY: i64 = 86_400_000;
/// 2022-01-10 12:00 UTC.
const NOON: i64 = 18_998 * DAY + 12 * 3_600_000;

fn clock(ms: i64) -> Clock {
    Clock {
        now_ms: ms,
        offset_secs: 0,
    }
}

#[test]
fn new_card_stabilities_match_the_fsrs_crate() {
    let s = Scheduler::new(&[], 0.9).unwrap();
    let next = s.next_states(&CardState::new_card(), &clock(NOON));
    let stab: Vec<f32> = next.iter().map(|(m, _)| m.stability).collect();
    for (got, want) in stab.iter().zip([0.212, 1.2931, 2.3065, 8.2956]) {
        assert!((got - want).abs() < 1e-4, "{stab:?}");
    }
    let previews: Vec<String> = s
        .preview(&CardState::new_card(), &clock(NOON), 0.5)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(previews[0], "10m");
    assert_eq!(previews[1], "1d");
}

#[test]
fn answers_move_cards_through_their_queues() {
    let s = Scheduler::new(&[], 0.9).unwrap();
    let c = clock(NOON);
    let again = s.answer(&CardState::new_card(), Grade::Again, &c, 0.5);
    assert_eq!(again.queue, Queue::Learning);
    assert_eq!(again.due_ms, NOON + 10 * 60_000);
    let good = s.answer(&again, Grade::Good, &clock(NOON + 11 * 60_000), 0.5);
    assert_eq!(good.queue, Queue::Review);
    assert!(good.due_day > c.today());
    // A lapse: Again on a review card.
    let later = clock(good.due_ms + 3_600_000);
    let lapse = s.answer(&good, Grade::Again, &later, 0.5);
    assert_eq!((lapse.queue, lapse.lapses), (Queue::Relearning, 1));
}

#[test]
fn eight_lapses_make_a_leech() {
    let s = Scheduler::new(&[], 0.9).unwrap();
    let mut st = s.answer(&CardState::new_card(), Grade::Good, &clock(NOON), 0.5);
    let mut t = NOON;
    for _ in 0..8 {
        t = st.due_ms.max(t) + DAY;
        st = s.answer(&st, Grade::Again, &clock(t), 0.5);
        t += 20 * 60_000;
        st = s.answer(&st, Grade::Good, &clock(t), 0.5);
    }
    assert_eq!(st.lapses, 8);
    assert!(st.leech);
}

#[test]
fn a_clock_that_goes_back_never_gives_a_negative_interval() {
    let s = Scheduler::new(&[], 0.9).unwrap();
    let first = s.answer(&CardState::new_card(), Grade::Good, &clock(NOON), 0.5);
    let back = clock(NOON - 30 * DAY);
    for g in Grade::ALL {
        let next = s.answer(&first, g, &back, 0.5);
        assert!(next.due_ms > back.now_ms, "{g:?}: due before now");
        assert!(next.stability.is_finite() && next.stability > 0.0);
    }
}

fn deck_text(n: usize, claim_pairs: bool) -> String {
    let mut cards = String::new();
    for i in 0..n {
        let claim = if claim_pairs && i < 2 {
            "claim: \"c\","
        } else {
            ""
        };
        cards.push_str(&format!(
            "(id: \"c{i}\", kind: What, prompt: \"Q{i}?\", answer: Phrase([\"answer {i}\"]), {claim}
              evidence: [(source: \"s\", locator: \"top\", says: \"it\")]),"
        ));
    }
    format!(
        "Deck(id: \"d\", title: \"D\", sources: [(id: \"s\", title: \"S\", published: \"2022-01-12\")],
          claims: [(id: \"c\", statement: \"x\", made_by: \"y\", status: Disputed,
                    values: [(source: \"s\", value: \"1\", locator: \"l\", says: \"z\")])],
          cards: [{cards}])"
    )
}

#[test]
fn daily_limits_and_claims_kept_apart() {
    let deck = parse_deck(&deck_text(30, true), "d.ron")
        .unwrap()
        .into_loaded();
    let states = vec![None; 30];
    let view = DeckView {
        index: 0,
        deck: &deck,
        states: &states,
        done_today: (0, 0),
    };
    let limits = Limits {
        new_per_day: 20,
        reviews_per_day: 200,
    };
    let q = build_queue(
        std::slice::from_ref(&view),
        limits,
        19_000,
        NOON,
        NewOrder::DeckOrder,
        1,
        &HashSet::new(),
    );
    assert_eq!(q.len(), 20);
    // c0 and c1 share a claim: c1 waits behind every other card.
    assert_eq!(q[0], Slot { deck: 0, card: 0 });
    assert_eq!(*q.last().unwrap(), Slot { deck: 0, card: 1 });
    // Five new cards already introduced today leave fifteen.
    let view = DeckView {
        done_today: (5, 0),
        ..view
    };
    let q = build_queue(
        &[view],
        limits,
        19_000,
        NOON,
        NewOrder::Random,
        1,
        &HashSet::new(),
    );
    assert_eq!(q.len(), 15);
}

fn collection(store: Store, n: usize, at: i64) -> Collection {
    let mut lib = Library::default();
    lib.add_text(
        &deck_text(n, false),
        "d.ron",
        factquiz::deck::DeckOrigin::BuiltIn,
    );
    let mut c = Collection::from_parts(lib, store).unwrap();
    c.set_clock(Some(clock(at)));
    c
}

/// Answers the card on screen with its right text and the given grade.
fn answer_and_grade(s: &mut StudySession, c: &mut Collection, grade: Grade) -> Slot {
    let cur = s.current.clone().expect("a card");
    let right = match &c.card(cur.slot).unwrap().answer {
        factquiz::deck::Answer::Phrase(v) => v[0].to_string(),
        _ => unreachable!(),
    };
    let resp = match cur.question.mode {
        factquiz::quiz::Mode::Choice => Response::Choice(cur.question.correct_choice.unwrap()),
        _ => Response::Text(right),
    };
    s.answer(c, resp);
    s.grade(c, grade).unwrap();
    cur.slot
}

#[test]
fn each_answer_is_on_disk_when_the_next_card_shows() {
    let dir = tempfile::tempdir().unwrap();
    let mut expected: HashMap<String, CardState> = HashMap::new();
    for round in 0..4 {
        let mut c = collection(Store::open(dir.path()).unwrap(), 6, NOON + round * 60_000);
        let mut s = StudySession::start(&c, vec![0], 3).unwrap();
        let slot = answer_and_grade(&mut s, &mut c, Grade::Good);
        let id = c.card(slot).unwrap().id.to_string();
        expected.insert(id, *c.state(slot).unwrap());
        drop(s);
        drop(c);
        // Reopen: every state written so far is there, exactly.
        let store = Store::open(dir.path()).unwrap();
        let all = store.all_states().unwrap();
        assert_eq!(all.len(), expected.len());
        for (card, st) in &expected {
            assert_eq!(all[&("d".to_string(), card.clone())], *st);
        }
        assert_eq!(store.integrity_check().unwrap(), "ok");
    }
}

#[test]
fn undo_restores_state_and_log_exactly() {
    let mut c = collection(Store::in_memory().unwrap(), 5, NOON);
    let mut s = StudySession::start(&c, vec![0], 3).unwrap();
    let first = answer_and_grade(&mut s, &mut c, Grade::Good);
    let after_first = c.store().all_states().unwrap();
    let log_first = c.store().all_reviews().unwrap();
    c.set_clock(Some(clock(NOON + 60_000)));
    let second = answer_and_grade(&mut s, &mut c, Grade::Again);
    assert_ne!(first, second);
    assert_eq!(c.store().review_count().unwrap(), 2);
    assert!(s.undo(&mut c).unwrap().any());
    assert_eq!(c.store().all_states().unwrap(), after_first);
    assert_eq!(c.store().all_reviews().unwrap(), log_first);
    assert_eq!(c.state(second), None);
    assert_eq!(
        s.current.as_ref().unwrap().slot,
        second,
        "the undone card is asked again"
    );
    // Undo once more: the log is empty and the first card is new again.
    assert!(s.undo(&mut c).unwrap().any());
    assert_eq!(c.store().review_count().unwrap(), 0);
    assert!(c.store().all_states().unwrap().is_empty());
    assert!(!s.undo(&mut c).unwrap().any());
}

#[test]
fn cards_keep_their_progress_when_their_text_changes_or_they_leave() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut c = collection(Store::open(dir.path()).unwrap(), 3, NOON);
        let mut s = StudySession::start(&c, vec![0], 3).unwrap();
        answer_and_grade(&mut s, &mut c, Grade::Good);
    }
    // The same deck with c0's prompt changed: c0 keeps its state.
    let edited = deck_text(3, false).replace("Q0?", "A reworded question?");
    let mut lib = Library::default();
    lib.add_text(&edited, "d.ron", factquiz::deck::DeckOrigin::BuiltIn);
    let c = Collection::from_parts(lib, Store::open(dir.path()).unwrap()).unwrap();
    assert!(c.state(Slot { deck: 0, card: 0 }).is_some());
    drop(c);
    // A deck without c0: its history stays in the store and returns with it.
    let without = deck_text(3, false).replace("(id: \"c0\"", "(id: \"gone\"");
    let mut lib = Library::default();
    lib.add_text(&without, "d.ron", factquiz::deck::DeckOrigin::BuiltIn);
    let c = Collection::from_parts(lib, Store::open(dir.path()).unwrap()).unwrap();
    assert!(c.state(Slot { deck: 0, card: 0 }).is_none());
    assert_eq!(c.store().card_reviews("d", "c0").unwrap().len(), 1);
    drop(c);
    let c = collection(Store::open(dir.path()).unwrap(), 3, NOON);
    assert!(c.state(Slot { deck: 0, card: 0 }).is_some());
}

#[test]
fn migrates_from_every_earlier_version_and_refuses_newer_files() {
    for from in 0..schema::VERSION {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(factquiz::store::FILE_NAME);
        {
            let mut conn = rusqlite::Connection::open(&path).unwrap();
            schema::create_at_version(&mut conn, from).unwrap();
            if from >= 1 {
                conn.execute("INSERT INTO settings (key, value) VALUES ('k', 'kept')", [])
                    .unwrap();
            }
        }
        let store = Store::open(dir.path()).unwrap();
        assert_eq!(
            schema::version(store.raw_connection_for_tests()).unwrap(),
            schema::VERSION
        );
        if from >= 1 {
            assert_eq!(store.setting("k").unwrap().as_deref(), Some("kept"));
        }
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(factquiz::store::FILE_NAME);
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", schema::VERSION + 1)
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    match Store::open(dir.path()) {
        Err(StoreError::NewerSchema { found, .. }) => assert_eq!(found, schema::VERSION + 1),
        other => panic!("expected NewerSchema, got {:?}", other.err()),
    }
    assert!(
        std::fs::read(&path).unwrap() == before,
        "a newer file is left as it is"
    );
}

#[test]
fn a_second_copy_cannot_write() {
    let dir = tempfile::tempdir().unwrap();
    let first = Store::open(dir.path()).unwrap();
    match Store::open(dir.path()) {
        Err(StoreError::Locked(p)) => assert_eq!(p, dir.path()),
        other => panic!("expected Locked, got {:?}", other.err()),
    }
    let c = Collection::open(dir.path(), &[]).unwrap();
    assert!(c.read_only().unwrap().contains("another copy of factquiz"));
    drop(first);
    assert!(
        Collection::open(dir.path(), &[])
            .unwrap()
            .read_only()
            .is_none()
    );
}

#[test]
fn exported_reviews_read_back_as_a_revlog() {
    let mut c = collection(Store::in_memory().unwrap(), 4, NOON);
    let mut s = StudySession::start(&c, vec![0], 3).unwrap();
    answer_and_grade(&mut s, &mut c, Grade::Good);
    answer_and_grade(&mut s, &mut c, Grade::Hard);
    let mut out = Vec::new();
    assert_eq!(c.store().export_reviews_csv(&mut out).unwrap(), 2);
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with(
        "card_id,review_rating,review_time,review_duration,deck_id,card,correct,mode,answer,confidence\n"
    ));
    let events = read_revlog_csv(text.as_bytes(), "export.csv").unwrap();
    let ratings: Vec<u8> = events.iter().map(|e| e.rating).collect();
    assert_eq!(ratings, vec![3, 2]);
    assert_eq!(events[0].time_ms, NOON);
}

#[test]
fn optimising_a_real_review_log_improves_its_fit() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/revlog-josh.csv"
    );
    let file =
        std::fs::File::open(path).expect("shared/data/revlog-josh.csv beside the repository");
    let events = read_revlog_csv(file, path).unwrap();
    assert_eq!(events.len(), 12_580);
    let r = optimize(&events, &[], 0, None).unwrap();
    assert_eq!(r.parameters.len(), 21);
    assert!(r.after.log_loss < r.before.log_loss, "{r:?}");
    assert!(r.after.rmse < r.before.rmse, "{r:?}");
    assert!(r.better);
}

/// A version 2 log (states in every row, the mode as text, every answer's words) keeps every
/// review through the migration to version 3, loses only what version 3 no longer keeps, and
/// the file shrinks.
#[test]
fn a_version_2_log_migrates_whole_and_smaller() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(factquiz::store::FILE_NAME);
    let modes = ["choice", "typed", "verdict", "order", "source-said"];
    let state = common::old_new_card_state();
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        schema::create_at_version(&mut conn, 2).unwrap();
        let tx = conn.transaction().unwrap();
        for k in 0..50 {
            tx.execute(
                "INSERT INTO card (key, deck_id, card_id) VALUES (?1, 'd', ?2)",
                rusqlite::params![k, format!("c{k}")],
            )
            .unwrap();
        }
        for i in 0..5_000i64 {
            tx.execute(
                "INSERT INTO review (time_ms, key, grade, correct, mode, answer, taken_ms,
                   elapsed_days, day, queue_before, before, after)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, 4000, 3, ?7, 2, ?8, ?8)",
                rusqlite::params![
                    NOON + i * 3_600_000,
                    i % 50,
                    1 + i % 4,
                    i % 4 != 0,
                    modes[(i % 5) as usize],
                    format!("an answer given the {i}th time, long enough to weigh"),
                    (NOON + i * 3_600_000) / DAY,
                    state,
                ],
            )
            .unwrap();
        }
        tx.commit().unwrap();
    }
    let size_before = std::fs::metadata(&path).unwrap().len();
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(
        schema::version(store.raw_connection_for_tests()).unwrap(),
        schema::VERSION
    );
    let all = store.all_reviews().unwrap();
    assert_eq!(all.len(), 5_000);
    for (i, r) in all.iter().enumerate() {
        let i = i as i64;
        assert_eq!(r.card_id, format!("c{}", i % 50));
        assert_eq!((r.grade, r.correct), ((1 + i % 4) as u8, i % 4 != 0));
        assert_eq!(r.mode, modes[(i % 5) as usize]);
        assert_eq!(r.queue_before, Queue::Review);
        assert_eq!(r.day, (NOON + i * 3_600_000) / DAY);
        // Only a wrong answer keeps its words.
        assert_eq!(r.answer.is_some(), !r.correct, "{r:?}");
    }
    // Every day's reviews are still found by day (through the table of first ids).
    let first_day = NOON / DAY;
    for day in first_day..first_day + 5_000 / 24 {
        let on_day = all.iter().filter(|r| r.day == day).count() as u32;
        let counted = store.day_counts(day).unwrap().get("d").map_or(0, |c| c.1);
        assert_eq!(counted, on_day, "day {day}");
    }
    assert_eq!(store.integrity_check().unwrap(), "ok");
    drop(store);
    let size_after = std::fs::metadata(&path).unwrap().len();
    assert!(
        size_after * 2 < size_before,
        "the migrated file is compacted: {size_before} -> {size_after} bytes"
    );
}

/// An answer to card `card` of deck "d" at 1 p.m. on study day `day`.
fn review_record(
    card: &str,
    day: i64,
    correct: bool,
    before: Option<CardState>,
) -> factquiz::store::ReviewRecord {
    factquiz::store::ReviewRecord {
        deck_id: "d".into(),
        card_id: card.into(),
        time_ms: day * DAY + 13 * 3_600_000,
        grade: if correct { 3 } else { 1 },
        correct,
        mode: "typed".into(),
        answer: Some("an answer".into()),
        taken_ms: 1000,
        confidence: None,
        day,
        before,
        after: CardState::new_card(),
    }
}

/// The log finds a day's reviews from the day's first review id: a clock that goes back (a
/// review on an earlier day written after later ones) and undoing a day's first review must
/// not hide any.
#[test]
fn day_counts_survive_a_clock_that_goes_back_and_undo() {
    let mut store = Store::in_memory().unwrap();
    let record = |card: &str, day: i64| review_record(card, day, true, None);
    let mut ids = Vec::new();
    for (card, day) in [("a", 10), ("b", 12), ("c", 11), ("d", 10), ("e", 12)] {
        ids.push(store.record_answer(&record(card, day)).unwrap());
    }
    let new_on = |s: &Store, day: i64| s.day_counts(day).unwrap().get("d").map_or(0, |c| c.0);
    assert_eq!(
        (new_on(&store, 10), new_on(&store, 11), new_on(&store, 12)),
        (2, 1, 2)
    );
    // Undo day 10's first review: its other review is still counted.
    assert!(store.undo_review(ids[0], None).unwrap());
    assert_eq!(new_on(&store, 10), 1);
    // Undo day 11's only review: the day is empty, and a later answer on it counts again.
    assert!(store.undo_review(ids[2], None).unwrap());
    assert_eq!(new_on(&store, 11), 0);
    store.record_answer(&record("f", 11)).unwrap();
    assert_eq!(
        (new_on(&store, 10), new_on(&store, 11), new_on(&store, 12)),
        (1, 1, 2)
    );
    assert!(!store.undo_review(ids[0], None).unwrap(), "gone already");
    // The words of a right answer are not kept.
    assert!(
        store
            .all_reviews()
            .unwrap()
            .iter()
            .all(|r| r.answer.is_none())
    );
}

/// The daily limits count new cards and answers to cards in review; answers in learning or
/// relearning steps count toward neither (as in Anki).
#[test]
fn learning_steps_do_not_use_up_the_review_limit() {
    let mut store = Store::in_memory().unwrap();
    let state = |queue: Queue| {
        let mut s = CardState::new_card();
        s.queue = queue;
        s
    };
    let day = 19_000;
    let record = |card: &str, before: Option<CardState>| review_record(card, day, false, before);
    store.record_answer(&record("a", None)).unwrap();
    store
        .record_answer(&record("a", Some(state(Queue::Learning))))
        .unwrap();
    store
        .record_answer(&record("a", Some(state(Queue::Learning))))
        .unwrap();
    store
        .record_answer(&record("b", Some(state(Queue::Review))))
        .unwrap();
    store
        .record_answer(&record("b", Some(state(Queue::Relearning))))
        .unwrap();
    assert_eq!(store.day_counts(day).unwrap()["d"], (1, 1));
}
