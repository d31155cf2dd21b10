//! One answer, as the window and the command line give it alike: the question a card is asked
//! as, whether to ask how sure the learner is, the check of a response (with the grade the quiz
//! suggests from the answer, its time and the learner's confidence, and the interval each grade
//! would give), and the graded answer written with its confidence and the card's new state in
//! one transaction.

use std::sync::Arc;

use super::Collection;
use super::changes::Changes;
use super::error::{StudyError, StudyResult};
use super::facts::ChangedFact;
use crate::deck::Card;
use crate::quiz::confidence::settle_grade;
use crate::quiz::{
    Asking, Confidence, Grade, Mode, Outcome, Question, Response, check, choose_mode,
};
use crate::schedule::fuzz::card_fuzz;
use crate::schedule::queue::Slot;
use crate::schedule::{CardState, Interval, Queue};
use crate::store::ReviewRecord;

/// A checked answer, waiting for the user to confirm or change the grade.
#[derive(Debug, Clone)]
pub struct Answered {
    pub slot: Slot,
    pub question: Question,
    pub response: Response,
    /// The answer as text, for the log.
    pub given: String,
    pub outcome: Outcome,
    /// The grade the quiz suggests (the user may pick another).
    pub grade: Grade,
    pub intervals: [Interval; 4],
    /// Milliseconds from showing the question to the answer (0: not measured).
    pub taken_ms: i64,
    /// How sure the learner said they were before the answer showed (`None`: not asked).
    pub confidence: Option<Confidence>,
    /// What changed in the card's fact since the learner last answered it, if it did.
    pub changed: Option<ChangedFact>,
}

impl Answered {
    /// Whether the answer counts as right when graded `grade`: as checked, or for a revealed
    /// answer, which nothing checks, when the learner says they recalled it (not Again).
    pub fn right_at(&self, grade: Grade) -> bool {
        if self.question.mode == Mode::ShowAnswer {
            grade != Grade::Again
        } else {
            self.outcome.correct
        }
    }
}

/// A graded answer, written.
#[derive(Debug, Clone, Copy)]
pub struct Recorded {
    pub review_id: i64,
    /// The card's state before the answer (`None`: never answered), for undo.
    pub before: Option<CardState>,
    pub after: CardState,
    pub changes: Changes,
}

impl Collection {
    /// The whole card at `slot` (read from the deck cache when its deck's cards are there);
    /// an error the user sees when it cannot be read.
    pub fn card(&self, slot: Slot) -> StudyResult<Arc<Card>> {
        let deck = self.deck(slot).ok_or_else(|| StudyError::CardUnreadable {
            deck: format!("#{}", slot.deck),
            card: format!("#{}", slot.card),
            why: "the deck is no longer loaded".into(),
        })?;
        deck.deck
            .cards
            .get(slot.card)
            .map_err(|e| StudyError::CardUnreadable {
                deck: deck.deck.id.clone(),
                card: deck
                    .deck
                    .cards
                    .heads()
                    .get(slot.card)
                    .map_or_else(|| format!("#{}", slot.card), |h| h.id.to_string()),
                why: e.to_string(),
            })
    }

    /// The mode a card is asked in now: by its kind, the answer-mode setting and how well it
    /// is known.
    pub fn mode_for(&self, slot: Slot) -> StudyResult<Mode> {
        let head = self
            .deck(slot)
            .and_then(|d| d.deck.cards.heads().get(slot.card))
            .ok_or_else(|| StudyError::Deck(format!("no card at {slot:?}")))?;
        let state = self.state(slot);
        Ok(choose_mode(
            Asking::of_head(head),
            self.settings.answer_mode,
            state.map_or(0, |s| s.streak),
            state.and_then(|s| s.memory()).map(|m| m.stability),
        ))
    }

    /// Whether to ask how sure the learner is before an answer in `mode` to the card at
    /// `slot`, by the setting: a card is learned once it has left its first learning steps.
    pub fn asks_confidence(&self, slot: Slot, mode: Mode) -> bool {
        let learned = self
            .state(slot)
            .is_some_and(|s| matches!(s.queue, Queue::Review | Queue::Relearning));
        self.settings.ask_confidence.asks(mode, learned)
    }

    /// The card as a question in `mode` (choices and orders shuffled from `seed`).
    pub fn question(&self, slot: Slot, mode: Mode, seed: u64) -> StudyResult<Question> {
        let card = self.card(slot)?;
        let deck = self
            .deck(slot)
            .map(|d| &d.deck)
            .ok_or_else(|| StudyError::Deck(format!("no deck at {slot:?}")))?;
        Ok(Question::make(self.index()?, deck, &card, mode, seed)?)
    }

    /// Checks a response to a question about the card at `slot`, given `taken_ms` after it was
    /// shown (0: not measured) with `confidence`: right or not, how it was read, the suggested
    /// grade (see [`settle_grade`]: slow is Hard, right and sure Good or Easy, a right guess
    /// Hard), and the interval each grade would give. Nothing is written.
    pub fn check_answer(
        &self,
        slot: Slot,
        question: Question,
        response: Response,
        confidence: Option<Confidence>,
        taken_ms: i64,
    ) -> StudyResult<Answered> {
        let card = self.card(slot)?;
        let deck = self
            .deck(slot)
            .ok_or_else(|| StudyError::Deck(format!("no deck at {slot:?}")))?;
        let mut outcome = check(
            &self.library,
            self.index()?,
            &deck.deck,
            &card,
            &question,
            &response,
        )?;
        let taken_ms = taken_ms.max(0);
        // A revealed answer is graded by the learner alone: neither the time taken to recall
        // nor the confidence said before revealing moves the grade they will pick.
        if question.mode != Mode::ShowAnswer {
            settle_grade(
                &mut outcome,
                confidence,
                (taken_ms > 0).then(|| std::time::Duration::from_millis(taken_ms as u64)),
                question.mode == Mode::Typed,
            );
        }
        let state = self
            .state(slot)
            .copied()
            .unwrap_or_else(CardState::new_card);
        let given = describe_response(&question, &card, &response);
        let fuzz = card_fuzz(&deck.deck.id, &card.id, state.reps);
        let changed = self.changed_fact(slot, &card)?;
        Ok(Answered {
            slot,
            intervals: self.scheduler.preview(&state, &self.clock(), fuzz),
            question,
            response,
            given,
            grade: outcome.suggested,
            outcome,
            taken_ms,
            confidence,
            changed,
        })
    }

    /// Writes a checked answer with `grade` and the card's new state, in one transaction.
    pub fn record_answer(&mut self, a: &Answered, grade: Grade) -> StudyResult<Recorded> {
        self.writable()?;
        self.settle_sync();
        let (deck_id, card_id) = self
            .ids(a.slot)
            .ok_or_else(|| StudyError::Deck(format!("no card at {:?}", a.slot)))?;
        let clock = self.clock();
        let before = self.state(a.slot).copied();
        let from = before.unwrap_or_else(CardState::new_card);
        let fuzz = card_fuzz(&deck_id, &card_id, from.reps);
        let after = self.scheduler.answer(&from, grade, &clock, fuzz);
        let record = ReviewRecord {
            deck_id,
            card_id,
            time_ms: clock.now_ms,
            grade: grade as u8,
            correct: a.right_at(grade),
            mode: a.question.mode.name().to_string(),
            // A revealed answer has no words to keep.
            answer: (!a.given.is_empty()).then(|| a.given.clone()),
            taken_ms: a.taken_ms,
            confidence: a.confidence,
            day: clock.today(),
            before,
            after,
        };
        let card = self.card(a.slot)?;
        let (fact, words) = self.fact_now(a.slot, &card)?;
        let (review_id, learned_before) =
            self.store
                .record_learned_answer(&record, (fact, &words), Some(clock.offset_secs))?;
        self.set_state(a.slot, Some(after));
        self.learned(a.slot, review_id, learned_before);
        Ok(Recorded {
            review_id,
            before,
            after,
            changes: self.changed(Changes::PROGRESS),
        })
    }
}

/// A response as text for the review log.
fn describe_response(q: &Question, card: &Card, r: &Response) -> String {
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
        Response::Revealed => String::new(),
    }
}
