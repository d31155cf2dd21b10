//! What each card taught when the learner last answered it: the fingerprint of its answer and
//! claim, and the same in words (schema 5 keeps both beside the card's state). A deck update
//! that changes the fingerprint makes the card a fact that changed since it was learned.

use rusqlite::{OptionalExtension, params};

use super::reviews::{ReviewRecord, write_local_answer};
use super::{Store, StoreError};

/// A card's learned fact: its fingerprint and, when known, its words.
pub type LearnedFact = (u64, Option<String>);

const SET_FACT: &str = "UPDATE card_state SET fact = ?3, learned = ?4
     WHERE key = (SELECT key FROM card WHERE deck_id = ?1 AND card_id = ?2)";

impl Store {
    /// Writes an answer given in time zone `tz` (seconds east of UTC; `None`: this machine's
    /// at its time), the card's new state and the fact it taught (`fact`: fingerprint and
    /// words; the review keeps the fingerprint too, for the other devices) in one
    /// transaction; returns the review's id and the learned fact it replaced.
    pub fn record_learned_answer(
        &mut self,
        r: &ReviewRecord,
        fact: (u64, &str),
        tz: Option<i32>,
    ) -> Result<(i64, Option<LearnedFact>), StoreError> {
        let tx = self.conn.transaction()?;
        let key = Self::key_in(&tx, &r.deck_id, &r.card_id)?;
        let before: Option<(Option<i64>, Option<String>)> = tx
            .prepare_cached("SELECT fact, learned FROM card_state WHERE key = ?1")?
            .query_row([key], |row| Ok((row.get(0)?, row.get(1)?)))
            .optional()?;
        let id = write_local_answer(&tx, key, r, tz, Some(fact))?;
        tx.commit()?;
        let before = before.and_then(|(f, w)| f.map(|f| (f as u64, w)));
        Ok((id, before))
    }

    /// Sets (or, with `None`, clears) what the card's learner last answered. A card with no
    /// state is left alone: a fact is learned by answering.
    pub fn set_fact(
        &mut self,
        deck: &str,
        card: &str,
        fact: Option<(u64, &str)>,
    ) -> Result<(), StoreError> {
        self.conn.prepare_cached(SET_FACT)?.execute(params![
            deck,
            card,
            fact.map(|(f, _)| f as i64),
            fact.map(|(_, w)| w)
        ])?;
        Ok(())
    }

    /// Sets the learned fact of each card that has none yet (a state from before schema 5),
    /// in one transaction; returns how many were set.
    pub fn set_missing_facts(
        &mut self,
        facts: &[(String, String, u64, String)],
    ) -> Result<usize, StoreError> {
        let tx = self.conn.transaction()?;
        let mut n = 0;
        {
            let mut stmt = tx.prepare_cached(&format!("{SET_FACT} AND fact IS NULL"))?;
            for (deck, card, fact, words) in facts {
                n += stmt.execute(params![deck, card, *fact as i64, words])?;
            }
        }
        tx.commit()?;
        Ok(n)
    }

    /// What the card's learner last answered, if the store knows.
    pub fn learned_fact(&self, deck: &str, card: &str) -> Result<Option<LearnedFact>, StoreError> {
        let row: Option<(Option<i64>, Option<String>)> = self
            .conn
            .prepare_cached(
                "SELECT s.fact, s.learned FROM card_state s JOIN card c ON c.key = s.key
                 WHERE c.deck_id = ?1 AND c.card_id = ?2",
            )?
            .query_row(params![deck, card], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        Ok(row.and_then(|(f, w)| f.map(|f| (f as u64, w))))
    }
}
