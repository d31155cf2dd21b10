//! Facts that change. Each answer keeps the fingerprint of what the card taught (its answer and
//! claim, `deck::fact`) beside the card's state. When a deck update changes it (a new release
//! of a built-in deck, a user's deck edited), the card is "changed since you learned it": it
//! goes back to learning, due now, and its next answer shows what it was, what it is now and
//! why (the deck's `changed:` note). Unchanged cards keep their progress. States from before
//! the fingerprints (schema 4 and earlier) are given the decks' current facts once, on a
//! worker.

use std::collections::HashMap;
use std::sync::Arc;

use super::Collection;
use super::changes::Changes;
use super::error::{StudyError, StudyResult};
use super::job::Job;
use crate::deck::fact::{claim_of, in_words};
use crate::deck::{Card, Library};
use crate::schedule::Queue;
use crate::schedule::queue::Slot;
use crate::store::{LearnedFact, Store};

/// A fact that changed since the learner answered it, as the feedback shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangedFact {
    /// What the card taught when it was last answered (`None`: not known, for a card learned
    /// before factquiz kept it).
    pub was: Option<String>,
    /// What it teaches now.
    pub now: String,
    /// Why it changed, when the deck says (`changed:` on the card or its claim).
    pub why: Option<String>,
}

/// What the collection knows of its cards' learned facts.
#[derive(Default)]
pub(super) struct Facts {
    /// Cards whose fact changed since they were last answered: the fingerprint learned.
    changed: HashMap<Slot, u64>,
    /// Cards with a state but no learned fact (states from before schema 5).
    missing: Vec<Slot>,
    /// The worker giving `missing` their facts.
    filling: Option<Job<usize>>,
    /// The learned fact each review of this run replaced, for undo.
    replaced: HashMap<i64, (Slot, Option<LearnedFact>)>,
}

impl Facts {
    /// Notes a stored state's learned fact `stored` against the card's fact `now`.
    pub(super) fn note(&mut self, slot: Slot, stored: Option<u64>, now: u64) {
        match stored {
            None => self.missing.push(slot),
            Some(f) if f != now => {
                self.changed.insert(slot, f);
            }
            Some(_) => {}
        }
    }

    /// Notes a card's learned fact again (a merge changed it): `stored` against `now`, or,
    /// with no state, nothing. A card already listed as missing stays listed (filling skips a
    /// card that has a fact by then).
    pub(super) fn renote(&mut self, slot: Slot, stored: Option<Option<u64>>, now: u64) {
        self.changed.remove(&slot);
        if let Some(stored) = stored {
            self.note(slot, stored, now);
        }
    }

    /// Forgets what was noted (before the states are read again).
    pub(super) fn clear_noted(&mut self) {
        self.changed.clear();
        self.missing.clear();
    }
}

impl Collection {
    /// Whether the card's fact changed since it was last answered.
    pub fn fact_changed(&self, slot: Slot) -> bool {
        self.facts.changed.contains_key(&slot)
    }

    /// Every card whose fact changed since it was last answered.
    pub fn changed_facts(&self) -> impl Iterator<Item = Slot> + '_ {
        self.facts.changed.keys().copied()
    }

    /// What changed in the card's fact since it was last answered, if it did.
    pub fn changed_fact(&self, slot: Slot, card: &Card) -> StudyResult<Option<ChangedFact>> {
        if !self.fact_changed(slot) {
            return Ok(None);
        }
        let (deck_id, card_id) = self.ids_of(slot)?;
        let deck = &self.library.decks[slot.deck].deck;
        let claim = claim_of(deck, card)?;
        let was = self
            .store
            .learned_fact(&deck_id, &card_id)?
            .and_then(|(_, w)| w);
        Ok(Some(ChangedFact {
            was,
            now: in_words(deck, card, claim.as_deref()),
            why: card
                .changed
                .as_deref()
                .or_else(|| claim.as_ref().and_then(|c| c.changed.as_deref()))
                .map(str::to_string),
        }))
    }

    /// Moves every card whose fact changed, and that has not been sent back since, to
    /// relearning, due now (its memory kept: the learner did not forget, the fact moved).
    /// Nothing is written to a collection that cannot be written.
    pub(super) fn send_changed_back(&mut self) -> StudyResult<Changes> {
        if self.read_only.is_some() || self.facts.changed.is_empty() {
            return Ok(Changes::NONE);
        }
        let clock = self.clock();
        let mut slots: Vec<Slot> = self.facts.changed.keys().copied().collect();
        slots.sort_by_key(|s| (s.deck, s.card));
        let mut moved = false;
        for slot in slots {
            let Some(mut state) = self.state(slot).copied() else {
                continue;
            };
            if state.queue == Queue::Relearning && state.due_ms <= clock.now_ms {
                continue;
            }
            state.send_back(clock.now_ms, clock.today());
            let (deck, card) = self.ids_of(slot)?;
            self.store.put_state(&deck, &card, &state)?;
            self.set_state(slot, Some(state));
            moved = true;
        }
        Ok(if moved {
            self.changed(Changes::PROGRESS)
        } else {
            Changes::NONE
        })
    }

    /// Notes again what the card at `slot` taught when last answered, from the store (a merge
    /// replayed it: its learned fact is the one its last review taught, on whichever device).
    pub(super) fn note_learned_again(&mut self, slot: Slot) -> StudyResult<()> {
        let (deck_id, card_id) = self.ids_of(slot)?;
        let now = self.library.decks[slot.deck].deck.cards.heads()[slot.card].fact;
        let stored = match self.state(slot) {
            Some(_) => {
                let learned = self.store.learned_fact(&deck_id, &card_id)?;
                if learned == Some((now, None)) {
                    // Learned without its words (they did not come with the merge): the deck
                    // here teaches the same, and says them.
                    let card = self.card(slot)?;
                    let (_, words) = self.fact_now(slot, &card)?;
                    self.store
                        .set_fact(&deck_id, &card_id, Some((now, &words)))?;
                }
                Some(learned.map(|(f, _)| f))
            }
            None => None,
        };
        self.facts.renote(slot, stored, now);
        Ok(())
    }

    /// What the card at `slot` teaches now: its fingerprint and its words (an error when its
    /// claim cannot be read).
    pub(super) fn fact_now(&self, slot: Slot, card: &Card) -> StudyResult<(u64, String)> {
        let deck = &self.library.decks[slot.deck].deck;
        let fact = deck.cards.heads()[slot.card].fact;
        let claim = claim_of(deck, card)?;
        Ok((fact, in_words(deck, card, claim.as_deref())))
    }

    /// Notes that review `review_id` made the learner learn the card's fact now, replacing
    /// `before` (kept for [`Collection::undo_fact`]).
    pub(super) fn learned(&mut self, slot: Slot, review_id: i64, before: Option<LearnedFact>) {
        self.facts.changed.remove(&slot);
        self.facts.replaced.insert(review_id, (slot, before));
    }

    /// Puts back the learned fact that review `review_id` replaced (the review was undone).
    pub(super) fn undo_fact(&mut self, review_id: i64) -> StudyResult<()> {
        let Some((slot, before)) = self.facts.replaced.remove(&review_id) else {
            return Ok(());
        };
        let (deck_id, card_id) = self.ids_of(slot)?;
        if self.state(slot).is_none() {
            return Ok(());
        }
        self.store.set_fact(
            &deck_id,
            &card_id,
            before
                .as_ref()
                .map(|(f, w)| (*f, w.as_deref().unwrap_or(""))),
        )?;
        let now = self.library.decks[slot.deck].deck.cards.heads()[slot.card].fact;
        if let Some((f, _)) = before
            && f != now
        {
            self.facts.changed.insert(slot, f);
        }
        Ok(())
    }

    /// The learned fact review `review_id` replaced, when this run answered it.
    pub(super) fn replaced_fact(&self, review_id: i64) -> Option<&LearnedFact> {
        self.facts.replaced.get(&review_id)?.1.as_ref()
    }

    /// Forgets the learned fact review `review_id` replaced (the review was undone and its
    /// card replayed, which set its fact).
    pub(super) fn forget_replaced_fact(&mut self, review_id: i64) {
        self.facts.replaced.remove(&review_id);
    }

    /// Gives the cards answered before factquiz kept learned facts the facts of the decks as
    /// they are now, on a worker (one pass over those cards' whole texts).
    pub(super) fn start_filling_facts(&mut self) {
        let (Some(dir), None, None) = (&self.data_dir, &self.read_only, &self.facts.filling) else {
            return;
        };
        if self.facts.missing.is_empty() {
            return;
        }
        let slots = std::mem::take(&mut self.facts.missing);
        let library = Arc::clone(&self.library);
        let dir = dir.clone();
        self.facts.filling = Some(Job::spawn("learned facts", self.waker.clone(), move || {
            let mut store = Store::open_beside(&dir, true)?;
            fill_facts(&mut store, &library, &slots)
        }));
    }

    /// Gives the cards answered before factquiz kept learned facts their facts now, here.
    pub fn fill_missing_facts(&mut self) -> StudyResult<usize> {
        self.writable()?;
        let slots = std::mem::take(&mut self.facts.missing);
        fill_facts(&mut self.store, &self.library, &slots)
    }

    /// Takes in the end of the worker of [`Collection::start_filling_facts`]; an error is a
    /// notice (the facts are filled again on the next start).
    pub(super) fn take_filled_facts(&mut self) -> bool {
        let Some(done) = self.facts.filling.as_mut().and_then(|j| j.try_take()) else {
            return false;
        };
        self.facts.filling = None;
        match done {
            Ok(_) => false,
            Err(e) => {
                self.notice = Some(format!(
                    "What your cards taught when you learned them could not be noted: {e}"
                ));
                true
            }
        }
    }

    fn ids_of(&self, slot: Slot) -> StudyResult<(String, String)> {
        self.ids(slot)
            .ok_or_else(|| StudyError::Deck(format!("no card at {slot:?}")))
    }
}

/// Writes the current fact of each card at `slots` where the store has none, a thousand cards
/// a transaction (so that an answer in the window never waits long for the file).
fn fill_facts(store: &mut Store, library: &Library, slots: &[Slot]) -> StudyResult<usize> {
    let mut filled = 0;
    for chunk in slots.chunks(1000) {
        let mut rows = Vec::with_capacity(chunk.len());
        for slot in chunk {
            let Some(d) = library.decks.get(slot.deck) else {
                continue;
            };
            let Some(head) = d.deck.cards.heads().get(slot.card) else {
                continue;
            };
            // A card that cannot be read is the job's error, shown as the others are.
            let card = d.deck.cards.get(slot.card)?;
            let claim = claim_of(&d.deck, &card)?;
            let words = in_words(&d.deck, &card, claim.as_deref());
            rows.push((d.deck.id.clone(), head.id.to_string(), head.fact, words));
        }
        filled += store.set_missing_facts(&rows)?;
    }
    Ok(filled)
}
