//! One study session: the queue, the question on screen, the checked answer waiting for its
//! grade, undo, suspend and bury, and the summary at the end. No drawing here: the review
//! screen shows what this holds and calls its methods; every write goes through the
//! collection, which returns what changed.

use std::collections::VecDeque;

use super::answering::Answered;
use super::changes::Changes;
use super::collection::Collection;
use super::error::StudyResult;
use crate::quiz::{Confidence, Grade, Question, Response};
use crate::schedule::CardState;
use crate::schedule::queue::Slot;

/// The card on screen, before it is answered.
#[derive(Debug, Clone)]
pub struct Current {
    pub slot: Slot,
    pub question: Question,
    pub shown_ms: i64,
    /// Counts the questions shown in the session, so a screen can tell a new one apart.
    pub serial: u64,
    /// Whether to ask how sure the learner is before the answer shows (the setting, by the
    /// question's mode and whether the card is learned).
    pub ask_confidence: bool,
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
    pub fn start(coll: &Collection, decks: Vec<usize>, seed: u64) -> StudyResult<StudySession> {
        let queue = coll.queue(&decks, seed)?.into_iter().collect();
        Ok(StudySession::with_queue(coll, decks, queue, seed))
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

    /// Shows the next card of the queue (none: the session is over). A card that cannot be
    /// read is not skipped silently: the session says which, and goes on with the others.
    fn advance(&mut self, coll: &Collection) {
        self.current = None;
        while let Some(slot) = self.queue.pop_front() {
            self.seed = self
                .seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            let question = coll
                .mode_for(slot)
                .and_then(|mode| coll.question(slot, mode, self.seed));
            match question {
                Ok(question) => {
                    self.shown += 1;
                    self.current = Some(Current {
                        slot,
                        ask_confidence: coll.asks_confidence(slot, question.mode),
                        question,
                        shown_ms: coll.clock().now_ms,
                        serial: self.shown,
                    });
                    return;
                }
                Err(e) => self.error = Some(format!("Left out of this session: {e}")),
            }
        }
    }

    /// Checks a response to the card on screen, given with no confidence; the grade is
    /// suggested, not yet saved.
    pub fn answer(&mut self, coll: &Collection, response: Response) {
        self.answer_with_confidence(coll, response, None);
    }

    /// Checks a response to the card on screen with how sure the learner said they were; the
    /// grade is suggested (see [`Collection::check_answer`]), not yet saved.
    pub fn answer_with_confidence(
        &mut self,
        coll: &Collection,
        response: Response,
        confidence: Option<Confidence>,
    ) {
        let Some(cur) = self.current.take() else {
            return;
        };
        // A clock that went back gives no time (0: not measured), never a negative one.
        let taken = coll.clock().now_ms - cur.shown_ms;
        match coll.check_answer(cur.slot, cur.question.clone(), response, confidence, taken) {
            Ok(a) => self.answered = Some(a),
            Err(e) => {
                self.error = Some(format!("The answer could not be checked: {e}"));
                self.current = Some(cur);
            }
        }
    }

    /// Saves the checked answer with `grade` (one transaction) and shows the next card.
    pub fn grade(&mut self, coll: &mut Collection, grade: Grade) -> StudyResult<Changes> {
        let Some(a) = self.answered.clone() else {
            return Ok(Changes::NONE);
        };
        match coll.record_answer(&a, grade) {
            Ok(r) => {
                self.error = None;
                self.answered_count += 1;
                let correct = a.right_at(grade);
                self.right_count += usize::from(correct);
                self.done.push(Done {
                    review_id: r.review_id,
                    slot: a.slot,
                    before: r.before,
                    correct,
                });
                if self.done.len() > UNDO_DEPTH {
                    self.done.remove(0);
                }
                if grade == Grade::Again {
                    self.queue.push_back(a.slot);
                }
                self.answered = None;
                self.advance(coll);
                Ok(r.changes)
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
    /// back and is asked again. Returns no change when there is nothing to undo.
    pub fn undo(&mut self, coll: &mut Collection) -> StudyResult<Changes> {
        let Some(last) = self.done.pop() else {
            return Ok(Changes::NONE);
        };
        let changes = match coll.undo_review(last.review_id, last.slot, last.before) {
            Ok(c) => c,
            Err(e) => {
                self.done.push(last);
                return Err(e);
            }
        };
        self.answered_count = self.answered_count.saturating_sub(1);
        self.right_count = self.right_count.saturating_sub(usize::from(last.correct));
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
        Ok(changes)
    }

    /// The card on screen, asked or answered.
    fn on_screen(&self) -> Option<Slot> {
        match (&self.current, &self.answered) {
            (Some(c), _) => Some(c.slot),
            (_, Some(a)) => Some(a.slot),
            _ => None,
        }
    }

    /// Suspends the card on screen (it is not shown again until unsuspended).
    pub fn suspend(&mut self, coll: &mut Collection) -> StudyResult<Changes> {
        self.set_aside(coll, |c, slot| c.set_suspended(slot, true))
    }

    /// Buries the card on screen until tomorrow.
    pub fn bury(&mut self, coll: &mut Collection) -> StudyResult<Changes> {
        self.set_aside(coll, Collection::bury)
    }

    fn set_aside(
        &mut self,
        coll: &mut Collection,
        f: impl FnOnce(&mut Collection, Slot) -> StudyResult<Changes>,
    ) -> StudyResult<Changes> {
        let Some(slot) = self.on_screen() else {
            return Ok(Changes::NONE);
        };
        let changes = f(coll, slot)?;
        self.queue.retain(|s| *s != slot);
        self.answered = None;
        self.advance(coll);
        Ok(changes)
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
