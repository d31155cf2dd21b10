//! Machines that share a sync folder: each a data folder with the small deck of `library`,
//! answering on a clock of its own, and what two machines must agree on after merging.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use factquiz::quiz::{Grade, Mode, Response};
use factquiz::schedule::queue::Slot;
use factquiz::schedule::{CardState, Clock};
use factquiz::store::Store;
use factquiz::study::Collection;
use factquiz::sync::MergeOutcome;

/// One machine: its data folder and its collection.
pub struct Machine {
    pub dir: tempfile::TempDir,
    pub coll: Collection,
}

impl Machine {
    /// A machine with the `n`-card deck of `library`, at noon of the fixed day.
    pub fn new(n: usize) -> Machine {
        let dir = tempfile::tempdir().unwrap();
        let coll = super::collection_in(dir.path(), n);
        Machine { dir, coll }
    }

    /// Answers card `card` right (or wrong with `Grade::Again`) at `at_ms`, offset `tz`;
    /// returns the review id.
    pub fn answer_at(&mut self, card: usize, grade: Grade, at_ms: i64, tz: i32) -> i64 {
        self.coll.set_clock(Some(Clock {
            now_ms: at_ms,
            offset_secs: tz,
        }));
        let slot = Slot { deck: 0, card };
        let mode = self.coll.mode_for(slot).unwrap();
        let q = self.coll.question(slot, mode, 1).unwrap();
        let response = right(&q, card);
        let a = self.coll.check_answer(slot, q, response, None, 0).unwrap();
        self.coll.record_answer(&a, grade).unwrap().review_id
    }

    pub fn answer(&mut self, card: usize, grade: Grade, at_ms: i64) -> i64 {
        self.answer_at(card, grade, at_ms, 0)
    }

    /// Merges through `folder`.
    pub fn sync(&mut self, folder: &Path) -> MergeOutcome {
        self.coll.sync_now(Some(folder.to_path_buf())).unwrap().0
    }

    /// The reviews as a set every machine must agree on: (card, time, grade, correct).
    pub fn reviews(&self) -> Vec<(String, i64, u8, bool)> {
        let mut v: Vec<_> = self
            .coll
            .store()
            .all_reviews()
            .unwrap()
            .into_iter()
            .map(|r| (r.card_id, r.time_ms, r.grade, r.correct))
            .collect();
        v.sort();
        v
    }

    /// Every card's state as stored, by card id.
    pub fn states(&self) -> BTreeMap<String, CardState> {
        self.coll
            .store()
            .all_states()
            .unwrap()
            .into_iter()
            .map(|((_, card), s)| (card, s))
            .collect()
    }

    /// Every card's state as the collection holds it (what the screens show).
    pub fn shown_states(&self) -> Vec<Option<CardState>> {
        self.coll.states()[0].clone()
    }

    pub fn path(&self) -> PathBuf {
        self.dir.path().to_path_buf()
    }
}

/// The right response to a question about card `card` of the small deck.
pub fn right(q: &factquiz::quiz::Question, card: usize) -> Response {
    match q.mode {
        Mode::Choice => Response::Choice(q.correct_choice.unwrap()),
        _ => Response::Text(format!("answer number {card}")),
    }
}

/// Answers the card a session shows, right, with `grade`.
pub fn answer_current(s: &mut factquiz::study::StudySession, coll: &mut Collection, grade: Grade) {
    let cur = s.current.clone().unwrap();
    s.answer(coll, right(&cur.question, cur.slot.card));
    s.grade(coll, grade).unwrap();
}

/// Asserts that two machines hold the same reviews, the same states (stored and shown) and
/// the same learned facts.
pub fn assert_same(a: &Machine, b: &Machine, what: &str) {
    assert_eq!(a.reviews(), b.reviews(), "{what}: the reviews differ");
    assert_eq!(a.states(), b.states(), "{what}: the stored states differ");
    assert_eq!(
        a.shown_states(),
        b.shown_states(),
        "{what}: the states shown differ"
    );
    assert_eq!(
        a.shown_states(),
        a.coll.states()[0]
            .iter()
            .enumerate()
            .map(|(i, _)| a.states().get(&format!("c{i}")).copied())
            .collect::<Vec<_>>(),
        "{what}: what is shown is not what is stored"
    );
    // Each answered card's learned fact is the one its last review taught, on either machine.
    let learned = |m: &Machine| -> Vec<_> {
        m.states()
            .into_iter()
            .filter(|(_, s)| s.reps > 0)
            .map(|(card, _)| {
                let fact = m.coll.store().learned_fact("d", &card).unwrap();
                assert!(fact.is_some(), "{what}: {card} has no learned fact");
                (card, fact)
            })
            .collect()
    };
    assert_eq!(learned(a), learned(b), "{what}: the learned facts differ");
    // A file reopened holds the same.
    drop(Store::open_read_only(&a.path()).unwrap());
}
