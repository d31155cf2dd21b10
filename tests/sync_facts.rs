//! Facts that change, merged through the shared folder: an answer given on another machine
//! leaves the card's learned fact where a local answer would (the fact it taught), so that a
//! card is not "changed since learned" because it was answered elsewhere, and a card whose deck
//! here teaches something else than the answer learned still is (sent back, with what it was).
//! Each machine reads the test deck from a file of its own outside its data folder (a built-in
//! deck of its release), so the decks themselves are not synced and can differ.

use std::path::{Path, PathBuf};

use factquiz::quiz::{Grade, Mode, Response};
use factquiz::schedule::Queue;
use factquiz::schedule::queue::Slot;
use factquiz::store::LearnedFact;
use factquiz::study::{Collection, Recorded};

mod common;
use common::{DAY, NOON, clock};

/// The test deck, teaching `capital` as the capital (with why it changed, when it did).
fn deck(capital: &str, why: &str) -> String {
    let why = if why.is_empty() {
        String::new()
    } else {
        format!(", changed: \"{why}\"")
    };
    format!(
        r#"Deck(id: "changing", title: "A deck that changes",
  sources: [(id: "s", title: "Source S", published: "2022-01-12")],
  cards: [
    (id: "capital", kind: What, prompt: "Which city is the capital in this deck?",
     answer: Phrase(["{capital}"]), evidence: [(source: "s", locator: "capital", says: "it")]
     {why}),
    (id: "city", kind: What, prompt: "Which city had the riots?", answer: Phrase(["Almaty"]),
     evidence: [(source: "s", locator: "riots", says: "it")]),
  ])"#
    )
}

const OLD: (&str, &str) = ("Astana", "");
const NEW: (&str, &str) = ("Nur-Sultan", "The city was renamed");

/// One machine: its data folder, the folder of its deck file, and its collection.
struct Machine {
    data: tempfile::TempDir,
    decks: tempfile::TempDir,
    coll: Option<Collection>,
}

impl Machine {
    fn new(version: (&str, &str)) -> Machine {
        let mut m = Machine {
            data: tempfile::tempdir().unwrap(),
            decks: tempfile::tempdir().unwrap(),
            coll: None,
        };
        m.install(version);
        m
    }

    fn deck_file(&self) -> PathBuf {
        self.decks.path().join("changing.ron")
    }

    /// Installs this version of the deck (as a new release would) and opens the collection.
    fn install(&mut self, version: (&str, &str)) {
        self.coll = None;
        std::fs::write(self.deck_file(), deck(version.0, version.1)).unwrap();
        let mut c = Collection::open(self.data.path(), &[self.deck_file()]).unwrap();
        assert!(c.read_only().is_none(), "{:?}", c.read_only());
        c.set_clock(Some(clock(NOON)));
        self.coll = Some(c);
    }

    fn c(&self) -> &Collection {
        self.coll.as_ref().unwrap()
    }

    fn cm(&mut self) -> &mut Collection {
        self.coll.as_mut().unwrap()
    }

    fn slot(&self, card: &str) -> Slot {
        self.c().find("changing", card).unwrap()
    }

    /// Answers the card with `text` (right), Good, at `at`.
    fn answer(&mut self, card: &str, text: &str, at: i64) -> Recorded {
        let (right, recorded) = self.answer_as(card, text, Grade::Good, at);
        assert!(right, "{card}: {text} is right");
        recorded
    }

    /// Answers the card with `text`, graded `grade`, at `at`; whether it was right.
    fn answer_as(&mut self, card: &str, text: &str, grade: Grade, at: i64) -> (bool, Recorded) {
        let s = self.slot(card);
        let c = self.cm();
        c.set_clock(Some(clock(at)));
        let q = c.question(s, Mode::Typed, 1).unwrap();
        let a = c
            .check_answer(s, q, Response::Text(text.into()), None, 0)
            .unwrap();
        (a.outcome.correct, c.record_answer(&a, grade).unwrap())
    }

    fn sync(&mut self, folder: &Path, at: i64) -> factquiz::sync::MergeOutcome {
        let c = self.cm();
        c.set_clock(Some(clock(at)));
        c.sync_now(Some(folder.to_path_buf())).unwrap().0
    }

    fn learned(&self, card: &str) -> Option<LearnedFact> {
        self.c().store().learned_fact("changing", card).unwrap()
    }

    fn changed(&self, card: &str) -> bool {
        self.c().fact_changed(self.slot(card))
    }

    /// What the feedback would say changed in the card's fact.
    fn was_now(&self, card: &str) -> Option<(Option<String>, String)> {
        let s = self.slot(card);
        let whole = self.c().card(s).unwrap();
        self.c()
            .changed_fact(s, &whole)
            .unwrap()
            .map(|f| (f.was, f.now))
    }

    fn stored_state(&self, card: &str) -> Option<factquiz::schedule::CardState> {
        self.c().store().card_state("changing", card).unwrap()
    }
}

fn words(fact: Option<LearnedFact>) -> String {
    fact.and_then(|(_, w)| w).unwrap_or_default()
}

#[test]
fn an_answer_given_elsewhere_is_learned_here_too_and_is_no_change() {
    let folder = tempfile::tempdir().unwrap();
    let mut a = Machine::new(OLD);
    let mut b = Machine::new(OLD);
    b.answer("capital", "Astana", NOON);
    b.sync(folder.path(), NOON + 60_000);
    a.sync(folder.path(), NOON + 120_000);
    assert_eq!(a.learned("capital"), b.learned("capital"));
    assert!(words(a.learned("capital")).contains("Astana"));
    assert!(!a.changed("capital") && !b.changed("capital"));

    // A release renames the capital, on both machines: both send the card back.
    a.install(NEW);
    b.install(NEW);
    for m in [&a, &b] {
        assert!(m.changed("capital"));
        assert_eq!(m.stored_state("capital").unwrap().queue, Queue::Relearning);
        assert!(!m.changed("city"));
    }

    // Learned again on one machine: on the other it is learned too, not changed.
    let day2 = NOON + 2 * DAY;
    a.answer("capital", "Nur-Sultan", day2);
    assert!(!a.changed("capital"));
    a.sync(folder.path(), day2 + 60_000);
    let out = b.sync(folder.path(), day2 + 120_000);
    assert_eq!(out.reviews_added, 1);
    assert!(
        !b.changed("capital"),
        "answered on the other machine: not changed since learned"
    );
    assert_eq!(b.was_now("capital"), None);
    assert_eq!(b.learned("capital"), a.learned("capital"));
    assert!(words(b.learned("capital")).contains("Nur-Sultan"));
    assert_eq!(b.stored_state("capital"), a.stored_state("capital"));
    assert_eq!(
        b.c().state(b.slot("capital")).copied(),
        b.stored_state("capital"),
        "the collection holds what is stored"
    );
    assert_eq!(b.c().changed_facts().count(), 0);

    // And after both reopen, nothing is sent back or marked.
    a.install(NEW);
    b.install(NEW);
    assert_eq!(a.c().changed_facts().count(), 0);
    assert_eq!(b.c().changed_facts().count(), 0);
    assert_eq!(b.stored_state("capital"), a.stored_state("capital"));
}

#[test]
fn a_card_whose_deck_here_teaches_otherwise_stays_changed_after_a_merge() {
    let folder = tempfile::tempdir().unwrap();
    // A still has the old release, B the new one.
    let mut a = Machine::new(OLD);
    let mut b = Machine::new(NEW);
    a.answer("capital", "Astana", NOON);
    a.answer("city", "Almaty", NOON + 60_000);
    a.sync(folder.path(), NOON + 120_000);
    let out = b.sync(folder.path(), NOON + 180_000);
    assert_eq!(out.reviews_added, 2);

    // Learned on A as Astana: B's deck says Nur-Sultan, so B marks it and sends it back.
    assert!(b.changed("capital"));
    assert!(!b.changed("city"), "the same fact on both machines");
    assert_eq!(b.learned("capital"), a.learned("capital"));
    let (was, now) = b.was_now("capital").unwrap();
    assert!(
        was.unwrap().contains("Astana"),
        "what was learned, in words"
    );
    assert!(now.contains("Nur-Sultan"));
    let sent = b.stored_state("capital").unwrap();
    assert_eq!(sent.queue, Queue::Relearning);
    assert!(sent.due_ms <= NOON + 180_000, "due now");
    assert_eq!(b.c().state(b.slot("capital")).copied(), Some(sent));
    assert_eq!(b.stored_state("city"), a.stored_state("city"));
    assert!(!a.changed("capital"), "A's own deck still teaches Astana");

    // A forgets it (a lapse there: its card was in review); B, whose card went back to
    // relearning for its own deck, replays A's answers as A gave them.
    let day2 = NOON + 2 * DAY;
    a.answer_as("capital", "Almaty", Grade::Again, day2);
    assert_eq!(a.stored_state("capital").unwrap().lapses, 1);
    a.sync(folder.path(), day2 + 60_000);
    b.sync(folder.path(), day2 + 120_000);
    let (on_a, on_b) = (
        a.stored_state("capital").unwrap(),
        b.stored_state("capital").unwrap(),
    );
    assert_eq!(
        (on_b.stability, on_b.difficulty, on_b.reps, on_b.lapses),
        (on_a.stability, on_a.difficulty, on_a.reps, on_a.lapses)
    );
    assert!(b.changed("capital"));

    // B learns the new name; on A, whose deck is older, the card is now the changed one.
    let day3 = NOON + 3 * DAY;
    b.answer("capital", "Nur-Sultan", day3);
    assert!(!b.changed("capital"));
    b.sync(folder.path(), day3 + 60_000);
    a.sync(folder.path(), day3 + 120_000);
    assert!(a.changed("capital"));
    assert_eq!(a.learned("capital"), b.learned("capital"));
    let (was, now) = a.was_now("capital").unwrap();
    assert!(was.unwrap().contains("Nur-Sultan"));
    assert!(now.contains("Astana"));

    // Once A has the new release too, both agree on everything.
    a.install(NEW);
    assert!(!a.changed("capital"));
    assert_eq!(a.c().changed_facts().count(), 0);
    assert_eq!(
        a.c().store().all_reviews().unwrap().len(),
        b.c().store().all_reviews().unwrap().len()
    );
    assert_eq!(a.learned("capital"), b.learned("capital"));
}

#[test]
fn an_answer_given_after_a_card_went_back_replays_to_the_same_state_everywhere() {
    let folder = tempfile::tempdir().unwrap();
    // A gets the new release first: its card goes back to relearning, which no review
    // records; failing it there is no new lapse, and B, replaying A's answer, agrees.
    let mut a = Machine::new(OLD);
    let mut b = Machine::new(OLD);
    a.answer("capital", "Astana", NOON);
    a.sync(folder.path(), NOON + 60_000);
    b.sync(folder.path(), NOON + 120_000);
    a.install(NEW);
    assert_eq!(
        a.stored_state("capital").unwrap().queue,
        Queue::Relearning,
        "sent back on A"
    );
    let day5 = NOON + 5 * DAY;
    let (right, _) = a.answer_as("capital", "Astana", Grade::Again, day5);
    assert!(!right, "the old name is wrong now");
    let on_a = a.stored_state("capital").unwrap();
    assert_eq!(on_a.lapses, 0, "failed while relearning: no new lapse");
    a.sync(folder.path(), day5 + 60_000);
    // B has the new release by now: its card went back too (on another day), and the merge
    // replays its reviews, A's answer after the card went back.
    b.install(NEW);
    assert!(b.changed("capital"));
    b.sync(folder.path(), day5 + 120_000);
    assert_eq!(b.stored_state("capital"), Some(on_a));
    assert_eq!(b.learned("capital"), a.learned("capital"));
    assert!(!b.changed("capital"), "A's answer learned the new name");
    b.install(NEW);
    assert!(!b.changed("capital"));
    assert_eq!(b.stored_state("capital"), Some(on_a));
}

#[test]
fn an_undo_elsewhere_gives_back_the_fact_the_review_before_taught() {
    let folder = tempfile::tempdir().unwrap();
    let mut a = Machine::new(NEW);
    let mut b = Machine::new(OLD);
    b.answer("capital", "Astana", NOON);
    b.sync(folder.path(), NOON + 60_000);
    a.sync(folder.path(), NOON + 120_000);
    assert!(a.changed("capital"), "A's deck teaches otherwise");
    let day2 = NOON + 2 * DAY;
    let r = a.answer("capital", "Nur-Sultan", day2);
    a.sync(folder.path(), day2 + 60_000);
    b.sync(folder.path(), day2 + 120_000);
    assert!(b.changed("capital"), "learned as Nur-Sultan on A");
    let learned_on_b = b.learned("capital");

    // A takes its answer back: on both, the card's learned fact is B's answer's again.
    let s = a.slot("capital");
    a.cm().undo_review(r.review_id, s, r.before).unwrap();
    assert!(a.changed("capital"));
    a.sync(folder.path(), day2 + 180_000);
    let out = b.sync(folder.path(), day2 + 240_000);
    assert_eq!(out.reviews_undone, 1);
    assert!(!b.changed("capital"), "back to what B's own answer taught");
    assert!(words(b.learned("capital")).contains("Astana"), "in words");
    assert_ne!(b.learned("capital"), learned_on_b);
    assert_eq!(
        b.learned("capital").map(|(f, _)| f),
        a.learned("capital").map(|(f, _)| f)
    );
    // A's deck sends the card back again; B's does not. What the reviews give is the same.
    let (on_a, on_b) = (
        a.stored_state("capital").unwrap(),
        b.stored_state("capital").unwrap(),
    );
    assert_eq!(on_a.queue, Queue::Relearning);
    assert_eq!(on_b.queue, Queue::Review);
    assert_eq!(
        (on_a.stability, on_a.difficulty, on_a.reps, on_a.lapses),
        (on_b.stability, on_b.difficulty, on_b.reps, on_b.lapses)
    );
    assert_eq!(on_a.last_review_ms, NOON);
}
