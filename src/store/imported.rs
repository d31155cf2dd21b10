//! Review history brought in from another app (Anki's review log): every review and each
//! card's state written in one transaction, so that an import is all or nothing. A review
//! already in the log (the same card at the same moment) is not written twice, so importing
//! a newer export of the same collection adds only what is new; a card's state is replaced
//! only when the imported history is at least as recent as what the card has. What the card
//! taught (schema 5's learned fact) becomes the imported card's when its history is newer than
//! what the store has (or the store has none): a newer export whose answer changed with no
//! review since leaves the old fact, so the card shows as a fact that changed.

use std::collections::HashSet;

use rusqlite::params;

use super::reviews::{DAY_FIGURES_KEY, DAY_FIGURES_THROUGH_KEY, LogRow, insert_row, mode_code};
use super::{Store, StoreError, write_state};
use crate::schedule::state::{CardState, Queue};

/// One review of another app's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PastReview {
    pub time_ms: i64,
    /// Its study day.
    pub day: i64,
    /// 1 Again to 4 Easy.
    pub grade: u8,
    pub queue_before: Queue,
    pub taken_ms: i64,
}

/// A card's imported history and the state it comes to.
#[derive(Debug, Clone, PartialEq)]
pub struct CardHistory {
    pub deck_id: String,
    pub card_id: String,
    pub reviews: Vec<PastReview>,
    pub state: CardState,
    /// What the card teaches as imported: its fingerprint and in words (see `deck::fact`).
    pub fact: (u64, String),
}

/// What an import of history wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct HistoryWritten {
    pub reviews: usize,
    /// Reviews left out because the log has them already.
    pub already: usize,
    pub states: usize,
}

impl Store {
    /// Writes the histories in one transaction, their reviews in time order (review ids follow
    /// the clock), answered in `mode` (a name of [`super::schema::MODE_NAMES`]).
    pub fn import_history(
        &mut self,
        cards: &[CardHistory],
        mode: &str,
    ) -> Result<HistoryWritten, StoreError> {
        let mode = mode_code(mode)?;
        let tx = self.conn.transaction()?;
        let mut out = HistoryWritten::default();
        {
            let mut keys = Vec::with_capacity(cards.len());
            for c in cards {
                keys.push(Self::key_in(&tx, &c.deck_id, &c.card_id)?);
            }
            let mut have: HashSet<(i64, i64)> = HashSet::new();
            {
                let mut stmt = tx.prepare("SELECT key, time_ms FROM review")?;
                let mut rows = stmt.query([])?;
                while let Some(r) = rows.next()? {
                    have.insert((r.get(0)?, r.get(1)?));
                }
            }
            let mut order: Vec<(i64, usize, usize)> = Vec::new();
            for (ci, c) in cards.iter().enumerate() {
                for (ri, r) in c.reviews.iter().enumerate() {
                    if have.contains(&(keys[ci], r.time_ms)) {
                        out.already += 1;
                    } else {
                        order.push((r.time_ms, ci, ri));
                    }
                }
            }
            order.sort_unstable();
            for (_, ci, ri) in order {
                let r = &cards[ci].reviews[ri];
                let row = LogRow {
                    time_ms: r.time_ms,
                    day: r.day,
                    grade: r.grade,
                    correct: r.grade > 1,
                    mode,
                    queue_before: r.queue_before,
                    taken_ms: r.taken_ms,
                    // Another app never asked how sure the learner was.
                    confidence: None,
                };
                insert_row(&tx, keys[ci], &row, None)?;
                out.reviews += 1;
            }
            let mut last = tx.prepare("SELECT last_review_ms FROM card_state WHERE key = ?1")?;
            let mut learned = tx.prepare(
                "UPDATE card_state SET fact = ?2, learned = ?3 WHERE key = ?1 AND (?4 OR fact IS NULL)",
            )?;
            for (c, key) in cards.iter().zip(&keys) {
                let current: Option<i64> =
                    last.query_row([key], |r| r.get(0))
                        .map(Some)
                        .or_else(|e| match e {
                            rusqlite::Error::QueryReturnedNoRows => Ok(None),
                            e => Err(e),
                        })?;
                if current.is_none_or(|ms| c.state.last_review_ms >= ms) {
                    write_state(&tx, *key, &c.state)?;
                    out.states += 1;
                    let newer = current.is_none_or(|ms| c.state.last_review_ms > ms);
                    learned.execute(params![key, c.fact.0 as i64, c.fact.1, newer])?;
                }
            }
            // The statistics' day figures are made again from the log.
            tx.execute(
                "DELETE FROM settings WHERE key IN (?1, ?2)",
                [DAY_FIGURES_KEY, DAY_FIGURES_THROUGH_KEY],
            )?;
        }
        tx.commit()?;
        Ok(out)
    }
}
