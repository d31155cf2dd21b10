//! One study session: the queue, the question on screen, the checked answer waiting for its
//! grade, undo, suspend and bury, and the summary at the end. No drawing here: the review
//! screen shows what this holds and calls its methods.

use std::collections::VecDeque;

use super::collection::Collection;
use crate::quiz::check::adjust_for_time;
use crate::quiz::{Grade, Mode, Outcome, Question, Response, check, choose_mode};
use crate::schedule::queue::Slot;
use crate::schedule::{CardState, Interval};
use crate::store::{ReviewRecord, StoreError};

/// The card on screen, before it is answered.
#[derive(Debug, Clone)]
pub struct Current {
    pub slot: Slot,
    pub question: Question,
    pub shown_ms: i64,
    /// Counts the questions shown in the session, so a screen can tell a new one apart.
    pub serial: u64,
}

/// A checked answer, waiting for the user to confirm or change the grade.
#[derive(Debug, Clone)]
pub struct Answered {
    pub slot: Slot,
    pub question: Question,
    pub response: Response,
    /// The answer as text, for the log.
    pub given: String,
    pub outcome: Outcome,
    pub grade: Grade,
    pub intervals: [Interval; 4],
    pub taken_ms: i64,
}

/// A graded answer, kept for undo.
#[derive(Debug, Clone)]
struct Done {
    review_id: i64,
    slot: Slot,
    before: Option<CardState>,
    correct: bool,
}

/// What the session's end screen shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    pub answered: usize,
    pub right: usize,
    pub seconds: i64,
    pub due_tomorrow: usize,
}

pub struct StudySession {
    pub decks: Vec<usize>,
    pub queue: VecDeque<Slot>,
    pub current: Option<Current>,
    pub answered: Option<Answered>,
    done: Vec<Done>,
    /// Answers graded in the session, and how many were right (undo takes them back).
    answered_count: usize,
    right_count: usize,
    started_ms: i64,
    seed: u64,
    shown: u64,
    /// An error from the last write, shown until the next success.
    pub error: Option<String>,
}

/// How many answers can be undone.
pub const UNDO_DEPTH: usize = 50;

impl StudySession {
    /// A session over these decks' due cards.
    pub fn start(coll: &Collection, decks: Vec<usize>, seed: u64) -> StudySession {
        let queue = coll.queue(&decks, seed).into_iter().collect();
        StudySession::with_queue(coll, decks, queue, seed)
    }

    /// A session over a given list of cards (weak-topic study), due or not.
    pub fn with_queue(
        coll: &Collection,
        decks: Vec<usize>,
        queue: VecDeque<Slot>,
        seed: u64,
    ) -> StudySession {
        let mut s = StudySession {
            decks,
            queue,
            current: None,
            answered: None,
            done: Vec::new(),
            started_ms: coll.clock().now_ms,
            seed,
            shown: 0,
            answered_count: 0,
            right_count: 0,
            error: None,
        };
        s.advance(coll);
        s
    }

    pub fn is_finished(&self) -> bool {
        self.current.is_none() && self.answered.is_none()
    }

    /// Cards left, the one on screen included.
    pub fn remaining(&self) -> usize {
        self.queue.len() + usize::from(self.current.is_some() || self.answered.is_some())
    }

    /// Shows the next card of the queue (none: the session is over).
    fn advance(&mut self, coll: &Collection) {
        self.current = None;
        while let Some(slot) = self.queue.pop_front() {
            let (Some(deck), Some(card)) = (coll.deck(slot), coll.card(slot)) else {
                continue;
            };
            let state = coll.state(slot);
            let mode = choose_mode(
                card.kind,
                coll.settings.answer_mode,
                state.map_or(0, |s| s.streak),
                state.and_then(|s| s.memory()).map(|m| m.stability),
            );
            self.seed = self
                .seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            let question = Question::make(coll.index(), &deck.deck, &card, mode, self.seed);
            self.shown += 1;
            self.current = Some(Current {
                slot,
                question,
                shown_ms: coll.clock().now_ms,
                serial: self.shown,
            });
            return;
        }
    }

    /// Checks a response to the card on screen; the grade is suggested, not yet saved.
    pub fn answer(&mut self, coll: &Collection, response: Response) {
        let Some(cur) = self.current.take() else {
            return;
        };
        let (Some(deck), Some(card)) = (coll.deck(cur.slot), coll.card(cur.slot)) else {
            return;
        };
        let mut outcome = check(
            &coll.library,
            coll.index(),
            &deck.deck,
            &card,
            &cur.question,
            &response,
        );
        let clock = coll.clock();
        let taken_ms = (clock.now_ms - cur.shown_ms).max(0);
        adjust_for_time(
            &mut outcome,
            std::time::Duration::from_millis(taken_ms as u64),
            cur.question.mode == Mode::Typed,
        );
        let state = coll
            .state(cur.slot)
            .copied()
            .unwrap_or_else(CardState::new_card);
        let given = describe_response(&cur.question, &card, &response);
        self.answered = Some(Answered {
            slot: cur.slot,
            question: cur.question,
            response,
            given,
            grade: outcome.suggested,
            outcome,
            intervals: coll.scheduler.preview(
                &state,
                &clock,
                fuzz_for_slot(coll, cur.slot, state.reps),
            ),
            taken_ms,
        });
    }

    /// Saves the checked answer with `grade` (one transaction) and shows the next card.
    pub fn grade(&mut self, coll: &mut Collection, grade: Grade) -> Result<(), StoreError> {
        let Some(a) = self.answered.clone() else {
            return Ok(());
        };
        if coll.read_only.is_some() {
            self.error = Some(StoreError::ReadOnly.to_string());
            return Err(StoreError::ReadOnly);
        }
        let (Some(deck), Some(card)) = (coll.deck(a.slot), coll.card(a.slot)) else {
            return Ok(());
        };
        let clock = coll.clock();
        let before = coll.state(a.slot).copied();
        let from = before.unwrap_or_else(CardState::new_card);
        let fuzz = fuzz_for(&deck.deck.id, &card.id, from.reps);
        let after = coll.scheduler.answer(&from, grade, &clock, fuzz);
        let record = ReviewRecord {
            deck_id: deck.deck.id.clone(),
            card_id: card.id.to_string(),
            time_ms: clock.now_ms,
            grade: grade as u8,
            correct: a.outcome.correct,
            mode: a.question.mode.name().to_string(),
            answer: Some(a.given.clone()),
            taken_ms: a.taken_ms,
            day: clock.today(),
            before,
            after,
        };
        match coll.store.record_answer(&record) {
            Ok(id) => {
                self.error = None;
                coll.set_state(a.slot, Some(after));
                self.answered_count += 1;
                self.right_count += usize::from(a.outcome.correct);
                self.done.push(Done {
                    review_id: id,
                    slot: a.slot,
                    before,
                    correct: a.outcome.correct,
                });
                if self.done.len() > UNDO_DEPTH {
                    self.done.remove(0);
                }
                if grade == Grade::Again {
                    self.queue.push_back(a.slot);
                }
                self.answered = None;
                self.advance(coll);
                Ok(())
            }
            Err(e) => {
                self.error = Some(format!(
                    "Your answer was not saved: {e}. Nothing else was lost; try again."
                ));
                Err(e)
            }
        }
    }

    /// Undoes the last graded answer: the review leaves the log, the card gets its exact state
    /// back and is asked again. Returns false when there is nothing to undo.
    pub fn undo(&mut self, coll: &mut Collection) -> Result<bool, StoreError> {
        let Some(last) = self.done.pop() else {
            return Ok(false);
        };
        if let Err(e) = coll.store.undo_review(last.review_id, last.before.as_ref()) {
            self.done.push(last);
            return Err(e);
        }
        self.answered_count = self.answered_count.saturating_sub(1);
        self.right_count = self.right_count.saturating_sub(usize::from(last.correct));
        coll.set_state(last.slot, last.before);
        // Put back what is on screen and drop the re-queued copy of an Again.
        if let Some(pos) = self.queue.iter().rposition(|s| *s == last.slot) {
            self.queue.remove(pos);
        }
        // What is on screen goes back to the queue, unless it is the undone card itself
        // (asked again after an Again), which is put back just below.
        if let Some(cur) = self.current.take().filter(|c| c.slot != last.slot) {
            self.queue.push_front(cur.slot);
        }
        if let Some(a) = self.answered.take().filter(|a| a.slot != last.slot) {
            self.queue.push_front(a.slot);
        }
        self.queue.push_front(last.slot);
        self.advance(coll);
        Ok(true)
    }

    /// Suspends the card on screen (it is not shown again until unsuspended).
    pub fn suspend(&mut self, coll: &mut Collection) -> Result<(), StoreError> {
        self.set_aside(coll, |s, _| s.suspended = true)
    }

    /// Buries the card on screen until tomorrow.
    pub fn bury(&mut self, coll: &mut Collection) -> Result<(), StoreError> {
        self.set_aside(coll, |s, today| s.buried_until_day = today)
    }

    fn set_aside(
        &mut self,
        coll: &mut Collection,
        f: impl Fn(&mut CardState, i64),
    ) -> Result<(), StoreError> {
        let slot = match (&self.current, &self.answered) {
            (Some(c), _) => c.slot,
            (_, Some(a)) => a.slot,
            _ => return Ok(()),
        };
        if coll.read_only.is_some() {
            return Err(StoreError::ReadOnly);
        }
        let mut state = coll
            .state(slot)
            .copied()
            .unwrap_or_else(CardState::new_card);
        f(&mut state, coll.clock().today());
        let (deck_id, card_id) = match (coll.deck(slot), coll.card(slot)) {
            (Some(d), Some(c)) => (d.deck.id.clone(), c.id.clone()),
            _ => return Ok(()),
        };
        coll.store.put_state(&deck_id, &card_id, &state)?;
        coll.set_state(slot, Some(state));
        self.queue.retain(|s| *s != slot);
        self.answered = None;
        self.advance(coll);
        Ok(())
    }

    pub fn can_undo(&self) -> bool {
        !self.done.is_empty()
    }

    pub fn summary(&self, coll: &Collection) -> Summary {
        Summary {
            answered: self.answered_count,
            right: self.right_count,
            seconds: (coll.clock().now_ms - self.started_ms).max(0) / 1000,
            due_tomorrow: coll.due_tomorrow(&self.decks),
        }
    }
}

/// The fuzz of a card's next answer, as `grade` will use it.
fn fuzz_for_slot(coll: &Collection, slot: Slot, reps: u32) -> f32 {
    match (coll.deck(slot), coll.card(slot)) {
        (Some(d), Some(c)) => fuzz_for(&d.deck.id, &c.id, reps),
        _ => 0.5,
    }
}

/// A fuzz factor that is stable for a card and its review count, so that a redo gives the same.
fn fuzz_for(deck: &str, card: &str, reps: u32) -> f32 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (deck, card, reps).hash(&mut h);
    (h.finish() % 10_000) as f32 / 10_000.0
}

/// A response as text for the review log.
fn describe_response(q: &Question, card: &crate::deck::Card, r: &Response) -> String {
    match r {
        Response::Text(t) => t.clone(),
        Response::Choice(i) => q.choices.get(*i).cloned().unwrap_or_default(),
        Response::Verdict(v) => v.name().to_string(),
        Response::Order(order) => match &card.answer {
            crate::deck::Answer::Order(events) => order
                .iter()
                .filter_map(|i| events.get(*i).cloned())
                .collect::<Vec<_>>()
                .join(" | "),
            _ => String::new(),
        },
        Response::Sources(ids) => ids.join(", "),
    }
}
