//! Facts that change: a deck update that changes one card's answer and one claim's status, and
//! nothing else, sends exactly those cards back to learning; their next answer shows what they
//! were, what they are and why; the browser filters them; unchanged cards keep their progress;
//! undo puts the mark back; progress from before learned facts were kept (schema 4 and
//! earlier) is given the decks' facts, and a later change is then noticed. Through reopening
//! the collection, and in the real app.

use std::path::Path;

use egui::Key;
use egui_kittest::kittest::Queryable;
use factquiz::quiz::{Mode, Response};
use factquiz::schedule::Queue;
use factquiz::schedule::queue::Slot;
use factquiz::store::{Store, schema};
use factquiz::study::Collection;
use factquiz::study::browse::{Filter, StateFilter, rows, select};
use factquiz::ui::{Command, Screen};

mod common;
use common::{DAY, NOON, clock};

/// The test deck, with the capital's answer, the toll claim's status, and the president
/// card's prompt as given (the prompt is not part of the fact).
fn deck(capital: &str, status: &str, president_prompt: &str, why: &str) -> String {
    format!(
        r#"Deck(id: "changing", title: "A deck that changes",
  sources: [(id: "s", title: "Source S", published: "2022-01-12")],
  claims: [(id: "toll", statement: "227 people died.", made_by: "the authorities",
    status: {status}, values: [(source: "s", value: "227 dead", locator: "toll", says: "227.")]
    {why})],
  cards: [
    (id: "capital", kind: What, prompt: "Which city is the capital in this deck?",
     answer: Phrase(["{capital}"]), evidence: [(source: "s", locator: "capital", says: "it")]
     {why}),
    (id: "toll-figure", kind: Figure, prompt: "How many people died, officially?",
     answer: Number(value: 227, unit: "people"),
     evidence: [(source: "s", locator: "toll", says: "227")], claim: "toll"),
    (id: "city", kind: What, prompt: "Which city had the riots?", answer: Phrase(["Almaty"]),
     evidence: [(source: "s", locator: "riots", says: "it")]),
    (id: "president", kind: Who, prompt: "{president_prompt}", answer: Name(["Toqaev"]),
     evidence: [(source: "s", locator: "president", says: "him")]),
  ])"#,
        why = if why.is_empty() {
            String::new()
        } else {
            format!(", changed: \"{why}\"")
        }
    )
}

const FIRST: (&str, &str, &str, &str) = ("Astana", "Disputed", "Who was president?", "");
const UPDATED: (&str, &str, &str, &str) = (
    "Nur-Sultan",
    "Confirmed",
    "Who held the presidency?",
    "The deck was corrected",
);

fn write_deck(dir: &Path, d: (&str, &str, &str, &str)) {
    let decks = dir.join("decks");
    std::fs::create_dir_all(&decks).unwrap();
    std::fs::write(decks.join("changing.ron"), deck(d.0, d.1, d.2, d.3)).unwrap();
}

fn open(dir: &Path, at: i64) -> Collection {
    let mut c = Collection::open(dir, &[]).unwrap();
    assert!(c.read_only().is_none(), "{:?}", c.read_only());
    c.set_clock(Some(clock(at)));
    c
}

fn slot(c: &Collection, card: &str) -> Slot {
    c.find("changing", card).unwrap()
}

/// Answers the card rightly, typed, and records it Good.
fn answer_right(c: &mut Collection, card: &str, text: &str) -> factquiz::study::Answered {
    let s = slot(c, card);
    let q = c.question(s, Mode::Typed, 1).unwrap();
    let a = c
        .check_answer(s, q, Response::Text(text.into()), None, 0)
        .unwrap();
    assert!(a.outcome.correct, "{card}: {:?}", a.outcome);
    c.record_answer(&a, factquiz::quiz::Grade::Good).unwrap();
    a
}

const CARDS: [(&str, &str); 4] = [
    ("capital", "Astana"),
    ("toll-figure", "227"),
    ("city", "Almaty"),
    ("president", "Toqaev"),
];

/// A data folder where every card of the first deck was answered right a day before noon.
fn studied() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write_deck(dir.path(), FIRST);
    let mut c = open(dir.path(), NOON - DAY);
    for (card, text) in CARDS {
        let a = answer_right(&mut c, card, text);
        assert!(a.changed.is_none(), "{card} is new, not changed");
    }
    dir
}

fn changed_ids(c: &Collection) -> Vec<String> {
    let mut ids: Vec<String> = c.changed_facts().map(|s| c.ids(s).unwrap().1).collect();
    ids.sort();
    ids
}

#[test]
fn an_update_sends_back_exactly_the_changed_cards_and_says_what_changed() {
    let dir = studied();
    let before: Vec<_> = {
        let c = open(dir.path(), NOON);
        assert!(changed_ids(&c).is_empty(), "nothing changed yet");
        CARDS
            .iter()
            .map(|(id, _)| *c.state(slot(&c, id)).unwrap())
            .collect()
    };

    write_deck(dir.path(), UPDATED);
    let c = open(dir.path(), NOON);
    assert_eq!(changed_ids(&c), ["capital", "toll-figure"]);
    for ((id, _), was) in CARDS.iter().zip(&before) {
        let now = c.state(slot(&c, id)).unwrap();
        if ["capital", "toll-figure"].contains(id) {
            assert_eq!(now.queue, Queue::Relearning, "{id}");
            // Sent back when the collection opened, by the system's clock.
            let sys = factquiz::schedule::Clock::system();
            assert!(now.is_due(sys.today(), sys.now_ms), "{id} is due now");
            assert_eq!((now.stability, now.reps), (was.stability, was.reps));
        } else {
            assert_eq!(
                now, was,
                "{id} keeps its progress (a reworded prompt is no change)"
            );
        }
    }
    // The browser's filter finds the same two.
    let all = rows(&c);
    let f = Filter {
        state: Some(StateFilter::Changed),
        ..Filter::default()
    };
    let found: Vec<String> = select(&c, &all, &f)
        .unwrap()
        .into_iter()
        .map(|i| c.ids(all[i as usize].slot()).unwrap().1)
        .collect();
    assert_eq!(found, ["capital", "toll-figure"]);
    drop(c);

    // Reopened: still marked, not sent back twice.
    let mut c = open(dir.path(), NOON + 60_000);
    assert_eq!(changed_ids(&c), ["capital", "toll-figure"]);
    let a = answer_right(&mut c, "capital", "Nur-Sultan");
    let changed = a.changed.expect("the capital changed");
    assert_eq!(changed.was.as_deref(), Some("Astana"));
    assert_eq!(changed.now, "Nur-Sultan");
    assert_eq!(changed.why.as_deref(), Some("The deck was corrected"));
    let toll = answer_right(&mut c, "toll-figure", "227")
        .changed
        .expect("the toll's claim changed");
    assert!(
        toll.was.as_deref().unwrap().contains("disputed"),
        "{toll:?}"
    );
    assert!(toll.now.contains("confirmed"), "{toll:?}");
    assert_eq!(toll.why.as_deref(), Some("The deck was corrected"));
    assert!(changed_ids(&c).is_empty(), "answered: learned again");
    drop(c);
    let c = open(dir.path(), NOON + 120_000);
    assert!(changed_ids(&c).is_empty(), "and so it stays");
}

#[test]
fn undo_of_the_answer_to_a_changed_card_marks_it_changed_again() {
    let dir = studied();
    write_deck(dir.path(), UPDATED);
    let mut c = open(dir.path(), NOON);
    let s = slot(&c, "capital");
    let before = c.state(s).copied();
    let q = c.question(s, Mode::Typed, 1).unwrap();
    let a = c
        .check_answer(s, q, Response::Text("Nur-Sultan".into()), None, 0)
        .unwrap();
    let r = c.record_answer(&a, factquiz::quiz::Grade::Good).unwrap();
    assert!(!c.fact_changed(s));
    c.undo_review(r.review_id, s, before).unwrap();
    assert!(c.fact_changed(s));
    drop(c);
    let mut c = open(dir.path(), NOON);
    assert_eq!(changed_ids(&c), ["capital", "toll-figure"]);
    let again = answer_right(&mut c, "capital", "Nur-Sultan")
        .changed
        .unwrap();
    assert_eq!(
        again.was.as_deref(),
        Some("Astana"),
        "the learned words came back too"
    );
}

#[test]
fn progress_from_every_earlier_schema_gets_its_facts_then_notices_a_change() {
    for from in 1..schema::VERSION {
        let dir = tempfile::tempdir().unwrap();
        write_deck(dir.path(), FIRST);
        {
            // States as the old schema wrote them (every version keeps them in the same
            // columns), with no learned fact.
            let mut conn =
                rusqlite::Connection::open(dir.path().join(factquiz::store::FILE_NAME)).unwrap();
            schema::create_at_version(&mut conn, from).unwrap();
            for (key, (card, _)) in CARDS.iter().enumerate() {
                conn.execute(
                    "INSERT INTO card (key, deck_id, card_id) VALUES (?1, 'changing', ?2)",
                    rusqlite::params![key as i64, card],
                )
                .unwrap();
                conn.execute(
                    "INSERT INTO card_state (key, stability, difficulty, due_ms, due_day,
                       last_review_ms, reps, lapses, streak, queue, suspended,
                       buried_until_day, leech)
                     VALUES (?1, 10.0, 5.0, ?2, ?3, ?4, 3, 0, 3, 2, 0, ?5, 0)",
                    rusqlite::params![
                        key as i64,
                        NOON + 5 * DAY,
                        NOON / DAY + 5,
                        NOON - DAY,
                        i64::MIN
                    ],
                )
                .unwrap();
            }
        }
        assert_eq!(
            Store::open(dir.path())
                .unwrap()
                .learned_fact("changing", "capital")
                .unwrap(),
            None
        );
        let mut c = open(dir.path(), NOON);
        assert!(
            changed_ids(&c).is_empty(),
            "from {from}: no fact known, none changed"
        );
        assert_eq!(c.fill_missing_facts().unwrap(), 4, "from {from}");
        drop(c);
        write_deck(dir.path(), UPDATED);
        let c = open(dir.path(), NOON);
        assert_eq!(changed_ids(&c), ["capital", "toll-figure"], "from {from}");
    }
}

#[test]
fn the_app_shows_was_now_and_why_after_the_answer() {
    let dir = studied();
    write_deck(dir.path(), UPDATED);
    let mut h = common::harness(dir.path(), [1100.0, 900.0]);
    h.run();
    let app = h.state_mut();
    let s = slot(app.collection().unwrap(), "capital");
    app.run(Command::StudyCards(vec![s]));
    assert_eq!(app.screen(), Screen::Review);
    h.run();
    let cur = h
        .state()
        .session()
        .and_then(|s| s.current.as_ref())
        .expect("a question on screen")
        .question
        .clone();
    match cur.mode {
        Mode::Choice => h.key_press(
            [Key::Num1, Key::Num2, Key::Num3, Key::Num4][cur.correct_choice.expect("a choice")],
        ),
        _ => {
            h.get_by_role(egui::accesskit::Role::TextInput)
                .type_text("Nur-Sultan");
            h.run();
            h.key_press(Key::Enter);
        }
    }
    h.run();
    if h.state()
        .session()
        .and_then(|s| s.current.as_ref())
        .is_some_and(|c| c.ask_confidence)
    {
        h.key_press(Key::W);
        h.run();
    }
    h.get_by_label("Changed since you learned it");
    h.get_by_label("Was: Astana");
    h.get_by_label("Now: Nur-Sultan");
    h.get_by_label("Why: The deck was corrected");
}
