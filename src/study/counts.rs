//! What is due: every deck's new, due and total counts for today, the queue of a session, what
//! comes due tomorrow, and when the next card comes due.

use std::collections::{HashMap, HashSet};

use super::Collection;
use super::error::StudyResult;
use crate::schedule::Queue;
use crate::schedule::day::day_start_ms;
use crate::schedule::queue::{DeckCounts, DeckView, Slot, build_queue, deck_counts};

impl Collection {
    fn views(&self, decks: &[usize], done: &HashMap<String, (u32, u32)>) -> Vec<DeckView<'_>> {
        decks
            .iter()
            .filter_map(|&i| {
                let d = self.library.decks.get(i)?;
                Some(DeckView {
                    index: i,
                    deck: &d.deck,
                    states: self.states.get(i).map_or(&[], Vec::as_slice),
                    done_today: done.get(&d.deck.id).copied().unwrap_or_default(),
                })
            })
            .collect()
    }

    /// New, due and total counts of every deck, for today.
    pub fn deck_counts(&self) -> StudyResult<Vec<DeckCounts>> {
        let clock = self.clock();
        let today = clock.today();
        let done = self.store.day_counts(today)?;
        let all: Vec<usize> = (0..self.library.decks.len()).collect();
        Ok(self
            .views(&all, &done)
            .iter()
            .map(|v| deck_counts(v, self.limits(), today, clock.now_ms))
            .collect())
    }

    /// The cards to study now from these decks.
    pub fn queue(&self, decks: &[usize], seed: u64) -> StudyResult<Vec<Slot>> {
        let clock = self.clock();
        let today = clock.today();
        let done = self.store.day_counts(today)?;
        let views = self.views(decks, &done);
        let claims_seen = self.claims_answered_on(today);
        Ok(build_queue(
            &views,
            self.limits(),
            today,
            clock.now_ms,
            self.settings.new_order,
            seed,
            &claims_seen,
        ))
    }

    /// (deck index, claim id) of the claims whose cards were answered on a study day.
    fn claims_answered_on(&self, day: i64) -> HashSet<(usize, String)> {
        let mut out = HashSet::new();
        let offset = self.clock().offset_secs;
        for (di, d) in self.library.decks.iter().enumerate() {
            for (ci, c) in d.deck.cards.heads().iter().enumerate() {
                let claim = c.claim().and_then(|i| d.deck.claims.head(i as usize));
                if let (Some(claim), Some(s)) = (claim, self.state(Slot { deck: di, card: ci }))
                    && s.last_review_ms > 0
                    && crate::schedule::day::study_day(s.last_review_ms, offset) == day
                {
                    out.insert((di, claim.id.to_string()));
                }
            }
        }
        out
    }

    /// Cards of these decks that will be due on the study day after today.
    pub fn due_tomorrow(&self, decks: &[usize]) -> usize {
        let tomorrow = self.clock().today() + 1;
        decks
            .iter()
            .filter_map(|&d| self.states.get(d))
            .flatten()
            .flatten()
            .filter(|s| !s.suspended && !s.is_new() && s.due_day <= tomorrow)
            .count()
    }

    /// When the next card of these decks comes to study, for "Nothing to study until ..."
    /// (asked when nothing can be studied now): the earliest moment that a card becomes due (a
    /// step in learning by the minute, a review at the start of its study day, a buried card
    /// the day after); a card due already, or a new card, waits for tomorrow's limits. `None`
    /// when nothing ever comes (every card suspended, or a daily limit of 0).
    pub fn next_due_ms(&self, decks: &[usize]) -> Option<i64> {
        let clock = self.clock();
        let (today, offset) = (clock.today(), clock.offset_secs);
        // Days far from today (a state from a damaged file) are held to a century either way,
        // so that the moment's arithmetic cannot overflow.
        let start = |day: i64| day_start_ms(day.clamp(today - 36_500, today + 36_500), offset);
        let limits = self.limits();
        let mut next: Option<i64> = None;
        for s in decks.iter().filter_map(|&d| self.states.get(d)).flatten() {
            let when = match s {
                Some(s) if s.suspended => continue,
                None if limits.new_per_day == 0 => continue,
                None => start(today + 1),
                Some(s) => {
                    let due = match s.queue {
                        Queue::New if limits.new_per_day == 0 => continue,
                        Queue::New => start(today + 1),
                        // Due at its time, or once its study day is over.
                        Queue::Learning | Queue::Relearning => {
                            s.due_ms.min(start(s.due_day.saturating_add(1)))
                        }
                        Queue::Review if limits.reviews_per_day == 0 => continue,
                        Queue::Review => start(s.due_day),
                    };
                    if s.buried_until_day >= today {
                        due.max(start(s.buried_until_day.saturating_add(1)))
                    } else {
                        due
                    }
                }
            };
            // Due already, yet not to study now: held back by today's limit.
            let when = if when <= clock.now_ms {
                start(today + 1)
            } else {
                when
            };
            next = Some(next.map_or(when, |n| n.min(when)));
        }
        next
    }
}
